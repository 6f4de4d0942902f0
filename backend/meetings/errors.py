from __future__ import annotations

import enum

import strawberry


@strawberry.enum(description="联席会议相关错误代码")
class MeetingErrorCode(enum.Enum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    OUTSIDE_COMMUNITY = "outside_community"
    ALREADY_TRIAGED = "already_triaged"


MESSAGES = {
    MeetingErrorCode.REQUIRED: "此项为必填项。",
    MeetingErrorCode.NOT_FOUND: "找不到该对象，或无权访问。",
    MeetingErrorCode.OUTSIDE_COMMUNITY: "只能在本社区范围内操作。",
    MeetingErrorCode.ALREADY_TRIAGED: "该建议已处理，不能重复处理。",
}

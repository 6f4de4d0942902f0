"""How volunteering refuses: its error codes and their standard texts, the rules for free
text, and a unique constraint's clash read as a refusal."""

from __future__ import annotations

import enum

import strawberry

from backend.core.errors import DomainError
from backend.core.text import TextRules


@strawberry.enum(description="志愿服务与积分相关错误代码")
class VolunteeringErrorCode(enum.Enum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID = "invalid"
    OUTSIDE_COMMUNITY = "outside_community"
    TIME_ORDER = "time_order"
    DURATION_RANGE = "duration_range"
    OVERLAPPING = "overlapping"
    ACTIVITY_FULL = "activity_full"
    ALREADY_SIGNED_UP = "already_signed_up"
    NOT_SIGNED_UP = "not_signed_up"
    ALREADY_CHECKED_IN = "already_checked_in"
    NOT_CHECKED_IN = "not_checked_in"
    ALREADY_CHECKED_OUT = "already_checked_out"
    OUTSIDE_WINDOW = "outside_window"
    NOT_OPEN = "not_open"
    WRONG_CODE = "wrong_code"
    IN_FUTURE = "in_future"
    INSUFFICIENT_BALANCE = "insufficient_balance"
    NO_PERSON = "no_person"
    ALREADY_REVERSED = "already_reversed"


MESSAGES = {
    VolunteeringErrorCode.REQUIRED: "此项为必填项。",
    VolunteeringErrorCode.OUTSIDE_COMMUNITY: "只能在本社区范围内操作。",
    VolunteeringErrorCode.TIME_ORDER: "结束时间必须晚于开始时间。",
    VolunteeringErrorCode.DURATION_RANGE: "单次服务时长须在 1 分钟到 24 小时之间。",
    VolunteeringErrorCode.ACTIVITY_FULL: "活动名额已满。",
    VolunteeringErrorCode.ALREADY_SIGNED_UP: "已报名该活动，无需重复报名。",
    VolunteeringErrorCode.NOT_SIGNED_UP: "尚未报名该活动。",
    VolunteeringErrorCode.ALREADY_CHECKED_IN: "已签到，无需重复签到。",
    VolunteeringErrorCode.NOT_CHECKED_IN: "尚未签到，不能签退。",
    VolunteeringErrorCode.ALREADY_CHECKED_OUT: "已签退，服务记录已生成。",
    VolunteeringErrorCode.OUTSIDE_WINDOW: "只能在活动开始前 30 分钟到活动结束后 2 小时内签到签退。",
    VolunteeringErrorCode.NOT_OPEN: "活动已结束或已取消。",
    VolunteeringErrorCode.WRONG_CODE: "签到码无效，请重新扫描活动二维码。",
    VolunteeringErrorCode.IN_FUTURE: "时间不能晚于现在。",
    VolunteeringErrorCode.NO_PERSON: "您的账号未关联人员信息，请联系管理员。",
    VolunteeringErrorCode.ALREADY_REVERSED: "该笔积分已冲正。",
}


def refuse(
    code: VolunteeringErrorCode, field: str | None, message: str | None = None
) -> DomainError:
    """The error a volunteering service raises: the code's standard text unless told otherwise."""
    return DomainError(field, code, message or MESSAGES[code])


TEXT = TextRules(refuse, VolunteeringErrorCode.REQUIRED, VolunteeringErrorCode.TOO_LONG)

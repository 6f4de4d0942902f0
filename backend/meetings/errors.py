from __future__ import annotations

import enum

import strawberry

from backend.attachments.uploads import FILE_TYPE_MESSAGE, UploadCodes
from backend.core.errors import DomainError
from backend.core.text import TextRules


@strawberry.enum(description="联席会议相关错误代码")
class MeetingErrorCode(enum.Enum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    OUTSIDE_COMMUNITY = "outside_community"
    ALREADY_TRIAGED = "already_triaged"
    VERSION_CONFLICT = "version_conflict"
    ILLEGAL_TRANSITION = "illegal_transition"
    NOT_EDITABLE = "not_editable"
    EMPTY_AGENDA = "empty_agenda"
    UNKNOWN_CANDIDATE = "unknown_candidate"
    TIME_ORDER = "time_order"
    OUTSIDE_WINDOW = "outside_window"
    ALREADY_SIGNED_IN = "already_signed_in"
    NOT_INVITED = "not_invited"
    WRONG_CODE = "wrong_code"
    NOT_IN_SESSION = "not_in_session"
    DATE_IN_PAST = "date_in_past"
    NOT_OWNER = "not_owner"
    FILE_TOO_LARGE = "file_too_large"
    FILE_TYPE = "file_type"
    UNCHANGED = "unchanged"


MESSAGES = {
    MeetingErrorCode.REQUIRED: "此项为必填项。",
    MeetingErrorCode.NOT_FOUND: "找不到该对象，或无权访问。",
    MeetingErrorCode.OUTSIDE_COMMUNITY: "只能在本社区范围内操作。",
    MeetingErrorCode.ALREADY_TRIAGED: "该建议已处理，不能重复处理。",
    MeetingErrorCode.EMPTY_AGENDA: "议程为空，至少添加一项议题后才能发布。",
    MeetingErrorCode.UNKNOWN_CANDIDATE: "该候选议题不存在或已排入议程，请刷新候选列表。",
    MeetingErrorCode.TIME_ORDER: "结束时间必须晚于开始时间。",
    MeetingErrorCode.ALREADY_SIGNED_IN: "您已签到，无需重复签到。",
    MeetingErrorCode.NOT_INVITED: "您不在本次会议的受邀名单中。",
    MeetingErrorCode.WRONG_CODE: "签到码无效，请重新扫描会场二维码。",
    MeetingErrorCode.NOT_IN_SESSION: "会议不在进行中，不能记录决议或督办事项。",
    MeetingErrorCode.DATE_IN_PAST: "期限不能早于今天。",
    MeetingErrorCode.NOT_OWNER: "只有承办单位联络员或承办人可以报告进展。",
    MeetingErrorCode.UNCHANGED: "议程自上次发布后没有变化，无需重新发布。",
    MeetingErrorCode.FILE_TYPE: FILE_TYPE_MESSAGE,
}


def refuse(code: MeetingErrorCode, field: str | None, message: str | None = None) -> DomainError:
    """The error a meeting service raises: the code's standard text unless told otherwise."""
    return DomainError(field, code, message or MESSAGES[code])


UPLOADS = UploadCodes(
    too_many=MeetingErrorCode.INVALID,
    too_large=MeetingErrorCode.FILE_TOO_LARGE,
    file_type=MeetingErrorCode.FILE_TYPE,
    name_too_long=MeetingErrorCode.TOO_LONG,
)

TEXT = TextRules(refuse, MeetingErrorCode.REQUIRED, MeetingErrorCode.TOO_LONG)

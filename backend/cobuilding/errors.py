from __future__ import annotations

import enum

import strawberry

from backend.attachments.uploads import UploadCodes
from backend.core.errors import DomainError


@strawberry.enum(description="需求、资源、项目与微心愿相关错误代码")
class CoBuildingErrorCode(enum.Enum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID = "invalid"
    OUTSIDE_COMMUNITY = "outside_community"
    ILLEGAL_TRANSITION = "illegal_transition"
    ALREADY_TRIAGED = "already_triaged"
    ALREADY_DISPATCHED = "already_dispatched"
    ALREADY_RESPONDED = "already_responded"
    ALREADY_CLAIMED = "already_claimed"
    NOT_OWNER = "not_owner"
    OUT_OF_RANGE = "out_of_range"
    FILE_TOO_LARGE = "file_too_large"
    FILE_TYPE = "file_type"


MESSAGES = {
    CoBuildingErrorCode.REQUIRED: "此项为必填项。",
    CoBuildingErrorCode.OUTSIDE_COMMUNITY: "只能在本社区范围内操作。",
    CoBuildingErrorCode.ALREADY_TRIAGED: "该需求已受理或已处理，不能重复处理。",
    CoBuildingErrorCode.ALREADY_DISPATCHED: "该需求已派给其他单位，正在等待答复。",
    CoBuildingErrorCode.ALREADY_RESPONDED: "该派单已答复，不能重复接单或拒单。",
    CoBuildingErrorCode.ALREADY_CLAIMED: "该微心愿已被认领。",
    CoBuildingErrorCode.NOT_OWNER: "只有接单单位的联络员可以答复派单。",
}


def refuse(code: CoBuildingErrorCode, field: str | None, message: str | None = None) -> DomainError:
    """The error a co-building service raises: the code's standard text unless told otherwise."""
    return DomainError(field, code, message or MESSAGES[code])


UPLOADS = UploadCodes(
    too_many=CoBuildingErrorCode.INVALID,
    too_large=CoBuildingErrorCode.FILE_TOO_LARGE,
    file_type=CoBuildingErrorCode.FILE_TYPE,
    name_too_long=CoBuildingErrorCode.TOO_LONG,
)

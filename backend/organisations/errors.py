from __future__ import annotations

import enum

import strawberry

from backend.core.errors import DomainError
from backend.core.text import TextRules


@strawberry.enum(description="组织架构相关错误代码")
class OrganisationErrorCode(enum.Enum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID = "invalid"
    DUPLICATE = "duplicate"
    WRONG_PARENT = "wrong_parent"
    NOT_EMPTY = "not_empty"
    ARCHIVED = "archived"


MESSAGES = {
    OrganisationErrorCode.REQUIRED: "此项为必填项。",
    OrganisationErrorCode.DUPLICATE: "同一上级下已有同名组织。",
    OrganisationErrorCode.ARCHIVED: "该组织已归档。",
}


def refuse(
    code: OrganisationErrorCode, field: str | None, message: str | None = None
) -> DomainError:
    return DomainError(field, code, message or MESSAGES[code])


TEXT = TextRules(refuse, OrganisationErrorCode.REQUIRED, OrganisationErrorCode.TOO_LONG)

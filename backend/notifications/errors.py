from __future__ import annotations

import enum

import strawberry

from backend.core.errors import DomainError
from backend.core.text import TextRules


@strawberry.enum(description="通知与事件推送相关错误代码")
class NotificationErrorCode(enum.Enum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    INVALID = "invalid"


MESSAGES = {
    NotificationErrorCode.REQUIRED: "此项为必填项。",
    NotificationErrorCode.INVALID: "填写的内容无效。",
}


def refuse(
    code: NotificationErrorCode, field: str | None, message: str | None = None
) -> DomainError:
    """The error a notifications service raises: the code's standard text unless told otherwise."""
    return DomainError(field, code, message or MESSAGES[code])


TEXT = TextRules(refuse, NotificationErrorCode.REQUIRED, NotificationErrorCode.TOO_LONG)

from __future__ import annotations

import enum

import strawberry


@strawberry.enum(description="账户相关错误代码")
class AccountErrorCode(enum.Enum):
    INVALID_CREDENTIALS = "invalid_credentials"
    TRY_LATER = "try_later"
    LOCKED = "locked"
    INACTIVE = "inactive"
    WEAK_PASSWORD = "weak_password"
    REQUIRED = "required"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    ALREADY_REVOKED = "already_revoked"


MESSAGES = {
    AccountErrorCode.INVALID_CREDENTIALS: "用户名或密码错误。",
    AccountErrorCode.INACTIVE: "账户已停用，请联系街道管理员。",
    AccountErrorCode.REQUIRED: "此项为必填项。",
    AccountErrorCode.NOT_FOUND: "找不到该对象。",
    AccountErrorCode.ALREADY_REVOKED: "该令牌已被吊销。",
}

"""Errors the API shows to its callers.

`PublicError` is raised for denials, bad IDs and bad arguments and becomes a top-level GraphQL
error with a Chinese message and a machine-readable code. Anything else is masked (see
`schema.py`) so that no stack trace or internal detail reaches a caller. Business-rule failures
in mutations travel instead as typed `errors` in the payload (`DomainError`).
"""

from __future__ import annotations

import enum


class ErrorCode(enum.StrEnum):
    NOT_FOUND = "NOT_FOUND"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    CSRF_FAILED = "CSRF_FAILED"
    RATE_LIMITED = "RATE_LIMITED"
    QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"
    INVALID_ID = "INVALID_ID"
    INVALID_ARGUMENT = "INVALID_ARGUMENT"
    PAGE_SIZE_EXCEEDED = "PAGE_SIZE_EXCEEDED"
    INVALID_QUERY = "GRAPHQL_VALIDATION_FAILED"
    INTERNAL_ERROR = "INTERNAL_ERROR"


class PublicError(Exception):
    def __init__(self, message: str, code: ErrorCode, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        # graphql-core copies `extensions` from the original error onto the GraphQL error.
        self.extensions: dict[str, object] = {"code": code.value, **details}


class NotFound(PublicError):
    def __init__(self, global_id: str) -> None:
        super().__init__(f"找不到 ID 为“{global_id}”的对象。", ErrorCode.NOT_FOUND, id=global_id)


class InvalidArgument(PublicError):
    def __init__(self, argument: str, message: str) -> None:
        super().__init__(message, ErrorCode.INVALID_ARGUMENT, argument=argument)


class DomainError(Exception):
    """A business rule refused the change; `field` names the input it concerns (or None)."""

    def __init__(self, field: str | None, code: enum.Enum, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.code = code
        self.message = message

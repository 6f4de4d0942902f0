"""Typed mutation errors: `field` (input name or null), `code` (area enum), `message` (zh-CN)."""

from __future__ import annotations

from typing import TypeVar

from backend.core.errors import DomainError

ErrorT = TypeVar("ErrorT")


def error_list(error_type: type[ErrorT], exc: DomainError) -> list[ErrorT]:
    return [error_type(field=exc.field, code=exc.code, message=exc.message)]  # type: ignore[call-arg]


def camel(field: str | None) -> str | None:
    """Input names as the client wrote them (snake_case → camelCase)."""
    if field is None:
        return None
    head, *rest = field.split("_")
    return head + "".join(part.title() for part in rest)

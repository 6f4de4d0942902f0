"""Typed mutation errors: `field` (input name or null), `code` (area enum), `message` (zh-CN)."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from backend.core.errors import DomainError

ErrorT = TypeVar("ErrorT")
ResultT = TypeVar("ResultT")


def error_list(error_type: type[ErrorT], exc: DomainError) -> list[ErrorT]:
    return [error_type(field=exc.field, code=exc.code, message=exc.message)]  # type: ignore[call-arg]


async def attempt(
    session: AsyncSession, change: Awaitable[ResultT], error_type: type[ErrorT]
) -> tuple[ResultT | None, list[ErrorT]]:
    """Run one service call; a refusal rolls the transaction back and becomes typed errors."""
    try:
        return await change, []
    except DomainError as refused:
        await session.rollback()
        return None, error_list(error_type, refused)

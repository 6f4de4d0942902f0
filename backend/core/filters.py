"""Shared pieces of list filters and ordering."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, or_

from backend.core.errors import InvalidArgument
from backend.core.pagination import OrderDirection

MAX_SEARCH_LENGTH = 50


def text_search(columns: list[Any], text: str | None) -> ColumnElement[bool] | None:
    """Substring match on any of the columns; Chinese names need no tokenizer for this."""
    if text is None:
        return None
    needle = text.strip()
    if len(needle) > MAX_SEARCH_LENGTH:
        raise InvalidArgument("search", f"搜索词最长 {MAX_SEARCH_LENGTH} 个字。")
    if not needle:
        return None
    return or_(*(column.icontains(needle, autoescape=True) for column in columns))


def ordering(column: Any, direction: OrderDirection, tiebreaker: Any) -> list[Any]:
    """ORDER BY the chosen column, then the primary key so that pages never overlap."""
    if direction is OrderDirection.DESC:
        return [column.desc(), tiebreaker.desc()]
    return [column.asc(), tiebreaker.asc()]

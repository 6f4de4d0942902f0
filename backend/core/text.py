"""Free-text input rules shared by every area: trimmed, required unless said otherwise, and no
longer than its column. Each area words its refusals with its own error codes."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from backend.core.errors import DomainError

CodeT = TypeVar("CodeT", bound=enum.Enum)


@dataclass(frozen=True)
class TextRules(Generic[CodeT]):
    refuse: Callable[[CodeT, str | None, str | None], DomainError]
    required_code: CodeT
    too_long_code: CodeT

    def optional(self, value: str | None, field: str, limit: int) -> str | None:
        """The trimmed text, or None when it is empty."""
        cleaned = (value or "").strip()
        if not cleaned:
            return None
        if len(cleaned) > limit:
            raise self.refuse(self.too_long_code, field, f"最多 {limit} 个字。")
        return cleaned

    def required(self, value: str | None, field: str, limit: int) -> str:
        cleaned = self.optional(value, field, limit)
        if cleaned is None:
            raise self.refuse(self.required_code, field, None)
        return cleaned


def excerpt(text: str, limit: int) -> str:
    """`text` shortened to at most `limit` characters, its end marked with "…" when cut (a
    notification quoting a long description), never cut without saying so."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"

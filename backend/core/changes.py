"""One field of an update, as the services see it: left out (None), or given (`Given`), whose
value may itself be None to clear a field that can be empty. The GraphQL inputs say the same
with `strawberry.Maybe`; `given()` turns one into the other, so the services need not know
GraphQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from strawberry import Some

T = TypeVar("T")


@dataclass(frozen=True)
class Given(Generic[T]):
    value: T


def given(maybe: Some[T] | None) -> Given[T] | None:
    return None if maybe is None else Given(maybe.value)


def value_or_none(maybe: Some[T] | None) -> T | None:
    """A field that cannot be cleared: its value, or None when it was left out."""
    return None if maybe is None else maybe.value

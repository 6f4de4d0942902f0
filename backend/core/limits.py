"""The limits of every text and number a client may send, declared once on the input field.

Each limited field carries a schema directive (`@maxLength`, `@maxItems`, `@range`) so that schema.graphql
states the limit for external systems and the SPA's forms read the same figure from it
(`frontend/scripts/input-limits.mjs`). The services enforce the limits with the same constants
(`TextRules` for text): an over-long text or a number out of range is refused with a field error,
never cut or clamped.
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.schema_directive import Location

_INPUT = [Location.INPUT_FIELD_DEFINITION, Location.ARGUMENT_DEFINITION]


@strawberry.schema_directive(
    locations=_INPUT,
    name="maxLength",
    description="最多字数（列表为每一项的字数）：超出时整个请求被拒绝，并指明字段，不会截断",
)
class MaxLength:
    chars: int


@strawberry.schema_directive(
    locations=_INPUT,
    name="maxItems",
    description="列表最多项数：超出时整个请求被拒绝，并指明字段",
)
class MaxItems:
    count: int


@strawberry.schema_directive(
    locations=_INPUT,
    name="range",
    description="数值的取值范围（含两端）：超出时整个请求被拒绝，并指明字段，不会改成边界值",
)
class Range:
    min: float | None = None
    max: float | None = None


def limited(chars: int, *, items: int | None = None, **field: Any) -> Any:
    """An input field of text at most `chars` characters long (each item of a list, of which
    there are at most `items`); other keywords go to `strawberry.field` (default,
    description)."""
    directives: list[object] = [MaxLength(chars=chars)]
    if items is not None:
        directives.append(MaxItems(count=items))
    return strawberry.field(directives=directives, **field)


def within(low: float | None, high: float | None, **field: Any) -> Any:
    """An input field of a number from `low` to `high` (inclusive; None leaves a side open)."""
    return strawberry.field(directives=[Range(min=low, max=high)], **field)

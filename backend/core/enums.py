"""GraphQL enums of the `LabelledEnum`s: each value is described by its member's Chinese label, so
the schema carries the labels and the SPA generates its selects and filters from it."""

from __future__ import annotations

from typing import TypeVar

import strawberry
from strawberry.types.enum import StrawberryEnumDefinition

from backend.core.models import LabelledEnum

LabelledEnumT = TypeVar("LabelledEnumT", bound=LabelledEnum)


def labelled_enum(
    cls: type[LabelledEnumT], *, name: str, description: str | None = None
) -> type[LabelledEnumT]:
    """`strawberry.enum(cls, name=…, description=…)` with each value's description set to its
    member's `.label`."""
    strawberry.enum(cls, name=name, description=description)
    definition: StrawberryEnumDefinition = cls.__strawberry_definition__  # type: ignore[attr-defined]
    labels = {member.value: member.label for member in cls}
    for value in definition.values:
        value.description = labels[value.value]
    return cls

"""GraphQL enums of the `LabelledEnum`s: each value is described by its member's Chinese label, so
the schema carries the labels and the SPA generates its selects and filters from it."""

from __future__ import annotations

from typing import TypeVar

import strawberry
from strawberry.types.enum import has_enum_definition

from backend.core.models import LabelledEnum

LabelledEnumT = TypeVar("LabelledEnumT", bound=LabelledEnum)


def labelled_enum(
    cls: type[LabelledEnumT], *, name: str, description: str | None = None
) -> type[LabelledEnumT]:
    """`strawberry.enum(cls, name=…, description=…)` with each value's description set to its
    member's `.label`."""
    enum_type = strawberry.enum(cls, name=name, description=description)
    if not has_enum_definition(enum_type):
        raise TypeError(f"{cls.__name__} did not become a GraphQL enum")
    labels = {member.value: member.label for member in cls}
    for value in enum_type.__strawberry_definition__.values:
        value.description = labels[value.value]
    return cls

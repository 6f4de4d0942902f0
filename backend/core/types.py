"""Base of every GraphQL object type backed by a table row."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import cache
from typing import Any, ClassVar, Self

from strawberry import relay
from strawberry.types import Info

from backend.core.dataloaders import ByIdLoader


@cache
def _init_field_names(cls: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


class ModelType:
    """A GraphQL type built from a row: every dataclass field (public or `strawberry.Private`)
    is copied from the row attribute of the same name."""

    @classmethod
    def from_model(cls, row: Any) -> Self:
        return cls(**{name: getattr(row, name) for name in _init_field_names(cls)})

    @classmethod
    def from_optional(cls, row: Any | None) -> Self | None:
        return None if row is None else cls.from_model(row)


class ModelNode(ModelType, relay.Node):
    """A relay node loaded by primary key through the request's `by_id_loader`."""

    by_id_loader: ClassVar[type[ByIdLoader[Any]]]

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls,
        *,
        info: Info[Any, Any],
        node_ids: Iterable[str],
        required: bool = False,
    ) -> list[Self | None]:
        loader = info.context.loader(cls.by_id_loader)
        rows = await loader.load_many([int(node_id) for node_id in node_ids])
        return [cls.from_optional(row) for row in rows]

"""Base of every GraphQL object type backed by a table row."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import cache
from typing import Any, ClassVar, Self, TypeVar

from sqlalchemy import select
from strawberry import relay
from strawberry.types import Info

from backend.core.dataloaders import ByIdLoader
from backend.core.errors import ErrorCode, PublicError
from backend.core.scope import visible

RelatedT = TypeVar("RelatedT")


@cache
def _init_field_names(cls: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


class ModelType:
    """A GraphQL type built from a row: every dataclass field (public or `strawberry.Private`)
    is copied from the row attribute of the same name."""

    # Fields whose column has another name: {field: column}.
    renamed: ClassVar[dict[str, str]] = {}

    @classmethod
    def from_model(cls, row: Any) -> Self:
        return cls(
            **{name: getattr(row, cls.renamed.get(name, name)) for name in _init_field_names(cls)}  # type: ignore[arg-type]
        )

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
        """`node(id)`: only rows inside the caller's scope (one statement)."""
        model: Any = cls.by_id_loader.model
        keys = [int(node_id) for node_id in node_ids]
        statement = select(model).where(model.id.in_(keys), visible(model, info.context.scope))
        by_id = {row.id: row for row in await info.context.db.scalars(statement)}
        return [cls.from_optional(by_id.get(key)) for key in keys]


def required(related: RelatedT | None, what: str) -> RelatedT:
    """A to-one relation that always exists but may lie outside the caller's scope: say so
    plainly instead of failing on a null."""
    if related is None:
        raise PublicError(f"无权查看关联的{what}。", ErrorCode.FORBIDDEN)
    return related

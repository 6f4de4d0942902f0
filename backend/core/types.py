"""Base of every GraphQL object type backed by a table row, and the registry that lets one
area's type present another area's rows without importing its module.

Each `ModelNode` registers itself for its table when its module is imported (the schema
imports them all). A field that returns another area's type names it in its annotation with
`strawberry.lazy` (the `…Ref` aliases in each area's `refs.py`) and builds it with
`load_related` / `present`, so the `types.py` modules never import each other."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Iterable
from functools import cache, partial
from typing import Any, ClassVar, Self, TypeVar, cast

from sqlalchemy import bindparam, select
from strawberry import relay
from strawberry.types import Info
from strawberry.types.base import get_object_definition

from backend.core.dataloaders import ByIdLoader, ListByKeyLoader
from backend.core.errors import ErrorCode, PublicError
from backend.core.scope import Scope, scoped_statement, visible

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

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "by_id_loader" in cls.__dict__:
            _register(cls.by_id_loader.model, cls)

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
        statement = scoped_statement(("nodes", model), info.context.scope, partial(_nodes, model))
        by_id = {row.id: row for row in await info.context.db.scalars(statement, {"keys": keys})}
        return [cls.from_optional(by_id.get(key)) for key in keys]


def _nodes(model: Any, scope: Scope) -> Any:
    keys: Any = bindparam("keys", expanding=True)
    return select(model).where(model.id.in_(keys), visible(model, scope))


# The node type that presents each table's rows.
_TYPE_OF_MODEL: dict[type[Any], type[ModelNode]] = {}


def _register(model: type[Any], node_type: type[ModelNode]) -> None:
    known = _TYPE_OF_MODEL.setdefault(model, node_type)
    if known is not node_type:
        raise TypeError(f"{model.__name__} is presented by {known.__name__} already")


_TYPE_NAMED: dict[str, type[ModelNode]] = {}


def node_type_named(type_name: str) -> type[ModelNode] | None:
    """The node type of a GraphQL type name (Need, ResidentUnit, …)."""
    if len(_TYPE_NAMED) != len(_TYPE_OF_MODEL):  # built once every type is registered
        _TYPE_NAMED.clear()
        for node_type in _TYPE_OF_MODEL.values():
            _TYPE_NAMED[get_object_definition(node_type, strict=True).name] = node_type
    return _TYPE_NAMED.get(type_name)


def present(row: Any) -> Any:
    """The GraphQL object of a row, built by the node type registered for its table."""
    return _TYPE_OF_MODEL[type(row)].from_model(row)


async def load_related(info: Info[Any, Any], loader: type[ByIdLoader[Any]], key: int | None) -> Any:
    """A to-one relation through the request's loader; None when there is none or the caller
    may not read its table. Typed by the area's `refs.py` wrapper."""
    if key is None:
        return None
    row = await info.context.loader(loader).load(key)
    return None if row is None else present(row)


async def load_related_list(
    info: Info[Any, Any], loader: type[ListByKeyLoader[Any]], key: int
) -> list[Any]:
    """A to-many relation through the request's loader, each row as its node type."""
    return [present(row) for row in await info.context.loader(loader).load(key)]


def pending(value: Awaitable[RelatedT]) -> RelatedT:
    """What a synchronous resolver returns when its value is not ready: graphql-core awaits
    whatever a resolver returns. A resolver whose usual answer is at hand (a masked mobile
    number) thus stays synchronous, with no coroutine or task per object, and keeps the
    annotation of its GraphQL type; only its rare path (the full number, written to the audit
    log first) waits."""
    return cast(RelatedT, value)


def required(related: RelatedT | None, what: str) -> RelatedT:
    """A to-one relation that always exists but may lie outside the caller's scope: say so
    plainly instead of failing on a null."""
    if related is None:
        raise PublicError(f"无权查看关联的{what}。", ErrorCode.FORBIDDEN)
    return related

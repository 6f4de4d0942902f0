"""Relay global IDs: decoding with Chinese errors, and the `node(id:)` field."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, cast

from strawberry import relay
from strawberry.relay.types import GlobalIDValueError
from strawberry.types.base import StrawberryObjectDefinition

from backend.core.errors import ErrorCode, NotFound, PublicError

if TYPE_CHECKING:
    from collections.abc import Awaitable, Iterable

    from strawberry.types import Info

MAX_ID_LENGTH = 200
MAX_KEY = 2**63 - 1  # BIGINT; larger keys cannot name a row


def _invalid(value: str, argument: str) -> PublicError:
    shown = value if len(value) <= 40 else value[:40] + "…"
    return PublicError(
        f"参数 {argument} 的 ID“{shown}”格式无效。", ErrorCode.INVALID_ID, argument=argument
    )


def parse_global_id(value: str, argument: str = "id") -> tuple[str, int]:
    """Split a global ID into its type name and database key, or raise a PublicError."""
    if len(value) > MAX_ID_LENGTH:
        raise _invalid(value, argument)
    try:
        gid = relay.GlobalID.from_id(value)
        key = int(gid.node_id)
    except (GlobalIDValueError, ValueError) as exc:
        raise _invalid(value, argument) from exc
    if not 0 < key <= MAX_KEY:
        raise _invalid(value, argument)
    return gid.type_name, key


def decode_id(value: str, expected_type: str, argument: str) -> int:
    """The database key of an ID that must name an object of `expected_type`."""
    type_name, key = parse_global_id(value, argument)
    if type_name != expected_type:
        raise PublicError(
            f"参数 {argument} 应为{expected_type}类型的 ID。",
            ErrorCode.INVALID_ID,
            argument=argument,
        )
    return key


async def resolve_node(info: Info[Any, Any], value: str) -> relay.Node:
    """Look an object up by global ID. Unknown and out-of-scope IDs read alike: not found."""
    type_name, key = parse_global_id(value)
    type_def = info.schema.get_type_by_name(type_name)
    if not isinstance(type_def, StrawberryObjectDefinition) or not issubclass(
        type_def.origin, relay.Node
    ):
        raise NotFound(value)
    nodes = await cast(
        "Awaitable[Iterable[relay.Node | None]]",
        type_def.origin.resolve_nodes(info=info, node_ids=[str(key)], required=False),
    )
    node = next(iter(nodes))
    if node is None:
        raise NotFound(value)
    return node


def decode_optional_id(value: str | None, expected_type: str, argument: str) -> int | None:
    return None if value is None else decode_id(value, expected_type, argument)


async def load_in_scope(
    info: Info[Any, Any], value: str, model: Any, argument: str, *, acting_as: Any = None
) -> Any:
    """The row an input ID names, if the caller may see it; otherwise "not found", the same
    for a row outside the caller's scope as for one that does not exist. With `acting_as` (a
    rule), only the grants of the roles that rule allows count: a convener of one community
    who is also a unit's liaison elsewhere convenes only where they are convener."""
    from backend.core.scope import scoped_statement

    key = decode_id(value, _type_name(model), argument)
    scope = info.context.scope_for(acting_as.roles) if acting_as else info.context.scope
    statement = scoped_statement(("in scope", model), scope, partial(_by_key_in_scope, model))
    rows = await info.context.db.scalars(statement, {"key": key})
    if not rows:
        raise NotFound(value)
    return rows[0]


def _by_key_in_scope(model: Any, scope: Any) -> Any:
    from sqlalchemy import bindparam, select

    from backend.core.scope import visible

    return select(model).where(model.id == bindparam("key"), visible(model, scope))


def _type_name(model: Any) -> str:
    """GraphQL type names are the model names (ResidentUnit, JointMeeting, ...)."""
    return str(model.__name__)


def spa_path(prefix: str, type_name: str, key: int | None) -> str:
    """A path of the SPA that names an object by its global ID, e.g. /meetings/<id>."""
    from urllib.parse import quote

    return f"{prefix}/{quote(str(relay.GlobalID(type_name, str(key))), safe='')}"

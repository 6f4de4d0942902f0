"""Relations loaded before they are asked for, so that their fields resolve synchronously.

An `async def` relation field costs graphql-core a coroutine and a task for every object of a
list, and a loader future besides: on a page of a hundred units that is most of the time the
request spends above the SQL. So a list (a page through `paginate`) looks at what the query
selects under its nodes and, for every relation the nodes' type declares in `relations`, loads
it for the whole page at once through the same loader the field would use; then the relations
of what it loaded, level by level. Each level's loads are issued together, so there is still
one statement per relation and level. The relation's resolver finds the value ready
(`ready_or`) and returns it without awaiting; a relation reached another way (a single node,
a mutation payload) loads as before.

The loaders are the ones the fields use, with the request's scope: prefetching changes when
rows are read, never which.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from strawberry.types import Info
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection
from strawberry.utils.str_converters import to_camel_case

from backend.core.types import pending, present, required

ValueT = TypeVar("ValueT")

_READY = "_prefetched"


@dataclass(frozen=True)
class Relation:
    """A relation field a list may load ahead: the loader its resolver uses, the attribute of
    the object that holds the loader's key, and how a loaded value becomes the field's value
    (by default the row's node type, or a list of them)."""

    loader: type[Any]
    key: str
    many: bool = False
    shape: Callable[[Any], Any] | None = None

    def value(self, loaded: Any) -> Any:
        if self.shape is not None:
            return self.shape(loaded)
        if self.many:
            return [present(row) for row in loaded]
        return None if loaded is None else present(loaded)


def ready_or(
    node: Any,
    field: str,
    load: Callable[[], Awaitable[ValueT]],
    *,
    required_as: str | None = None,
) -> ValueT:
    """The relation's value if a list loaded it ahead, else the pending `load()`. With
    `required_as`, a relation that always exists but lies out of the caller's sight is refused
    as `required` refuses it (the load is expected to do the same)."""
    ready = node.__dict__.get(_READY)
    if ready is None or field not in ready:
        return pending(load())
    value: ValueT = ready[field]
    return required(value, required_as) if required_as is not None else value


async def prefetch(info: Info[Any, Any], nodes: Sequence[Any]) -> None:
    """Load ahead the declared relations that the current (list) field selects under its
    nodes: `edges { node { … } }` or `nodes { … }` of a connection, or the list's items."""
    await _prefetch_level(info, nodes, _node_selections(info.selected_fields))


def _node_selections(selected: Iterable[Selection]) -> list[Selection]:
    found: list[Selection] = []
    for field in _fields(selected):
        for child in _fields(field.selections):
            if child.name == "nodes":
                found.extend(child.selections)
            elif child.name == "edges":
                for grandchild in _fields(child.selections):
                    if grandchild.name == "node":
                        found.extend(grandchild.selections)
    return found


def _fields(selections: Iterable[Selection]) -> Iterable[SelectedField]:
    """The fields of a selection set, fragments spread in place, leaving out what
    `@skip(if: true)` or `@include(if: false)` drops."""
    for selection in selections:
        if not _included(selection):
            continue
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, InlineFragment | FragmentSpread):
            yield from _fields(selection.selections)


def _included(selection: Selection) -> bool:
    directives = selection.directives or {}
    skip = directives.get("skip")
    include = directives.get("include")
    return not (skip and skip.get("if")) and not (include and not include.get("if"))


_DECLARED: dict[type[Any], dict[str, tuple[str, Relation]]] = {}


def _relations_by_graphql_name(cls: type[Any]) -> dict[str, tuple[str, Relation]]:
    """A type's declared relations by the name a query selects them with."""
    declared = _DECLARED.get(cls)
    if declared is None:
        relations: dict[str, Relation] = getattr(cls, "relations", {})
        declared = {to_camel_case(name): (name, r) for name, r in relations.items()}
        _DECLARED[cls] = declared
    return declared


async def _prefetch_level(
    info: Info[Any, Any], nodes: Sequence[Any], selections: Sequence[Selection]
) -> None:
    if not nodes or not selections:
        return
    by_type: dict[type[Any], list[Any]] = defaultdict(list)
    for node in nodes:
        by_type[type(node)].append(node)
    loads: list[Awaitable[None]] = []
    for cls, group in by_type.items():
        declared = _relations_by_graphql_name(cls)
        if not declared:
            continue
        wanted: dict[str, list[Selection]] = defaultdict(list)
        for field in _fields(selections):
            if field.name in declared:
                wanted[field.name].extend(field.selections)
        for graphql_name, children in wanted.items():
            name, relation = declared[graphql_name]
            loads.append(_load(info, group, name, relation, children))
    # Every relation of this level is asked of its loader before any is awaited: one batch
    # (one statement) per relation.
    await asyncio.gather(*loads)


async def _load(
    info: Info[Any, Any],
    nodes: Sequence[Any],
    name: str,
    relation: Relation,
    children: Sequence[Selection],
) -> None:
    keys = {getattr(node, relation.key) for node in nodes} - {None}
    loader = info.context.loader(relation.loader)
    try:
        loaded = dict(zip(keys, await loader.load_many(list(keys)), strict=True))
        values = [relation.value(_loaded(loaded, relation, node)) for node in nodes]
    except Exception:
        # Nothing is marked ready: each field then loads on its own and reports the failure
        # as its own error, as it did before, instead of failing the whole list.
        return
    reached: list[Any] = []
    for node, value in zip(nodes, values, strict=True):
        node.__dict__.setdefault(_READY, {})[name] = value
        if isinstance(value, list):
            reached.extend(value)
        elif value is not None:
            reached.append(value)
    await _prefetch_level(info, reached, children)


def _loaded(loaded: dict[Any, Any], relation: Relation, node: Any) -> Any:
    key = getattr(node, relation.key)
    if key is None:
        return [] if relation.many else None
    return loaded[key]

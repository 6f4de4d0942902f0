"""What the compiled read path knows beyond the types themselves: the root fields it
answers, and why a query or a run goes to the resolvers instead."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Arguments a connection field takes for its page.
PAGE_ARGUMENTS = frozenset({"first", "after", "last", "before"})


class NotCompilable(Exception):
    """The document holds something the plan does not know: it takes the resolver path."""


class Fallback(Exception):
    """This run cannot answer as the resolvers would: the request takes the resolver path.
    `always`: nor can any other run of this query (a method that needs the request)."""

    def __init__(self, *, always: bool = False) -> None:
        super().__init__()
        self.always = always


# Root fields answered by the compiled path: the Query field's Python name, the node type of
# its connection, and the function that builds its ordered SELECT from the field's
# (converted) arguments other than the page arguments.
@dataclass(frozen=True)
class CompiledRoot:
    node_type: type[Any]
    statement: Callable[..., Any]


_ROOTS: dict[str, CompiledRoot] = {}
# Root fields whose own resolver the compiled path calls (it needs nothing of the request but
# `info.context`), then completes what it returns.
_RESOLVER_ROOTS: set[str] = set()


@dataclass(frozen=True)
class StatementPage:
    """A connection field of a type that pages a statement built from the object (what its
    resolver passes to `paginate`): `key` names the attribute the statement depends on."""

    node_type: type[Any]
    statement: Callable[[Any], Any]
    key: str


def compiled_root(field_name: str, node_type: type[Any]) -> Callable[[Any], Any]:
    """Register the statement builder of a root connection field, the same function its
    resolver passes to `paginate`."""

    def register(statement: Callable[..., Any]) -> Callable[..., Any]:
        _ROOTS[field_name] = CompiledRoot(node_type=node_type, statement=statement)
        return statement

    return register


def compiled_resolver_root(field_name: str) -> None:
    """Let the compiled path call this root field's resolver with a stand-in `info` that
    holds only the context."""
    _RESOLVER_ROOTS.add(field_name)


def registered_root(field_name: str) -> CompiledRoot | None:
    return _ROOTS.get(field_name)


def calls_resolver(field_name: str) -> bool:
    return field_name in _RESOLVER_ROOTS

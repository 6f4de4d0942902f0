"""The parts of a plan: how each field of an object loads what it needs (for all objects of
a level at once) and completes its value; the root fields; the plan of an operation."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from graphql import (
    FieldNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLOutputType,
    GraphQLScalarType,
    OperationDefinitionNode,
)
from strawberry.relay.utils import to_base64

from backend.core.compiled.joins import Joins
from backend.core.compiled.registry import CompiledRoot, Fallback, StatementPage
from backend.core.prefetch import Relation

if TYPE_CHECKING:
    from backend.core.compiled.run import Run

ResultT = TypeVar("ResultT")


# -- completing values ----------------------------------------------------------------------

Complete = Callable[[Any], Any]


def leaf_completer(output: GraphQLOutputType) -> Complete:
    """Serialise a scalar or enum value (or a list of them) as graphql-core would."""
    if isinstance(output, GraphQLNonNull):
        inner = leaf_completer(output.of_type)

        def non_null(value: Any) -> Any:
            if value is None:
                raise Fallback  # the resolver path reports the error
            return inner(value)

        return non_null
    if isinstance(output, GraphQLList):
        item = leaf_completer(output.of_type)
        return lambda value: None if value is None else [item(v) for v in value]
    assert isinstance(output, GraphQLScalarType | GraphQLEnumType)
    serialize = output.serialize
    return lambda value: None if value is None else serialize(value)


def object_completer(output: GraphQLOutputType, plan: ObjectPlan) -> Complete:
    if isinstance(output, GraphQLNonNull):
        inner = object_completer(output.of_type, plan)

        def non_null(value: Any) -> Any:
            if value is None:
                raise Fallback
            return inner(value)

        return non_null
    if isinstance(output, GraphQLList):
        item = object_completer(output.of_type, plan)
        return lambda value: None if value is None else [item(v) for v in value]
    return lambda value: None if value is None else plan.complete(value)


def flatten(values: Iterable[Any]) -> list[Any]:
    """The objects among values that may be objects, lists of them, or None."""
    found: list[Any] = []
    for value in values:
        if isinstance(value, list):
            found.extend(flatten(value))
        elif value is not None:
            found.append(value)
    return found


async def together(awaitables: Iterable[Awaitable[ResultT]]) -> list[ResultT]:
    """Await all; when one fails, the others are cancelled before the failure goes on (the
    resolver path must not share the session with loads still running)."""
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(_coroutine(a)) for a in awaitables]
    except BaseExceptionGroup as failed:
        fallbacks = [e for e in failed.exceptions if isinstance(e, Fallback)]
        if len(fallbacks) == len(failed.exceptions):
            raise Fallback(always=any(f.always for f in fallbacks)) from failed
        raise failed.exceptions[0] from failed
    return [task.result() for task in tasks]


async def _coroutine(awaitable: Awaitable[ResultT]) -> ResultT:
    return await awaitable


# -- plans ----------------------------------------------------------------------------------

_LOADED = "_compiled"


def loaded(obj: Any) -> dict[int, Any]:
    values: dict[int, Any] | None = obj.__dict__.get(_LOADED)
    if values is None:
        values = obj.__dict__[_LOADED] = {}
    return values


def attach(objects: Sequence[Any], rows: Sequence[Any], joins: Joins) -> None:
    """Give the objects built from `rows` the to-one relations the rows carry."""
    for n, join in enumerate(joins):
        slot = id(join.field)
        for obj, value in zip(objects, join.values(n, rows), strict=True):
            loaded(obj)[slot] = value


@dataclass(eq=False)
class FieldPlan:
    key: str

    def loads(self) -> bool:
        """Whether `load` has anything to do (a relation, or objects below)."""
        return type(self).load is not FieldPlan.load

    async def load(self, run: Run, objects: Sequence[Any]) -> None:
        """Read what this field needs for all the objects of its level at once."""

    def complete(self, obj: Any) -> Any:
        raise NotImplementedError


@dataclass(eq=False)
class ObjectPlan:
    type_name: str
    fields: list[FieldPlan] = field(default_factory=list)

    async def load(self, run: Run, objects: Sequence[Any]) -> None:
        # Every relation of the level is asked for in the same turn of the event loop, with
        # those of sibling root fields: one batch each. A task each only when there are
        # several.
        loading = [planned for planned in self.fields if planned.loads()]
        if not objects or not loading:
            return
        if len(loading) == 1:
            await loading[0].load(run, objects)
        else:
            await together(planned.load(run, objects) for planned in loading)

    def complete(self, obj: Any) -> dict[str, Any]:
        return {planned.key: planned.complete(obj) for planned in self.fields}


@dataclass(eq=False)
class Typename(FieldPlan):
    type_name: str

    def complete(self, obj: Any) -> Any:
        return self.type_name


@dataclass(eq=False)
class GlobalId(FieldPlan):
    type_name: str
    attribute: str

    def complete(self, obj: Any) -> Any:
        return to_base64(self.type_name, getattr(obj, self.attribute))


@dataclass(eq=False)
class Value(FieldPlan):
    """An attribute of the object, or a synchronous method of its type called as the
    resolver would be with no arguments; a leaf, or objects planned by `child`."""

    get: Callable[[Any], Any]
    finish: Complete
    child: ObjectPlan | None = None

    def loads(self) -> bool:
        return self.child is not None

    async def load(self, run: Run, objects: Sequence[Any]) -> None:
        if self.child is None:
            return
        values = [self.get(obj) for obj in objects]
        for obj, value in zip(objects, values, strict=True):
            loaded(obj)[id(self)] = value
        await self.child.load(run, flatten(values))

    def complete(self, obj: Any) -> Any:
        if self.child is None:
            return self.finish(self.get(obj))
        return self.finish(loaded(obj)[id(self)])


@dataclass(eq=False)
class Related(FieldPlan):
    """A relation the type declares: read for every object of the level in one statement
    through the statement of the loader its resolver uses; or, `joined`, with the objects'
    own rows (`joins.py`). `joins`: the to-one relations of its own objects read so."""

    relation: Relation
    target: type[Any] | None
    finish: Complete
    child: ObjectPlan | None = None
    joined: bool = False
    joins: Joins = ()

    def loads(self) -> bool:
        return not self.joined or self.child is not None

    async def load(self, run: Run, objects: Sequence[Any]) -> None:
        if self.joined:
            reached = [loaded(obj)[id(self)] for obj in objects]
        else:
            by_key = await run.related(
                self.relation, {getattr(o, self.relation.key) for o in objects}, self.joins
            )
            reached = []
            for obj in objects:
                value = self._value(by_key.get(getattr(obj, self.relation.key)))
                loaded(obj)[id(self)] = value
                reached.append(value)
        if self.child is not None:
            await self.child.load(run, flatten(reached))

    def _value(self, rows: Any) -> Any:
        relation = self.relation
        if relation.shape is not None:
            return relation.shape(rows or [])
        target = self.target
        assert target is not None
        if relation.many:
            rows = rows or []
            objects = [target.from_model(row) for row in rows]
            attach(objects, rows, self.joins)
            return objects
        if rows is None:
            return None
        obj = target.from_model(rows)
        attach([obj], [rows], self.joins)
        return obj

    def complete(self, obj: Any) -> Any:
        return self.finish(loaded(obj)[id(self)])


@dataclass(eq=False)
class Paged(FieldPlan):
    """A connection over a to-many relation (`connections` of the type): the whole list read
    for every object at once, then the page the arguments ask for."""

    relation: Relation
    target: type[Any]
    arguments: Callable[[Run], dict[str, Any]]
    finish: Complete
    child: ObjectPlan
    joins: Joins = ()

    async def load(self, run: Run, objects: Sequence[Any]) -> None:
        from backend.core.pagination import PageArgs, build_connection, window

        by_key = await run.related(
            self.relation, {getattr(o, self.relation.key) for o in objects}, self.joins
        )
        args = PageArgs(**run.page_arguments(self.arguments(run)))
        connections = []
        for obj in objects:
            rows = by_key.get(getattr(obj, self.relation.key)) or []
            win = run.guarded(window, args, len(rows))
            rows = rows[win.offset : win.offset + win.limit]
            nodes = [self.target.from_model(row) for row in rows]
            attach(nodes, rows, self.joins)
            connection = build_connection(nodes, win, len(rows))
            loaded(obj)[id(self)] = connection
            connections.append(connection)
        await self.child.load(run, connections)

    def complete(self, obj: Any) -> Any:
        return self.finish(loaded(obj)[id(self)])


@dataclass(eq=False)
class PagedStatement(FieldPlan):
    """A connection over a statement built from each object (`pages` of the type): the pages
    of all the objects of a level read together, as sibling root lists are."""

    page: StatementPage
    arguments: Callable[[Run], dict[str, Any]]
    finish: Complete
    child: ObjectPlan
    joins: Joins = ()

    async def load(self, run: Run, objects: Sequence[Any]) -> None:
        from backend.core.pagination import PageArgs

        args = PageArgs(**run.page_arguments(self.arguments(run)))
        connections = await together(run.page(self.page, obj, args, self.joins) for obj in objects)
        for obj, connection in zip(objects, connections, strict=True):
            loaded(obj)[id(self)] = connection
        await self.child.load(run, connections)

    def complete(self, obj: Any) -> Any:
        return self.finish(loaded(obj)[id(self)])


# -- the root ------------------------------------------------------------------------------


@dataclass(eq=False)
class RootField:
    key: str
    node: FieldNode
    definition: GraphQLField


@dataclass(eq=False)
class NodeRoot(RootField):
    """`node(id:)`: the object of the ID's type, if the caller may see it, with the fields
    the query selects on that type."""

    by_type: dict[str, ObjectPlan]
    nullable: bool
    joins: dict[str, Joins] = field(default_factory=dict)


@dataclass(eq=False)
class ConnectionRoot(RootField):
    root: CompiledRoot
    strawberry_field: Any
    finish: Complete
    child: ObjectPlan
    joins: Joins = ()


@dataclass(eq=False)
class ResolverRoot(RootField):
    strawberry_field: Any
    finish: Complete
    child: ObjectPlan | None


@dataclass(eq=False)
class TypenameRoot(RootField):
    pass


@dataclass(eq=False)
class Plan:
    operation: OperationDefinitionNode
    roots: list[RootField]

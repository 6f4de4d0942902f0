"""From a query document to a plan: what each selected field is and how it is completed.

A plan is built once per query text and operation (`plan_for`), from the document alone;
variables, the caller and the data come in when it runs (`run.py`). A document the plan
cannot take is remembered as such (None), so asking again costs a dictionary lookup.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    is_abstract_type,
    is_leaf_type,
)
from strawberry import UNSET, relay
from strawberry.relay.utils import to_base64

from backend.core.dataloaders import ByIdLoader, ListByKeyLoader
from backend.core.prefetch import Relation

if TYPE_CHECKING:
    from backend.core.compiled.run import Run

ResultT = TypeVar("ResultT")

DEFINITION = "strawberry-definition"
PAGE_ARGUMENTS = frozenset({"first", "after", "last", "before"})
MAX_CACHED_PLANS = 512


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
    serialize = output.serialize  # type: ignore[union-attr]
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
    through the statement of the loader its resolver uses."""

    relation: Relation
    target: type[Any] | None
    finish: Complete
    child: ObjectPlan | None = None

    async def load(self, run: Run, objects: Sequence[Any]) -> None:
        by_key = await run.related(self.relation, {getattr(o, self.relation.key) for o in objects})
        reached: list[Any] = []
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
            return [target.from_model(row) for row in rows or []]
        return None if rows is None else target.from_model(rows)

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

    async def load(self, run: Run, objects: Sequence[Any]) -> None:
        from backend.core.pagination import PageArgs, build_connection, window

        by_key = await run.related(self.relation, {getattr(o, self.relation.key) for o in objects})
        args = PageArgs(**run.page_arguments(self.arguments(run)))
        connections = []
        for obj in objects:
            rows = by_key.get(getattr(obj, self.relation.key)) or []
            win = run.guarded(window, args, len(rows))
            nodes = [
                self.target.from_model(row) for row in rows[win.offset : win.offset + win.limit]
            ]
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

    async def load(self, run: Run, objects: Sequence[Any]) -> None:
        from backend.core.pagination import PageArgs

        args = PageArgs(**run.page_arguments(self.arguments(run)))
        connections = await together(run.page(self.page, obj, args) for obj in objects)
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


@dataclass(eq=False)
class ConnectionRoot(RootField):
    root: CompiledRoot
    strawberry_field: Any
    finish: Complete
    child: ObjectPlan


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


# -- building a plan -----------------------------------------------------------------------


class Planner:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode) -> None:
        self.schema = schema
        self.fragments: dict[str, FragmentDefinitionNode] = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }

    def collect(
        self, runtime: GraphQLObjectType, selection_sets: Iterable[SelectionSetNode]
    ) -> dict[str, list[FieldNode]]:
        """The fields selected on an object of `runtime`, by response key in the order
        graphql-core completes them, fragments that apply spread in place."""
        fields: dict[str, list[FieldNode]] = {}
        for selection_set in selection_sets:
            self._collect(runtime, selection_set, fields)
        return fields

    def _collect(
        self,
        runtime: GraphQLObjectType,
        selection_set: SelectionSetNode,
        fields: dict[str, list[FieldNode]],
    ) -> None:
        for selection in selection_set.selections:
            if selection.directives:
                raise NotCompilable("directives")
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                fields.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                if self._applies(runtime, condition.name.value if condition else None):
                    self._collect(runtime, selection.selection_set, fields)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments[selection.name.value]
                if self._applies(runtime, fragment.type_condition.name.value):
                    self._collect(runtime, fragment.selection_set, fields)

    def _applies(self, runtime: GraphQLObjectType, condition: str | None) -> bool:
        if condition is None or condition == runtime.name:
            return True
        named = self.schema.get_type(condition)
        return (
            named is not None
            and is_abstract_type(named)
            and self.schema.is_sub_type(named, runtime)
        )

    def object_plan(self, runtime: GraphQLObjectType, nodes: Sequence[FieldNode]) -> ObjectPlan:
        sets = [n.selection_set for n in nodes if n.selection_set is not None]
        plan = ObjectPlan(type_name=runtime.name)
        origin = _origin(runtime)
        for key, field_nodes in self.collect(runtime, sets).items():
            plan.fields.append(self.field_plan(runtime, origin, key, field_nodes))
        return plan

    def field_plan(
        self, runtime: GraphQLObjectType, origin: type[Any], key: str, nodes: list[FieldNode]
    ) -> FieldPlan:
        name = nodes[0].name.value
        if name == "__typename":
            return Typename(key=key, type_name=runtime.name)
        definition = runtime.fields[name]
        strawberry_field = definition.extensions.get(DEFINITION)
        if strawberry_field is None or strawberry_field.extensions:
            raise NotCompilable(f"{runtime.name}.{name}")
        python_name = strawberry_field.python_name
        connections: dict[str, Relation] = getattr(origin, "connections", {})
        if python_name in connections:
            return self._paged(definition, key, nodes, connections[python_name])
        pages: dict[str, StatementPage] = getattr(origin, "pages", {})
        if python_name in pages:
            return self._statement_page(definition, key, nodes, pages[python_name])
        if any(n.arguments for n in nodes):
            raise NotCompilable(f"{runtime.name}.{name} with arguments")
        relations: dict[str, Relation] = getattr(origin, "relations", {})
        if python_name in relations:
            return self._related(definition, key, nodes, relations[python_name])
        if name == "id" and issubclass(origin, relay.Node):
            return GlobalId(key=key, type_name=runtime.name, attribute=origin.resolve_id_attr())
        return self._value(definition, key, nodes, strawberry_field)

    def _value(
        self, definition: GraphQLField, key: str, nodes: list[FieldNode], strawberry_field: Any
    ) -> FieldPlan:
        resolver = strawberry_field.base_resolver
        if resolver is None:
            get = _attribute(strawberry_field.python_name)
        elif resolver.is_async or any(a.default is UNSET for a in resolver.arguments):
            raise NotCompilable(f"{key}: async or with required arguments")
        else:
            get = _method(resolver.wrapped_func, takes_info=resolver.info_parameter is not None)
        child, finish = self._completion(definition.type, nodes)
        return Value(key=key, get=get, finish=finish, child=child)

    def _completion(
        self, output: GraphQLOutputType, nodes: Sequence[FieldNode]
    ) -> tuple[ObjectPlan | None, Complete]:
        named = _named(output)
        if is_leaf_type(named):
            return None, leaf_completer(output)
        if not isinstance(named, GraphQLObjectType):
            raise NotCompilable(f"abstract type {named.name}")
        child = self.object_plan(named, nodes)
        return child, object_completer(output, child)

    def _related(
        self, definition: GraphQLField, key: str, nodes: list[FieldNode], relation: Relation
    ) -> FieldPlan:
        _check_loader(relation.loader)
        child, finish = self._completion(definition.type, nodes)
        target = None
        if relation.shape is None:
            target = _node_type(relation.loader, _named(definition.type))
        return Related(key=key, relation=relation, target=target, finish=finish, child=child)

    def _paged(
        self, definition: GraphQLField, key: str, nodes: list[FieldNode], relation: Relation
    ) -> FieldPlan:
        if len(nodes) != 1 or {a.name.value for a in nodes[0].arguments or ()} - PAGE_ARGUMENTS:
            raise NotCompilable(f"{key}: arguments")
        _check_loader(relation.loader)
        connection = _named(definition.type)
        assert isinstance(connection, GraphQLObjectType)
        node_type = _named(connection.fields["edges"].type)
        assert isinstance(node_type, GraphQLObjectType)
        target = _node_type(relation.loader, _named(node_type.fields["node"].type))
        child, finish = self._completion(definition.type, nodes)
        assert child is not None
        field_node = nodes[0]

        def arguments(run: Run) -> dict[str, Any]:
            return run.argument_values(definition, field_node)

        return Paged(
            key=key,
            relation=relation,
            target=target,
            arguments=arguments,
            finish=finish,
            child=child,
        )

    def _statement_page(
        self, definition: GraphQLField, key: str, nodes: list[FieldNode], page: StatementPage
    ) -> FieldPlan:
        if len(nodes) != 1 or {a.name.value for a in nodes[0].arguments or ()} - PAGE_ARGUMENTS:
            raise NotCompilable(f"{key}: arguments")
        child, finish = self._completion(definition.type, nodes)
        assert child is not None
        field_node = nodes[0]

        def arguments(run: Run) -> dict[str, Any]:
            return run.argument_values(definition, field_node)

        return PagedStatement(key=key, page=page, arguments=arguments, finish=finish, child=child)

    def root_field(self, key: str, nodes: list[FieldNode]) -> RootField:
        query = self.schema.query_type
        assert query is not None
        name = nodes[0].name.value
        if name == "__typename":
            return TypenameRoot(key=key, node=nodes[0], definition=None)  # type: ignore[arg-type]
        if name.startswith("__") or len(nodes) != 1:
            raise NotCompilable(name)
        definition = query.fields[name]
        strawberry_field = definition.extensions.get(DEFINITION)
        if name == "node":
            return self._node_root(key, nodes[0], definition)
        python_name = strawberry_field.python_name if strawberry_field else None
        if python_name in _RESOLVER_ROOTS:
            child, finish = self._completion(definition.type, nodes)
            return ResolverRoot(
                key=key,
                node=nodes[0],
                definition=definition,
                strawberry_field=strawberry_field,
                finish=finish,
                child=child,
            )
        root = _ROOTS.get(python_name or "")
        if root is None:
            raise NotCompilable(name)
        child, finish = self._completion(definition.type, nodes)
        assert child is not None
        return ConnectionRoot(
            key=key,
            node=nodes[0],
            definition=definition,
            root=root,
            strawberry_field=strawberry_field,
            finish=finish,
            child=child,
        )

    def _node_root(self, key: str, node: FieldNode, definition: GraphQLField) -> RootField:
        by_type: dict[str, ObjectPlan] = {}
        for condition in self._conditions(node.selection_set):
            runtime = self.schema.get_type(condition)
            if isinstance(runtime, GraphQLObjectType):
                by_type[condition] = self.object_plan(runtime, [node])
        return NodeRoot(
            key=key,
            node=node,
            definition=definition,
            by_type=by_type,
            nullable=not isinstance(definition.type, GraphQLNonNull),
        )

    def _conditions(self, selection_set: SelectionSetNode | None) -> set[str]:
        found: set[str] = set()
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, InlineFragmentNode) and selection.type_condition:
                found.add(selection.type_condition.name.value)
            elif isinstance(selection, FragmentSpreadNode):
                found.add(self.fragments[selection.name.value].type_condition.name.value)
        return found


def _named(output: GraphQLOutputType) -> GraphQLNamedType:
    while isinstance(output, GraphQLNonNull | GraphQLList):
        output = output.of_type
    return output


def _origin(runtime: GraphQLObjectType) -> type[Any]:
    definition = runtime.extensions.get(DEFINITION)
    if definition is None:
        raise NotCompilable(runtime.name)
    origin: type[Any] = definition.origin
    return origin


def _attribute(name: str) -> Callable[[Any], Any]:
    return lambda obj: getattr(obj, name)


def _method(func: Callable[..., Any], *, takes_info: bool) -> Callable[[Any], Any]:
    def call(obj: Any) -> Any:
        if takes_info:
            # A method that uses the request fails on `info=None`: this query then always
            # takes the resolver path.
            try:
                value = func(obj, info=None)
            except AttributeError as needs_request:
                raise Fallback(always=True) from needs_request
        else:
            value = func(obj)
        if inspect.isawaitable(value):
            if inspect.iscoroutine(value):
                value.close()
            raise Fallback
        return value

    return call


def _check_loader(loader: type[Any]) -> None:
    """Only loaders whose rows come from a statement the run can reuse."""
    if issubclass(loader, ByIdLoader):
        if loader._load is not ByIdLoader._load:
            raise NotCompilable(loader.__name__)
    elif issubclass(loader, ListByKeyLoader):
        if loader._load is not ListByKeyLoader._load and loader.row_key is None:
            raise NotCompilable(loader.__name__)
    else:
        raise NotCompilable(loader.__name__)


def _node_type(loader: type[Any], named: GraphQLNamedType) -> type[Any]:
    from backend.core.types import _TYPE_OF_MODEL

    target = _TYPE_OF_MODEL.get(loader.model)
    if target is None or _origin_name(target) != named.name:
        raise NotCompilable(f"{loader.__name__} for {named.name}")
    return target


def _origin_name(node_type: type[Any]) -> str:
    name: str = node_type.__strawberry_definition__.name
    return name


_PLANS: dict[tuple[str, str | None], Plan | None] = {}


def forget(query: str, operation_name: str | None) -> None:
    """This query takes the resolver path from now on."""
    _PLANS[(query, operation_name)] = None


def plan_for(
    schema: GraphQLSchema, query: str, document: DocumentNode, operation_name: str | None
) -> Plan | None:
    """The plan of a document's operation, or None when it takes the resolver path; kept by
    query text (hashing a document walks its whole tree). Bounded: when full it starts over."""
    key = (query, operation_name)
    if key in _PLANS:
        return _PLANS[key]
    plan = _build(schema, document, operation_name)
    if len(_PLANS) >= MAX_CACHED_PLANS:
        _PLANS.clear()
    _PLANS[key] = plan
    return plan


def _build(
    schema: GraphQLSchema, document: DocumentNode, operation_name: str | None
) -> Plan | None:
    operation = _operation(document, operation_name)
    if operation is None or operation.operation is not OperationType.QUERY:
        return None
    planner = Planner(schema, document)
    query = schema.query_type
    assert query is not None
    try:
        fields = planner.collect(query, [operation.selection_set])
        roots = [planner.root_field(key, nodes) for key, nodes in fields.items()]
    except NotCompilable:
        return None
    return Plan(operation=operation, roots=roots)


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == name), None)

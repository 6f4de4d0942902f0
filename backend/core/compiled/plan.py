"""From a query document to a plan: what each selected field is and how it is completed.

A plan is built once per query text and operation (`plan_for`), from the document alone;
variables, the caller and the data come in when it runs (`run.py`). A document the plan
cannot take is remembered as such (None), so asking again costs a dictionary lookup.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

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
    TypeNameMetaFieldDef,
    is_abstract_type,
    is_leaf_type,
)
from strawberry import UNSET, relay

from backend.core.compiled.fields import (
    Complete,
    ConnectionRoot,
    FieldPlan,
    GlobalId,
    NodeRoot,
    ObjectPlan,
    Paged,
    PagedStatement,
    Plan,
    Related,
    ResolverRoot,
    RootField,
    Typename,
    TypenameRoot,
    Value,
    leaf_completer,
    object_completer,
)
from backend.core.compiled.join_plans import joins_of, node_plans
from backend.core.compiled.joins import Joins
from backend.core.compiled.registry import (
    PAGE_ARGUMENTS,
    Fallback,
    NotCompilable,
    StatementPage,
    calls_resolver,
    registered_root,
)
from backend.core.dataloaders import ByIdLoader, ListByKeyLoader
from backend.core.prefetch import Relation

if TYPE_CHECKING:
    from backend.core.compiled.run import Run

DEFINITION = "strawberry-definition"
MAX_CACHED_PLANS = 512


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
        if relation.shape is not None:
            return Related(key=key, relation=relation, target=None, finish=finish, child=child)
        target = _node_type(relation.loader, _named(definition.type))
        joins = joins_of(target, [child] if child else [], relation.loader)
        return Related(
            key=key, relation=relation, target=target, finish=finish, child=child, joins=joins
        )

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
            joins=joins_of(target, node_plans(child, target), relation.loader),
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

        return PagedStatement(
            key=key,
            page=page,
            arguments=arguments,
            finish=finish,
            child=child,
            joins=joins_of(page.node_type, node_plans(child, page.node_type)),
        )

    def root_field(self, key: str, nodes: list[FieldNode]) -> RootField:
        query = self.schema.query_type
        assert query is not None
        name = nodes[0].name.value
        if name == "__typename":
            return TypenameRoot(key=key, node=nodes[0], definition=TypeNameMetaFieldDef)
        if name.startswith("__") or len(nodes) != 1:
            raise NotCompilable(name)
        definition = query.fields[name]
        strawberry_field = definition.extensions.get(DEFINITION)
        if name == "node":
            return self._node_root(key, nodes[0], definition)
        python_name = strawberry_field.python_name if strawberry_field else None
        if calls_resolver(python_name or ""):
            child, finish = self._completion(definition.type, nodes)
            return ResolverRoot(
                key=key,
                node=nodes[0],
                definition=definition,
                strawberry_field=strawberry_field,
                finish=finish,
                child=child,
            )
        root = registered_root(python_name or "")
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
            joins=joins_of(root.node_type, node_plans(child, root.node_type)),
        )

    def _node_root(self, key: str, node: FieldNode, definition: GraphQLField) -> RootField:
        by_type: dict[str, ObjectPlan] = {}
        joins: dict[str, Joins] = {}
        for condition in self._conditions(node.selection_set):
            runtime = self.schema.get_type(condition)
            if isinstance(runtime, GraphQLObjectType):
                plan = by_type[condition] = self.object_plan(runtime, [node])
                joins[condition] = joins_of(_origin(runtime), [plan])
        return NodeRoot(
            key=key,
            node=node,
            definition=definition,
            by_type=by_type,
            nullable=not isinstance(definition.type, GraphQLNonNull),
            joins=joins,
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
    if target is None or node_type_name(target) != named.name:
        raise NotCompilable(f"{loader.__name__} for {named.name}")
    return target


def node_type_name(node_type: type[Any]) -> str:
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

"""Running a plan for one request: read level by level, then build the answer.

Each relation is read through the statement of the loader its resolver uses, built once per
loader and scope with the keys as an expanding parameter, and run on the session's
connection so that rows come back as plain rows (the types' `from_model` reads them as it
reads model instances). The relations of one level are asked for together, across sibling
root fields too, through one batch per loader: one statement per list relation and level,
the to-one relations of its rows joined to it (`joins.py`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, TypeVar

from graphql import FieldNode, GraphQLField, GraphQLSchema, get_argument_values
from graphql.execution.values import VariableValues, get_variable_values
from sqlalchemy import bindparam, select
from sqlalchemy.exc import OperationalError
from strawberry.dataloader import DataLoader
from strawberry.permission import PermissionExtension
from strawberry.types.arguments import convert_arguments

from backend.core import raw
from backend.core.compiled.fields import (
    ConnectionRoot,
    NodeRoot,
    Plan,
    ResolverRoot,
    RootField,
    TypenameRoot,
    attach,
    together,
)
from backend.core.compiled.joins import Joins, shape_of, with_joins
from backend.core.compiled.pages import Pages, cached, frozen
from backend.core.compiled.registry import PAGE_ARGUMENTS, Fallback, StatementPage
from backend.core.context import Context
from backend.core.dataloaders import ByIdLoader
from backend.core.errors import PublicError
from backend.core.ids import parse_global_id
from backend.core.pagination import PageArgs, PageRequest, build_connection
from backend.core.permissions import Rule
from backend.core.prefetch import Relation
from backend.core.scope import Scope, readable, scoped_statement, visible
from backend.core.types import node_type_named

ResultT = TypeVar("ResultT")

KEYS = "keys"
MAX_CACHED_STATEMENTS = 4096
# Statements by (loader, scope, the joins they carry), like the visibility conditions they
# hold; None: the caller may not read the table at all.
_STATEMENTS: dict[tuple[type[Any], Scope, bool, Any], Any] = {}
# Argument values by (field node, variables).
_ARGUMENTS: dict[tuple[int, str], tuple[FieldNode, dict[str, Any]]] = {}


def relation_statement(loader: type[Any], scope: Scope, joins: Joins, *, json_keys: bool) -> Any:
    key = (loader, scope, json_keys, shape_of(joins))
    if key not in _STATEMENTS:
        if len(_STATEMENTS) >= MAX_CACHED_STATEMENTS:
            _STATEMENTS.clear()
        _STATEMENTS[key] = _build_statement(loader, scope, joins, json_keys=json_keys)
    return _STATEMENTS[key]


def _build_statement(loader: type[Any], scope: Scope, joins: Joins, *, json_keys: bool) -> Any:
    # On SQLite's reader the keys go in as one JSON list (backend/core/raw.py).
    keys: Any = raw.json_key_list() if json_keys else bindparam(KEYS, expanding=True)
    model: Any = loader.model
    if issubclass(loader, ByIdLoader):
        if not readable(model, scope):
            return None
        statement = select(model).where(model.id.in_(keys))
    else:
        # The loader's own statement, with the scope it would have in the request.
        stand_in = object.__new__(loader)
        stand_in.scope = scope
        statement = stand_in._statement(keys)
    return with_joins(statement, model, joins, scope)


def _row_key(loader: type[Any]) -> str:
    if issubclass(loader, ByIdLoader):
        return "id"
    return str(loader.row_key or loader.key)


class _Rows(DataLoader[int, Any]):
    """The rows of one relation by key, batched across the objects of a level."""

    def __init__(self, run: Run, loader: type[Any], joins: Joins) -> None:
        super().__init__(load_fn=self._load)
        self.run = run
        self.loader = loader
        self.joins = joins

    async def _load(self, keys: Sequence[int]) -> list[Any]:
        statement = relation_statement(
            self.loader,
            self.run.scope,
            self.joins,
            json_keys=self.run.context.db.reader is not None,
        )
        many = not issubclass(self.loader, ByIdLoader)
        if statement is None:
            return [[] if many else None for _ in keys]
        rows = await self.run.rows(statement, {KEYS: list(keys)})
        column = _row_key(self.loader)
        if many:
            grouped: dict[Any, list[Any]] = defaultdict(list)
            for row in rows:
                grouped[getattr(row, column)].append(row)
            return [grouped.get(key, []) for key in keys]
        by_id = {getattr(row, column): row for row in rows}
        return [by_id.get(key) for key in keys]


class Run:
    def __init__(
        self, context: Context, schema: Any, plan: Plan, variables: dict[str, Any] | None
    ) -> None:
        self.context = context
        self.scope: Scope = context.scope
        self.schema = schema
        self.plan = plan
        self._batches: dict[tuple[type[Any], Any], _Rows] = {}
        self._pages = Pages(self.rows)
        coerced = get_variable_values(
            schema._schema, plan.operation.variable_definitions or (), variables or {}
        )
        if not isinstance(coerced, VariableValues):
            raise Fallback  # the resolver path reports the bad variables
        self.variables = coerced
        self._variables_key = json.dumps(variables or {}, sort_keys=True, default=str)

    @property
    def graphql_schema(self) -> GraphQLSchema:
        schema: GraphQLSchema = self.schema._schema
        return schema

    # -- what the plan's fields ask of the run ---------------------------------------------

    async def rows(self, statement: Any, parameters: dict[str, Any]) -> Sequence[Any]:
        try:
            rows: Sequence[Any] = await self.context.db.core_rows(statement, parameters)
            return rows
        except OperationalError as failed:
            # SQLite's reader found the database locked (a checkpoint), or the connection
            # failed: the resolver path tries again and reports a failure as it would.
            raise Fallback from failed

    async def related(self, relation: Relation, keys: set[Any], joins: Joins) -> dict[Any, Any]:
        keys.discard(None)
        if not keys:
            return {}
        batch_key = (relation.loader, shape_of(joins))
        batch = self._batches.get(batch_key)
        if batch is None:
            batch = self._batches[batch_key] = _Rows(self, relation.loader, joins)
        ordered = list(keys)
        return dict(zip(ordered, await batch.load_many(ordered), strict=True))

    def argument_values(self, definition: GraphQLField, node: FieldNode) -> dict[str, Any]:
        """A field's argument values (not to be changed: they are shared with later runs of
        the query with the same variables)."""
        key = (id(node), self._variables_key)
        found = _ARGUMENTS.get(key)
        if found is not None and found[0] is node:
            return found[1]
        values = self.guarded(get_argument_values, definition, node, self.variables)
        if len(_ARGUMENTS) >= MAX_CACHED_STATEMENTS:
            _ARGUMENTS.clear()
        # The node is kept with its values: its id is not reused while it is held.
        _ARGUMENTS[key] = (node, values)
        return values

    @staticmethod
    def page_arguments(values: dict[str, Any]) -> dict[str, Any]:
        return {name: values.get(name) for name in ("first", "after", "last", "before")}

    @staticmethod
    def guarded(function: Callable[..., ResultT], *args: Any, **kwargs: Any) -> ResultT:
        """A refusal the resolver path would report (a bad cursor, a page too large, a bad
        ID in a filter) sends the request there."""
        try:
            return function(*args, **kwargs)
        except PublicError as refused:
            raise Fallback from refused

    # -- the root ---------------------------------------------------------------------------

    def _check_rule(self, root: RootField) -> None:
        """The root field's rule lets the caller call it; a field guarded by anything but
        rules (or by no rule) is left to the resolvers."""
        strawberry_field = root.definition.extensions.get("strawberry-definition")
        extensions = getattr(strawberry_field, "extensions", None) or []
        permissions = [
            permission
            for extension in extensions
            if isinstance(extension, PermissionExtension)
            for permission in extension.permissions
        ]
        rules = [p for p in permissions if isinstance(p, Rule)]
        if (
            not rules
            or len(rules) != len(permissions)
            or any(not isinstance(e, PermissionExtension) for e in extensions)
            or self.context.auth_error is not None
            or not all(rule.permits(self.context.principal) for rule in rules)
        ):
            raise Fallback

    async def execute(self) -> dict[str, Any]:
        for root in self.plan.roots:
            if not isinstance(root, TypenameRoot):
                self._check_rule(root)
        values = await together(self._load_root(root) for root in self.plan.roots)
        return {
            root.key: self._complete_root(root, value)
            for root, value in zip(self.plan.roots, values, strict=True)
        }

    async def _load_root(self, root: RootField) -> Any:
        if isinstance(root, NodeRoot):
            return await self._load_node(root)
        if isinstance(root, ConnectionRoot):
            return await self._load_connection(root)
        if isinstance(root, ResolverRoot):
            return await self._load_resolved(root)
        return None

    def _complete_root(self, root: RootField, value: Any) -> Any:
        if isinstance(root, TypenameRoot):
            query = self.graphql_schema.query_type
            assert query is not None
            return query.name
        if isinstance(root, NodeRoot):
            obj, plan = value
            return plan.complete(obj)
        assert isinstance(root, ConnectionRoot | ResolverRoot)
        return root.finish(value)

    async def _load_node(self, root: NodeRoot) -> Any:
        global_id = self.argument_values(root.definition, root.node)["id"]
        type_name, key = self.guarded(parse_global_id, global_id)
        plan = root.by_type.get(type_name)
        node_type = node_type_named(type_name)
        if plan is None or node_type is None:
            raise Fallback
        model: Any = node_type.by_id_loader.model
        joins = root.joins.get(type_name, ())
        statement = scoped_statement(
            ("node", model, shape_of(joins)), self.scope, partial(_node_statement, model, joins)
        )
        rows = await self.rows(statement, {"key": key})
        if not rows:
            raise Fallback  # "not found", as the resolver path says it
        obj = node_type.from_model(rows[0])
        attach([obj], rows, joins)
        await plan.load(self, [obj])
        return obj, plan

    def _arguments(
        self, root: ConnectionRoot | ResolverRoot, values: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """The root field's arguments as its resolver receives them."""
        return convert_arguments(
            values if values is not None else self.argument_values(root.definition, root.node),
            root.strawberry_field.arguments,
            scalar_registry=self.schema.schema_converter.scalar_registry,
            config=self.schema.config,
        )

    async def _load_resolved(self, root: ResolverRoot) -> Any:
        resolve = root.strawberry_field.base_resolver.wrapped_func
        try:
            obj = await resolve(None, info=_StandIn(self.context), **self._arguments(root))
        except PublicError as refused:
            raise Fallback from refused
        except AttributeError as needs_more:
            raise Fallback(always=True) from needs_more
        if root.child is not None and obj is not None:
            await root.child.load(self, [obj])
        return obj

    async def page(self, page: StatementPage, obj: Any, args: PageArgs, joins: Joins) -> Any:
        """One object's page of a statement it builds, batched with the other pages asked
        for in the same turn of the event loop."""
        key = getattr(obj, page.key)

        def build() -> Any:
            return self._visible(page.statement(obj), joins)

        statements = cached(("object page", page, key, self.scope, shape_of(joins)), build)
        return await self._connection(page.node_type, statements, args, joins)

    def _visible(self, statement: Any, joins: Joins) -> tuple[Any, Any]:
        """A list's statement with the caller's visibility condition, with the joins and
        without (what its total counts)."""
        entity = statement.column_descriptions[0]["entity"]
        plain = statement.where(visible(entity, self.scope))
        return with_joins(plain, entity, joins, self.scope), plain

    async def _connection(
        self, node_type: Any, statements: tuple[Any, Any], args: PageArgs, joins: Joins
    ) -> Any:
        statement, plain = statements
        try:
            loaded = await self._pages.load(PageRequest(statement, args, plain))
        except PublicError as refused:
            raise Fallback from refused
        nodes = [node_type.from_model(row) for row in loaded.rows]
        attach(nodes, loaded.rows, joins)
        return build_connection(nodes, loaded.window, loaded.total)

    async def _load_connection(self, root: ConnectionRoot) -> Any:
        values = self.argument_values(root.definition, root.node)
        # Page arguments are plain numbers and cursors: as the resolver receives them.
        page = PageArgs(**self.page_arguments(values))
        filters = {k: v for k, v in values.items() if k not in PAGE_ARGUMENTS}

        def build() -> Any:
            # The filters as the resolver receives them, converted only for a new statement.
            arguments = self._arguments(root, filters)
            return self._visible(self.guarded(root.root.statement, **arguments), root.joins)

        key = ("root", root.root, frozen(filters), self.scope, shape_of(root.joins))
        statements = cached(key, build)
        connection = await self._connection(root.root.node_type, statements, page, root.joins)
        await root.child.load(self, [connection])
        return connection


def _node_statement(model: Any, joins: Joins, scope: Scope) -> Any:
    statement = select(model).where(model.id == bindparam("key"), visible(model, scope))
    return with_joins(statement, model, joins, scope)


class _StandIn:
    """What a root resolver called by the compiled path gets as `info`: the context only."""

    def __init__(self, context: Context) -> None:
        self.context = context

"""Query cost, as GitHub counts it: the number of nodes a query may return, from the page sizes
it asks for. A query over the limit is refused before it runs; an API token spends points per
query from an hourly budget; introspection is closed to tokens in production.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from graphql import (
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    value_from_ast_untyped,
)
from sqlalchemy import case, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col
from strawberry.extensions import SchemaExtension

from backend.core.errors import ErrorCode
from backend.core.models import utcnow
from backend.core.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

MAX_QUERY_COST = 250_000
# A plain list (a unit's agreements) is not paginated: count it as this many nodes.
LIST_ESTIMATE = 10
TOKEN_POINTS_PER_HOUR = 5_000
BUDGET_WINDOW = timedelta(hours=1)


def points_for(cost: int) -> int:
    """GitHub's rule: one point per hundred nodes, at least one per query."""
    return max(1, cost // 100)


@dataclass
class _Walk:
    schema: GraphQLSchema
    fragments: dict[str, FragmentDefinitionNode]
    variables: dict[str, Any]

    def argument(self, field: FieldNode, name: str) -> Any:
        for argument in field.arguments or ():
            if argument.name.value == name:
                return self._value(argument.value)
        return None

    def _value(self, node: ValueNode) -> Any:
        if isinstance(node, VariableNode):
            return self.variables.get(node.name.value)
        return value_from_ast_untyped(node, self.variables)

    def fields(
        self, selection_set: SelectionSetNode | None, parent: Any
    ) -> Iterator[tuple[FieldNode, Any]]:
        """The fields of a selection with the type each is selected on, through fragments."""
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                yield selection, parent
            elif isinstance(selection, InlineFragmentNode):
                yield from self.fields(selection.selection_set, self._on(selection, parent))
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:
                    yield from self.fields(fragment.selection_set, self._on(fragment, parent))

    def _selects_page(self, field: FieldNode, connection: Any) -> bool:
        names = {f.name.value for f, _ in self.fields(field.selection_set, connection)}
        return bool(names & {"edges", "nodes"})

    def _on(self, fragment: Any, parent: Any) -> Any:
        condition = fragment.type_condition
        return self.schema.get_type(condition.name.value) if condition else parent

    def cost(self, selection_set: SelectionSetNode | None, multiplier: int, parent: Any) -> int:
        total = 0
        for field, on_type in self.fields(selection_set, parent):
            definition = getattr(on_type, "fields", {}).get(field.name.value)
            if definition is None:  # __typename, or a type the validation already refused
                continue
            child_type = get_named_type(definition.type)
            # A connection's edges and nodes are its page, already counted on the connection.
            in_page = on_type.name.endswith("Connection")
            size = None if in_page else self._size(field, definition.type, child_type)
            if size is None:
                total += self.cost(field.selection_set, multiplier, child_type)
            else:
                nodes = multiplier * size
                total += nodes + self.cost(field.selection_set, nodes, child_type)
        return total

    def _size(self, field: FieldNode, field_type: Any, named: Any) -> int | None:
        """How many nodes a field can return: its page size for a connection, an estimate for
        a plain list, None for a single object or a scalar."""
        if named.name.endswith("Connection"):
            if not self._selects_page(field, named):
                return None  # totalCount or pageInfo only: no nodes come back
            requested = self.argument(field, "first") or self.argument(field, "last")
            if isinstance(requested, int) and requested > 0:
                return min(requested, MAX_PAGE_SIZE)
            return DEFAULT_PAGE_SIZE
        if isinstance(get_nullable_type(field_type), GraphQLList) and field.selection_set:
            return LIST_ESTIMATE
        return None


class _Reading(dict[str, Any]):
    """Variables that remember which of them the walk read."""

    def __init__(self, variables: dict[str, Any]) -> None:
        super().__init__(variables)
        self.read: set[str] = set()

    def __getitem__(self, name: str) -> Any:
        self.read.add(name)
        return super().__getitem__(name)

    def get(self, name: str, default: Any = None) -> Any:
        self.read.add(name)
        return super().get(name, default)


# A query's cost depends on its text, its operation and the few variables its page sizes
# name: walking the document costs more than the rest of a small query's execution.
MAX_CACHED_COSTS = 4096
_READS: dict[tuple[str, str | None], tuple[str, ...]] = {}
_COSTS: dict[tuple[Any, ...], int] = {}


def cached_query_cost(
    schema: GraphQLSchema,
    query: str,
    document: Any,
    operation_name: str | None,
    variables: dict[str, Any],
) -> int:
    """`query_cost`, remembered by the query and the values of the variables it reads."""
    shape = (query, operation_name)
    names = _READS.get(shape)
    if names is not None:
        key = _cost_key(shape, names, variables)
        if key in _COSTS:
            return _COSTS[key]
    reading = _Reading(variables)
    cost = query_cost(schema, document, operation_name, reading)
    if len(_COSTS) >= MAX_CACHED_COSTS:
        _COSTS.clear()
        _READS.clear()
    names = _READS[shape] = tuple(sorted(reading.read))
    _COSTS[_cost_key(shape, names, variables)] = cost
    return cost


def _cost_key(shape: tuple[str, str | None], names: tuple[str, ...], variables: Any) -> Any:
    # With the names: which variables a walk reads can depend on their values (`first or
    # last`); the same values of the same variables always give the same cost.
    return (*shape, names, *(json.dumps(variables.get(n), sort_keys=True) for n in names))


def query_cost(
    schema: GraphQLSchema, document: Any, operation_name: str | None, variables: dict[str, Any]
) -> int:
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    operation = next(
        (o for o in operations if o.name and o.name.value == operation_name),
        operations[0] if operations else None,
    )
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    walk = _Walk(schema, fragments, variables if variables is not None else {})
    return 1 + walk.cost(operation.selection_set, 1, root)


def _uses_introspection(document: Any) -> bool:
    """Whether any selection anywhere asks for __schema or __type."""
    stack = [d.selection_set for d in document.definitions if hasattr(d, "selection_set")]
    while stack:
        selection_set = stack.pop()
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode) and selection.name.value in {"__schema", "__type"}:
                return True
            stack.append(getattr(selection, "selection_set", None))
    return False


class QueryGuard(SchemaExtension):
    """Refuses over-costly queries, charges API tokens, and closes introspection to tokens in
    production, before anything is executed."""

    async def on_execute(self) -> Any:
        refusal = await self._refusal()
        if refusal is not None:
            self.execution_context.result = ExecutionResult(data=None, errors=[refusal])
        yield

    async def _refusal(self) -> GraphQLError | None:
        execution = self.execution_context
        context = execution.context
        document = execution.graphql_document
        if document is None:
            return None
        cost = cached_query_cost(
            execution.schema._schema,
            execution.query or "",
            document,
            execution.operation_name,
            execution.variables or {},
        )
        if cost > MAX_QUERY_COST:
            return _error(
                f"查询开销为 {cost} 个节点，超过上限 {MAX_QUERY_COST}；请减小 first/last 或分页查询。",
                ErrorCode.QUERY_TOO_COSTLY,
                cost=cost,
                maximum=MAX_QUERY_COST,
            )
        principal = context.principal
        if not principal.is_token:
            return None
        if context.settings.production and _uses_introspection(document):
            return _error("生产环境不向 API 令牌开放内省查询。", ErrorCode.FORBIDDEN)
        return await _charge(context.db.session, principal.token_id, points_for(cost))


async def _charge(session: AsyncSession, token_id: int, points: int) -> GraphQLError | None:
    """Spend `points` from the token's hour in one statement, so parallel queries cannot
    overspend; an hour after the window opened, a new one starts."""
    from backend.accounts.models import ApiToken

    now = utcnow()
    expired = or_(
        col(ApiToken.budget_window_start).is_(None),
        col(ApiToken.budget_window_start) <= now - BUDGET_WINDOW,
    )
    spent = case((expired, 0), else_=col(ApiToken.budget_used)) + points
    charged = await session.execute(
        update(ApiToken)
        .where(col(ApiToken.id) == token_id, spent <= TOKEN_POINTS_PER_HOUR)
        .values(
            budget_used=spent,
            budget_window_start=case((expired, now), else_=col(ApiToken.budget_window_start)),
        )
        .returning(col(ApiToken.id))
        .execution_options(synchronize_session=False)
    )
    found = charged.first() is not None
    await session.commit()
    if found:
        return None
    window_start = await session.scalar(
        select(col(ApiToken.budget_window_start)).where(col(ApiToken.id) == token_id)
    )
    reset_at: datetime = (window_start or now) + BUDGET_WINDOW
    seconds = max(1, int((reset_at - now).total_seconds()) + 1)
    return _error(
        f"本小时的查询额度（{TOKEN_POINTS_PER_HOUR} 点）已用完，{seconds} 秒后重置。",
        ErrorCode.RATE_LIMITED,
        resetAt=reset_at.isoformat(),
        retryAfterSeconds=seconds,
    )


def _error(message: str, code: ErrorCode, **details: Any) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code.value, **details})

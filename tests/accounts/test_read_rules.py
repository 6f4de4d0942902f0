"""One read rule per type: its root list, `node(id)` and nested lists see the same rows.

Over the demo street, for every node type and every demo role: a role that the type's read rule
refuses finds none of its rows through `node(id)`, and every row a root list shows is found by
`node(id)` (no list shows what `node` hides). Root lists of a type are guarded by that type's
read rule, so the permission matrix and the row rules cannot drift apart.
"""

from __future__ import annotations

from typing import Any

import pytest
from graphql import GraphQLNonNull, GraphQLObjectType, get_named_type
from sqlalchemy import Engine, select
from sqlmodel import col
from strawberry.types.base import StrawberryObjectDefinition

from backend import factories
from backend.accounts.models import RoleGrant, User
from backend.core.models import key
from backend.core.permissions import rule_of
from backend.core.principal import Grant, Role
from backend.core.schema import schema
from backend.core.scope import Scope, read_rule, registered_models
from backend.core.scope import _rules as scope_rules
from backend.core.settings import Settings
from backend.core.types import ModelNode
from backend.organisations.models import Organisation
from backend.seed import seed
from tests.client import GraphQLClient
from tests.helpers import gid

DEMO_USERS = {
    Role.STREET_ADMIN: "admin",
    Role.CONVENER: "convener",
    Role.VOLUNTEER_COORDINATOR: "coordinator",
    Role.UNIT_LIAISON: "liaison",
    Role.COMMITTEE_MEMBER: "member",
}
ROWS_PER_TYPE = 24
ALIASES_PER_QUERY = 30
# Root lists of rows that belong to the caller, whatever their roles ("my" lists).
OWN_LISTS = {"myActionItems", "myNotifications", "myPointsLedger", "myDispatches"}


def node_types() -> dict[str, type[Any]]:
    """GraphQL type name → table model, for every node type backed by a registered table."""
    models = registered_models()
    found = {}
    for type_def in schema._schema.type_map.values():
        definition = getattr(type_def, "extensions", {}).get("strawberry-definition")
        if not isinstance(definition, StrawberryObjectDefinition):
            continue
        origin = definition.origin
        if isinstance(origin, type) and issubclass(origin, ModelNode):
            model = origin.by_id_loader.model
            if model in models:
                found[type_def.name] = model
    return found


def root_lists() -> dict[str, str]:
    """Root query field → node type, for connections that take no required argument."""
    query = schema._schema.query_type
    assert query is not None
    lists = {}
    for name, field in query.fields.items():
        returned = get_named_type(field.type)
        if not (isinstance(returned, GraphQLObjectType) and returned.name.endswith("Connection")):
            continue
        if any(isinstance(arg.type, GraphQLNonNull) for arg in field.args.values()):
            continue
        node = get_named_type(returned.fields["edges"].type).fields["node"]
        lists[name] = get_named_type(node.type).name
    return lists


def scope_of_all_grants(engine: Engine, user_id: int) -> Scope:
    statement = (
        select(
            col(RoleGrant.role),
            col(RoleGrant.organisation_id),
            col(Organisation.path),
            col(RoleGrant.unit_id),
        )
        .join(Organisation, col(Organisation.id) == col(RoleGrant.organisation_id))
        .where(col(RoleGrant.user_id) == user_id)
    )
    with engine.connect() as connection:
        grants = tuple(Grant(*row) for row in connection.execute(statement))
    return Scope.of_grants(grants, user_id=user_id)


def candidate_ids(engine: Engine, model: type[Any], scope: Scope) -> list[int]:
    """Rows that any grant of the user reaches, whatever its role: the rows a side door would
    show (the row condition without the read rule's roles)."""
    condition = scope_rules[model].condition(scope)
    with engine.connect() as connection:
        statement = select(model.id).where(condition).order_by(model.id)
        ids = list(connection.execute(statement).scalars())
    step = max(1, len(ids) // ROWS_PER_TYPE)
    return ids[::step][:ROWS_PER_TYPE]


async def found_by_node(gql: GraphQLClient, type_name: str, ids: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(ids), ALIASES_PER_QUERY):
        batch = ids[start : start + ALIASES_PER_QUERY]
        fields = " ".join(f'n{key}: node(id: "{gid(type_name, key)}") {{ id }}' for key in batch)
        body = await gql.execute(f"{{ {fields} }}")
        for error in body.get("errors", []):
            assert error["extensions"]["code"] == "NOT_FOUND", error
        data = body.get("data") or {}
        found |= {key for key in batch if data.get(f"n{key}") is not None}
    return found


async def listed_by_root(gql: GraphQLClient, field: str) -> set[int] | None:
    body = await gql.execute(f"{{ {field}(first: 100) {{ edges {{ node {{ id }} }} }} }}")
    if body.get("errors"):
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body["errors"]
        return None
    from backend.core.ids import parse_global_id

    return {parse_global_id(e["node"]["id"])[1] for e in body["data"][field]["edges"]}


def test_every_root_list_is_guarded_by_the_read_rule_of_its_type() -> None:
    types = node_types()
    mismatched = []
    for name, type_name in root_lists().items():
        model = types.get(type_name)
        if model is None or name in OWN_LISTS:
            continue
        field_rule = rule_of(schema.get_field_for_type(name, "Query"))
        if field_rule is not read_rule(model):
            mismatched.append(f"{name}: {field_rule} ≠ {read_rule(model)} of {type_name}")
    assert mismatched == []


@pytest.fixture
def demo_street(settings: Settings, sync_engine: Engine) -> Engine:
    seed(settings)
    factories.session.configure(bind=sync_engine)  # the seed binds its own engine
    return sync_engine


async def test_node_and_root_lists_follow_the_read_rule_of_every_type(
    gql: GraphQLClient, demo_street: Engine
) -> None:
    types = node_types()
    lists = root_lists()
    side_doors, hidden_by_node, checked = [], [], 0
    for role, username in DEMO_USERS.items():
        user = factories.session.scalars(select(User).where(col(User.username) == username)).one()
        user_id = key(user)
        gql._use_session(user)
        gql.acting_as_admin = False
        everything_granted = scope_of_all_grants(demo_street, user_id)
        for type_name, model in types.items():
            rule = read_rule(model)
            if rule is None or rule.allows(role=role):
                continue
            candidates = candidate_ids(demo_street, model, everything_granted)
            checked += len(candidates)
            found = await found_by_node(gql, type_name, candidates)
            if found:
                side_doors.append(f"{role.value} reads {len(found)} {type_name} by node(id)")
        for field, type_name in lists.items():
            listed = await listed_by_root(gql, field)
            if not listed or type_name not in types:
                continue
            missing = listed - await found_by_node(gql, type_name, sorted(listed))
            if missing:
                hidden_by_node.append(f"{role.value}: {field} lists {len(missing)} node() hides")
    assert side_doors == []
    assert hidden_by_node == []
    assert checked > 40  # the demo street gives the refused roles rows to try

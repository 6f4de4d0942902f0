"""Query cost: nodes requested, as GitHub counts them; a per-token hourly budget."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graphql import parse
from starlette.applications import Starlette

from backend.accounts.models import ApiToken
from backend.core.cost import TOKEN_POINTS_PER_HOUR, cached_query_cost, query_cost
from backend.core.schema import schema
from backend.factories import ApiTokenFactory, CommunityFactory, raw_token, session
from tests.client import AUTH_STATEMENTS, CountStatements, GraphQLClient

SCHEMA = schema._schema

NESTED = """
query Q($n: Int) {
  organisations(first: $n) { edges { node {
    residentUnits(first: 50) { nodes { name } }
  } } }
}
"""


def test_cost_multiplies_nested_page_sizes() -> None:
    assert query_cost(SCHEMA, parse("{ me { username } }"), None, {}) == 1
    assert query_cost(SCHEMA, parse("{ residentUnits { totalCount } }"), None, {}) == 1
    assert query_cost(SCHEMA, parse("{ residentUnits { nodes { name } } }"), None, {}) == 1 + 20
    # 10 organisations, then 50 units under each: 1 + 10 + 500
    assert query_cost(SCHEMA, parse(NESTED), None, {"n": 10}) == 511
    fragment = "query { ...F } fragment F on Query { needs(last: 7) { edges { node { id } } } }"
    assert query_cost(SCHEMA, parse(fragment), None, {}) == 8
    # plain lists count as 10 each: 20 units, 10 agreements each, 10 commitments each
    lists = "{ residentUnits { nodes { agreements { commitments { description } } } } }"
    assert query_cost(SCHEMA, parse(lists), None, {}) == 1 + 20 + 200 + 2000


async def test_an_over_costly_query_is_refused_before_it_runs(
    gql: GraphQLClient, count_statements: CountStatements
) -> None:
    CommunityFactory.create()
    costly = """{ organisations(first: 100) { edges { node {
        residentUnits(first: 100) { nodes { agreements { commitments { description } } } }
        grids(first: 100) { nodes { name } } } } } }"""

    with count_statements() as counter:
        body = await gql.execute(costly)

    error = body["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    # 100 + 100×100 units, 10 agreements each, 10 commitments each, + 100×100 grids
    assert error["extensions"]["cost"] == 1 + 100 + 10_000 + 100_000 + 1_000_000 + 10_000
    assert "超过上限" in error["message"]
    assert counter.count == AUTH_STATEMENTS  # the query itself never ran


async def test_a_token_spends_its_hourly_budget_and_is_told_when_it_resets(
    gql: GraphQLClient,
) -> None:
    community = CommunityFactory.create()
    token = ApiTokenFactory.create(organisation_id=community.id, scopes="read:units")
    gql.use_token(raw_token(token))

    first = await gql.execute("{ residentUnits(first: 100) { nodes { name } } }")
    session.expire_all()
    spent = session.get(ApiToken, token.id)
    assert spent is not None
    assert "errors" not in first
    assert spent.budget_used == 1

    spent.budget_used = TOKEN_POINTS_PER_HOUR
    session.commit()
    refused = await gql.execute("{ residentUnits { totalCount } }")

    error = refused["errors"][0]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert 0 < error["extensions"]["retryAfterSeconds"] <= 3600
    assert "秒后重置" in error["message"]

    # an hour later the budget is fresh again
    session.expire_all()
    later = session.get(ApiToken, token.id)
    assert later is not None
    later.budget_window_start = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1, seconds=1)
    session.commit()
    assert "errors" not in await gql.execute("{ residentUnits { totalCount } }")


async def test_introspection_is_closed_to_tokens_only_in_production(
    gql: GraphQLClient, app: Starlette
) -> None:
    community = CommunityFactory.create()
    gql.use_token(raw_token(ApiTokenFactory.create(organisation_id=community.id)))
    query = "{ __schema { queryType { name } } }"

    development = await gql.execute(query)
    settings = app.state.settings
    object.__setattr__(settings, "production", True)
    try:
        production = await gql.execute(query)
    finally:
        object.__setattr__(settings, "production", False)

    assert development["data"]["__schema"]["queryType"]["name"] == "Query"
    assert production["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_a_remembered_cost_follows_the_variables_it_depends_on() -> None:
    query = "query($f: Int, $l: Int) { residentUnits(first: $f, last: $l) { nodes { name } } }"
    document = parse(query)

    def cost(variables: dict[str, Any]) -> int:
        return cached_query_cost(SCHEMA, query, document, None, variables)

    assert cost({"f": 5}) == 1 + 5
    assert cost({"l": 7}) == 1 + 7
    assert cost({"f": 5, "l": 7}) == 1 + 5
    assert cost({"f": None, "l": 5}) == 1 + 5
    assert cost({"f": 5}) == 1 + 5
    assert cost({}) == 1 + 20

"""A query text is parsed and validated once per process; what callers see does not change:
the same answers, the same Chinese errors on every request, each request's own variables."""

from __future__ import annotations

import uuid
from typing import Any

import graphql
import pytest

from backend.core import prepared
from backend.core.principal import Role
from backend.factories import CommunityFactory, ResidentUnitFactory
from tests.client import GraphQLClient
from tests.helpers import gid


def _unique(query: str) -> str:
    """The same query under a text no earlier test has sent, so that it starts uncached."""
    return f"{query} # {uuid.uuid4().hex}"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The query texts graphql-core's parser is given through the cache."""
    seen: list[str] = []

    def counting(text: str, **options: Any) -> Any:
        seen.append(text)
        return graphql.parse(text, **options)

    monkeypatch.setattr(prepared, "parse", counting)
    return seen


async def test_a_query_is_parsed_once_and_each_request_gets_its_own_variables(
    gql: GraphQLClient, parses: list[str]
) -> None:
    community = CommunityFactory.create()
    first = ResidentUnitFactory.create(community_id=community.id, name="龙山小区物业服务中心")
    second = ResidentUnitFactory.create(community_id=community.id, name="湖寮镇中心小学")
    gql.sign_in(Role.STREET_ADMIN, community)
    query = _unique("query U($id: ID!) { node(id: $id) { ... on ResidentUnit { name } } }")

    names = [
        (await gql.data(query, {"id": gid("ResidentUnit", unit.id)}))["node"]["name"]
        for unit in (first, second, first)
    ]

    assert names == ["龙山小区物业服务中心", "湖寮镇中心小学", "龙山小区物业服务中心"]
    assert parses.count(query) == 1


async def test_an_invalid_query_is_refused_in_chinese_every_time(
    gql: GraphQLClient, parses: list[str]
) -> None:
    gql.sign_in(Role.STREET_ADMIN, CommunityFactory.create())
    query = _unique("{ residentUnits { totalCount nosuchfield } }")

    bodies = [await gql.execute(query) for _ in range(3)]

    for body in bodies:
        assert body.get("data") is None
        assert [error["message"] for error in body["errors"]] == [
            "类型 ResidentUnitConnection 没有字段 nosuchfield。"
        ]
        assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert parses.count(query) == 1


async def test_a_syntax_error_is_reported_as_before(gql: GraphQLClient) -> None:
    for _ in range(2):
        body = await gql.execute(_unique("{ residentUnits { totalCount "))

        assert body["errors"][0]["message"] == "查询语法错误。"
        assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_a_very_long_query_text_is_not_kept(gql: GraphQLClient, parses: list[str]) -> None:
    gql.sign_in(Role.STREET_ADMIN, CommunityFactory.create())
    query = _unique("{ __typename }" + " " * prepared.MAX_CACHED_QUERY_LENGTH)

    for _ in range(2):
        assert await gql.data(query) == {"__typename": "Query"}

    assert parses.count(query) == 0  # parsed by strawberry itself, each time

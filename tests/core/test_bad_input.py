"""Bad IDs, filters and page sizes get a clear Chinese GraphQL error: never a 500, never a trace."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from backend.factories import ResidentUnitFactory
from tests.client import GraphQLClient
from tests.helpers import gid

NODE = "query Node($id: ID!) { node(id: $id) { id } }"
UNITS = """
query Units($filter: ResidentUnitFilter, $first: Int, $last: Int, $after: String) {
  residentUnits(filter: $filter, first: $first, last: $last, after: $after) { totalCount }
}
"""


def single_error(body: dict[str, Any]) -> dict[str, Any]:
    assert body.get("data") is None or all(v is None for v in body["data"].values())
    assert len(body["errors"]) == 1, body["errors"]
    error: dict[str, Any] = body["errors"][0]
    assert "Traceback" not in error["message"]
    return error


@pytest.mark.parametrize(
    ("global_id", "code"),
    [
        ("not-base64!!", "INVALID_ID"),
        (gid("ResidentUnit", 0), "INVALID_ID"),
        ("UmVzaWRlbnRVbml0OmFiYw==", "INVALID_ID"),  # ResidentUnit:abc
        ("x" * 500, "INVALID_ID"),
        (gid("ResidentUnit", 999_999), "NOT_FOUND"),
        (gid("NoSuchType", 1), "NOT_FOUND"),
        (gid("OrganisationKind", 1), "NOT_FOUND"),
    ],
)
async def test_unknown_or_malformed_ids_are_named_errors(
    gql: GraphQLClient, global_id: str, code: str
) -> None:
    response = await gql.post(NODE, {"id": global_id})

    assert response.status_code == 200
    error = single_error(response.json())
    assert error["extensions"]["code"] == code
    assert "ID" in error["message"]


async def test_an_id_of_the_wrong_type_in_a_filter_is_refused(gql: GraphQLClient) -> None:
    unit = ResidentUnitFactory.create()

    body = await gql.execute(UNITS, {"filter": {"organisation": gid("ResidentUnit", unit.id)}})

    error = single_error(body)
    assert error["extensions"] == {"code": "INVALID_ID", "argument": "filter.organisation"}
    assert error["message"] == "参数 filter.organisation 应为Organisation类型的 ID。"


async def test_a_bad_enum_value_in_a_filter_is_a_validation_error_in_chinese(
    gql: GraphQLClient,
) -> None:
    response = await gql.post(UNITS, {"filter": {"kind": "CASTLE"}})

    assert response.status_code == 200
    error = single_error(response.json())
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "CASTLE" in error["message"]
    assert "ResidentUnitKind" in error["message"]


@pytest.mark.parametrize(
    ("variables", "code", "argument"),
    [
        ({"first": 101}, "PAGE_SIZE_EXCEEDED", "first"),
        ({"last": 1000}, "PAGE_SIZE_EXCEEDED", "last"),
        ({"first": -1}, "INVALID_ARGUMENT", "first"),
        ({"first": 5, "last": 5}, "INVALID_ARGUMENT", "last"),
        ({"after": "garbage"}, "INVALID_ARGUMENT", "after"),
        ({"filter": {"search": "长" * 51}}, "INVALID_ARGUMENT", "search"),
    ],
)
async def test_bad_page_arguments_are_refused(
    gql: GraphQLClient, variables: dict[str, Any], code: str, argument: str
) -> None:
    body = await gql.execute(UNITS, variables)

    error = single_error(body)
    assert error["extensions"]["code"] == code
    assert error["extensions"]["argument"] == argument
    assert error["message"].isascii() is False  # worded in Chinese


async def test_a_page_of_exactly_the_maximum_is_allowed(gql: GraphQLClient) -> None:
    ResidentUnitFactory.create()

    data = await gql.data(UNITS, {"first": 100})

    assert data["residentUnits"]["totalCount"] == 1


async def test_over_deep_queries_and_alias_floods_are_refused(gql: GraphQLClient) -> None:
    deep = "{ organisations { edges { node { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }"
    aliases = "{ " + " ".join(f"a{n}: organisations {{ totalCount }}" for n in range(40)) + " }"

    for query, text in ((deep, "嵌套过深"), (aliases, "别名过多")):
        response = await gql.post(query)
        assert response.status_code == 200
        error = single_error(response.json())
        assert text in error["message"]


async def test_malformed_json_and_syntax_errors_never_give_a_500(gql: GraphQLClient) -> None:
    broken_json = await gql.http.post(
        "/graphql", content=b"{not json", headers={"content-type": "application/json"}
    )
    syntax = await gql.post("{ residentUnits { ")

    assert broken_json.status_code == 400
    assert syntax.status_code == 200
    assert single_error(syntax.json())["message"] == "查询语法错误。"


async def test_unexpected_failures_are_masked_with_a_request_id(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from backend.factories import CommunityFactory
    from backend.units.loaders import ResidentUnitsByCommunityLoader
    from backend.units.models import ResidentUnit

    async def broken(
        self: ResidentUnitsByCommunityLoader, keys: Sequence[int]
    ) -> list[list[ResidentUnit]]:
        raise RuntimeError("secret connection string postgres://admin:pw@db")

    monkeypatch.setattr(ResidentUnitsByCommunityLoader, "_load", broken)
    CommunityFactory.create()

    body = await gql.execute("{ organisations { edges { node { unitCount } } } }")

    error = body["errors"][0]
    assert error["extensions"]["code"] == "INTERNAL_ERROR"
    request_id = error["extensions"]["requestId"]
    assert error["message"] == f"服务器内部错误。请求编号：{request_id}"
    assert "secret" not in str(body)
    assert request_id in caplog.text and "secret connection string" in caplog.text


async def test_a_fragment_bomb_is_refused_without_being_expanded(gql: GraphQLClient) -> None:
    import time

    levels = 30
    fragments = ["fragment F0 on Organisation { id name }"]
    fragments += [
        f"fragment F{n} on Organisation {{ ...F{n - 1} parent {{ ...F{n - 1} }} }}"
        for n in range(1, levels)
    ]
    query = f"{{ organisations {{ nodes {{ ...F{levels - 1} }} }} }} {' '.join(fragments)}"

    started = time.perf_counter()
    response = await gql.post(query)
    elapsed = time.perf_counter() - started

    assert response.status_code == 200
    messages = [e["message"] for e in response.json()["errors"]]
    assert any("字段过多" in m for m in messages), messages
    assert elapsed < 1.0

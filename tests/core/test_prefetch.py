"""A page loads the relations its query selects ahead, so their fields resolve without waiting;
the same fields reached one object at a time still load, with the same answers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from backend.core import prefetch
from backend.core.compiled import extension
from backend.core.principal import Role
from backend.factories import (
    CommunityFactory,
    MembershipFactory,
    PersonFactory,
    ResidentUnitFactory,
)
from backend.organisations.models import Organisation
from backend.people.models import CommitteeRole
from tests.client import CountStatements, GraphQLClient
from tests.helpers import gid

UNIT = "liaison { name mobile } committeeMembers { person { name } roles }"
PAGE = f"""query P($c: ID!) {{ node(id: $c) {{ ... on Organisation {{
  residentUnits(first: 10) {{ edges {{ node {{ id name {UNIT} }} }} }} }} }} }}"""
ONE = f"query U($u: ID!) {{ node(id: $u) {{ ... on ResidentUnit {{ id name {UNIT} }} }} }}"


@pytest.fixture(autouse=True)
def resolvers_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the resolver path; the compiled one would answer them first."""
    monkeypatch.setattr(extension, "plan_for", lambda *_args: None)


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The relation fields that had to wait for a load instead of finding their value ready."""
    waited: list[str] = []
    ready_or = prefetch.ready_or

    def counting(node: Any, field: str, load: Callable[[], Awaitable[Any]], **kw: Any) -> Any:
        if field not in node.__dict__.get("_prefetched", {}):
            waited.append(field)
        return ready_or(node, field, load, **kw)

    for module in ("backend.units.types", "backend.people.types"):
        monkeypatch.setattr(f"{module}.ready_or", counting)
    return waited


def units(community: Organisation) -> None:
    for n in range(3):
        unit = ResidentUnitFactory.create(
            community=community,
            name=f"第{n + 1}驻区单位",
            liaison_id=PersonFactory.create(name=f"联络员{n + 1}").id if n else None,
        )
        MembershipFactory.create(
            unit=unit,
            person__name=f"委员{n + 1}",
            with_roles=[CommitteeRole.COMMUNITY_ADVISOR, CommitteeRole.POLICY_PUBLICIST],
        )


async def test_a_page_of_units_finds_its_relations_ready(
    gql: GraphQLClient, waits: list[str]
) -> None:
    community = CommunityFactory.create()
    units(community)
    gql.sign_in(Role.STREET_ADMIN, community)

    page = await gql.data(PAGE, {"c": gid("Organisation", community.id)})

    assert waits == []
    nodes = [edge["node"] for edge in page["node"]["residentUnits"]["edges"]]
    assert [(n["liaison"] or {}).get("name") for n in nodes] == [None, "联络员2", "联络员3"]
    assert [n["committeeMembers"][0]["roles"] for n in nodes] == [
        ["POLICY_PUBLICIST", "COMMUNITY_ADVISOR"]
    ] * 3


async def test_one_unit_alone_loads_the_same_relations_as_it_always_did(
    gql: GraphQLClient, waits: list[str]
) -> None:
    community = CommunityFactory.create()
    units(community)
    gql.sign_in(Role.STREET_ADMIN, community)
    page = await gql.data(PAGE, {"c": gid("Organisation", community.id)})
    together = [edge["node"] for edge in page["node"]["residentUnits"]["edges"]]
    waits.clear()

    alone = [(await gql.data(ONE, {"u": node["id"]}))["node"] for node in together]

    assert alone == together
    assert set(waits) == {"liaison", "committee_members", "person", "roles"}


async def test_a_failed_load_ahead_leaves_each_field_to_load_on_its_own(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    community = CommunityFactory.create()
    units(community)
    gql.sign_in(Role.STREET_ADMIN, community)
    expected = await gql.data(PAGE, {"c": gid("Organisation", community.id)})

    def failing(*_args: Any) -> Any:
        raise RuntimeError("the load ahead failed")

    monkeypatch.setattr(prefetch, "_loaded", failing)

    assert await gql.data(PAGE, {"c": gid("Organisation", community.id)}) == expected


async def test_a_relation_left_out_by_include_is_not_loaded_ahead(
    gql: GraphQLClient, count_statements: CountStatements
) -> None:
    community = CommunityFactory.create()
    units(community)
    gql.sign_in(Role.STREET_ADMIN, community)
    listing = """query P($c: ID!, $with: Boolean!) { node(id: $c) { ... on Organisation {
      residentUnits(first: 10) { nodes { name %s } } } } }"""
    variables = {"c": gid("Organisation", community.id), "with": False}

    with count_statements() as without:
        await gql.data(listing % "id @skip(if: $with)", variables)
    with count_statements() as left_out:
        data = await gql.data(
            listing % "id @skip(if: $with) liaison @include(if: $with) { name }", variables
        )

    assert left_out.count == without.count
    assert all("liaison" not in node for node in data["node"]["residentUnits"]["nodes"])

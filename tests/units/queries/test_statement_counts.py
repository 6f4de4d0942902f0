"""Nested relations load through dataloaders: the statement count does not grow with the data."""

from __future__ import annotations

from typing import Any

from backend.factories import (
    CommunityFactory,
    MembershipFactory,
    ResidentUnitFactory,
    StreetFactory,
)
from backend.people.models import CommitteeRole
from tests.client import AUTH_STATEMENTS, CountStatements, GraphQLClient

DIRECTORY = """
{
  organisations(filter: {kind: COMMUNITY_COMMITTEE}, first: 100) {
    totalCount
    edges { node {
      name
      residentUnits(first: 100) { totalCount edges { node {
        name
        liaison { name }
        committeeMembers { person { name mobile } roles roleLabels }
      } } }
    } }
  }
}
"""


def build_communities(count: int) -> None:
    street = StreetFactory.create()
    for _ in range(count):
        community = CommunityFactory.create(street=street)
        for _ in range(2):
            unit = ResidentUnitFactory.create(community=community)
            MembershipFactory.create(
                unit=unit,
                with_roles=[CommitteeRole.POLICY_PUBLICIST, CommitteeRole.COMMUNITY_ADVISOR],
            )


async def directory_statements(
    gql: GraphQLClient, count_statements: CountStatements
) -> tuple[int, dict[str, Any]]:
    with count_statements() as counter:
        data = await gql.data(DIRECTORY)
    return counter.count, data


async def test_directory_costs_the_same_for_4_and_40_communities(
    gql: GraphQLClient, count_statements: CountStatements
) -> None:
    build_communities(4)
    small_count, small = await directory_statements(gql, count_statements)
    build_communities(36)
    large_count, large = await directory_statements(gql, count_statements)

    assert small["organisations"]["totalCount"] == 4
    assert large["organisations"]["totalCount"] == 40
    roles = large["organisations"]["edges"][-1]["node"]["residentUnits"]["edges"][0]["node"]
    assert roles["committeeMembers"][0]["roleLabels"] == ["政策宣讲员", "社区工作参议员"]
    assert small_count == large_count
    # the page of communities with their total, then one batch each: units, memberships, roles, and
    # people (liaisons and members share the person loader)
    assert large_count == AUTH_STATEMENTS + 5

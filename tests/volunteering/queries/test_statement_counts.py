"""Nested relations load through dataloaders: the statement count does not grow with the data."""

from __future__ import annotations

from typing import Any

from backend.factories import (
    CommunityFactory,
    NeedFactory,
    PersonFactory,
    ServiceRecordFactory,
    TeamMemberFactory,
    VolunteerTeamFactory,
)
from backend.volunteering.models import TeamRole
from tests.client import AUTH_STATEMENTS, CountStatements, GraphQLClient

TEAMS = """
{
  volunteerTeams(first: 100) {
    totalCount
    nodes {
      name skills memberCount totalServiceMinutes community { name } leader { name }
      members { roleLabel person { name } }
    }
  }
}
"""
RECORDS = """
{
  serviceRecords(first: 100) {
    totalCount
    nodes { hours person { name } team { name } need { title } microWish { title } }
  }
}
"""


def build_teams(count: int) -> None:
    community = CommunityFactory.create()
    for _ in range(count):
        leader = PersonFactory.create()
        team = VolunteerTeamFactory.create(community=community, leader_id=leader.id)
        TeamMemberFactory.create(team=team, person=leader, role=TeamRole.LEADER)
        TeamMemberFactory.create(team=team)
        ServiceRecordFactory.create(team=team, person=leader)
        ServiceRecordFactory.create(team=team, need_id=NeedFactory.create(community=community).id)


async def statements(
    gql: GraphQLClient, count_statements: CountStatements, query: str
) -> tuple[int, dict[str, Any]]:
    with count_statements() as counter:
        data = await gql.data(query)
    return counter.count, data


async def test_teams_cost_the_same_for_4_and_40_teams(
    gql: GraphQLClient, count_statements: CountStatements
) -> None:
    build_teams(4)
    small_count, small = await statements(gql, count_statements, TEAMS)
    build_teams(36)
    large_count, large = await statements(gql, count_statements, TEAMS)

    assert small["volunteerTeams"]["totalCount"] == 4
    assert large["volunteerTeams"]["totalCount"] == 40
    assert large["volunteerTeams"]["nodes"][0]["totalServiceMinutes"] == 240
    assert small_count == large_count
    # the page with its total, then organisations, people (leaders; then members one level deeper),
    # members (shared by the list and memberCount), and one grouped sum of service minutes
    assert large_count == AUTH_STATEMENTS + 6


async def test_service_records_cost_the_same_for_4_and_44_records(
    gql: GraphQLClient, count_statements: CountStatements
) -> None:
    build_teams(2)
    small_count, small = await statements(gql, count_statements, RECORDS)
    build_teams(20)
    large_count, large = await statements(gql, count_statements, RECORDS)

    assert small["serviceRecords"]["totalCount"] == 4
    assert large["serviceRecords"]["totalCount"] == 44
    assert small_count == large_count
    # the page with its total, then one batch each: people, teams, needs (no micro-wish to load)
    assert large_count == AUTH_STATEMENTS + 4

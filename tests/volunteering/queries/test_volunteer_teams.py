from __future__ import annotations

import datetime as dt

from backend.factories import (
    CommunityFactory,
    PersonFactory,
    ServiceRecordFactory,
    StreetFactory,
    TeamMemberFactory,
    VolunteerTeamFactory,
)
from backend.volunteering.models import TeamRole
from tests.client import GraphQLClient
from tests.helpers import gid

TEAMS = """
query Teams($filter: VolunteerTeamFilter) {
  volunteerTeams(filter: $filter) {
    totalCount
    nodes {
      name skills memberCount totalServiceMinutes
      community { name } sponsorOrganisation { name } sponsorUnit { name } leader { name }
      members { role roleLabel joinedOn person { name mobile } }
    }
  }
}
"""


async def test_a_team_shows_its_skills_members_and_total_service_time(gql: GraphQLClient) -> None:
    # given a team with a leader, a member and three service records, one of them archived
    community = CommunityFactory.create(name="城东社区党委")
    leader = PersonFactory.create(name="王小明")
    team = VolunteerTeamFactory.create(
        name="红色先锋志愿服务队",
        community=community,
        skills="医疗义诊、法律咨询",
        leader_id=leader.id,
    )
    TeamMemberFactory.create(
        team=team, person=PersonFactory.create(name="李华"), joined_on=dt.date(2025, 4, 1)
    )
    TeamMemberFactory.create(team=team, person=leader, role=TeamRole.LEADER)
    ServiceRecordFactory.create(team=team, minutes=90)
    ServiceRecordFactory.create(team=team, minutes=30)
    ServiceRecordFactory.create(team=team, minutes=60, archived_at=dt.datetime.now(dt.UTC))

    # when
    data = await gql.data(TEAMS, {"filter": {"search": "红色先锋"}})

    # then
    assert data["volunteerTeams"]["totalCount"] == 1
    node = data["volunteerTeams"]["nodes"][0]
    assert node["skills"] == ["医疗义诊", "法律咨询"]
    assert node["memberCount"] == 2
    assert node["totalServiceMinutes"] == 120
    assert node["community"] == {"name": "城东社区党委"}
    assert node["sponsorOrganisation"] == {"name": "城东社区党委"}
    assert node["sponsorUnit"] is None
    assert node["leader"] == {"name": "王小明"}
    assert [(m["role"], m["roleLabel"]) for m in node["members"]] == [
        ("LEADER", "队长"),
        ("MEMBER", "队员"),
    ]
    assert node["members"][1]["person"]["name"] == "李华"
    assert node["members"][1]["person"]["mobile"][3:7] == "****"


async def test_teams_are_filtered_by_organisation_subtree_and_skill(gql: GraphQLClient) -> None:
    street = StreetFactory.create()
    east = CommunityFactory.create(street=street)
    west = CommunityFactory.create(street=street)
    VolunteerTeamFactory.create(name="城东义诊队", community=east, skills="医疗义诊")
    VolunteerTeamFactory.create(name="城西普法队", community=west, skills="法律咨询")
    VolunteerTeamFactory.create(name="别处的队")

    in_east = await gql.data(TEAMS, {"filter": {"organisation": gid("Organisation", east.id)}})
    in_street = await gql.data(TEAMS, {"filter": {"organisation": gid("Organisation", street.id)}})
    by_skill = await gql.data(TEAMS, {"filter": {"search": "法律"}})

    assert [n["name"] for n in in_east["volunteerTeams"]["nodes"]] == ["城东义诊队"]
    assert in_street["volunteerTeams"]["totalCount"] == 2
    assert [n["name"] for n in by_skill["volunteerTeams"]["nodes"]] == ["城西普法队"]
    assert [n["totalServiceMinutes"] for n in by_skill["volunteerTeams"]["nodes"]] == [0]

"""Volunteer teams: founded with a leader and skills; the roster grows and shrinks."""

from __future__ import annotations

from backend.core.principal import Role
from backend.factories import CommunityFactory, PersonFactory, ResidentUnitFactory
from tests.client import GraphQLClient
from tests.helpers import gid

ERRORS = "errors { field code message }"
CREATE = f"""mutation T($input: VolunteerTeamCreateInput!) {{ volunteerTeamCreate(input: $input) {{
  team {{ id name skills sponsorUnit {{ name }} members {{ role person {{ name }} }} }} {ERRORS} }} }}"""
ADD = f"""mutation A($input: VolunteerTeamMemberInput!) {{ volunteerTeamMemberAdd(input: $input) {{
  team {{ members {{ role person {{ name }} }} }} {ERRORS} }} }}"""
REMOVE = f"""mutation R($input: VolunteerTeamMemberInput!) {{ volunteerTeamMemberRemove(input: $input) {{
  team {{ members {{ person {{ name }} }} }} {ERRORS} }} }}"""


async def test_a_coordinator_founds_a_team_and_keeps_its_roster(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    hospital = ResidentUnitFactory.create(community=community, name="县人民医院")
    leader = PersonFactory.create(name="张队长", community_id=community.id)
    volunteer = PersonFactory.create(name="李队员", community_id=community.id)
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    team = {
        "community": gid("Organisation", community.id),
        "name": "医疗义诊志愿服务队",
        "skills": ["义诊", "健康讲座"],
        "leader": gid("Person", leader.id),
        "sponsorUnit": gid("ResidentUnit", hospital.id),
    }

    created = (await gql.data(CREATE, {"input": team}))["volunteerTeamCreate"]
    same_name = (await gql.data(CREATE, {"input": team}))["volunteerTeamCreate"]
    member = {"team": created["team"]["id"], "person": gid("Person", volunteer.id)}
    added = (await gql.data(ADD, {"input": member}))["volunteerTeamMemberAdd"]
    twice = (await gql.data(ADD, {"input": member}))["volunteerTeamMemberAdd"]
    removed = (await gql.data(REMOVE, {"input": member}))["volunteerTeamMemberRemove"]

    assert created["errors"] == []
    assert created["team"]["skills"] == ["义诊", "健康讲座"]
    assert created["team"]["sponsorUnit"] == {"name": "县人民医院"}
    assert created["team"]["members"] == [{"role": "LEADER", "person": {"name": "张队长"}}]
    assert same_name["errors"][0]["message"] == "本社区已有同名服务队。"
    assert [m["person"]["name"] for m in added["team"]["members"]] == ["张队长", "李队员"]
    assert twice["errors"][0]["message"] == "已是该服务队队员。"
    assert removed["team"]["members"] == [{"person": {"name": "张队长"}}]


async def test_skills_past_their_limits_are_refused_not_cut(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    team = {"community": gid("Organisation", community.id), "name": "技能服务队"}

    long_skill = await gql.data(CREATE, {"input": team | {"skills": ["修" * 21]}})
    many = await gql.data(CREATE, {"input": team | {"skills": [f"技能{n}" for n in range(13)]}})
    fits = await gql.data(CREATE, {"input": team | {"skills": ["修" * 20] * 12}})

    assert long_skill["volunteerTeamCreate"]["errors"] == [
        {
            "field": "skills",
            "code": "TOO_LONG",
            "message": "“修修修修修修修修修修…”：每项技能最多 20 个字。",
        }
    ]
    assert many["volunteerTeamCreate"]["errors"] == [
        {"field": "skills", "code": "INVALID", "message": "最多 12 项技能。"}
    ]
    assert fits["volunteerTeamCreate"]["team"]["skills"] == ["修" * 20] * 12

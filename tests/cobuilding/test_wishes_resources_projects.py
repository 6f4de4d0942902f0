"""Micro-wishes claimed once, resources published by units, projects tracked to done."""

from __future__ import annotations

import asyncio
import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from backend.cobuilding.models import (
    MicroWish,
    MicroWishStatus,
    ProjectPartner,
    ProjectStatus,
    ProjectUpdate,
)
from backend.core.principal import Role
from backend.factories import (
    AgreementFactory,
    CommitmentFactory,
    CommunityFactory,
    MembershipFactory,
    MicroWishFactory,
    MilestoneFactory,
    PersonFactory,
    ProjectFactory,
    ResidentUnitFactory,
    session,
)
from backend.people.models import CommitteeMembershipRole, CommitteeRole
from tests.helpers import gid

ERRORS = "errors { field code message }"
CLAIM = f"""mutation C($input: MicroWishClaimInput!) {{ microWishClaim(input: $input) {{
  wish {{ status claimedByPerson {{ name }} claimedByUnit {{ name }} }} {ERRORS} }} }}"""
FULFIL = f"""mutation F($input: MicroWishFulfilInput!) {{ microWishFulfil(input: $input) {{
  wish {{ status fulfilmentNote evidence {{ filename }} }} {ERRORS} }} }}"""
CONFIRM = (
    f"mutation K($wish: ID!) {{ microWishConfirm(wish: $wish) {{ wish {{ status }} {ERRORS} }} }}"
)
PUBLISH_RESOURCE = f"""mutation R($input: ResourcePublishInput!) {{ resourcePublish(input: $input) {{
  resource {{ title kindLabel capacity conditions unit {{ name }} }} {ERRORS} }} }}"""
UPDATE_PROJECT = f"""mutation U($input: ProjectUpdateInput!) {{ projectUpdate(input: $input) {{
  project {{ status budget followUpOfficer {{ person {{ name }} }} partners {{ name }} }} {ERRORS} }} }}"""
REPORT = f"""mutation P($input: ProjectReportInput!) {{ projectReport(input: $input) {{
  project {{ status spent updates {{ note spent }} }} {ERRORS} }} }}"""
COMPLETE = f"""mutation M($m: ID!) {{ projectMilestoneComplete(milestone: $m) {{
  project {{ isLate milestones {{ title doneOn isOverdue }} }} {ERRORS} }} }}"""
JPEG = b"\xff\xd8\xff\xe0" + b"photo" * 40


def member_user(gql, community, role=Role.COMMITTEE_MEMBER, unit=None, name="党员甲"):
    person = PersonFactory(name=name, community_id=community.id)
    user = gql.sign_in(role, community, unit=unit)
    user.person_id = person.id
    session.commit()
    return person


async def fulfil(gql, wish, note: str, files: list[tuple[str, bytes, str]]) -> dict:
    variables = {
        "input": {"wish": gid("MicroWish", wish.id), "note": note, "evidence": [None] * len(files)}
    }
    if not files:
        return (await gql.data(FULFIL, variables))["microWishFulfil"]
    response = await gql.http.post(
        "/graphql",
        data={
            "operations": json.dumps({"query": FULFIL, "variables": variables}),
            "map": json.dumps(
                {str(n): [f"variables.input.evidence.{n}"] for n in range(len(files))}
            ),
        },
        files={str(n): f for n, f in enumerate(files)},
    )
    assert response.status_code == 200, response.text
    return response.json()["data"]["microWishFulfil"]


async def test_a_wish_is_claimed_once_fulfilled_with_a_photo_and_confirmed(gql) -> None:
    community = CommunityFactory()
    wish = MicroWishFactory(community=community, title="想要一台收音机")
    member_user(gql, community, name="党员甲")

    claimed = await gql.data(CLAIM, {"input": {"wish": gid("MicroWish", wish.id)}})
    member_user(gql, community, name="党员乙")
    late = await gql.data(CLAIM, {"input": {"wish": gid("MicroWish", wish.id)}})
    not_theirs = await fulfil(gql, wish, "送到了", [("a.jpg", JPEG, "image/jpeg")])

    assert claimed["microWishClaim"] == {
        "wish": {"status": "CLAIMED", "claimedByPerson": {"name": "党员甲"}, "claimedByUnit": None},
        "errors": [],
    }
    assert late["microWishClaim"]["errors"] == [
        {"field": "wish", "code": "ALREADY_CLAIMED", "message": "该微心愿已被认领。"}
    ]
    assert not_theirs["errors"][0]["code"] == "NOT_OWNER"

    # the claimant fulfils it with a photo; staff confirm
    user = gql.sign_in(Role.COMMITTEE_MEMBER, community)
    session.expire_all()
    user.person_id = session.get(MicroWish, wish.id).claimed_by_person_id
    session.commit()
    no_photo = await fulfil(gql, wish, "送到了", [])
    done = await fulfil(gql, wish, "已送到老人家中", [("收音机.jpg", JPEG, "image/jpeg")])
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    confirmed = await gql.data(CONFIRM, {"wish": gid("MicroWish", wish.id)})

    assert no_photo["errors"][0] == {
        "field": "evidence",
        "code": "REQUIRED",
        "message": "请上传照片或文件作为实现的佐证。",
    }
    assert done == {
        "wish": {
            "status": "FULFILLED",
            "fulfilmentNote": "已送到老人家中",
            "evidence": [{"filename": "收音机.jpg"}],
        },
        "errors": [],
    }
    assert confirmed["microWishConfirm"] == {"wish": {"status": "CONFIRMED"}, "errors": []}


async def test_a_unit_liaison_claims_for_the_unit_from_the_wish_wall(gql) -> None:
    community = CommunityFactory()
    unit = ResidentUnitFactory(community=community, name="县人民医院")
    wish = MicroWishFactory(community=community)
    gql.sign_in(Role.UNIT_LIAISON, community, unit=unit)

    wall = await gql.data("{ microWishes { nodes { title beneficiaryName } } }")
    claimed = await gql.data(CLAIM, {"input": {"wish": gid("MicroWish", wish.id), "forUnit": True}})

    assert len(wall["microWishes"]["nodes"]) == 1
    assert "*" in wall["microWishes"]["nodes"][0]["beneficiaryName"]  # masked
    assert claimed["microWishClaim"]["wish"]["claimedByUnit"] == {"name": "县人民医院"}


async def test_simultaneous_claims_have_one_winner(gql, backend_name) -> None:
    if backend_name != "postgresql":
        pytest.skip("SQLite serialises writers; the race is a PostgreSQL concern")
    community = CommunityFactory()
    wish = MicroWishFactory(community=community)
    member_user(gql, community)

    results = await asyncio.gather(
        *(gql.data(CLAIM, {"input": {"wish": gid("MicroWish", wish.id)}}) for _ in range(5))
    )

    winners = [r for r in results if not r["microWishClaim"]["errors"]]
    assert len(winners) == 1
    session.expire_all()
    assert session.get(MicroWish, wish.id).status is MicroWishStatus.CLAIMED


async def test_a_liaison_publishes_its_units_resource_linked_to_a_commitment(gql) -> None:
    community = CommunityFactory()
    unit = ResidentUnitFactory(community=community, name="县供电局")
    other = ResidentUnitFactory(community=community, name="第一中学")
    commitment = CommitmentFactory(agreement=AgreementFactory(unit=unit))
    gql.sign_in(Role.UNIT_LIAISON, community, unit=unit)
    resource = {
        "kind": "EXPERTISE",
        "title": "电工服务队",
        "description": "每月两次入户检修。",
        "category": "专业服务",
        "capacity": 20,
        "conditions": "提前三天预约",
    }

    published = await gql.data(
        PUBLISH_RESOURCE,
        {
            "input": {
                **resource,
                "unit": gid("ResidentUnit", unit.id),
                "commitment": gid("AgreementCommitment", commitment.id),
            }
        },
    )
    for_other = await gql.execute(
        PUBLISH_RESOURCE, {"input": {**resource, "unit": gid("ResidentUnit", other.id)}}
    )
    negative = await gql.data(
        PUBLISH_RESOURCE,
        {"input": {**resource, "unit": gid("ResidentUnit", unit.id), "capacity": -1}},
    )

    assert published["resourcePublish"] == {
        "resource": {
            "title": "电工服务队",
            "kindLabel": "专业技能",
            "capacity": 20,
            "conditions": "提前三天预约",
            "unit": {"name": "县供电局"},
        },
        "errors": [],
    }
    assert for_other["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    linked = await gql.data(
        """query C($unit: ID!) { node(id: $unit) { ... on ResidentUnit {
          agreements { commitments { id resources { title } } } } } }""",
        {"unit": gid("ResidentUnit", unit.id)},
    )
    [agreement] = linked["node"]["agreements"]
    assert agreement["commitments"] == [
        {"id": gid("AgreementCommitment", commitment.id), "resources": [{"title": "电工服务队"}]}
    ]
    assert negative["resourcePublish"]["errors"][0]["code"] == "OUT_OF_RANGE"


async def test_a_project_gets_an_officer_reports_spending_and_completes_milestones(gql) -> None:
    community = CommunityFactory()
    lead = ResidentUnitFactory(community=community, name="龙山物业")
    partner = ResidentUnitFactory(community=community, name="县供电局")
    project = ProjectFactory(
        community=community,
        lead_unit_id=lead.id,
        status=ProjectStatus.PLANNED,
        budget_cents=0,
        spent_cents=0,
        starts_on=dt.date.today() - dt.timedelta(days=60),
    )
    late = MilestoneFactory(
        project=project, title="完成方案设计", due_on=dt.date.today() - dt.timedelta(days=3)
    )
    officer = MembershipFactory(unit=lead, person=PersonFactory(name="黄跟办"))
    plain = MembershipFactory(unit=lead, person=PersonFactory(name="普通委员"))
    session.add(
        CommitteeMembershipRole(
            membership_id=officer.id, role=CommitteeRole.PROJECT_FOLLOW_UP_OFFICER
        )
    )
    session.commit()
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    p = gid("Project", project.id)

    updated = await gql.data(
        UPDATE_PROJECT,
        {
            "input": {
                "project": p,
                "budget": 12000.5,
                "followUpOfficer": gid("CommitteeMembership", officer.id),
                "partners": [gid("ResidentUnit", partner.id)],
            }
        },
    )
    not_officer = await gql.data(
        UPDATE_PROJECT,
        {"input": {"project": p, "followUpOfficer": gid("CommitteeMembership", plain.id)}},
    )
    skip = await gql.data(UPDATE_PROJECT, {"input": {"project": p, "status": "DONE"}})
    too_big = await gql.data(UPDATE_PROJECT, {"input": {"project": p, "budget": 30_000_000}})
    infinite = await gql.data(
        UPDATE_PROJECT.replace("($input: ProjectUpdateInput!)", "").replace(
            "input: $input", f'input: {{project: "{p}", budget: 1e400}}'
        )
    )
    gql.sign_in(Role.UNIT_LIAISON, community, unit=partner)
    reported = await gql.data(
        REPORT, {"input": {"project": p, "note": "完成线路勘察。", "spent": 800}}
    )
    completed = await gql.data(COMPLETE, {"m": gid("ProjectMilestone", late.id)})

    assert updated["projectUpdate"] == {
        "project": {
            "status": "PLANNED",
            "budget": 12000.5,
            "followUpOfficer": {"person": {"name": "黄跟办"}},
            "partners": [{"name": "县供电局"}],
        },
        "errors": [],
    }
    assert not_officer["projectUpdate"]["errors"][0]["message"] == (
        "跟办员须是担任“共建项目跟办员”的兼职委员。"
    )
    assert skip["projectUpdate"]["errors"][0]["code"] == "ILLEGAL_TRANSITION"
    assert too_big["projectUpdate"]["errors"][0]["code"] == "OUT_OF_RANGE"
    assert infinite["projectUpdate"]["errors"][0]["code"] == "OUT_OF_RANGE"
    assert reported["projectReport"] == {
        "project": {
            "status": "IN_PROGRESS",
            "spent": 800.0,
            "updates": [{"note": "完成线路勘察。", "spent": 800.0}],
        },
        "errors": [],
    }
    assert completed["projectMilestoneComplete"]["project"]["isLate"] is False
    assert completed["projectMilestoneComplete"]["project"]["milestones"][0]["doneOn"] == (
        dt.date.today().isoformat()
    )


async def test_more_than_fifty_partners_are_refused_not_cut(gql) -> None:
    community = CommunityFactory()
    project = ProjectFactory(
        community=community, lead_unit_id=ResidentUnitFactory(community=community).id
    )
    units = [ResidentUnitFactory(community=community, name=f"单位{n}") for n in range(51)]
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)

    def update(some):
        partners = [gid("ResidentUnit", u.id) for u in some]
        return {"input": {"project": gid("Project", project.id), "partners": partners}}

    refused = await gql.data(UPDATE_PROJECT, update(units))

    assert refused["projectUpdate"] == {
        "project": None,
        "errors": [{"field": "partners", "code": "INVALID", "message": "参与单位最多 50 个。"}],
    }
    assert session.scalar(select(func.count()).select_from(ProjectPartner)) == 0

    kept = await gql.data(UPDATE_PROJECT, update(units[:50] + units[:1]))

    assert kept["projectUpdate"]["errors"] == []
    assert len(kept["projectUpdate"]["project"]["partners"]) == 50
    assert session.scalar(select(func.count()).select_from(ProjectPartner)) == 50


async def test_only_the_projects_own_people_report_progress(gql) -> None:
    community = CommunityFactory()
    project = ProjectFactory(
        community=community, lead_unit_id=ResidentUnitFactory(community=community).id
    )
    outsider = ResidentUnitFactory(community=community, name="无关单位")
    gql.sign_in(Role.UNIT_LIAISON, community, unit=outsider)

    refused = await gql.execute(
        REPORT, {"input": {"project": gid("Project", project.id), "note": "x"}}
    )

    # a project the liaison's unit has no part in is not even visible to it
    assert refused["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert session.scalar(select(func.count()).select_from(ProjectUpdate)) == 0


UPDATE_RESOURCE = f"""mutation R($input: ResourceUpdateInput!) {{ resourceUpdate(input: $input) {{
  resource {{ title capacity availability conditions }} {ERRORS} }} }}"""


async def test_a_resource_update_changes_what_is_sent_and_null_clears_what_may_be_empty(
    gql,
) -> None:
    community = CommunityFactory()
    unit = ResidentUnitFactory(community=community)
    gql.sign_in(Role.UNIT_LIAISON, community, unit=unit)
    published = await gql.data(
        PUBLISH_RESOURCE.replace("resource {", "resource { id"),
        {
            "input": {
                "unit": gid("ResidentUnit", unit.id),
                "kind": "VENUE",
                "title": "活动室",
                "description": "二楼活动室。",
                "category": "场地",
                "capacity": 40,
                "availability": "工作日晚上",
                "conditions": "提前预约",
            }
        },
    )
    resource = published["resourcePublish"]["resource"]["id"]

    renamed = await gql.data(
        UPDATE_RESOURCE, {"input": {"resource": resource, "title": "多功能厅"}}
    )
    cleared = await gql.data(
        UPDATE_RESOURCE,
        {"input": {"resource": resource, "capacity": None, "availability": None}},
    )
    no_title = await gql.execute(UPDATE_RESOURCE, {"input": {"resource": resource, "title": None}})
    literal = UPDATE_RESOURCE.replace("($input: ResourceUpdateInput!)", "").replace(
        "input: $input", f'input: {{resource: "{resource}", title: null}}'
    )
    no_title_literal = await gql.execute(literal)

    assert renamed["resourceUpdate"]["resource"] == {
        "title": "多功能厅",
        "capacity": 40,
        "availability": "工作日晚上",
        "conditions": "提前预约",
    }
    assert cleared["resourceUpdate"]["resource"] == {
        "title": "多功能厅",
        "capacity": None,
        "availability": None,
        "conditions": "提前预约",
    }
    assert no_title["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert no_title["errors"][0]["message"] == "此项不能设为 null：不修改请不传此项。"
    assert no_title_literal["errors"][0]["message"] == "title 不能设为 null：不修改请不传此项。"


async def test_a_project_update_clears_its_end_date_and_officer_with_null(gql) -> None:
    community = CommunityFactory()
    project = ProjectFactory(community=community, ends_on=dt.date(2027, 6, 30))
    officer = MembershipFactory(unit=ResidentUnitFactory(community=community))
    session.add(
        CommitteeMembershipRole(
            membership_id=officer.id, role=CommitteeRole.PROJECT_FOLLOW_UP_OFFICER
        )
    )
    project.follow_up_officer_id = officer.id
    session.commit()
    gql.sign_in(Role.CONVENER, community)
    p = gid("Project", project.id)

    kept = await gql.data(UPDATE_PROJECT, {"input": {"project": p, "budget": 100}})
    cleared = await gql.data(
        UPDATE_PROJECT, {"input": {"project": p, "endsOn": None, "followUpOfficer": None}}
    )

    assert kept["projectUpdate"]["project"]["followUpOfficer"] is not None
    assert cleared["projectUpdate"]["errors"] == []
    assert cleared["projectUpdate"]["project"]["followUpOfficer"] is None
    session.expire_all()
    stored = session.get(type(project), project.id)
    assert (stored.ends_on, stored.follow_up_officer_id) == (None, None)

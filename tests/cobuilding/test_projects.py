"""Co-building projects: an officer and partners assigned, spending reported, milestones
completed, tracked to done."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from backend.cobuilding.models import ProjectPartner, ProjectStatus, ProjectUpdate
from backend.core.models import key
from backend.core.principal import Role
from backend.factories import (
    CommunityFactory,
    MembershipFactory,
    MilestoneFactory,
    PersonFactory,
    ProjectFactory,
    ResidentUnitFactory,
    session,
)
from backend.people.models import CommitteeMembershipRole, CommitteeRole
from backend.units.models import ResidentUnit
from tests.client import GraphQLClient
from tests.cobuilding.helpers import ERRORS
from tests.helpers import gid

UPDATE_PROJECT = f"""mutation U($input: ProjectUpdateInput!) {{ projectUpdate(input: $input) {{
  project {{ status budget followUpOfficer {{ person {{ name }} }} partners {{ name }} }} {ERRORS} }} }}"""
REPORT = f"""mutation P($input: ProjectReportInput!) {{ projectReport(input: $input) {{
  project {{ status spent updates {{ note spent }} }} {ERRORS} }} }}"""
COMPLETE = f"""mutation M($m: ID!) {{ projectMilestoneComplete(milestone: $m) {{
  project {{ isLate milestones {{ title doneOn isOverdue }} }} {ERRORS} }} }}"""


async def test_a_project_gets_an_officer_reports_spending_and_completes_milestones(
    gql: GraphQLClient,
) -> None:
    community = CommunityFactory.create()
    lead = ResidentUnitFactory.create(community=community, name="龙山物业")
    partner = ResidentUnitFactory.create(community=community, name="县供电局")
    project = ProjectFactory.create(
        community=community,
        lead_unit_id=lead.id,
        status=ProjectStatus.PLANNED,
        budget_cents=0,
        spent_cents=0,
        starts_on=dt.date.today() - dt.timedelta(days=60),
    )
    late = MilestoneFactory.create(
        project=project, title="完成方案设计", due_on=dt.date.today() - dt.timedelta(days=3)
    )
    officer = MembershipFactory.create(unit=lead, person=PersonFactory.create(name="黄跟办"))
    plain = MembershipFactory.create(unit=lead, person=PersonFactory.create(name="普通委员"))
    session.add(
        CommitteeMembershipRole(
            membership_id=key(officer), role=CommitteeRole.PROJECT_FOLLOW_UP_OFFICER
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
    finer_than_fen = await gql.data(UPDATE_PROJECT, {"input": {"project": p, "budget": 10.005}})
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
    assert finer_than_fen["projectUpdate"]["errors"] == [
        {"field": "budget", "code": "OUT_OF_RANGE", "message": "预算最多精确到分（两位小数）。"}
    ]
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


async def test_more_than_fifty_partners_are_refused_not_cut(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    project = ProjectFactory.create(
        community=community, lead_unit_id=ResidentUnitFactory.create(community=community).id
    )
    units = [ResidentUnitFactory.create(community=community, name=f"单位{n}") for n in range(51)]
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)

    def update(some: list[ResidentUnit]) -> dict[str, Any]:
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


async def test_only_the_projects_own_people_report_progress(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    project = ProjectFactory.create(
        community=community, lead_unit_id=ResidentUnitFactory.create(community=community).id
    )
    outsider = ResidentUnitFactory.create(community=community, name="无关单位")
    gql.sign_in(Role.UNIT_LIAISON, community, unit=outsider)

    refused = await gql.execute(
        REPORT, {"input": {"project": gid("Project", project.id), "note": "x"}}
    )

    # a project the liaison's unit has no part in is not even visible to it
    assert refused["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert session.scalar(select(func.count()).select_from(ProjectUpdate)) == 0


async def test_a_project_update_clears_its_end_date_and_officer_with_null(
    gql: GraphQLClient,
) -> None:
    community = CommunityFactory.create()
    project = ProjectFactory.create(community=community, ends_on=dt.date(2027, 6, 30))
    officer = MembershipFactory.create(unit=ResidentUnitFactory.create(community=community))
    session.add(
        CommitteeMembershipRole(
            membership_id=key(officer), role=CommitteeRole.PROJECT_FOLLOW_UP_OFFICER
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
    stored = session.get_one(type(project), project.id)
    assert (stored.ends_on, stored.follow_up_officer_id) == (None, None)

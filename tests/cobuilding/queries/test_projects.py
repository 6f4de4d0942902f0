from __future__ import annotations

import datetime as dt

from backend.cobuilding.models import ProjectStatus
from backend.factories import (
    MembershipFactory,
    MilestoneFactory,
    NeedFactory,
    PersonFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ResidentUnitFactory,
)
from tests.client import GraphQLClient

PROJECTS = """
query Projects($filter: ProjectFilter) {
  projects(filter: $filter) {
    totalCount
    nodes {
      title status statusLabel isLate effectiveStatusLabel budget spent
      leadUnit { name } partners { name } followUpOfficer { person { name } }
      milestones { position title dueOn doneOn isOverdue }
      needs { title }
    }
  }
}
"""
TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


def build_projects() -> None:
    lead = ResidentUnitFactory.create(name="大埔县供电公司")
    officer = MembershipFactory.create(unit=lead, person=PersonFactory.create(name="张建国"))
    late = ProjectFactory.create(
        title="老旧小区路灯改造",
        lead_unit_id=lead.id,
        follow_up_officer_id=officer.id,
        budget_cents=5_000_000,
        spent_cents=1_234_550,
    )
    MilestoneFactory.create(
        project=late,
        position=1,
        title="现场勘察",
        due_on=TODAY - 30 * DAY,
        done_on=TODAY - 31 * DAY,
    )
    MilestoneFactory.create(project=late, position=2, title="施工", due_on=TODAY - DAY)
    ProjectPartnerFactory.create(
        project_id=late.id, unit_id=ResidentUnitFactory.create(name="县第一中学").id
    )
    NeedFactory.create(title="楼道照明损坏", project_id=late.id)
    on_time = ProjectFactory.create(title="社区食堂", status=ProjectStatus.PLANNED)
    MilestoneFactory.create(project=on_time, position=1, due_on=TODAY + 10 * DAY)
    finished = ProjectFactory.create(title="文化广场", status=ProjectStatus.DONE)
    MilestoneFactory.create(project=finished, position=1, due_on=TODAY - 10 * DAY)


async def test_a_project_with_an_overdue_milestone_reads_as_late(gql: GraphQLClient) -> None:
    # given a running project past a milestone, one on time, and a finished one
    build_projects()

    # when
    data = await gql.data(PROJECTS)

    # then
    projects = {n["title"]: n for n in data["projects"]["nodes"]}
    late = projects["老旧小区路灯改造"]
    assert (late["isLate"], late["statusLabel"], late["effectiveStatusLabel"]) == (
        True,
        "实施中",
        "已延期",
    )
    assert (late["budget"], late["spent"]) == (50000.0, 12345.5)
    assert late["leadUnit"] == {"name": "大埔县供电公司"}
    assert late["partners"] == [{"name": "县第一中学"}]
    assert late["followUpOfficer"] == {"person": {"name": "张建国"}}
    assert [(m["title"], m["isOverdue"]) for m in late["milestones"]] == [
        ("现场勘察", False),
        ("施工", True),
    ]
    assert late["needs"] == [{"title": "楼道照明损坏"}]
    assert (projects["社区食堂"]["isLate"], projects["社区食堂"]["effectiveStatusLabel"]) == (
        False,
        "计划中",
    )
    assert (projects["文化广场"]["isLate"], projects["文化广场"]["effectiveStatusLabel"]) == (
        False,
        "已完成",
    )


async def test_projects_are_filtered_by_lateness_status_and_text(gql: GraphQLClient) -> None:
    build_projects()

    late = await gql.data(PROJECTS, {"filter": {"late": True}})
    not_late = await gql.data(PROJECTS, {"filter": {"late": False}})
    planned = await gql.data(PROJECTS, {"filter": {"status": "PLANNED"}})
    by_text = await gql.data(PROJECTS, {"filter": {"search": "食堂"}})

    assert [n["title"] for n in late["projects"]["nodes"]] == ["老旧小区路灯改造"]
    assert sorted(n["title"] for n in not_late["projects"]["nodes"]) == ["文化广场", "社区食堂"]
    assert [n["title"] for n in planned["projects"]["nodes"]] == ["社区食堂"]
    assert [n["title"] for n in by_text["projects"]["nodes"]] == ["社区食堂"]

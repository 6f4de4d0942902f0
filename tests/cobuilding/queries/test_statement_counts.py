"""Nested relations load through dataloaders: the statement count does not grow with the data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from backend.cobuilding.models import MicroWishStatus
from backend.core.settings import Settings
from backend.factories import (
    CommunityFactory,
    GridFactory,
    MembershipFactory,
    MicroWishFactory,
    MilestoneFactory,
    NeedFactory,
    PersonFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ResidentUnitFactory,
)
from tests.client import AUTH_STATEMENTS, CountStatements, GraphQLClient

PROJECTS = """
{
  projects(first: 100) {
    totalCount
    nodes {
      title isLate effectiveStatusLabel budget community { name } leadUnit { name }
      partners { name } followUpOfficer { person { name } }
      milestones { title isOverdue }
      needs { title grid { name } raisedBy { name } }
    }
  }
}
"""
WISHES = """
{
  microWishes(first: 100) {
    totalCount
    nodes { title beneficiaryName grid { name } claimedByPerson { name } claimedByUnit { name } }
  }
}
"""


def build_projects(count: int) -> None:
    community = CommunityFactory.create()
    grid = GridFactory.create(community=community)
    for _ in range(count):
        lead = ResidentUnitFactory.create(community=community)
        project = ProjectFactory.create(
            community=community,
            lead_unit_id=lead.id,
            follow_up_officer_id=MembershipFactory.create(unit=lead).id,
        )
        for position in (1, 2):
            MilestoneFactory.create(
                project=project, position=position, due_on=dt.date(2026, position, 1)
            )
            ProjectPartnerFactory.create(
                project_id=project.id, unit_id=ResidentUnitFactory.create(community=community).id
            )
            NeedFactory.create(
                community=community,
                grid_id=grid.id,
                raised_by_id=PersonFactory.create().id,
                project_id=project.id,
            )
        MicroWishFactory.create(
            community=community,
            grid_id=grid.id,
            status=MicroWishStatus.CLAIMED,
            claimed_by_person_id=PersonFactory.create().id,
        )


async def statements(
    gql: GraphQLClient, count_statements: CountStatements, query: str
) -> tuple[int, dict[str, Any]]:
    with count_statements() as counter:
        data = await gql.data(query)
    return counter.count, data


async def test_projects_cost_the_same_for_4_and_40_projects(
    gql: GraphQLClient, count_statements: CountStatements, settings: Settings
) -> None:
    build_projects(4)
    small_count, small = await statements(gql, count_statements, PROJECTS)
    build_projects(36)
    large_count, large = await statements(gql, count_statements, PROJECTS)

    assert small["projects"]["totalCount"] == 4
    assert large["projects"]["totalCount"] == 40
    assert len(large["projects"]["nodes"][-1]["partners"]) == 2
    assert small_count == large_count
    # the page with its total, then one batch each: organisations, units (lead units), milestones
    # (shared by isLate and the list), partner links, partner units, memberships, needs,
    # grids, and people twice (the raisers, then the officers one level deeper)
    # On SQLite a query's reads answer at once (the reader), so loads of the next level can
    # join a batch still open: the officers' batch joins the raisers'.
    assert large_count == AUTH_STATEMENTS + (10 if settings.is_sqlite else 11)


async def test_micro_wishes_cost_the_same_for_4_and_40_wishes(
    gql: GraphQLClient, count_statements: CountStatements
) -> None:
    build_projects(4)
    small_count, small = await statements(gql, count_statements, WISHES)
    build_projects(36)
    large_count, large = await statements(gql, count_statements, WISHES)

    assert small["microWishes"]["totalCount"] == 4
    assert large["microWishes"]["totalCount"] == 40
    assert small_count == large_count
    # the page with its total, then beneficiaries' names, claimants, grids
    assert large_count == AUTH_STATEMENTS + 4

"""The needs board, dispatches and activities load their relations through dataloaders: the
statement count does not grow with the data."""

from __future__ import annotations

from backend.cobuilding.models import DispatchStatus, NeedDispatch, NeedStatus
from backend.core.models import key
from backend.factories import (
    CommunityFactory,
    GridFactory,
    NeedFactory,
    PersonFactory,
    ProjectFactory,
    ResidentUnitFactory,
    VolunteerActivityFactory,
    session,
)
from backend.volunteering.models import ActivitySignup
from tests.client import CountStatements, GraphQLClient

NEEDS = """{ needs(first: 100) { totalCount nodes {
  title grid { name } project { title } photos { filename }
  dispatches { statusLabel unit { name } project { title } } } } }"""
DISPATCHES = """{ needDispatches(first: 100) { totalCount nodes {
  statusLabel need { title grid { name } } unit { name } resource { title } } } }"""
ACTIVITIES = """{ volunteerActivities(first: 100) { totalCount nodes {
  title placesLeft community { name } project { title }
  signups { placeNumber person { name } serviceRecord { minutes } } } } }"""


def build(count: int) -> None:
    community = CommunityFactory.create()
    grid = GridFactory.create(community=community)
    unit = ResidentUnitFactory.create(community=community)
    for n in range(count):
        project = ProjectFactory.create(community=community, title=f"项目{n}")
        need = NeedFactory.create(
            community=community,
            grid_id=grid.id,
            project_id=project.id,
            status=NeedStatus.IN_PROGRESS,
        )
        session.add(
            NeedDispatch(
                need_id=key(need),
                unit_id=key(unit),
                status=DispatchStatus.ACCEPTED,
                project_id=project.id,
            )
        )
        activity = VolunteerActivityFactory.create(community=community, project_id=project.id)
        session.add(
            ActivitySignup(
                activity_id=key(activity), person_id=key(PersonFactory.create()), place_number=1
            )
        )
    session.commit()


async def test_lists_cost_the_same_for_4_and_40_rows(
    gql: GraphQLClient, count_statements: CountStatements
) -> None:
    build(4)
    small = {}
    for query in (NEEDS, DISPATCHES, ACTIVITIES):
        with count_statements() as counter:
            await gql.data(query)
        small[query] = counter.count
    build(36)
    for query in (NEEDS, DISPATCHES, ACTIVITIES):
        with count_statements() as counter:
            data = await gql.data(query)
        assert next(iter(data.values()))["totalCount"] == 40
        assert counter.count == small[query], query

"""Nested relations load through dataloaders: the statement count does not grow with the data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from backend.core.settings import Settings
from backend.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    AttendanceFactory,
    CommunityFactory,
    DecisionFactory,
    MeetingFactory,
    PersonFactory,
    ResidentUnitFactory,
)
from backend.meetings.models import AttendanceStatus
from tests.client import AUTH_STATEMENTS, CountStatements, GraphQLClient

MEETINGS = """
{
  jointMeetings(first: 100) {
    totalCount
    nodes {
      title presentCount organisation { name } chair { name }
      attendances { statusLabel person { name } unit { name } }
      agendaItems {
        title presenter { name }
        decision { outcomeLabel actionItems { title isOverdue ownerUnit { name } } }
      }
    }
  }
}
"""
ACTIONS = """
{
  actionItems(first: 100) {
    totalCount
    nodes {
      title meeting { title organisation { name } } decision { text }
      ownerUnit { name } ownerPerson { name }
    }
  }
}
"""


def build_meetings(count: int) -> None:
    community = CommunityFactory.create()
    for n in range(count):
        meeting = MeetingFactory.create(
            community=community,
            chair_id=PersonFactory.create().id,
            starts_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=n),
        )
        attending_unit = ResidentUnitFactory.create(community=community)
        owner = ResidentUnitFactory.create(community=community)
        for status in (AttendanceStatus.PRESENT, AttendanceStatus.ABSENT):
            AttendanceFactory.create(
                meeting_id=meeting.id,
                person_id=PersonFactory.create().id,
                unit_id=attending_unit.id,
                status=status,
            )
        for position in (1, 2):
            item = AgendaItemFactory.create(
                meeting=meeting, position=position, presenter_id=PersonFactory.create().id
            )
            decision = DecisionFactory.create(agenda_item=item)
            ActionItemFactory.create(decision=decision, owner_unit=owner)
            ActionItemFactory.create(
                decision=decision, owner_unit=owner, owner_person_id=PersonFactory.create().id
            )


async def statements(
    gql: GraphQLClient, count_statements: CountStatements, query: str
) -> tuple[int, dict[str, Any]]:
    with count_statements() as counter:
        data = await gql.data(query)
    return counter.count, data


async def test_meeting_minutes_cost_the_same_for_4_and_40_meetings(
    gql: GraphQLClient, count_statements: CountStatements, settings: Settings
) -> None:
    build_meetings(4)
    small_count, small = await statements(gql, count_statements, MEETINGS)
    build_meetings(36)
    large_count, large = await statements(gql, count_statements, MEETINGS)

    assert small["jointMeetings"]["totalCount"] == 4
    assert large["jointMeetings"]["totalCount"] == 40
    assert large["jointMeetings"]["nodes"][0]["presentCount"] == 1
    assert small_count == large_count
    # the page with its total; one batch each of attendances, organisations, agenda items, decisions and
    # action items; people and units in one batch per level of the tree they appear at (chairs,
    # attendees, presenters; attending units, owning units), whatever the number of rows
    # On SQLite a query's reads answer at once (the reader), so loads of the next level can
    # join a batch still open.
    assert large_count == AUTH_STATEMENTS + (10 if settings.is_sqlite else 11)


async def test_action_items_cost_the_same_for_4_and_40_meetings(
    gql: GraphQLClient, count_statements: CountStatements
) -> None:
    build_meetings(1)
    small_count, small = await statements(gql, count_statements, ACTIONS)
    build_meetings(10)
    large_count, large = await statements(gql, count_statements, ACTIONS)

    assert small["actionItems"]["totalCount"] == 4
    assert large["actionItems"]["totalCount"] == 44
    assert small_count == large_count
    # the page with its total, then decisions, agenda items, meetings, organisations, units, people:
    # the chain to the meeting costs one statement per step, not per item
    assert large_count == AUTH_STATEMENTS + 7

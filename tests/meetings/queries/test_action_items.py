from __future__ import annotations

import datetime as dt

from backend.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    CommunityFactory,
    DecisionFactory,
    MeetingFactory,
    PersonFactory,
    ResidentUnitFactory,
    StreetFactory,
)
from backend.meetings.models import ActionItemStatus, Decision
from backend.organisations.models import Organisation
from tests.client import GraphQLClient
from tests.helpers import gid

ACTIONS = """
query Actions($filter: ActionItemFilter) {
  actionItems(filter: $filter) {
    totalCount
    nodes {
      title dueOn status statusLabel isOverdue
      meeting { title } decision { text } ownerUnit { name } ownerPerson { name }
    }
  }
}
"""
TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


def decision_of(meeting_title: str, community: Organisation) -> Decision:
    meeting = MeetingFactory.create(title=meeting_title, community=community)
    return DecisionFactory.create(agenda_item=AgendaItemFactory.create(meeting=meeting))


async def test_overdue_means_open_and_past_its_due_date(gql: GraphQLClient) -> None:
    # given three items: open and past due, done and past due, open and not yet due
    decision = decision_of("第一季度联席会议", CommunityFactory.create())
    hospital = ResidentUnitFactory.create(name="大埔县人民医院")
    ActionItemFactory.create(
        decision=decision, owner_unit=hospital, title="维修照明", due_on=TODAY - DAY
    )
    ActionItemFactory.create(
        decision=decision,
        title="清理楼道",
        due_on=TODAY - 10 * DAY,
        status=ActionItemStatus.DONE,
    )
    ActionItemFactory.create(
        decision=decision,
        owner_unit=None,
        owner_unit_id=None,
        owner_person_id=PersonFactory.create(name="李华").id,
        title="回访居民",
        due_on=TODAY + DAY,
        status=ActionItemStatus.IN_PROGRESS,
    )

    # when
    overdue = await gql.data(ACTIONS, {"filter": {"overdue": True}})
    not_overdue = await gql.data(ACTIONS, {"filter": {"overdue": False}})
    everything = await gql.data(ACTIONS)

    # then
    [item] = overdue["actionItems"]["nodes"]
    assert (item["title"], item["isOverdue"], item["statusLabel"]) == ("维修照明", True, "待办理")
    assert item["meeting"] == {"title": "第一季度联席会议"}
    assert item["decision"] == {"text": "同意实施，由牵头单位负责落实。"}
    assert item["ownerUnit"] == {"name": "大埔县人民医院"}
    assert sorted(n["title"] for n in not_overdue["actionItems"]["nodes"]) == [
        "回访居民",
        "清理楼道",
    ]
    # earliest due first
    assert [n["title"] for n in everything["actionItems"]["nodes"]] == [
        "清理楼道",
        "维修照明",
        "回访居民",
    ]
    assert everything["actionItems"]["nodes"][2]["ownerPerson"] == {"name": "李华"}
    assert everything["actionItems"]["nodes"][2]["ownerUnit"] is None


async def test_items_are_filtered_by_the_meetings_organisation_owner_and_status(
    gql: GraphQLClient,
) -> None:
    street = StreetFactory.create()
    east = CommunityFactory.create(street=street)
    west = CommunityFactory.create(street=street)
    school = ResidentUnitFactory.create(name="湖寮镇中心小学")
    ActionItemFactory.create(decision=decision_of("城东会议", east), title="城东事项")
    ActionItemFactory.create(
        decision=decision_of("城西会议", west),
        title="城西事项",
        owner_unit=school,
        status=ActionItemStatus.BLOCKED,
    )
    officer = PersonFactory.create(name="黄跟办")
    ActionItemFactory.create(
        decision=decision_of("城西会议", west), title="黄跟办的事项", owner_person_id=officer.id
    )

    in_east = await gql.data(ACTIONS, {"filter": {"organisation": gid("Organisation", east.id)}})
    in_street = await gql.data(
        ACTIONS, {"filter": {"organisation": gid("Organisation", street.id)}}
    )
    by_owner = await gql.data(ACTIONS, {"filter": {"ownerUnit": gid("ResidentUnit", school.id)}})
    blocked = await gql.data(ACTIONS, {"filter": {"status": "BLOCKED"}})
    by_person = await gql.data(ACTIONS, {"filter": {"ownerPerson": gid("Person", officer.id)}})

    assert [n["meeting"]["title"] for n in in_east["actionItems"]["nodes"]] == ["城东会议"]
    assert in_street["actionItems"]["totalCount"] == 3
    assert [n["title"] for n in by_owner["actionItems"]["nodes"]] == ["城西事项"]
    assert [n["statusLabel"] for n in blocked["actionItems"]["nodes"]] == ["受阻"]
    assert [n["title"] for n in by_person["actionItems"]["nodes"]] == ["黄跟办的事项"]

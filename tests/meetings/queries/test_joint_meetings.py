from __future__ import annotations

import datetime as dt

from backend.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    AttendanceFactory,
    CommunityFactory,
    DecisionFactory,
    MeetingFactory,
    PersonFactory,
    ResidentUnitFactory,
    StreetFactory,
)
from backend.meetings.models import AttendanceStatus, DecisionOutcome, MeetingKind, MeetingStatus
from tests.client import GraphQLClient
from tests.helpers import gid

MEETINGS = """
query Meetings($filter: JointMeetingFilter) {
  jointMeetings(filter: $filter) {
    totalCount
    nodes { title kindLabel statusLabel startsAt organisation { name } }
  }
}
"""
MEETING = """
query Meeting($id: ID!) {
  node(id: $id) {
    ... on JointMeeting {
      title version presentCount chair { name }
      attendances { status statusLabel proxyName person { name } unit { name } }
      agendaItems {
        position title source sourceLabel presenter { name }
        decision {
          outcome outcomeLabel text votesFor votesAgainst votesAbstain
          actionItems { title ownerUnit { name } }
        }
      }
    }
  }
}
"""
Q1 = dt.datetime(2026, 3, 25, 1, 30, tzinfo=dt.UTC)


async def test_meetings_are_newest_first_and_filtered(gql: GraphQLClient) -> None:
    # given three meetings of two communities of one street
    street = StreetFactory.create()
    east = CommunityFactory.create(name="城东社区党委", street=street)
    west = CommunityFactory.create(name="城西社区党委", street=street)
    MeetingFactory.create(title="第一季度联席会议", community=east, starts_at=Q1)
    MeetingFactory.create(
        title="第二季度联席会议",
        community=east,
        starts_at=Q1 + dt.timedelta(days=91),
        status=MeetingStatus.PUBLISHED,
    )
    MeetingFactory.create(
        title="幸福小区议事会",
        community=west,
        kind=MeetingKind.COMPOUND_DELIBERATION,
        venue="幸福小区活动室",
        starts_at=Q1 + dt.timedelta(days=30),
    )

    # when
    everything = await gql.data(MEETINGS)
    in_east = await gql.data(MEETINGS, {"filter": {"organisation": gid("Organisation", east.id)}})
    by_kind = await gql.data(MEETINGS, {"filter": {"kind": "COMPOUND_DELIBERATION"}})
    by_status = await gql.data(MEETINGS, {"filter": {"status": "PUBLISHED"}})
    by_venue = await gql.data(MEETINGS, {"filter": {"search": "幸福小区"}})

    # then
    assert [n["title"] for n in everything["jointMeetings"]["nodes"]] == [
        "第二季度联席会议",
        "幸福小区议事会",
        "第一季度联席会议",
    ]
    assert in_east["jointMeetings"]["totalCount"] == 2
    meeting = by_kind["jointMeetings"]["nodes"][0]
    assert (meeting["title"], meeting["kindLabel"]) == ("幸福小区议事会", "小区议事会")
    assert meeting["organisation"] == {"name": "城西社区党委"}
    assert [n["statusLabel"] for n in by_status["jointMeetings"]["nodes"]] == ["已发布议程"]
    assert by_venue["jointMeetings"]["totalCount"] == 1


async def test_a_meeting_shows_attendance_agenda_decisions_and_actions_in_order(
    gql: GraphQLClient,
) -> None:
    # given a meeting with three invitees and two agenda items, the first decided
    meeting = MeetingFactory.create(chair_id=PersonFactory.create(name="王书记").id)
    hospital = ResidentUnitFactory.create(name="大埔县人民医院")
    for name, status, unit_id in (
        ("张医生", AttendanceStatus.PRESENT, hospital.id),
        ("李老师", AttendanceStatus.PROXY, None),
        ("陈经理", AttendanceStatus.ON_LEAVE, None),
    ):
        AttendanceFactory.create(
            meeting_id=meeting.id,
            person_id=PersonFactory.create(name=name).id,
            status=status,
            unit_id=unit_id,
            proxy_name="赵六" if status is AttendanceStatus.PROXY else None,
        )
    AgendaItemFactory.create(meeting=meeting, position=2, title="欢迎新报到单位")
    first = AgendaItemFactory.create(
        meeting=meeting, position=1, presenter_id=PersonFactory.create(name="刘主任").id
    )
    decision = DecisionFactory.create(
        agenda_item=first,
        outcome=DecisionOutcome.ADOPTED_WITH_CHANGES,
        votes_for=12,
        votes_against=1,
        votes_abstain=2,
    )
    ActionItemFactory.create(decision=decision, owner_unit=hospital)

    # when
    data = await gql.data(MEETING, {"id": gid("JointMeeting", meeting.id)})

    # then
    node = data["node"]
    assert node["presentCount"] == 2  # present, and present by proxy
    assert node["chair"] == {"name": "王书记"}
    assert [(a["person"]["name"], a["statusLabel"]) for a in node["attendances"]] == [
        ("张医生", "出席"),
        ("李老师", "委托"),
        ("陈经理", "请假"),
    ]
    assert node["attendances"][0]["unit"] == {"name": "大埔县人民医院"}
    assert node["attendances"][1]["proxyName"] == "赵六"
    items = node["agendaItems"]
    assert [i["position"] for i in items] == [1, 2]
    assert (items[0]["sourceLabel"], items[0]["presenter"]) == ("手动添加", {"name": "刘主任"})
    assert items[0]["decision"] == {
        "outcome": "ADOPTED_WITH_CHANGES",
        "outcomeLabel": "修改后通过",
        "text": "同意实施，由牵头单位负责落实。",
        "votesFor": 12,
        "votesAgainst": 1,
        "votesAbstain": 2,
        "actionItems": [{"title": "完成路灯改造施工", "ownerUnit": {"name": "大埔县人民医院"}}],
    }
    assert items[1]["decision"] is None

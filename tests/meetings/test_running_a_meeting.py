"""Deliberating: start, attendance and QR sign-in, quorum, decisions, action items, close."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlmodel import col

from backend.core.principal import Role
from backend.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    CommunityFactory,
    MeetingFactory,
    PersonFactory,
    ResidentUnitFactory,
    session,
)
from backend.meetings.models import (
    ActionItem,
    AgendaItem,
    AttendanceStatus,
    Decision,
    JointMeeting,
    MeetingAttendance,
    MeetingStatus,
)
from backend.notifications.models import Notification
from backend.organisations.models import Organisation
from backend.people.models import Person
from backend.units.models import ResidentUnit
from tests.client import GraphQLClient
from tests.helpers import gid

MEETING = "meeting { id version status checkinCode quorum { invited present required reached } attendances { person { name } status proxyName } }"
PAYLOAD = f"{MEETING} errors {{ field code message }}"
START = f"mutation S($i: JointMeetingTransitionInput!) {{ jointMeetingStart(input: $i) {{ {PAYLOAD} }} }}"
CLOSE = f"mutation C($i: JointMeetingTransitionInput!) {{ jointMeetingClose(input: $i) {{ {PAYLOAD} }} }}"
MINUTES = f"mutation M($i: JointMeetingTransitionInput!) {{ jointMeetingMinutesPublish(input: $i) {{ {PAYLOAD} }} }}"
RECORD = f"mutation R($i: AttendanceRecordInput!) {{ attendanceRecord(input: $i) {{ {PAYLOAD} }} }}"
SIGN_IN = (
    f"mutation I($i: AttendanceSignInInput!) {{ attendanceSignIn(input: $i) {{ {PAYLOAD} }} }}"
)
DECIDE = "mutation D($i: DecisionRecordInput!) { decisionRecord(input: $i) { decision { id outcome votesFor } errors { field code message } } }"
ASSIGN = "mutation A($i: ActionItemCreateInput!) { actionItemCreate(input: $i) { actionItem { title status dueOn ownerUnit { name } } errors { field code message } } }"


def published_meeting(
    starts_in: dt.timedelta = dt.timedelta(minutes=10),
) -> tuple[Organisation, ResidentUnit, JointMeeting, list[Person], AgendaItem]:
    community = CommunityFactory.create(name="城西社区党委")
    unit = ResidentUnitFactory.create(community=community, name="龙山物业")
    now = dt.datetime.now(dt.UTC)
    meeting = MeetingFactory.create(
        community=community,
        status=MeetingStatus.PUBLISHED,
        version=3,
        starts_at=now + starts_in,
        ends_at=now + starts_in + dt.timedelta(hours=2),
    )
    people = [PersonFactory.create(community_id=community.id) for _ in range(4)]
    for person in people:
        AttendanceFactory.create(
            meeting_id=meeting.id, person_id=person.id, status=AttendanceStatus.INVITED
        )
    item = AgendaItemFactory.create(meeting=meeting, position=1, title="划定临时停车位")
    return community, unit, meeting, people, item


def ids(meeting: JointMeeting) -> dict[str, Any]:
    return {"meeting": gid("JointMeeting", meeting.id)}


async def test_a_convener_runs_a_meeting_from_sign_in_to_minutes(gql: GraphQLClient) -> None:
    community, unit, meeting, people, item = published_meeting()
    convener = gql.sign_in(Role.CONVENER, community)

    started = (await gql.data(START, {"i": ids(meeting) | {"version": 3}}))["jointMeetingStart"][
        "meeting"
    ]
    assert started["status"] == "IN_SESSION" and started["checkinCode"]
    code = started["checkinCode"]

    # the convener signs two people in, one of them by proxy
    await gql.data(
        RECORD, {"i": ids(meeting) | {"person": gid("Person", people[0].id), "status": "PRESENT"}}
    )
    proxied = (
        await gql.data(
            RECORD,
            {
                "i": ids(meeting)
                | {"person": gid("Person", people[1].id), "status": "PROXY", "proxyName": "李四"}
            },
        )
    )["attendanceRecord"]["meeting"]
    assert proxied["quorum"] == {"invited": 4, "present": 2, "required": 3, "reached": False}

    # an invitee signs in by the QR code, once
    member = gql.sign_in(Role.COMMITTEE_MEMBER, community)
    member.person_id = people[2].id
    session.commit()
    signed = (await gql.data(SIGN_IN, {"i": ids(meeting) | {"code": code}}))["attendanceSignIn"]
    twice = (await gql.data(SIGN_IN, {"i": ids(meeting) | {"code": code}}))["attendanceSignIn"]
    wrong = (await gql.data(SIGN_IN, {"i": ids(meeting) | {"code": "guess"}}))["attendanceSignIn"]
    chinese = (await gql.data(SIGN_IN, {"i": ids(meeting) | {"code": "签到码"}}))[
        "attendanceSignIn"
    ]
    assert signed["errors"] == [] and signed["meeting"]["quorum"]["reached"] is True
    assert signed["meeting"]["checkinCode"] is None  # members do not see the code
    assert twice["errors"][0]["code"] == "ALREADY_SIGNED_IN"
    assert wrong["errors"][0]["code"] == "WRONG_CODE"
    assert chinese["errors"][0]["code"] == "WRONG_CODE"  # not a crash of compare_digest

    gql.sign_in(Role.CONVENER, community)
    decided = (
        await gql.data(
            DECIDE,
            {
                "i": {
                    "item": gid("AgendaItem", item.id),
                    "outcome": "ADOPTED",
                    "text": "同意在菜市场东侧划定临时停车位。",
                    "votesFor": 3,
                    "votesAgainst": 0,
                    "votesAbstain": 0,
                }
            },
        )
    )["decisionRecord"]
    assert decided["errors"] == [] and decided["decision"]["votesFor"] == 3
    due = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    assigned = (
        await gql.data(
            ASSIGN,
            {
                "i": {
                    "decision": decided["decision"]["id"],
                    "title": "完成划线",
                    "dueOn": due,
                    "ownerUnit": gid("ResidentUnit", unit.id),
                    "expectedResult": "停车位投入使用",
                }
            },
        )
    )["actionItemCreate"]
    assert assigned["errors"] == []
    assert assigned["actionItem"] == {
        "title": "完成划线",
        "status": "OPEN",
        "dueOn": due,
        "ownerUnit": {"name": "龙山物业"},
    }

    closed = (await gql.data(CLOSE, {"i": ids(meeting) | {"version": 4}}))["jointMeetingClose"][
        "meeting"
    ]
    assert closed["status"] == "CLOSED"
    assert sorted(a["status"] for a in closed["attendances"]) == [
        "ABSENT",
        "PRESENT",
        "PRESENT",
        "PROXY",
    ]
    published = (await gql.data(MINUTES, {"i": ids(meeting) | {"version": 5}}))[
        "jointMeetingMinutesPublish"
    ]
    assert published["meeting"]["status"] == "MINUTES_PUBLISHED"
    assert session.scalar(select(func.count()).select_from(Notification)) == 4
    assert convener.id is not None


async def test_signing_in_outside_the_meeting_window_is_refused(gql: GraphQLClient) -> None:
    community, _, meeting, people, _ = published_meeting(starts_in=dt.timedelta(days=1))
    meeting.status, meeting.checkin_code = MeetingStatus.IN_SESSION, "code-1"
    member = gql.sign_in(Role.COMMITTEE_MEMBER, community)
    member.person_id = people[0].id
    session.commit()

    result = (await gql.data(SIGN_IN, {"i": ids(meeting) | {"code": "code-1"}}))["attendanceSignIn"]

    assert result["errors"][0]["code"] == "OUTSIDE_WINDOW"
    assert "签到" in result["errors"][0]["message"]
    session.expire_all()
    statuses = set(session.scalars(select(col(MeetingAttendance.status))))
    assert statuses == {AttendanceStatus.INVITED}


async def test_decisions_and_actions_are_checked_and_leave_nothing_half_written(
    gql: GraphQLClient,
) -> None:
    community, _, meeting, _, item = published_meeting()
    elsewhere = ResidentUnitFactory.create(community=CommunityFactory.create(name="城东社区党委"))
    gql.sign_in(Role.CONVENER, community)
    item_id = gid("AgendaItem", item.id)

    not_started = (
        await gql.data(DECIDE, {"i": {"item": item_id, "outcome": "ADOPTED", "text": "同意"}})
    )["decisionRecord"]
    await gql.data(START, {"i": ids(meeting) | {"version": 3}})
    partial_votes = (
        await gql.data(
            DECIDE, {"i": {"item": item_id, "outcome": "ADOPTED", "text": "同意", "votesFor": 3}}
        )
    )["decisionRecord"]
    decision = (
        await gql.data(DECIDE, {"i": {"item": item_id, "outcome": "ADOPTED", "text": "同意"}})
    )["decisionRecord"]["decision"]
    past = (
        await gql.data(
            ASSIGN,
            {
                "i": {
                    "decision": decision["id"],
                    "title": "补办",
                    "dueOn": "2020-01-01",
                    "ownerUnit": gid("ResidentUnit", elsewhere.id),
                }
            },
        )
    )["actionItemCreate"]
    outside = (
        await gql.data(
            ASSIGN,
            {
                "i": {
                    "decision": decision["id"],
                    "title": "越界",
                    "dueOn": "2099-01-01",
                    "ownerUnit": gid("ResidentUnit", elsewhere.id),
                }
            },
        )
    )["actionItemCreate"]
    await gql.data(CLOSE, {"i": ids(meeting) | {"version": 4}})
    after_close = (
        await gql.data(DECIDE, {"i": {"item": item_id, "outcome": "REJECTED", "text": "改主意了"}})
    )["decisionRecord"]

    assert not_started["errors"][0]["code"] == "NOT_IN_SESSION"
    assert partial_votes["errors"][0] == {
        "field": "votesFor",
        "code": "INVALID",
        "message": "表决时须填写赞成、反对、弃权三项票数。",
    }
    assert past["errors"][0] == {
        "field": "dueOn",
        "code": "DATE_IN_PAST",
        "message": "期限不能早于今天。",
    }
    assert outside["errors"][0]["code"] == "OUTSIDE_COMMUNITY"
    assert after_close["errors"][0]["code"] == "NOT_IN_SESSION"
    assert session.scalar(select(func.count()).select_from(ActionItem)) == 0
    assert [d.text for d in session.scalars(select(Decision))] == ["同意"]


async def test_over_long_texts_are_refused_field_by_field_and_nothing_is_cut(
    gql: GraphQLClient,
) -> None:
    community, unit, meeting, people, item = published_meeting()
    gql.sign_in(Role.CONVENER, community)
    await gql.data(START, {"i": ids(meeting) | {"version": 3}})
    item_id = gid("AgendaItem", item.id)
    proxy = {"person": gid("Person", people[0].id), "status": "PROXY"}

    long_proxy = (await gql.data(RECORD, {"i": ids(meeting) | proxy | {"proxyName": "李" * 51}}))[
        "attendanceRecord"
    ]
    long_notes = (
        await gql.data(
            DECIDE,
            {
                "i": {
                    "item": item_id,
                    "outcome": "ADOPTED",
                    "text": "同意",
                    "discussionNotes": "议" * 10_001,
                }
            },
        )
    )["decisionRecord"]
    long_text = (
        await gql.data(DECIDE, {"i": {"item": item_id, "outcome": "ADOPTED", "text": "决" * 2001}})
    )["decisionRecord"]

    assert long_proxy["errors"] == [
        {"field": "proxyName", "code": "TOO_LONG", "message": "最多 50 个字。"}
    ]
    assert long_notes == {
        "decision": None,
        "errors": [
            {"field": "discussionNotes", "code": "TOO_LONG", "message": "最多 10000 个字。"}
        ],
    }
    assert long_text["errors"] == [
        {"field": "text", "code": "TOO_LONG", "message": "最多 2000 个字。"}
    ]
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(Decision)) == 0
    assert session.get_one(AgendaItem, item.id).discussion_notes is None
    assert {(a.status, a.proxy_name) for a in session.scalars(select(MeetingAttendance))} == {
        (AttendanceStatus.INVITED, None)
    }

    decision = (
        await gql.data(
            DECIDE,
            {
                "i": {
                    "item": item_id,
                    "outcome": "ADOPTED",
                    "text": "同意",
                    "discussionNotes": "议" * 10_000,
                }
            },
        )
    )["decisionRecord"]["decision"]
    action = {
        "decision": decision["id"],
        "title": "完成划线",
        "dueOn": (dt.date.today() + dt.timedelta(days=30)).isoformat(),
        "ownerUnit": gid("ResidentUnit", unit.id),
    }
    long_result = (await gql.data(ASSIGN, {"i": action | {"expectedResult": "果" * 501}}))[
        "actionItemCreate"
    ]

    assert long_result == {
        "actionItem": None,
        "errors": [{"field": "expectedResult", "code": "TOO_LONG", "message": "最多 500 个字。"}],
    }
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(ActionItem)) == 0
    assert session.get_one(AgendaItem, item.id).discussion_notes == "议" * 10_000

    full = (await gql.data(ASSIGN, {"i": action | {"expectedResult": "果" * 500}}))[
        "actionItemCreate"
    ]

    assert full["errors"] == []
    assert [a.expected_result for a in session.scalars(select(ActionItem))] == ["果" * 500]

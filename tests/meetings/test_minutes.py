"""Minutes as .docx (opened and read back) and PDF, and the .ics invitation."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from icalendar import Calendar

from backend.core.principal import Role
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
from backend.meetings.models import AttendanceStatus, DecisionOutcome, JointMeeting, MeetingStatus
from backend.organisations.models import Organisation
from tests.client import GraphQLClient
from tests.helpers import gid

ClosedMeeting = tuple[Organisation, JointMeeting]


@pytest.fixture
def closed_meeting() -> ClosedMeeting:
    community = CommunityFactory.create(name="城西社区党委")
    unit = ResidentUnitFactory.create(community=community, name="龙山物业")
    chair = PersonFactory.create(name="陈主持")
    meeting = MeetingFactory.create(
        community=community,
        title="2026年第四季度大党委联席会议",
        chair_id=chair.id,
        status=MeetingStatus.CLOSED,
        venue="社区党群服务中心二楼会议室",
        starts_at=dt.datetime(2026, 12, 17, 1, 30, tzinfo=dt.UTC),
    )
    for name, status in (
        ("王出席", AttendanceStatus.PRESENT),
        ("李请假", AttendanceStatus.ON_LEAVE),
        ("赵缺席", AttendanceStatus.ABSENT),
    ):
        AttendanceFactory.create(
            meeting_id=meeting.id, person_id=PersonFactory.create(name=name).id, status=status
        )
    item = AgendaItemFactory.create(
        meeting=meeting,
        position=1,
        title="研究菜市场停车难问题",
        discussion_notes="大家认为应尽快划定临时停车位。",
    )
    decision = DecisionFactory.create(
        agenda_item=item,
        outcome=DecisionOutcome.ADOPTED,
        text="同意划定临时停车位。",
        votes_for=9,
        votes_against=0,
        votes_abstain=1,
    )
    ActionItemFactory.create(
        decision=decision,
        owner_unit=unit,
        title="完成停车位划线",
        due_on=dt.date(2027, 1, 15),
        expected_result="停车位投入使用",
    )
    return community, meeting


async def test_the_minutes_docx_has_the_usual_parts(
    gql: GraphQLClient, closed_meeting: ClosedMeeting
) -> None:
    _, meeting = closed_meeting

    response = await gql.get(f"/meetings/{gid('JointMeeting', meeting.id)}/minutes.docx")

    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "2026年第四季度大党委联席会议纪要" in text
    assert "时间：2026年12月17日 09:30–11:30" in text
    assert "地点：社区党群服务中心二楼会议室" in text
    assert "主持：陈主持" in text
    assert "出席：王出席" in text and "请假：李请假" in text and "缺席：赵缺席" in text
    assert "一、研究菜市场停车难问题" in text
    assert "决议：通过（赞成 9 票，反对 0 票，弃权 1 票）：同意划定临时停车位。" in text
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows == [
        ["督办事项", "承办单位/人", "期限", "预期结果"],
        ["完成停车位划线", "龙山物业", "2027-01-15", "停车位投入使用"],
    ]


async def test_the_minutes_pdf_and_the_invitation(
    gql: GraphQLClient, closed_meeting: ClosedMeeting
) -> None:
    _, meeting = closed_meeting
    meeting_id = gid("JointMeeting", meeting.id)

    pdf = await gql.get(f"/meetings/{meeting_id}/minutes.pdf")
    ics = await gql.get(f"/meetings/{meeting_id}/invitation.ics")

    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    event = next(iter(Calendar.from_ical(ics.content).walk("VEVENT")))
    assert str(event["summary"]) == "2026年第四季度大党委联席会议"
    assert "1. 研究菜市场停车难问题" in str(event["description"])


async def test_minutes_need_a_signed_in_caller_in_scope_and_a_closed_meeting(
    gql: GraphQLClient, closed_meeting: ClosedMeeting
) -> None:
    community, meeting = closed_meeting
    url = f"/meetings/{gid('JointMeeting', meeting.id)}/minutes.docx"
    open_meeting = MeetingFactory.create(community=community, status=MeetingStatus.PUBLISHED)

    gql.sign_in(Role.CONVENER, CommunityFactory.create(name="城东社区党委"))
    other_community = await gql.get(url)
    gql.sign_in(Role.CONVENER, community)
    not_closed = await gql.get(f"/meetings/{gid('JointMeeting', open_meeting.id)}/minutes.docx")
    garbage = await gql.get("/meetings/not-an-id/minutes.docx")
    gql.sign_out()
    anonymous = await gql.get(url)

    assert other_community.status_code == 404
    assert not_closed.status_code == 400
    assert "会议结束后才有纪要" in not_closed.json()["errors"][0]["message"]
    assert garbage.status_code == 404
    assert anonymous.status_code == 401


async def test_corrected_minutes_show_in_the_next_download(
    gql: GraphQLClient, closed_meeting: ClosedMeeting
) -> None:
    _, meeting = closed_meeting
    meeting_id = gid("JointMeeting", meeting.id)
    update = """mutation U($i: JointMeetingMinutesUpdateInput!) {
      jointMeetingMinutesUpdate(input: $i) { meeting { version } errors { code } } }"""

    result = await gql.data(
        update,
        {
            "i": {
                "meeting": meeting_id,
                "version": meeting.version,
                "minutesText": "会议由陈主持召集，应到 3 人，实到 1 人。",
            }
        },
    )
    response = await gql.get(f"/meetings/{meeting_id}/minutes.docx")

    assert result["jointMeetingMinutesUpdate"]["errors"] == []
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "会议由陈主持召集，应到 3 人，实到 1 人。" in text


DRAFT = "query D($id: ID!) { node(id: $id) { ... on JointMeeting { minutesDraft } } }"


async def test_the_minutes_box_starts_from_a_draft_built_from_the_record(
    gql: GraphQLClient, closed_meeting: ClosedMeeting
) -> None:
    community, meeting = closed_meeting
    gql.sign_in(Role.CONVENER, community)

    draft = (await gql.data(DRAFT, {"id": gid("JointMeeting", meeting.id)}))["node"]["minutesDraft"]

    assert draft.splitlines() == [
        "2026年12月17日 09:30–11:30，城西社区党委在社区党群服务中心二楼会议室召开"
        "2026年第四季度大党委联席会议，陈主持主持。应到 3 人，实到 1 人（请假 1 人，缺席 1 人）。",
        "出席：王出席。",
        "会议审议了 1 项议题：",
        "一、研究菜市场停车难问题",
        "讨论情况：大家认为应尽快划定临时停车位。",
        "决议：通过（赞成 9 票，反对 0 票，弃权 1 票）：同意划定临时停车位。",
        "督办：完成停车位划线，由龙山物业承办，2027-01-15 前完成。",
    ]


async def test_no_draft_before_the_meeting_ends_nor_for_who_may_not_run_it(
    gql: GraphQLClient, closed_meeting: ClosedMeeting
) -> None:
    community, meeting = closed_meeting
    gql.sign_in(Role.COMMITTEE_MEMBER, community)
    node = (await gql.data(DRAFT, {"id": gid("JointMeeting", meeting.id)}))["node"]
    assert node == {"minutesDraft": None}

    upcoming = MeetingFactory.create(community=community, status=MeetingStatus.PUBLISHED)
    gql.sign_in(Role.CONVENER, community)
    node = (await gql.data(DRAFT, {"id": gid("JointMeeting", upcoming.id)}))["node"]
    assert node == {"minutesDraft": None}

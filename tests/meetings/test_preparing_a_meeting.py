"""Setting topics: create a meeting, build its agenda from candidates, publish it."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from sqlalchemy import func, select
from sqlmodel import col

from backend.core.principal import Role
from backend.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    AttendanceFactory,
    CommunityFactory,
    DecisionFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ResidentUnitFactory,
    session,
)
from backend.meetings.models import (
    ActionItem,
    ActionItemStatus,
    AgendaItem,
    JointMeeting,
    MeetingStatus,
)
from backend.notifications.models import Notification, WebhookEvent
from backend.organisations.models import Organisation, OrganisationKind
from tests.client import GraphQLClient
from tests.helpers import gid

MEETING_FIELDS = "meeting { id version status statusLabel allottedMinutes lengthMinutes agendaItems { id position title source } attendances { person { name } status } agendaVersions { number changes } } warnings errors { field code message }"
CREATE = f"mutation C($input: JointMeetingCreateInput!) {{ jointMeetingCreate(input: $input) {{ {MEETING_FIELDS} }} }}"
ADD = f"mutation A($input: AgendaItemCreateInput!) {{ agendaItemCreate(input: $input) {{ {MEETING_FIELDS} }} }}"
REORDER = f"mutation R($input: AgendaReorderInput!) {{ agendaReorder(input: $input) {{ {MEETING_FIELDS} }} }}"
PUBLISH = f"mutation P($input: JointMeetingPublishInput!) {{ jointMeetingPublish(input: $input) {{ {MEETING_FIELDS} }} }}"
CANDIDATES = "query C($c: ID!, $b: DateTime) { agendaCandidates(community: $c, before: $b) { candidateKey title } }"

STARTS = dt.datetime(2026, 12, 17, 1, 30, tzinfo=dt.UTC)


def community_with_an_overdue_action() -> tuple[Organisation, ActionItem]:
    community = CommunityFactory.create(name="城西社区党委")
    unit = ResidentUnitFactory.create(community=community, liaison_id=PersonFactory.create().id)
    MembershipFactory.create(unit=unit)
    previous = MeetingFactory.create(community=community, starts_at=STARTS - dt.timedelta(days=90))
    decision = DecisionFactory.create(
        agenda_item=AgendaItemFactory.create(meeting=previous, position=1)
    )
    action = ActionItemFactory.create(
        decision=decision,
        owner_unit=unit,
        title="划定临时停车位",
        due_on=dt.date(2026, 11, 1),
        status=ActionItemStatus.OPEN,
    )
    return community, action


async def create(gql: GraphQLClient, community: Organisation, **changes: str) -> dict[str, Any]:
    base = {
        "organisation": gid("Organisation", community.id),
        "kind": "REGULAR_QUARTERLY",
        "title": "2026年第四季度大党委联席会议",
        "startsAt": STARTS.isoformat(),
        "endsAt": (STARTS + dt.timedelta(hours=1)).isoformat(),
        "venue": "社区党群服务中心二楼会议室",
    }
    data = await gql.data(CREATE, {"input": base | changes})
    created: dict[str, Any] = data["jointMeetingCreate"]
    return created


async def test_a_convener_prepares_and_publishes_the_next_meeting(gql: GraphQLClient) -> None:
    community, _ = community_with_an_overdue_action()
    gql.sign_in(Role.CONVENER, community)

    created = await create(gql, community)
    meeting = created["meeting"]
    assert created["errors"] == []
    assert (meeting["status"], meeting["version"]) == ("DRAFT", 1)
    # invited by default: the part-time member and the unit's liaison
    assert len(meeting["attendances"]) == 2
    assert {a["status"] for a in meeting["attendances"]} == {"INVITED"}

    candidates = (
        await gql.data(
            CANDIDATES, {"c": gid("Organisation", community.id), "b": STARTS.isoformat()}
        )
    )["agendaCandidates"]
    key = next(c["candidateKey"] for c in candidates if c["title"] == "划定临时停车位")
    added = (
        await gql.data(
            ADD,
            {
                "input": {
                    "meeting": meeting["id"],
                    "version": 1,
                    "candidateKey": key,
                    "minutesAllotted": 40,
                }
            },
        )
    )["agendaItemCreate"]
    manual = (
        await gql.data(
            ADD,
            {
                "input": {
                    "meeting": meeting["id"],
                    "version": 2,
                    "title": "欢迎新报到单位",
                    "minutesAllotted": 30,
                }
            },
        )
    )["agendaItemCreate"]

    assert added["errors"] == [] and manual["errors"] == []
    items = manual["meeting"]["agendaItems"]
    assert [(i["position"], i["title"], i["source"]) for i in items] == [
        (1, "划定临时停车位", "ACTION_ITEM"),
        (2, "欢迎新报到单位", "MANUAL"),
    ]
    # 70 minutes of topics in a one-hour meeting
    assert manual["warnings"] == ["议题共需 70 分钟，超出会议时长 60 分钟 10 分钟。"]
    left = (
        await gql.data(
            CANDIDATES, {"c": gid("Organisation", community.id), "b": STARTS.isoformat()}
        )
    )["agendaCandidates"]
    assert "划定临时停车位" not in {c["title"] for c in left}

    reordered = (
        await gql.data(
            REORDER,
            {
                "input": {
                    "meeting": meeting["id"],
                    "version": 3,
                    "items": [items[1]["id"], items[0]["id"]],
                }
            },
        )
    )["agendaReorder"]
    assert [i["title"] for i in reordered["meeting"]["agendaItems"]] == [
        "欢迎新报到单位",
        "划定临时停车位",
    ]

    published = (await gql.data(PUBLISH, {"input": {"meeting": meeting["id"], "version": 4}}))[
        "jointMeetingPublish"
    ]
    assert published["errors"] == []
    assert published["meeting"]["status"] == "PUBLISHED"
    assert published["meeting"]["agendaVersions"] == [{"number": 1, "changes": ["首次发布议程。"]}]
    assert session.scalar(select(func.count()).select_from(Notification)) == 2
    # each notification opens the meeting in the SPA
    assert {n.link for n in session.scalars(select(Notification))} == {
        "/meetings/" + quote(meeting["id"], safe="")
    }
    event = session.scalars(select(WebhookEvent)).one()
    assert event.event == "meeting.agenda_published"
    assert [i["title"] for i in event.payload["items"]] == ["欢迎新报到单位", "划定临时停车位"]

    # a published agenda can still change; invitees see what changed
    await gql.data(ADD, {"input": {"meeting": meeting["id"], "version": 5, "title": "其他事项"}})
    again = (await gql.data(PUBLISH, {"input": {"meeting": meeting["id"], "version": 6}}))[
        "jointMeetingPublish"
    ]
    assert again["meeting"]["agendaVersions"][1] == {"number": 2, "changes": ["新增议题：其他事项"]}
    assert session.scalar(select(func.count()).select_from(Notification)) == 4


async def test_a_second_editor_with_a_stale_version_cannot_overwrite(gql: GraphQLClient) -> None:
    community, _ = community_with_an_overdue_action()
    meeting = (await create(gql, community))["meeting"]
    await gql.data(ADD, {"input": {"meeting": meeting["id"], "version": 1, "title": "甲的议题"}})

    stale = (
        await gql.data(
            ADD, {"input": {"meeting": meeting["id"], "version": 1, "title": "乙的议题"}}
        )
    )["agendaItemCreate"]

    assert stale["meeting"] is None
    assert stale["errors"] == [
        {
            "field": "version",
            "code": "VERSION_CONFLICT",
            "message": "会议已被他人修改（您编辑的是第 1 版，当前是第 2 版），请刷新后再保存。",
        }
    ]
    titles = set(session.scalars(select(col(AgendaItem.title))))
    assert "甲的议题" in titles and "乙的议题" not in titles


async def test_bad_agenda_input_gets_typed_errors_and_changes_nothing(gql: GraphQLClient) -> None:
    community, _ = community_with_an_overdue_action()
    meeting = (await create(gql, community))["meeting"]

    empty = (await gql.data(PUBLISH, {"input": {"meeting": meeting["id"], "version": 1}}))[
        "jointMeetingPublish"
    ]
    unknown = (
        await gql.data(
            ADD, {"input": {"meeting": meeting["id"], "version": 1, "candidateKey": "NEED:999"}}
        )
    )["agendaItemCreate"]
    garbage = (
        await gql.data(
            ADD, {"input": {"meeting": meeting["id"], "version": 1, "candidateKey": "NOPE"}}
        )
    )["agendaItemCreate"]
    untitled = (
        await gql.data(ADD, {"input": {"meeting": meeting["id"], "version": 1, "title": "  "}})
    )["agendaItemCreate"]
    backwards = await create(gql, community, endsAt=(STARTS - dt.timedelta(hours=1)).isoformat())

    assert empty["errors"][0]["code"] == "EMPTY_AGENDA"
    assert unknown["errors"][0] == {
        "field": "candidateKey",
        "code": "UNKNOWN_CANDIDATE",
        "message": "该候选议题不存在或已排入议程，请刷新候选列表。",
    }
    assert garbage["errors"][0]["code"] == "UNKNOWN_CANDIDATE"
    assert untitled["errors"][0] == {
        "field": "title",
        "code": "REQUIRED",
        "message": "此项为必填项。",
    }
    assert backwards["errors"][0] == {
        "field": "endsAt",
        "code": "TIME_ORDER",
        "message": "结束时间必须晚于开始时间。",
    }
    assert session.scalar(select(func.count()).select_from(AgendaItem)) == 1  # the old meeting's


async def test_a_closed_meeting_cannot_be_edited_or_republished(gql: GraphQLClient) -> None:
    community, _ = community_with_an_overdue_action()
    closed = MeetingFactory.create(community=community, status=MeetingStatus.CLOSED, version=3)

    edit = (
        await gql.data(
            ADD,
            {
                "input": {
                    "meeting": gid("JointMeeting", closed.id),
                    "version": 3,
                    "title": "迟到的议题",
                }
            },
        )
    )["agendaItemCreate"]
    publish = (
        await gql.data(
            PUBLISH, {"input": {"meeting": gid("JointMeeting", closed.id), "version": 3}}
        )
    )["jointMeetingPublish"]

    assert edit["errors"][0]["code"] == "NOT_EDITABLE"
    assert publish["errors"][0] == {
        "field": "status",
        "code": "ILLEGAL_TRANSITION",
        "message": "会议当前为“已结束”，不能变为“已发布议程”。",
    }


async def test_a_convener_of_another_community_cannot_touch_the_meeting(gql: GraphQLClient) -> None:
    community, _ = community_with_an_overdue_action()
    meeting = (await create(gql, community))["meeting"]
    gql.sign_in(Role.CONVENER, CommunityFactory.create(name="城东社区党委"))

    body = await gql.execute(
        ADD, {"input": {"meeting": meeting["id"], "version": 1, "title": "越权"}}
    )

    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert "越权" not in set(session.scalars(select(col(AgendaItem.title))))


async def test_items_are_edited_field_by_field_and_an_unchanged_agenda_is_not_republished(
    gql: GraphQLClient,
) -> None:
    community, _ = community_with_an_overdue_action()
    meeting = (await create(gql, community))["meeting"]
    added = (
        await gql.data(
            ADD,
            {
                "input": {
                    "meeting": meeting["id"],
                    "version": 1,
                    "title": "原标题",
                    "minutesAllotted": 90,
                }
            },
        )
    )["agendaItemCreate"]
    item = added["meeting"]["agendaItems"][0]["id"]
    update = f"mutation U($input: AgendaItemUpdateInput!) {{ agendaItemUpdate(input: $input) {{ {MEETING_FIELDS} }} }}"

    shorter = (
        await gql.data(
            update,
            {
                "input": {
                    "meeting": meeting["id"],
                    "version": 2,
                    "item": item,
                    "minutesAllotted": 30,
                }
            },
        )
    )["agendaItemUpdate"]
    too_long = (
        await gql.data(
            update,
            {
                "input": {
                    "meeting": meeting["id"],
                    "version": 3,
                    "item": item,
                    "minutesAllotted": 999,
                }
            },
        )
    )["agendaItemUpdate"]
    await gql.data(PUBLISH, {"input": {"meeting": meeting["id"], "version": 3}})
    again = (await gql.data(PUBLISH, {"input": {"meeting": meeting["id"], "version": 4}}))[
        "jointMeetingPublish"
    ]

    items = shorter["meeting"]["agendaItems"]
    assert [(i["title"], shorter["meeting"]["allottedMinutes"]) for i in items] == [("原标题", 30)]
    assert shorter["warnings"] == []
    assert too_long["errors"][0]["field"] == "minutesAllotted"
    assert again["errors"] == [
        {"field": None, "code": "UNCHANGED", "message": "议程自上次发布后没有变化，无需重新发布。"}
    ]


async def test_a_grid_branch_does_not_convene_a_joint_meeting(gql: GraphQLClient) -> None:
    community, _ = community_with_an_overdue_action()
    branch = OrganisationFactory.create(
        name="城西第1网格党支部", kind=OrganisationKind.GRID_BRANCH, parent_id=community.id
    )
    gql.sign_in(Role.CONVENER, community)

    created = await create(gql, branch)

    assert created["meeting"] is None
    assert created["errors"] == [
        {
            "field": "organisation",
            "code": "INVALID",
            "message": "联席会议由街道党工委或社区党委召集。",
        }
    ]
    assert session.scalar(select(func.count()).select_from(JointMeeting)) == 1


UPDATE = (
    "mutation U($input: JointMeetingUpdateInput!) { jointMeetingUpdate(input: $input) {"
    " meeting { version venue chair { name } attendances { person { name } } }"
    " errors { field code message } } }"
)


async def test_a_convener_sets_the_chair_and_moves_a_published_meeting(gql: GraphQLClient) -> None:
    community, _ = community_with_an_overdue_action()
    published = MeetingFactory.create(
        community=community, status=MeetingStatus.PUBLISHED, version=2, starts_at=STARTS
    )
    invitee = PersonFactory.create(name="王委员", community_id=community.id)
    AttendanceFactory.create(meeting_id=published.id, person_id=invitee.id)
    chair = PersonFactory.create(name="李书记", community_id=community.id)
    in_session = MeetingFactory.create(community=community, status=MeetingStatus.IN_SESSION)
    gql.sign_in(Role.CONVENER, community)
    meeting = gid("JointMeeting", published.id)

    moved = await gql.data(
        UPDATE,
        {
            "input": {
                "meeting": meeting,
                "version": 2,
                "venue": "社区党群服务中心一楼大厅",
                "chair": gid("Person", chair.id),
            }
        },
    )
    stale = await gql.data(UPDATE, {"input": {"meeting": meeting, "version": 2, "venue": "x"}})
    same_moment = (STARTS + dt.timedelta(hours=8)).replace(
        tzinfo=dt.timezone(dt.timedelta(hours=8))
    )
    unchanged = await gql.data(
        UPDATE,
        {
            "input": {
                "meeting": meeting,
                "version": 3,
                "venue": "社区党群服务中心一楼大厅",
                "startsAt": same_moment.isoformat(),
            }
        },
    )
    too_late = await gql.data(
        UPDATE,
        {"input": {"meeting": gid("JointMeeting", in_session.id), "version": 1, "venue": "x"}},
    )
    cleared = await gql.data(UPDATE, {"input": {"meeting": meeting, "version": 3, "chair": None}})

    assert moved["jointMeetingUpdate"]["errors"] == []
    after = moved["jointMeetingUpdate"]["meeting"]
    assert (after["version"], after["venue"], after["chair"]) == (
        3,
        "社区党群服务中心一楼大厅",
        {"name": "李书记"},
    )
    assert {a["person"]["name"] for a in after["attendances"]} == {"王委员", "李书记"}
    notified = session.scalars(
        select(Notification).where(col(Notification.kind) == "meeting.changed")
    ).all()
    assert {n.person_id for n in notified} == {invitee.id, chair.id}
    told_to_chair = session.scalars(
        select(Notification).where(col(Notification.kind) == "meeting.chair")
    ).all()
    assert [(n.person_id, n.title) for n in told_to_chair] == [
        (chair.id, "2026年第一季度大党委联席会议：请您主持会议")
    ]
    assert "地点：社区党群服务中心一楼大厅" in notified[0].body
    assert "09:30 开始" in notified[0].body  # 01:30 UTC, read in Beijing time
    assert stale["jointMeetingUpdate"]["errors"][0]["code"] == "VERSION_CONFLICT"
    assert unchanged["jointMeetingUpdate"]["meeting"]["version"] == 3
    assert too_late["jointMeetingUpdate"]["errors"] == [
        {
            "field": "status",
            "code": "NOT_EDITABLE",
            "message": "会议当前为“会议中”，会议信息已不能修改。",
        }
    ]
    assert cleared["jointMeetingUpdate"]["meeting"]["chair"] is None

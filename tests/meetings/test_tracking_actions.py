"""Tracking to completion: owners report progress with evidence; the convener verifies."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import func, select

from backend.attachments.models import Attachment
from backend.core.principal import Role
from backend.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    CommunityFactory,
    DecisionFactory,
    MeetingFactory,
    PersonFactory,
    ResidentUnitFactory,
    session,
)
from backend.meetings.models import ActionItem, ActionItemStatus, ActionProgress, MeetingStatus
from backend.notifications.models import Notification
from backend.organisations.models import Organisation
from backend.units.models import ResidentUnit
from tests.client import GraphQLClient
from tests.helpers import gid

PROGRESS = """
mutation P($input: ActionItemProgressInput!) {
  actionItemProgress(input: $input) {
    actionItem { status progress { statusAfter note evidence { filename contentType url } } }
    errors { field code message }
  }
}
"""
VERIFY = "mutation V($i: ActionItemVerifyInput!) { actionItemVerify(input: $i) { actionItem { status } errors { field code message } } }"
MINE = "{ myActionItems { totalCount nodes { title status isOverdue isDueSoon } } }"
JPEG = b"\xff\xd8\xff\xe0" + b"photo" * 100


def assigned_action() -> tuple[Organisation, ResidentUnit, ResidentUnit, ActionItem]:
    community = CommunityFactory.create(name="城西社区党委")
    unit = ResidentUnitFactory.create(community=community, name="龙山物业")
    other = ResidentUnitFactory.create(community=community, name="第一中学")
    decision = DecisionFactory.create(
        agenda_item=AgendaItemFactory.create(meeting=MeetingFactory.create(community=community))
    )
    action = ActionItemFactory.create(
        decision=decision,
        owner_unit=unit,
        title="完成停车位划线",
        due_on=dt.date.today() + dt.timedelta(days=3),
    )
    ActionItemFactory.create(decision=decision, owner_unit=other, title="别人的事项")
    return community, unit, other, action


async def upload(
    gql: GraphQLClient,
    action: ActionItem,
    status: str,
    note: str,
    files: list[tuple[str, bytes, str]],
) -> dict[str, Any]:
    """A GraphQL multipart request, as the SPA sends evidence (plain JSON without files)."""
    if not files:
        plain = {"actionItem": gid("ActionItem", action.id), "status": status, "note": note}
        reported: dict[str, Any] = (await gql.data(PROGRESS, {"input": plain}))[
            "actionItemProgress"
        ]
        return reported
    variables = {
        "input": {
            "actionItem": gid("ActionItem", action.id),
            "status": status,
            "note": note,
            "evidence": [None] * len(files),
        }
    }
    operations = json.dumps({"query": PROGRESS, "variables": variables})
    mapping = json.dumps({str(n): [f"variables.input.evidence.{n}"] for n in range(len(files))})
    response = await gql.http.post(
        "/graphql",
        data={"operations": operations, "map": mapping},
        files={str(n): (name, content, kind) for n, (name, content, kind) in enumerate(files)},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    uploaded: dict[str, Any] = body["data"]["actionItemProgress"]
    return uploaded


async def test_a_liaison_reports_done_with_a_photo_and_the_convener_verifies(
    gql: GraphQLClient,
) -> None:
    community, unit, _, action = assigned_action()
    gql.sign_in(Role.UNIT_LIAISON, community, unit=unit)

    mine = await gql.data(MINE)
    started = await upload(gql, action, "IN_PROGRESS", "已联系施工队。", [])
    done = await upload(
        gql, action, "DONE", "划线完成，已投入使用。", [("现场.jpg", JPEG, "image/jpeg")]
    )

    assert mine["myActionItems"] == {
        "totalCount": 1,
        "nodes": [
            {"title": "完成停车位划线", "status": "OPEN", "isOverdue": False, "isDueSoon": True}
        ],
    }
    assert started["errors"] == []
    assert done["errors"] == []
    last = done["actionItem"]["progress"][-1]
    assert (done["actionItem"]["status"], last["statusAfter"]) == ("DONE", "DONE")
    evidence = last["evidence"][0]
    assert (evidence["filename"], evidence["contentType"]) == ("现场.jpg", "image/jpeg")
    downloaded = await gql.get(evidence["url"])
    assert downloaded.status_code == 200 and downloaded.content == JPEG

    gql.sign_in(Role.CONVENER, community)
    verified = (
        await gql.data(VERIFY, {"i": {"actionItem": gid("ActionItem", action.id), "accept": True}})
    )["actionItemVerify"]
    assert verified == {"actionItem": {"status": "VERIFIED"}, "errors": []}


async def test_evidence_must_be_a_small_image_or_document_and_nothing_is_half_written(
    gql: GraphQLClient,
) -> None:
    community, unit, _, action = assigned_action()
    gql.sign_in(Role.UNIT_LIAISON, community, unit=unit)

    no_evidence = await upload(gql, action, "DONE", "完成了。", [])
    script = await upload(
        gql, action, "DONE", "完成了。", [("setup.exe", b"MZ\x90\x00binary", "image/jpeg")]
    )
    too_big = await upload(
        gql,
        action,
        "DONE",
        "完成了。",
        [("big.jpg", b"\xff\xd8\xff" + b"x" * (5 * 1024 * 1024), "image/jpeg")],
    )
    empty_note = await upload(gql, action, "IN_PROGRESS", "  ", [])

    assert no_evidence["errors"][0] == {
        "field": "evidence",
        "code": "REQUIRED",
        "message": "办结时请上传照片或文件作为佐证。",
    }
    assert script["errors"][0]["code"] == "FILE_TYPE"
    assert too_big["errors"][0]["code"] == "FILE_TOO_LARGE"
    assert empty_note["errors"][0]["field"] == "note"
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(ActionProgress)) == 0
    assert session.scalar(select(func.count()).select_from(Attachment)) == 0
    assert action.status is ActionItemStatus.OPEN


async def test_an_over_long_file_name_is_refused_by_name_and_a_full_length_one_is_kept_whole(
    gql: GraphQLClient,
) -> None:
    community, unit, _, action = assigned_action()
    gql.sign_in(Role.UNIT_LIAISON, community, unit=unit)
    long_name = "现" * 197 + ".jpg"

    refused = await upload(
        gql,
        action,
        "DONE",
        "完成了。",
        [("a.jpg", JPEG, "image/jpeg"), (long_name, JPEG, "image/jpeg")],
    )

    assert refused == {
        "actionItem": None,
        "errors": [
            {
                "field": "evidence",
                "code": "TOO_LONG",
                "message": f"“{'现' * 60}…”：文件名最多 200 个字，请改短后再上传。",
            }
        ],
    }
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(ActionProgress)) == 0
    assert session.scalar(select(func.count()).select_from(Attachment)) == 0
    assert session.get_one(ActionItem, action.id).status is ActionItemStatus.OPEN

    kept = await upload(gql, action, "DONE", "完成了。", [(long_name[1:], JPEG, "image/jpeg")])

    assert kept["errors"] == []
    assert kept["actionItem"]["progress"][-1]["evidence"][0]["filename"] == "现" * 196 + ".jpg"
    assert [a.filename for a in session.scalars(select(Attachment))] == ["现" * 196 + ".jpg"]


async def test_only_the_owner_reports_and_only_finished_items_are_verified(
    gql: GraphQLClient,
) -> None:
    community, _, other, action = assigned_action()
    gql.sign_in(Role.UNIT_LIAISON, community, unit=other)
    stranger = await gql.execute(
        PROGRESS,
        {"input": {"actionItem": gid("ActionItem", action.id), "status": "DONE", "note": "x"}},
    )
    gql.sign_in(Role.CONVENER, community)
    premature = (
        await gql.data(VERIFY, {"i": {"actionItem": gid("ActionItem", action.id), "accept": True}})
    )["actionItemVerify"]
    by_convener = (
        await gql.data(
            PROGRESS,
            {
                "input": {
                    "actionItem": gid("ActionItem", action.id),
                    "status": "IN_PROGRESS",
                    "note": "代报",
                }
            },
        )
    )["actionItemProgress"]

    assert stranger["errors"][0]["extensions"]["code"] == "NOT_FOUND"  # not theirs to see
    assert premature["errors"][0]["code"] == "ILLEGAL_TRANSITION"
    assert by_convener["errors"][0]["code"] == "NOT_OWNER"


async def test_proposals_and_agenda_items_carry_files_too(gql: GraphQLClient) -> None:
    community, _, _, _ = assigned_action()
    meeting = MeetingFactory.create(community=community, status=MeetingStatus.DRAFT, version=1)
    gql.sign_in(Role.CONVENER, community)
    submit = """mutation S($input: ProposalSubmitInput!) { proposalSubmit(input: $input) {
        proposal { title attachments { filename contentType url } } errors { field code message } } }"""
    add = """mutation A($input: AgendaItemCreateInput!) { agendaItemCreate(input: $input) {
        meeting { agendaItems { title documents { filename contentType } } } errors { field code } } }"""
    proposal = {
        "community": gid("Organisation", community.id),
        "kind": "PUBLIC_OPINION",
        "origin": "GRID_WORKER",
        "category": "环境卫生",
        "title": "垃圾投放点不足",
        "description": "见附图。",
        "attachments": [None],
    }
    item = {
        "meeting": gid("JointMeeting", meeting.id),
        "version": 1,
        "title": "研究垃圾分类",
        "documents": [None, None],
    }

    submitted = await multipart(
        gql, submit, {"input": proposal}, "input.attachments", [("现场.jpg", JPEG, "image/jpeg")]
    )
    refused = await multipart(
        gql,
        add,
        {"input": item},
        "input.documents",
        [
            ("方案.pdf", b"%PDF-1.7 ...", "application/pdf"),
            ("病毒.exe", b"MZ...", "application/pdf"),
        ],
    )
    item["documents"] = [None]
    added = await multipart(
        gql,
        add,
        {"input": item},
        "input.documents",
        [("方案.pdf", b"%PDF-1.7 ...", "application/pdf")],
    )

    attachment = submitted["proposalSubmit"]["proposal"]["attachments"][0]
    assert (attachment["filename"], attachment["contentType"]) == ("现场.jpg", "image/jpeg")
    assert (await gql.get(attachment["url"])).content == JPEG
    assert refused["agendaItemCreate"]["errors"] == [{"field": "documents", "code": "FILE_TYPE"}]
    assert added["agendaItemCreate"]["meeting"]["agendaItems"][0]["documents"] == [
        {"filename": "方案.pdf", "contentType": "application/pdf"}
    ]
    assert session.scalar(select(func.count()).select_from(Attachment)) == 2


async def multipart(
    gql: GraphQLClient,
    query: str,
    variables: dict[str, Any],
    path: str,
    files: list[tuple[str, bytes, str]],
) -> dict[str, Any]:
    operations = json.dumps({"query": query, "variables": variables})
    mapping = json.dumps({str(n): [f"variables.{path}.{n}"] for n in range(len(files))})
    response = await gql.http.post(
        "/graphql",
        data={"operations": operations, "map": mapping},
        files={str(n): (name, content, kind) for n, (name, content, kind) in enumerate(files)},
    )
    body = response.json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


async def test_a_sent_back_item_returns_to_work_and_its_liaison_is_told_why(
    gql: GraphQLClient,
) -> None:
    community, unit, _, action = assigned_action()
    liaison = PersonFactory.create(name="龙山物业联络员")
    unit.liaison_id = liaison.id
    action.status = ActionItemStatus.DONE
    session.commit()
    gql.sign_in(Role.CONVENER, community)

    sent_back = (
        await gql.data(
            VERIFY,
            {
                "i": {
                    "actionItem": gid("ActionItem", action.id),
                    "accept": False,
                    "note": "照片看不清划线，请补拍。",
                }
            },
        )
    )["actionItemVerify"]

    assert sent_back == {"actionItem": {"status": "IN_PROGRESS"}, "errors": []}
    told = session.scalars(select(Notification)).all()
    assert [(n.person_id, n.kind, n.title, n.body) for n in told] == [
        (
            liaison.id,
            "action_item.sent_back",
            "督办事项被退回，请继续办理：完成停车位划线",
            "照片看不清划线，请补拍。",
        )
    ]


async def test_an_over_long_verdict_is_refused_whole_and_a_full_length_one_is_kept_whole(
    gql: GraphQLClient,
) -> None:
    community, unit, _, action = assigned_action()
    unit.liaison_id = PersonFactory.create(name="龙山物业联络员").id
    action.status = ActionItemStatus.DONE
    session.commit()
    gql.sign_in(Role.CONVENER, community)
    action_id = gid("ActionItem", action.id)

    sent_back = (
        await gql.data(
            VERIFY, {"i": {"actionItem": action_id, "accept": False, "note": "补" * 2001}}
        )
    )["actionItemVerify"]
    accepted = (
        await gql.data(
            VERIFY, {"i": {"actionItem": action_id, "accept": True, "note": "好" * 2001}}
        )
    )["actionItemVerify"]

    too_long = {"field": "note", "code": "TOO_LONG", "message": "最多 2000 个字。"}
    assert sent_back == {"actionItem": None, "errors": [too_long]}
    assert accepted == {"actionItem": None, "errors": [too_long]}
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(ActionProgress)) == 0
    assert session.scalar(select(func.count()).select_from(Notification)) == 0
    assert session.get_one(ActionItem, action.id).status is ActionItemStatus.DONE

    full = (
        await gql.data(
            VERIFY, {"i": {"actionItem": action_id, "accept": False, "note": "补" * 2000}}
        )
    )["actionItemVerify"]

    assert full == {"actionItem": {"status": "IN_PROGRESS"}, "errors": []}
    assert [p.note for p in session.scalars(select(ActionProgress))] == ["补" * 2000]
    assert [n.body for n in session.scalars(select(Notification))] == ["补" * 2000]

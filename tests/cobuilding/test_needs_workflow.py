"""群众点单、社区下单、单位接单: a need from the resident to the project that meets it; its
submission (with photos, or by a platform's token) and triage."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlmodel import col

from backend.attachments.models import Attachment
from backend.cobuilding.models import Need, NeedDispatch, NeedStatus
from backend.core.principal import Role
from backend.factories import (
    ApiTokenFactory,
    CommunityFactory,
    NeedFactory,
    ResidentUnitFactory,
    raw_token,
    session,
)
from backend.notifications.models import Notification
from tests.client import GraphQLClient
from tests.cobuilding.helpers import (
    DISPATCH,
    ERRORS,
    RESPOND,
    a_community_with_units,
    act_as_liaison,
)
from tests.helpers import gid

SUBMIT = f"""mutation S($input: NeedSubmitInput!) {{ needSubmit(input: $input) {{
  need {{ id title status sourceLabel grid {{ name }} photos {{ filename contentType }} }} {ERRORS} }} }}"""
TRIAGE = f"""mutation T($input: NeedTriageInput!) {{ needTriage(input: $input) {{
  need {{ status rejectReason mergedInto {{ title }} }} {ERRORS} }} }}"""
SUGGEST = """query G($need: ID!) { needSuggestions(need: $need) {
  score remaining reasons resource { id title unit { name } } } }"""
INBOX = (
    """{ needDispatches(filter: {status: PENDING}) { totalCount nodes { id need { title } } } }"""
)
SOLVE = f"mutation V($need: ID!) {{ needSolve(need: $need) {{ need {{ status }} {ERRORS} }} }}"
CLOSE = f"""mutation C($input: NeedCloseInput!) {{ needClose(input: $input) {{
  need {{ status satisfaction feedback }} {ERRORS} }} }}"""
PNG = b"\x89PNG\r\n\x1a\n" + b"photo" * 50


async def submit_with_photo(gql: GraphQLClient, variables: dict[str, Any]) -> dict[str, Any]:
    operations = json.dumps(
        {"query": SUBMIT, "variables": {"input": {**variables, "photos": [None]}}}
    )
    response = await gql.http.post(
        "/graphql",
        data={"operations": operations, "map": json.dumps({"0": ["variables.input.photos.0"]})},
        files={"0": ("现场.png", PNG, "image/png")},
    )
    assert response.status_code == 200, response.text
    submitted: dict[str, Any] = response.json()["data"]["needSubmit"]
    return submitted


async def test_a_grid_workers_need_is_dispatched_accepted_and_becomes_a_project(
    gql: GraphQLClient,
) -> None:
    community, grid, near, _, liaison = a_community_with_units()
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)

    # collect: raised through the grid worker, with a photo
    submitted = await submit_with_photo(
        gql,
        {
            "community": gid("Organisation", community.id),
            "grid": gid("Grid", grid.id),
            "title": "楼道照明损坏",
            "description": "3 号楼楼道灯坏了一个多月。",
            "category": "基础设施",
            "urgency": "HIGH",
            "source": "GRID_WORKER",
        },
    )
    need_id = submitted["need"]["id"]
    accepted = await gql.data(TRIAGE, {"input": {"need": need_id, "action": "ACCEPT"}})
    suggestions = (await gql.data(SUGGEST, {"need": need_id}))["needSuggestions"]
    dispatched = await gql.data(
        DISPATCH,
        {
            "input": {
                "need": need_id,
                "unit": gid("ResidentUnit", near.id),
                "resource": suggestions[0]["resource"]["id"],
                "note": "请尽快维修",
            }
        },
    )

    assert submitted["errors"] == []
    assert submitted["need"]["status"] == "SUBMITTED"
    assert submitted["need"]["sourceLabel"] == "网格员代报"
    assert submitted["need"]["photos"] == [{"filename": "现场.png", "contentType": "image/png"}]
    assert accepted["needTriage"] == {
        "need": {"status": "ACCEPTED", "rejectReason": None, "mergedInto": None},
        "errors": [],
    }
    # same grid first; a venue does not fit a broken light at all
    assert [(s["resource"]["title"], s["reasons"]) for s in suggestions] == [
        ("维修班组", ["与需求同一网格", "专业技能常用于基础设施类需求", "尚可提供 3"]),
        ("电工服务队", ["同一社区", "专业技能常用于基础设施类需求", "尚可提供 10"]),
        ("会议室", ["同一社区", "尚可提供 40"]),
    ]
    assert dispatched["needDispatch"]["errors"] == []
    assert dispatched["needDispatch"]["need"] == {"status": "DISPATCHED"}

    # the unit's liaison finds it in the inbox and accepts it as a new project
    await act_as_liaison(gql, community, near, liaison)
    inbox = (await gql.data(INBOX))["needDispatches"]
    dispatch_id = inbox["nodes"][0]["id"]
    answered = (
        await gql.data(
            RESPOND,
            {"input": {"dispatch": dispatch_id, "accept": True, "projectTitle": "楼道灯更换"}},
        )
    )["needDispatchRespond"]

    assert inbox["totalCount"] == 1 and inbox["nodes"][0]["need"] == {"title": "楼道照明损坏"}
    assert answered["errors"] == []
    assert answered["dispatch"] == {"status": "ACCEPTED", "declineReason": None}
    assert answered["need"] == {"status": "IN_PROGRESS", "project": {"title": "楼道灯更换"}}
    assert answered["project"] == {
        "title": "楼道灯更换",
        "leadUnit": {"name": "龙山物业"},
        "partners": [],
        "resources": [{"title": "维修班组"}],
    }
    told = session.scalars(
        select(Notification).where(col(Notification.person_id) == liaison.id)
    ).all()
    assert [n.title for n in told] == ["社区派单：楼道照明损坏"]

    # solved, and closed with the resident's feedback
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    solved = await gql.data(SOLVE, {"need": need_id})
    closed = await gql.data(
        CLOSE, {"input": {"need": need_id, "satisfaction": 5, "feedback": "灯修好了，谢谢！"}}
    )
    assert solved["needSolve"] == {"need": {"status": "SOLVED"}, "errors": []}
    assert closed["needClose"] == {
        "need": {"status": "CLOSED", "satisfaction": 5, "feedback": "灯修好了，谢谢！"},
        "errors": [],
    }


async def test_bad_steps_are_refused_and_change_nothing(gql: GraphQLClient) -> None:
    community, _, near, _, _ = a_community_with_units()
    elsewhere = ResidentUnitFactory.create(name="别的社区的单位")
    fresh = NeedFactory.create(community=community)
    accepted = NeedFactory.create(community=community, status=NeedStatus.ACCEPTED, title="路面破损")
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)

    untriaged = await gql.data(
        DISPATCH, {"input": {"need": gid("Need", fresh.id), "unit": gid("ResidentUnit", near.id)}}
    )
    outside = await gql.execute(
        DISPATCH,
        {"input": {"need": gid("Need", accepted.id), "unit": gid("ResidentUnit", elsewhere.id)}},
    )
    await gql.data(TRIAGE, {"input": {"need": gid("Need", fresh.id), "action": "ACCEPT"}})
    twice = await gql.data(TRIAGE, {"input": {"need": gid("Need", fresh.id), "action": "REJECT"}})
    no_reason = await gql.data(
        TRIAGE,
        {
            "input": {
                "need": gid("Need", NeedFactory.create(community=community).id),
                "action": "REJECT",
            }
        },
    )
    bad_score = await gql.data(
        CLOSE, {"input": {"need": gid("Need", accepted.id), "satisfaction": 6}}
    )

    assert untriaged["needDispatch"]["errors"][0]["code"] == "ILLEGAL_TRANSITION"
    assert "待受理" in untriaged["needDispatch"]["errors"][0]["message"]
    # a unit of another community is outside the coordinator's scope: not found
    assert outside["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert twice["needTriage"]["errors"][0]["code"] == "ALREADY_TRIAGED"
    assert no_reason["needTriage"]["errors"][0] == {
        "field": "reason",
        "code": "REQUIRED",
        "message": "此项为必填项。",
    }
    assert bad_score["needClose"]["errors"][0]["code"] == "ILLEGAL_TRANSITION"
    session.expire_all()
    assert session.get_one(Need, accepted.id).status is NeedStatus.ACCEPTED
    assert session.scalar(select(func.count()).select_from(NeedDispatch)) == 0


async def test_a_district_platform_sends_needs_with_a_write_needs_token(gql: GraphQLClient) -> None:
    community, *_ = a_community_with_units()
    elsewhere = CommunityFactory.create(name="别的社区")
    token = ApiTokenFactory.create(organisation_id=community.id, scopes="write:needs")
    gql.use_token(raw_token(token))
    need = {
        "title": "12345 热线：路灯不亮",
        "description": "市民来电反映。",
        "category": "基础设施",
        "source": "STAFF",
    }

    sent = await gql.data(
        SUBMIT.replace("grid { name } photos { filename contentType }", ""),
        {"input": {**need, "community": gid("Organisation", community.id)}},
    )
    outside = await gql.execute(
        SUBMIT, {"input": {**need, "community": gid("Organisation", elsewhere.id)}}
    )

    assert sent["needSubmit"]["errors"] == []
    assert sent["needSubmit"]["need"]["status"] == "SUBMITTED"
    assert outside["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert session.scalar(select(func.count()).select_from(Need)) == 1


async def test_photos_must_be_images_or_documents_with_names_that_fit(gql: GraphQLClient) -> None:
    community, *_ = a_community_with_units()
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    operations = json.dumps(
        {
            "query": SUBMIT,
            "variables": {
                "input": {
                    "community": gid("Organisation", community.id),
                    "title": "x",
                    "description": "y",
                    "category": "其他",
                    "source": "RESIDENT",
                    "photos": [None],
                }
            },
        }
    )
    refusals = []
    for name, content in [("a.png", b"MZ\x90\x00"), ("现" * 197 + ".png", PNG)]:
        response = await gql.http.post(
            "/graphql",
            data={
                "operations": operations,
                "map": json.dumps({"0": ["variables.input.photos.0"]}),
            },
            files={"0": (name, content, "image/png")},
        )
        refusals += response.json()["data"]["needSubmit"]["errors"]

    assert [(e["field"], e["code"]) for e in refusals] == [
        ("photos", "FILE_TYPE"),
        ("photos", "TOO_LONG"),
    ]
    assert session.scalar(select(func.count()).select_from(Need)) == 0
    assert session.scalar(select(func.count()).select_from(Attachment)) == 0

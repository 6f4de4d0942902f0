"""群众点单、社区下单、单位接单: a need from the resident to the project that meets it."""

from __future__ import annotations

import asyncio
import json

import pytest
from sqlalchemy import func, select

from backend.attachments.models import Attachment
from backend.cobuilding.models import (
    DispatchStatus,
    Need,
    NeedDispatch,
    NeedStatus,
    Project,
    ResourceKind,
)
from backend.core.principal import Role
from backend.factories import (
    ApiTokenFactory,
    CommunityFactory,
    GridFactory,
    NeedFactory,
    PersonFactory,
    ProjectFactory,
    ResidentUnitFactory,
    ResourceFactory,
    raw_token,
    session,
)
from backend.notifications.models import Notification
from tests.helpers import gid

ERRORS = "errors { field code message }"
SUBMIT = f"""mutation S($input: NeedSubmitInput!) {{ needSubmit(input: $input) {{
  need {{ id title status sourceLabel grid {{ name }} photos {{ filename contentType }} }} {ERRORS} }} }}"""
TRIAGE = f"""mutation T($input: NeedTriageInput!) {{ needTriage(input: $input) {{
  need {{ status rejectReason mergedInto {{ title }} }} {ERRORS} }} }}"""
SUGGEST = """query G($need: ID!) { needSuggestions(need: $need) {
  score remaining reasons resource { id title unit { name } } } }"""
DISPATCH = f"""mutation D($input: NeedDispatchInput!) {{ needDispatch(input: $input) {{
  dispatch {{ id status unit {{ name }} }} need {{ status }} {ERRORS} }} }}"""
RESPOND = f"""mutation R($input: NeedDispatchRespondInput!) {{ needDispatchRespond(input: $input) {{
  dispatch {{ status declineReason }} need {{ status project {{ title }} }}
  project {{ title leadUnit {{ name }} partners {{ name }} resources {{ title }} }} {ERRORS} }} }}"""
INBOX = (
    """{ needDispatches(filter: {status: PENDING}) { totalCount nodes { id need { title } } } }"""
)
SOLVE = f"mutation V($need: ID!) {{ needSolve(need: $need) {{ need {{ status }} {ERRORS} }} }}"
CLOSE = f"""mutation C($input: NeedCloseInput!) {{ needClose(input: $input) {{
  need {{ status satisfaction feedback }} {ERRORS} }} }}"""
PNG = b"\x89PNG\r\n\x1a\n" + b"photo" * 50


def a_community_with_units():
    community = CommunityFactory(name="城西社区党委")
    grid = GridFactory(community=community, name="龙山网格")
    other_grid = GridFactory(community=community, name="河背网格")
    liaison = PersonFactory(name="物业联络员")
    near = ResidentUnitFactory(
        community=community, grid_id=grid.id, name="龙山物业", liaison_id=liaison.id
    )
    far = ResidentUnitFactory(community=community, grid_id=other_grid.id, name="县供电局")
    ResourceFactory(unit=near, title="维修班组", kind=ResourceKind.EXPERTISE, capacity=3)
    ResourceFactory(unit=far, title="电工服务队", kind=ResourceKind.EXPERTISE, capacity=10)
    ResourceFactory(unit=far, title="会议室", kind=ResourceKind.VENUE, capacity=40)
    return community, grid, near, far, liaison


async def submit_with_photo(gql, variables: dict) -> dict:
    operations = json.dumps(
        {"query": SUBMIT, "variables": {"input": {**variables, "photos": [None]}}}
    )
    response = await gql.http.post(
        "/graphql",
        data={"operations": operations, "map": json.dumps({"0": ["variables.input.photos.0"]})},
        files={"0": ("现场.png", PNG, "image/png")},
    )
    assert response.status_code == 200, response.text
    return response.json()["data"]["needSubmit"]


async def act_as_liaison(gql, community, unit, person):
    user = gql.sign_in(Role.UNIT_LIAISON, community, unit=unit)
    user.person_id = person.id
    session.commit()


async def test_a_grid_workers_need_is_dispatched_accepted_and_becomes_a_project(gql) -> None:
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
        ("维修班组", ["专业技能常用于基础设施类需求", "与需求同一网格", "尚可提供 3"]),
        ("电工服务队", ["专业技能常用于基础设施类需求", "同一社区", "尚可提供 10"]),
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
    told = session.scalars(select(Notification).where(Notification.person_id == liaison.id)).all()
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


async def test_a_declined_dispatch_goes_back_to_the_coordinator_and_can_join_a_project(gql) -> None:
    community, _, near, far, liaison = a_community_with_units()
    need = NeedFactory(community=community, status=NeedStatus.ACCEPTED)
    project = ProjectFactory(community=community, lead_unit_id=far.id, title="老旧小区路灯改造")
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    first = await gql.data(
        DISPATCH, {"input": {"need": gid("Need", need.id), "unit": gid("ResidentUnit", near.id)}}
    )
    await act_as_liaison(gql, community, near, liaison)
    dispatch = first["needDispatch"]["dispatch"]["id"]

    no_reason = await gql.data(RESPOND, {"input": {"dispatch": dispatch, "accept": False}})
    declined = await gql.data(
        RESPOND, {"input": {"dispatch": dispatch, "accept": False, "reason": "本单位无电工"}}
    )
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    again = await gql.data(
        DISPATCH,
        {
            "input": {
                "need": gid("Need", need.id),
                "unit": gid("ResidentUnit", near.id),
                "project": gid("Project", project.id),
            }
        },
    )
    await act_as_liaison(gql, community, near, liaison)
    joined = await gql.data(
        RESPOND,
        {"input": {"dispatch": again["needDispatch"]["dispatch"]["id"], "accept": True}},
    )

    assert no_reason["needDispatchRespond"]["errors"] == [
        {"field": "reason", "code": "REQUIRED", "message": "此项为必填项。"}
    ]
    assert declined["needDispatchRespond"]["dispatch"] == {
        "status": "DECLINED",
        "declineReason": "本单位无电工",
    }
    assert declined["needDispatchRespond"]["need"]["status"] == "ACCEPTED"
    assert again["needDispatch"]["errors"] == []
    assert joined["needDispatchRespond"]["project"] == {
        "title": "老旧小区路灯改造",
        "leadUnit": {"name": "县供电局"},
        "partners": [{"name": "龙山物业"}],
        "resources": [],
    }


async def test_bad_steps_are_refused_and_change_nothing(gql) -> None:
    community, _, near, _, _ = a_community_with_units()
    elsewhere = ResidentUnitFactory(name="别的社区的单位")
    fresh = NeedFactory(community=community)
    accepted = NeedFactory(community=community, status=NeedStatus.ACCEPTED, title="路面破损")
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
        {"input": {"need": gid("Need", NeedFactory(community=community).id), "action": "REJECT"}},
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
    assert session.get(Need, accepted.id).status is NeedStatus.ACCEPTED
    assert session.scalar(select(func.count()).select_from(NeedDispatch)) == 0


async def test_a_street_coordinator_cannot_dispatch_to_a_unit_of_another_community(gql) -> None:
    community, _, _, _, _ = a_community_with_units()
    other = ResidentUnitFactory(
        community=CommunityFactory(parent_id=community.parent_id), name="城东单位"
    )
    need = NeedFactory(community=community, status=NeedStatus.ACCEPTED)
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, session.get(type(community), community.parent_id))

    refused = await gql.data(
        DISPATCH, {"input": {"need": gid("Need", need.id), "unit": gid("ResidentUnit", other.id)}}
    )

    assert refused["needDispatch"]["errors"] == [
        {
            "field": "unit",
            "code": "OUTSIDE_COMMUNITY",
            "message": "只能派给需求所在社区的驻区单位。",
        }
    ]
    session.expire_all()
    assert session.get(Need, need.id).status is NeedStatus.ACCEPTED


async def test_a_dispatch_is_answered_once_and_only_by_its_own_unit(gql) -> None:
    community, _, near, far, liaison = a_community_with_units()
    need = NeedFactory(community=community, status=NeedStatus.ACCEPTED)
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    sent = await gql.data(
        DISPATCH, {"input": {"need": gid("Need", need.id), "unit": gid("ResidentUnit", near.id)}}
    )
    dispatch = sent["needDispatch"]["dispatch"]["id"]
    gql.sign_in(Role.UNIT_LIAISON, community, unit=far)
    stranger = await gql.execute(RESPOND, {"input": {"dispatch": dispatch, "accept": True}})
    await act_as_liaison(gql, community, near, liaison)
    first = await gql.data(RESPOND, {"input": {"dispatch": dispatch, "accept": True}})
    second = await gql.data(RESPOND, {"input": {"dispatch": dispatch, "accept": True}})

    assert stranger["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert first["needDispatchRespond"]["errors"] == []
    assert second["needDispatchRespond"]["errors"][0]["code"] == "ALREADY_RESPONDED"
    assert session.scalar(select(func.count()).select_from(Project)) == 1


async def test_simultaneous_acceptances_make_one_project(gql, backend_name) -> None:
    if backend_name != "postgresql":
        pytest.skip("SQLite serialises writers; the race is a PostgreSQL concern")
    community, _, near, _, liaison = a_community_with_units()
    need = NeedFactory(community=community, status=NeedStatus.ACCEPTED)
    dispatch = NeedDispatch(need_id=need.id, unit_id=near.id, status=DispatchStatus.PENDING)
    need.status = NeedStatus.DISPATCHED
    session.add(dispatch)
    session.commit()
    await act_as_liaison(gql, community, near, liaison)
    answer = {"input": {"dispatch": gid("NeedDispatch", dispatch.id), "accept": True}}

    results = await asyncio.gather(*(gql.data(RESPOND, answer) for _ in range(4)))

    codes = sorted(e["code"] for r in results for e in r["needDispatchRespond"]["errors"])
    assert codes == ["ALREADY_RESPONDED"] * 3
    assert session.scalar(select(func.count()).select_from(Project)) == 1


async def test_a_district_platform_sends_needs_with_a_write_needs_token(gql) -> None:
    community, *_ = a_community_with_units()
    elsewhere = CommunityFactory(name="别的社区")
    token = ApiTokenFactory(organisation_id=community.id, scopes="write:needs")
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


async def test_photos_must_be_images_or_documents_with_names_that_fit(gql) -> None:
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


async def test_a_coordinator_takes_back_an_unanswered_dispatch(gql) -> None:
    community, _, near, _, liaison = a_community_with_units()
    need = NeedFactory(community=community, status=NeedStatus.ACCEPTED)
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    sent = await gql.data(
        DISPATCH, {"input": {"need": gid("Need", need.id), "unit": gid("ResidentUnit", near.id)}}
    )
    withdraw = """mutation W($d: ID!) { needDispatchWithdraw(dispatch: $d) {
      dispatch { status } need { status } errors { field code message } } }"""
    dispatch = sent["needDispatch"]["dispatch"]["id"]

    taken_back = (await gql.data(withdraw, {"d": dispatch}))["needDispatchWithdraw"]
    again = (await gql.data(withdraw, {"d": dispatch}))["needDispatchWithdraw"]
    await act_as_liaison(gql, community, near, liaison)
    late = await gql.data(RESPOND, {"input": {"dispatch": dispatch, "accept": True}})

    assert taken_back == {
        "dispatch": {"status": "WITHDRAWN"},
        "need": {"status": "ACCEPTED"},
        "errors": [],
    }
    assert again["errors"][0]["code"] == "ALREADY_RESPONDED"
    assert late["needDispatchRespond"]["errors"][0]["code"] == "ALREADY_RESPONDED"

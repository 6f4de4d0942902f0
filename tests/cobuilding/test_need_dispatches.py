"""Need dispatches: sent to a unit of the need's own community, answered once and only by that
unit (accepted into a new or an existing project, or declined with a reason), or taken back."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from backend.cobuilding.models import DispatchStatus, Need, NeedDispatch, NeedStatus, Project
from backend.core.models import key
from backend.core.principal import Role
from backend.factories import (
    CommunityFactory,
    NeedFactory,
    ProjectFactory,
    ResidentUnitFactory,
    session,
)
from backend.organisations.models import Organisation
from tests.client import GraphQLClient
from tests.cobuilding.helpers import DISPATCH, RESPOND, a_community_with_units, act_as_liaison
from tests.helpers import gid


async def test_a_declined_dispatch_goes_back_to_the_coordinator_and_can_join_a_project(
    gql: GraphQLClient,
) -> None:
    community, _, near, far, liaison = a_community_with_units()
    need = NeedFactory.create(community=community, status=NeedStatus.ACCEPTED)
    project = ProjectFactory.create(
        community=community, lead_unit_id=far.id, title="老旧小区路灯改造"
    )
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


async def test_a_street_coordinator_cannot_dispatch_to_a_unit_of_another_community(
    gql: GraphQLClient,
) -> None:
    community, _, _, _, _ = a_community_with_units()
    other = ResidentUnitFactory.create(
        community=CommunityFactory.create(parent_id=community.parent_id), name="城东单位"
    )
    need = NeedFactory.create(community=community, status=NeedStatus.ACCEPTED)
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, session.get_one(Organisation, community.parent_id))

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
    assert session.get_one(Need, need.id).status is NeedStatus.ACCEPTED


async def test_a_dispatch_is_answered_once_and_only_by_its_own_unit(gql: GraphQLClient) -> None:
    community, _, near, far, liaison = a_community_with_units()
    need = NeedFactory.create(community=community, status=NeedStatus.ACCEPTED)
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


async def test_simultaneous_acceptances_make_one_project(
    gql: GraphQLClient, backend_name: str
) -> None:
    if backend_name != "postgresql":
        pytest.skip("SQLite serialises writers; the race is a PostgreSQL concern")
    community, _, near, _, liaison = a_community_with_units()
    need = NeedFactory.create(community=community, status=NeedStatus.ACCEPTED)
    dispatch = NeedDispatch(need_id=key(need), unit_id=key(near), status=DispatchStatus.PENDING)
    need.status = NeedStatus.DISPATCHED
    session.add(dispatch)
    session.commit()
    await act_as_liaison(gql, community, near, liaison)
    answer = {"input": {"dispatch": gid("NeedDispatch", dispatch.id), "accept": True}}

    results = await asyncio.gather(*(gql.data(RESPOND, answer) for _ in range(4)))

    codes = sorted(e["code"] for r in results for e in r["needDispatchRespond"]["errors"])
    assert codes == ["ALREADY_RESPONDED"] * 3
    assert session.scalar(select(func.count()).select_from(Project)) == 1


async def test_a_coordinator_takes_back_an_unanswered_dispatch(gql: GraphQLClient) -> None:
    community, _, near, _, liaison = a_community_with_units()
    need = NeedFactory.create(community=community, status=NeedStatus.ACCEPTED)
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

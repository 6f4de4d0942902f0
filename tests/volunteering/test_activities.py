"""Volunteer activities: published, signed up within the slots, checked in and out into a
service record that earns points."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from backend.core.models import key
from backend.core.principal import Role
from backend.factories import (
    CommunityFactory,
    PersonFactory,
    ProjectFactory,
    ServiceRecordFactory,
    VolunteerActivityFactory,
    session,
)
from backend.volunteering.models import (
    ActivitySignup,
    PointsEntry,
    PointsRule,
    ServiceRecord,
)
from tests.client import GraphQLClient
from tests.helpers import gid
from tests.volunteering.helpers import ERRORS, LEDGER, NOW, RECORD, iso

CREATE = f"""mutation A($input: VolunteerActivityCreateInput!) {{ volunteerActivityCreate(input: $input) {{
  activity {{ id title slots placesLeft requiredSkills checkinCode project {{ title }} }} {ERRORS} }} }}"""
SIGN_UP = f"""mutation S($input: ActivitySignUpInput!) {{ activitySignUp(input: $input) {{
  signup {{ placeNumber person {{ name }} }} {ERRORS} }} }}"""
CHECK_IN = f"""mutation I($input: ActivityCheckInput!) {{ activityCheckIn(input: $input) {{
  signup {{ checkedInAt }} {ERRORS} }} }}"""
CHECK_OUT = f"""mutation O($input: ActivityCheckInput!) {{ activityCheckOut(input: $input) {{
  signup {{ checkedOutAt }} serviceRecord {{ minutes hours points project {{ title }} }} {ERRORS} }} }}"""


async def test_a_project_activity_is_signed_up_served_and_earns_points(gql: GraphQLClient) -> None:
    community = CommunityFactory.create(name="城西社区党委")
    assert community.parent_id is not None, "a community sits under its street"
    session.add(PointsRule(organisation_id=community.parent_id, points_per_hour=12))
    session.commit()
    project = ProjectFactory.create(community=community, title="楼道灯更换")
    volunteer = PersonFactory.create(name="陈志愿", community_id=community.id)
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    start = NOW - dt.timedelta(hours=3)

    created = (
        await gql.data(
            CREATE,
            {
                "input": {
                    "community": gid("Organisation", community.id),
                    "title": "协助更换楼道灯",
                    "startsAt": iso(start),
                    "endsAt": iso(start + dt.timedelta(hours=3)),
                    "place": "龙山小区 3 号楼",
                    "slots": 5,
                    "requiredSkills": ["电工", "搬运"],
                    "project": gid("Project", project.id),
                }
            },
        )
    )["volunteerActivityCreate"]
    activity = created["activity"]["id"]
    person = gid("Person", volunteer.id)
    signed = await gql.data(SIGN_UP, {"input": {"activity": activity, "person": person}})
    in_the_future = await gql.data(
        CHECK_IN,
        {"input": {"activity": activity, "person": person, "at": iso(NOW + dt.timedelta(hours=1))}},
    )
    checked_in = await gql.data(
        CHECK_IN, {"input": {"activity": activity, "person": person, "at": iso(start)}}
    )
    checked_out = await gql.data(
        CHECK_OUT,
        {
            "input": {
                "activity": activity,
                "person": person,
                "at": iso(start + dt.timedelta(minutes=150)),
            }
        },
    )
    ledger = (await gql.data(LEDGER, {"person": person}))["pointsLedger"]
    rate = await gql.data(
        "query R($o: ID!) { pointsPerHour(organisation: $o) }",
        {"o": gid("Organisation", community.id)},
    )

    assert rate == {"pointsPerHour": 12}  # the street's rule applies to the community
    assert in_the_future["activityCheckIn"]["errors"] == [
        {"field": "at", "code": "IN_FUTURE", "message": "时间不能晚于现在。"}
    ]
    assert created["errors"] == []
    assert created["activity"]["requiredSkills"] == ["电工", "搬运"]
    assert created["activity"]["project"] == {"title": "楼道灯更换"}
    assert len(created["activity"]["checkinCode"]) >= 12
    assert signed["activitySignUp"] == {
        "signup": {"placeNumber": 1, "person": {"name": "陈志愿"}},
        "errors": [],
    }
    assert checked_in["activityCheckIn"]["errors"] == []
    assert checked_out["activityCheckOut"]["errors"] == []
    assert checked_out["activityCheckOut"]["serviceRecord"] == {
        "minutes": 150,
        "hours": 2.5,
        "points": 30,
        "project": {"title": "楼道灯更换"},
    }
    assert ledger == {
        "balance": 30,
        "earned": 30,
        "spent": 0,
        "minutes": 150,
        "hours": 2.5,
        "entries": {
            "nodes": [
                {
                    "sequence": 1,
                    "kind": "EARNED",
                    "points": 30,
                    "balance": 30,
                    "note": "志愿服务：协助更换楼道灯",
                }
            ]
        },
        "serviceRecords": {"totalCount": 1},
    }


async def test_a_volunteer_checks_in_and_out_with_the_activity_code(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    activity = VolunteerActivityFactory.create(community=community, checkin_code="qr-secret-1")
    volunteer = PersonFactory.create(name="林小青", community_id=community.id)
    user = gql.sign_in(Role.COMMITTEE_MEMBER, community)
    user.person_id = volunteer.id
    session.commit()

    signed = await gql.data(SIGN_UP, {"input": {"activity": gid("VolunteerActivity", activity.id)}})
    wrong = await gql.data(CHECK_IN, {"input": {"code": "not-the-code"}})
    in_ = await gql.data(CHECK_IN, {"input": {"code": "qr-secret-1"}})
    twice = await gql.data(CHECK_IN, {"input": {"code": "qr-secret-1"}})
    signup = session.scalars(select(ActivitySignup)).one()
    signup.checked_in_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=45)
    session.commit()
    out = await gql.data(CHECK_OUT, {"input": {"code": "qr-secret-1"}})
    # a volunteer may not name someone else, nor check in by ID without the code
    other = await gql.data(
        CHECK_IN,
        {"input": {"code": "qr-secret-1", "person": gid("Person", PersonFactory.create().id)}},
    )

    assert signed["activitySignUp"]["errors"] == []
    assert wrong["activityCheckIn"]["errors"][0]["code"] == "WRONG_CODE"
    assert in_["activityCheckIn"]["errors"] == []
    assert twice["activityCheckIn"]["errors"][0]["code"] == "ALREADY_CHECKED_IN"
    assert out["activityCheckOut"]["errors"] == []
    assert out["activityCheckOut"]["serviceRecord"]["minutes"] in (45, 46)
    assert other["activityCheckIn"]["errors"][0]["message"] == "只有本社区的协调员可以代他人操作。"


async def test_bad_service_input_is_refused_and_nothing_is_written(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    activity = VolunteerActivityFactory.create(community=community, slots=1)
    first, second = (
        PersonFactory.create(community_id=community.id),
        PersonFactory.create(community_id=community.id),
    )
    ServiceRecordFactory.create(
        person=first, team=None, team_id=None, started_at=NOW - dt.timedelta(hours=30)
    )
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    a = gid("VolunteerActivity", activity.id)

    await gql.data(SIGN_UP, {"input": {"activity": a, "person": gid("Person", first.id)}})
    again = await gql.data(SIGN_UP, {"input": {"activity": a, "person": gid("Person", first.id)}})
    full = await gql.data(SIGN_UP, {"input": {"activity": a, "person": gid("Person", second.id)}})
    out_first = await gql.data(
        CHECK_OUT, {"input": {"activity": a, "person": gid("Person", first.id)}}
    )
    checked = {"activity": a, "person": gid("Person", first.id)}
    await gql.data(CHECK_IN, {"input": {**checked, "at": iso(NOW - dt.timedelta(minutes=20))}})
    early = await gql.data(
        CHECK_OUT, {"input": {**checked, "at": iso(NOW - dt.timedelta(minutes=50))}}
    )

    def manual(started: dt.datetime, ended: dt.datetime) -> dict[str, Any]:
        return {
            "input": {
                "person": gid("Person", first.id),
                "community": gid("Organisation", community.id),
                "startedAt": iso(started),
                "endedAt": iso(ended),
                "description": "补录",
            }
        }

    backwards = await gql.data(
        RECORD, manual(NOW - dt.timedelta(hours=2), NOW - dt.timedelta(hours=3))
    )
    too_long = await gql.data(
        RECORD, manual(NOW - dt.timedelta(hours=26), NOW - dt.timedelta(minutes=10))
    )
    overlapping = await gql.data(
        RECORD, manual(NOW - dt.timedelta(hours=29), NOW - dt.timedelta(hours=27))
    )
    future = await gql.data(RECORD, manual(NOW, NOW + dt.timedelta(hours=2)))

    assert again["activitySignUp"]["errors"][0]["code"] == "ALREADY_SIGNED_UP"
    assert full["activitySignUp"]["errors"] == [
        {"field": "activity", "code": "ACTIVITY_FULL", "message": "活动名额已满（共 1 个）。"}
    ]
    assert out_first["activityCheckOut"]["errors"][0]["code"] == "NOT_CHECKED_IN"
    assert early["activityCheckOut"]["errors"][0] == {
        "field": "at",
        "code": "TIME_ORDER",
        "message": "签退时间必须晚于签到时间。",
    }
    assert backwards["serviceRecordCreate"]["errors"][0]["code"] == "TIME_ORDER"
    assert too_long["serviceRecordCreate"]["errors"][0] == {
        "field": "endedAt",
        "code": "DURATION_RANGE",
        "message": "单次服务时长须在 1 分钟到 24 小时之间。",
    }
    assert overlapping["serviceRecordCreate"]["errors"][0]["code"] == "OVERLAPPING"
    assert "时间重叠" in overlapping["serviceRecordCreate"]["errors"][0]["message"]
    assert future["serviceRecordCreate"]["errors"][0]["code"] == "IN_FUTURE"
    assert session.scalar(select(func.count()).select_from(ServiceRecord)) == 1
    assert session.scalar(select(func.count()).select_from(ActivitySignup)) == 1
    assert session.scalar(select(func.count()).select_from(PointsEntry)) == 0


async def test_simultaneous_sign_ups_never_exceed_the_slots(
    gql: GraphQLClient, backend_name: str
) -> None:
    if backend_name != "postgresql":
        pytest.skip("SQLite serialises writers; the race is a PostgreSQL concern")
    community = CommunityFactory.create()
    activity = VolunteerActivityFactory.create(community=community, slots=2)
    people = [PersonFactory.create(community_id=community.id) for _ in range(6)]
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    a = gid("VolunteerActivity", activity.id)

    results = await asyncio.gather(
        *(
            gql.data(SIGN_UP, {"input": {"activity": a, "person": gid("Person", p.id)}})
            for p in people
        )
    )

    codes = sorted((r["activitySignUp"]["errors"] or [{"code": "OK"}])[0]["code"] for r in results)
    assert codes == ["ACTIVITY_FULL"] * 4 + ["OK"] * 2
    assert session.scalar(select(func.count()).select_from(ActivitySignup)) == 2


async def test_simultaneous_check_outs_make_one_service_record(
    gql: GraphQLClient, backend_name: str
) -> None:
    if backend_name != "postgresql":
        pytest.skip("SQLite serialises writers; the race is a PostgreSQL concern")
    community = CommunityFactory.create()
    activity = VolunteerActivityFactory.create(community=community)
    volunteer = PersonFactory.create(community_id=community.id)
    session.add(
        ActivitySignup(
            activity_id=key(activity),
            person_id=key(volunteer),
            place_number=1,
            checked_in_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=40),
        )
    )
    session.commit()
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    out = {
        "input": {
            "activity": gid("VolunteerActivity", activity.id),
            "person": gid("Person", volunteer.id),
        }
    }

    results = await asyncio.gather(*(gql.data(CHECK_OUT, out) for _ in range(4)))

    assert sum(1 for r in results if not r["activityCheckOut"]["errors"]) == 1
    assert session.scalar(select(func.count()).select_from(ServiceRecord)) == 1
    assert session.scalar(select(func.count()).select_from(PointsEntry)) == 1

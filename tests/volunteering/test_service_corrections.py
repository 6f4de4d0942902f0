"""Service records corrected: with a reason, audited, reversed and re-earned in the points
ledger, refused where the balance or the coordinator's scope does not allow it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from backend.audit.models import AuditLogEntry
from backend.core.models import key
from backend.core.principal import Role
from backend.factories import (
    CommunityFactory,
    PersonFactory,
    ServiceRecordFactory,
    session,
)
from backend.volunteering.models import PartnerMerchant, PointsEntry, ServiceRecord
from tests.client import GraphQLClient
from tests.helpers import gid
from tests.volunteering.helpers import ERRORS, LEDGER, NOW, RECORD, REDEEM, iso

CORRECT = f"""mutation C($input: ServiceRecordCorrectInput!) {{ serviceRecordCorrect(input: $input) {{
  serviceRecord {{ minutes points }} {ERRORS} }} }}"""


async def test_a_correction_is_audited_and_reversed_in_the_ledger(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    volunteer = PersonFactory.create(community_id=community.id)
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    start = NOW - dt.timedelta(days=2)
    created = await gql.data(
        RECORD,
        {
            "input": {
                "person": gid("Person", volunteer.id),
                "community": gid("Organisation", community.id),
                "startedAt": iso(start),
                "endedAt": iso(start + dt.timedelta(hours=3)),
                "description": "重阳敬老慰问",
            }
        },
    )
    service = session.scalars(select(ServiceRecord)).one()

    no_reason = await gql.data(
        CORRECT,
        {
            "input": {
                "serviceRecord": gid("ServiceRecord", service.id),
                "startedAt": iso(start),
                "endedAt": iso(start + dt.timedelta(hours=2)),
                "reason": " ",
            }
        },
    )
    corrected = await gql.data(
        CORRECT,
        {
            "input": {
                "serviceRecord": gid("ServiceRecord", service.id),
                "startedAt": iso(start),
                "endedAt": iso(start + dt.timedelta(hours=2)),
                "reason": "签退时间登记错误",
            }
        },
    )
    ledger = (await gql.data(LEDGER, {"person": gid("Person", volunteer.id)}))["pointsLedger"]

    assert created["serviceRecordCreate"]["serviceRecord"] == {"minutes": 180, "points": 30}
    assert no_reason["serviceRecordCorrect"]["errors"][0]["field"] == "reason"
    assert corrected["serviceRecordCorrect"] == {
        "serviceRecord": {"minutes": 120, "points": 20},
        "errors": [],
    }
    assert [(e["kind"], e["points"], e["balance"]) for e in ledger["entries"]["nodes"]] == [
        ("REVERSAL", -30, 20),
        ("EARNED", 20, 50),
        ("EARNED", 30, 30),
    ]
    audit = session.scalars(
        select(AuditLogEntry).where(col(AuditLogEntry.action) == "serviceRecordCorrect")
    ).one()
    assert audit.changes is not None
    assert audit.changes["minutes"] == [180, 120]
    assert audit.changes["corrected_reason"] == [None, "签退时间登记错误"]


async def test_ledger_notes_keep_the_whole_description_and_reason(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    volunteer = PersonFactory.create(community_id=community.id)
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    start = NOW - dt.timedelta(days=2)
    description = "敬" * 499 + "末"
    await gql.data(
        RECORD,
        {
            "input": {
                "person": gid("Person", volunteer.id),
                "community": gid("Organisation", community.id),
                "startedAt": iso(start),
                "endedAt": iso(start + dt.timedelta(hours=3)),
                "description": description,
            }
        },
    )
    service = session.scalars(select(ServiceRecord)).one()

    def correct(reason: str) -> dict[str, Any]:
        return {
            "input": {
                "serviceRecord": gid("ServiceRecord", service.id),
                "startedAt": iso(start),
                "endedAt": iso(start + dt.timedelta(hours=2)),
                "reason": reason,
            }
        }

    too_long = await gql.data(CORRECT, correct("误" * 201))

    assert too_long["serviceRecordCorrect"] == {
        "serviceRecord": None,
        "errors": [{"field": "reason", "code": "TOO_LONG", "message": "最多 200 个字。"}],
    }
    session.expire_all()
    assert session.get_one(ServiceRecord, service.id).minutes == 180
    assert [e.note for e in session.scalars(select(PointsEntry))] == [f"志愿服务：{description}"]

    reason = "误" * 199 + "尾"
    corrected = await gql.data(CORRECT, correct(reason))
    ledger = (await gql.data(LEDGER, {"person": gid("Person", volunteer.id)}))["pointsLedger"]

    assert corrected["serviceRecordCorrect"]["errors"] == []
    assert [(e["kind"], e["note"]) for e in ledger["entries"]["nodes"]] == [
        ("REVERSAL", f"更正服务时长：{reason}"),
        ("EARNED", f"志愿服务（更正后）：{description}"),
        ("EARNED", f"志愿服务：{description}"),
    ]


async def test_a_longer_correction_works_after_points_were_spent_a_shorter_one_may_not(
    gql: GraphQLClient,
) -> None:
    community = CommunityFactory.create()
    volunteer = PersonFactory.create(community_id=community.id)
    merchant = PartnerMerchant(community_id=key(community), name="爱心超市")
    session.add(merchant)
    session.commit()
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    start = NOW - dt.timedelta(days=3)
    await gql.data(
        RECORD,
        {
            "input": {
                "person": gid("Person", volunteer.id),
                "community": gid("Organisation", community.id),
                "startedAt": iso(start),
                "endedAt": iso(start + dt.timedelta(hours=2)),
                "description": "环境整治",
            }
        },
    )
    await gql.data(
        REDEEM,
        {
            "input": {
                "person": gid("Person", volunteer.id),
                "merchant": gid("PartnerMerchant", merchant.id),
                "points": 15,
            }
        },
    )
    service = gid("ServiceRecord", session.scalars(select(ServiceRecord)).one().id)

    def correct(hours: int) -> dict[str, Any]:
        return {
            "input": {
                "serviceRecord": service,
                "startedAt": iso(start),
                "endedAt": iso(start + dt.timedelta(hours=hours)),
                "reason": "登记有误",
            }
        }

    longer = await gql.data(CORRECT, correct(3))
    shorter = await gql.data(CORRECT, correct(1))

    assert longer["serviceRecordCorrect"]["errors"] == []
    assert shorter["serviceRecordCorrect"]["errors"][0]["code"] == "INSUFFICIENT_BALANCE"
    ledger = (await gql.data(LEDGER, {"person": gid("Person", volunteer.id)}))["pointsLedger"]
    assert ledger["balance"] == 15  # 20 earned, 15 spent, then 20 reversed and 30 earned


async def test_a_coordinator_may_not_correct_their_own_hours_elsewhere(gql: GraphQLClient) -> None:
    home, elsewhere = CommunityFactory.create(), CommunityFactory.create()
    person = PersonFactory.create(community_id=elsewhere.id)
    own = ServiceRecordFactory.create(person=person, team=None, team_id=None)
    user = gql.sign_in(Role.VOLUNTEER_COORDINATOR, home)
    user.person_id = person.id
    session.commit()

    refused = await gql.execute(
        CORRECT,
        {
            "input": {
                "serviceRecord": gid("ServiceRecord", own.id),
                "startedAt": iso(own.started_at),
                "endedAt": iso(own.started_at + dt.timedelta(hours=20)),
                "reason": "多算一点",
            }
        },
    )

    assert refused["errors"][0]["extensions"]["code"] == "NOT_FOUND"

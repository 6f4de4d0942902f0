"""The points ledger: points redeemed at partner merchants, never below zero, and the ledger
itself append-only."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import col

from backend.core.models import key
from backend.core.principal import Role
from backend.factories import CommunityFactory, PersonFactory, session
from backend.volunteering.models import PartnerMerchant, PointsEntry, PointsEntryKind
from tests.client import GraphQLClient
from tests.helpers import gid
from tests.volunteering.helpers import ERRORS, NOW, RECORD, REDEEM, iso

MERCHANT = f"""mutation M($input: PartnerMerchantCreateInput!) {{ partnerMerchantCreate(input: $input) {{
  merchant {{ id name }} {ERRORS} }} }}"""


async def test_points_are_redeemed_at_a_merchant_but_never_below_zero(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    volunteer = PersonFactory.create(community_id=community.id)
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    start = NOW - dt.timedelta(days=1)
    await gql.data(
        RECORD,
        {
            "input": {
                "person": gid("Person", volunteer.id),
                "community": gid("Organisation", community.id),
                "startedAt": iso(start),
                "endedAt": iso(start + dt.timedelta(hours=4)),
                "description": "四点半课堂",
            }
        },
    )
    merchant = (
        await gql.data(
            MERCHANT,
            {
                "input": {
                    "community": gid("Organisation", community.id),
                    "name": "湖寮爱心超市",
                    "offer": "10 分兑换一袋大米",
                }
            },
        )
    )["partnerMerchantCreate"]["merchant"]

    def redeem(points: int) -> dict[str, Any]:
        return {
            "input": {
                "person": gid("Person", volunteer.id),
                "merchant": merchant["id"],
                "points": points,
            }
        }

    spent = await gql.data(REDEEM, redeem(30))
    too_much = await gql.data(REDEEM, redeem(11))
    negative = await gql.data(REDEEM, redeem(-5))

    assert spent["pointsRedeem"] == {
        "entry": {"points": -30, "balance": 10, "kindLabel": "兑换"},
        "errors": [],
    }
    assert too_much["pointsRedeem"]["errors"] == [
        {
            "field": "points",
            "code": "INSUFFICIENT_BALANCE",
            "message": "积分余额不足：当前余额 10 分。",
        }
    ]
    assert negative["pointsRedeem"]["errors"][0]["code"] == "INVALID"
    assert session.scalar(select(func.count()).select_from(PointsEntry)) == 2
    assert session.scalar(select(func.count()).select_from(PartnerMerchant)) == 1


async def test_the_ledger_cannot_be_edited(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    volunteer = PersonFactory.create(community_id=community.id)
    session.add(
        PointsEntry(
            person_id=key(volunteer),
            sequence=1,
            kind=PointsEntryKind.EARNED,
            points=10,
            balance=10,
            note="x",
        )
    )
    session.commit()
    entry = session.scalars(select(PointsEntry)).one()

    entry.points = 1000
    with pytest.raises(PermissionError):
        session.commit()
    session.rollback()


async def test_simultaneous_redemptions_never_overspend(
    gql: GraphQLClient, backend_name: str
) -> None:
    if backend_name != "postgresql":
        pytest.skip("SQLite serialises writers; the race is a PostgreSQL concern")
    community = CommunityFactory.create()
    volunteer = PersonFactory.create(community_id=community.id)
    merchant = PartnerMerchant(community_id=key(community), name="爱心超市")
    session.add(merchant)
    session.add(
        PointsEntry(
            person_id=key(volunteer),
            sequence=1,
            kind=PointsEntryKind.EARNED,
            points=50,
            balance=50,
            note="x",
        )
    )
    session.commit()
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    redeem = {
        "input": {
            "person": gid("Person", volunteer.id),
            "merchant": gid("PartnerMerchant", merchant.id),
            "points": 20,
        }
    }

    results = await asyncio.gather(*(gql.data(REDEEM, redeem) for _ in range(5)))

    succeeded = [r for r in results if not r["pointsRedeem"]["errors"]]
    assert len(succeeded) == 2
    balances = session.scalars(
        select(col(PointsEntry.balance)).order_by(col(PointsEntry.sequence))
    ).all()
    assert balances == [50, 30, 10]

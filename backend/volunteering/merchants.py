"""Where points are spent and what an hour earns: partner merchants of a community and the
points redeemed there, and the points rule of an organisation (its communities follow the
nearest rule above them)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.audit.services import record
from backend.core.actor import Actor
from backend.core.db import add_unique
from backend.core.models import key
from backend.organisations.models import Organisation
from backend.units.models import ResidentUnit
from backend.volunteering import points as ledger
from backend.volunteering.errors import TEXT, VolunteeringErrorCode, refuse
from backend.volunteering.models import PartnerMerchant, PointsEntry, PointsEntryKind, PointsRule

MAX_POINTS_PER_HOUR = 1000
NAME_MAX, ADDRESS_MAX, OFFER_MAX, NOTE_MAX = 100, 200, 200, 200


@dataclass(frozen=True)
class MerchantDraft:
    name: str
    address: str | None = None
    offer: str | None = None
    unit: ResidentUnit | None = None


async def create_merchant(
    session: AsyncSession, actor: Actor, community: Organisation, draft: MerchantDraft
) -> PartnerMerchant:
    if draft.unit is not None and draft.unit.community_id != community.id:
        raise refuse(VolunteeringErrorCode.OUTSIDE_COMMUNITY, "unit")
    merchant = PartnerMerchant(
        community_id=key(community),
        name=TEXT.required(draft.name, "name", NAME_MAX),
        address=TEXT.optional(draft.address, "address", ADDRESS_MAX),
        offer=TEXT.optional(draft.offer, "offer", OFFER_MAX),
        unit_id=draft.unit.id if draft.unit else None,
    )
    await add_unique(
        session, merchant, refuse(VolunteeringErrorCode.INVALID, "name", "本社区已有同名商家。")
    )
    record(
        session,
        actor,
        "partnerMerchantCreate",
        object_type="PartnerMerchant",
        object_id=merchant.id,
        changes={"name": [None, merchant.name]},
    )
    await session.commit()
    return merchant


async def set_points_rule(
    session: AsyncSession, actor: Actor, organisation: Organisation, points_per_hour: int
) -> int:
    if not 0 <= points_per_hour <= MAX_POINTS_PER_HOUR:
        raise refuse(
            VolunteeringErrorCode.INVALID,
            "pointsPerHour",
            f"每小时积分须在 0 到 {MAX_POINTS_PER_HOUR} 之间。",
        )
    rule = await session.scalar(
        select(PointsRule).where(col(PointsRule.organisation_id) == organisation.id)
    )
    before = rule.points_per_hour if rule else None
    if rule is None:
        rule = PointsRule(organisation_id=key(organisation), points_per_hour=0)
        session.add(rule)
    rule.points_per_hour = points_per_hour
    await session.flush()
    record(
        session,
        actor,
        "pointsRuleSet",
        object_type="Organisation",
        object_id=organisation.id,
        changes={"points_per_hour": [before, points_per_hour]},
    )
    await session.commit()
    return points_per_hour


async def redeem(
    session: AsyncSession,
    actor: Actor,
    person_id: int,
    merchant: PartnerMerchant,
    points: int,
    note: str | None,
) -> PointsEntry:
    if points <= 0:
        raise refuse(VolunteeringErrorCode.INVALID, "points", "兑换积分须为正数。")
    entry = await ledger.append(
        session,
        actor,
        person_id,
        PointsEntryKind.REDEEMED,
        -points,
        TEXT.optional(note, "note", NOTE_MAX) or f"在{merchant.name}兑换",
        merchant_id=merchant.id,
    )
    record(
        session,
        actor,
        "pointsRedeem",
        object_type="PointsEntry",
        object_id=entry.id,
        changes={"points": [None, -points], "merchant": [None, merchant.id]},
    )
    await session.commit()
    return entry

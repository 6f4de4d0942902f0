"""Points (积分): earned per hour of service by the rule of the nearest organisation above the
community, redeemed at partner merchants. The ledger is append-only; each entry carries the
balance after it, which may never go below zero."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.cobuilding.models import MicroWish, Need, Project
from backend.core.actor import Actor
from backend.organisations.models import Organisation
from backend.people.models import Person
from backend.volunteering.errors import VolunteeringErrorCode, refuse
from backend.volunteering.models import (
    PointsEntry,
    PointsEntryKind,
    PointsRule,
    ServiceRecord,
    VolunteerActivity,
    VolunteerTeam,
)

DEFAULT_POINTS_PER_HOUR = 10
# PointsEntry.note holds this many characters: room for every note built from checked text,
# the longest being 志愿服务（更正后）： and a 500-character service description.
NOTE_LIMIT = 520


def points_for(minutes: int, points_per_hour: int) -> int:
    return minutes * points_per_hour // 60


async def points_per_hour(session: AsyncSession, community_id: int) -> int:
    """The rule of the community itself or of its nearest ancestor, else the default."""
    community = await session.get(Organisation, community_id)
    if community is None:
        return DEFAULT_POINTS_PER_HOUR
    ancestors = [int(part) for part in community.path.strip("/").split("/") if part]
    rules = {
        rule.organisation_id: rule.points_per_hour
        for rule in (
            await session.scalars(
                select(PointsRule).where(col(PointsRule.organisation_id).in_(ancestors))
            )
        ).all()
    }
    for organisation_id in reversed(ancestors):
        if organisation_id in rules:
            return rules[organisation_id]
    return DEFAULT_POINTS_PER_HOUR


async def lock_person(session: AsyncSession, person_id: int) -> None:
    """Writers of one person's service and points take turns (a row lock on PostgreSQL; SQLite
    has one writer at a time anyway). Taken before any check that the write relies on."""
    await session.execute(
        select(col(Person.id)).where(col(Person.id) == person_id).with_for_update()
    )


async def _last_entry(session: AsyncSession, person_id: int) -> PointsEntry | None:
    return await session.scalar(
        select(PointsEntry)
        .where(col(PointsEntry.person_id) == person_id)
        .order_by(col(PointsEntry.sequence).desc())
        .limit(1)
    )


async def append(
    session: AsyncSession,
    actor: Actor,
    person_id: int,
    kind: PointsEntryKind,
    points: int,
    note: str,
    *,
    service_record_id: int | None = None,
    merchant_id: int | None = None,
    reverses_id: int | None = None,
) -> PointsEntry:
    """Add one entry. The person's row is locked first (PostgreSQL), so simultaneous writers
    to one ledger take turns; (person, sequence) is unique as a second line of defence.
    The note is built by the caller from text already checked, and is stored whole."""
    if len(note) > NOTE_LIMIT:
        raise ValueError(f"a points entry's note holds {NOTE_LIMIT} characters, not {len(note)}")
    await lock_person(session, person_id)
    last = await _last_entry(session, person_id)
    balance = (last.balance if last else 0) + points
    if balance < 0:
        raise refuse(
            VolunteeringErrorCode.INSUFFICIENT_BALANCE,
            "points",
            f"积分余额不足：当前余额 {balance - points} 分。",
        )
    entry = PointsEntry(
        person_id=person_id,
        sequence=(last.sequence if last else 0) + 1,
        kind=kind,
        points=points,
        balance=balance,
        note=note,
        service_record_id=service_record_id,
        merchant_id=merchant_id,
        reverses_id=reverses_id,
        created_by_id=actor.principal.user_id,
    )
    session.add(entry)
    await session.flush()
    return entry


async def reverse(
    session: AsyncSession, actor: Actor, entry: PointsEntry, note: str
) -> PointsEntry:
    already = await session.scalar(
        select(col(PointsEntry.id)).where(col(PointsEntry.reverses_id) == entry.id)
    )
    if already is not None:
        raise refuse(VolunteeringErrorCode.ALREADY_REVERSED, "entry")
    return await append(
        session,
        actor,
        entry.person_id,
        PointsEntryKind.REVERSAL,
        -entry.points,
        note,
        service_record_id=entry.service_record_id,
        merchant_id=entry.merchant_id,
        reverses_id=entry.id,
    )


async def service_community(session: AsyncSession, service: ServiceRecord) -> int:
    """The community whose points rule applies to a record: its activity's, team's, or the
    served need's, wish's or project's; else the volunteer's own."""
    sources: list[tuple[Any, int | None]] = [
        (VolunteerActivity, service.activity_id),
        (VolunteerTeam, service.team_id),
        (Need, service.need_id),
        (MicroWish, service.micro_wish_id),
        (Project, service.project_id),
    ]
    for model, source_id in sources:
        if source_id is not None:
            row = await session.get(model, source_id)
            if row is not None:
                return int(row.community_id)
    person = await session.get(Person, service.person_id)
    if person is None or person.community_id is None:
        raise refuse(VolunteeringErrorCode.INVALID, "serviceRecord", "服务记录缺少所属社区。")
    return int(person.community_id)

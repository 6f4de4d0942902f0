"""Service records: the hours a volunteer served and the points they earned. A record comes from
an activity's check-out or is added by a coordinator by hand; a volunteer's records never
overlap, and a correction is audited and put right in the ledger by a reversal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.audit.services import diff, record, snapshot
from backend.core.actor import Actor
from backend.core.models import utcnow
from backend.core.text import excerpt
from backend.volunteering import points as ledger
from backend.volunteering.errors import TEXT, VolunteeringErrorCode, refuse
from backend.volunteering.models import PointsEntry, PointsEntryKind, ServiceRecord

E = VolunteeringErrorCode
MAX_SERVICE = timedelta(hours=24)
DESCRIPTION_MAX, REASON_MAX = 500, 200


@dataclass(frozen=True)
class ServiceDraft:
    person_id: int
    community_id: int
    started_at: datetime
    ended_at: datetime
    description: str
    team_id: int | None = None
    need_id: int | None = None
    micro_wish_id: int | None = None
    project_id: int | None = None
    activity_id: int | None = None


def service_minutes(started_at: datetime, ended_at: datetime, field: str = "endedAt") -> int:
    if ended_at <= started_at:
        raise refuse(E.TIME_ORDER, field)
    if ended_at - started_at > MAX_SERVICE:
        raise refuse(E.DURATION_RANGE, field)
    minutes = int((ended_at - started_at).total_seconds() // 60)
    if minutes < 1:
        raise refuse(E.DURATION_RANGE, field)
    return minutes


def not_in_future(at: datetime) -> None:
    if at > utcnow() + timedelta(minutes=1):
        raise refuse(E.IN_FUTURE, "at")


async def _refuse_overlap(
    session: AsyncSession,
    person_id: int,
    started_at: datetime,
    ended_at: datetime,
    field: str,
    excluding: int | None = None,
) -> None:
    statement = select(ServiceRecord).where(
        col(ServiceRecord.person_id) == person_id,
        col(ServiceRecord.archived_at).is_(None),
        col(ServiceRecord.started_at) < ended_at,
        col(ServiceRecord.ended_at) > started_at,
    )
    if excluding is not None:
        statement = statement.where(col(ServiceRecord.id) != excluding)
    clash = await session.scalar(statement.limit(1))
    if clash is not None:
        raise refuse(
            E.OVERLAPPING,
            field,
            f"与该志愿者已有的服务记录“{excerpt(clash.description, 30)}”时间重叠。",
        )


async def enter_service(session: AsyncSession, actor: Actor, draft: ServiceDraft) -> ServiceRecord:
    """The record and the points it earns, flushed but not committed: check-out commits it
    together with the sign-up it closes."""
    minutes = service_minutes(draft.started_at, draft.ended_at)
    await ledger.lock_person(session, draft.person_id)
    await _refuse_overlap(session, draft.person_id, draft.started_at, draft.ended_at, "startedAt")
    rate = await ledger.points_per_hour(session, draft.community_id)
    service = ServiceRecord(
        person_id=draft.person_id,
        team_id=draft.team_id,
        need_id=draft.need_id,
        micro_wish_id=draft.micro_wish_id,
        project_id=draft.project_id,
        activity_id=draft.activity_id,
        description=TEXT.required(draft.description, "description", DESCRIPTION_MAX),
        started_at=draft.started_at,
        ended_at=draft.ended_at,
        minutes=minutes,
        points=ledger.points_for(minutes, rate),
    )
    session.add(service)
    await session.flush()
    if service.points:
        await ledger.append(
            session,
            actor,
            draft.person_id,
            PointsEntryKind.EARNED,
            service.points,
            f"志愿服务：{service.description}",
            service_record_id=service.id,
        )
    record(
        session,
        actor,
        "serviceRecordCreate",
        object_type="ServiceRecord",
        object_id=service.id,
        changes=diff({}, snapshot(service, ["person_id", "started_at", "ended_at", "minutes"])),
    )
    return service


async def add_service(session: AsyncSession, actor: Actor, draft: ServiceDraft) -> ServiceRecord:
    not_in_future(draft.ended_at)
    service = await enter_service(session, actor, draft)
    await session.commit()
    return service


CORRECTED_FIELDS = ["started_at", "ended_at", "minutes", "points", "corrected_reason"]


async def correct_service(
    session: AsyncSession,
    actor: Actor,
    service: ServiceRecord,
    *,
    started_at: datetime,
    ended_at: datetime,
    reason: str | None,
) -> ServiceRecord:
    """New times for a record: the points it earned are reversed and earned again at the new
    length, so the ledger shows what changed and why."""
    cleaned = TEXT.required(reason, "reason", REASON_MAX)
    not_in_future(ended_at)
    minutes = service_minutes(started_at, ended_at)
    await ledger.lock_person(session, service.person_id)
    await _refuse_overlap(
        session, service.person_id, started_at, ended_at, "startedAt", excluding=service.id
    )
    before = snapshot(service, CORRECTED_FIELDS)
    standing = await _standing_earnings(session, service)
    rate = await ledger.points_per_hour(session, await ledger.service_community(session, service))
    service.started_at, service.ended_at, service.minutes = started_at, ended_at, minutes
    service.points = ledger.points_for(minutes, rate)
    service.corrected_reason = cleaned
    # The new points first, then the reversal of the old ones: the balance only falls below
    # zero if the volunteer already spent points the correction takes away.
    if service.points:
        await ledger.append(
            session,
            actor,
            service.person_id,
            PointsEntryKind.EARNED,
            service.points,
            f"志愿服务（更正后）：{service.description}",
            service_record_id=service.id,
        )
    for entry in standing:
        await ledger.reverse(session, actor, entry, f"更正服务时长：{cleaned}")
    record(
        session,
        actor,
        "serviceRecordCorrect",
        object_type="ServiceRecord",
        object_id=service.id,
        changes=diff(before, snapshot(service, CORRECTED_FIELDS)),
    )
    await session.commit()
    return service


async def _standing_earnings(session: AsyncSession, service: ServiceRecord) -> list[PointsEntry]:
    """The points the record earned that have not been reversed yet."""
    entries = (
        await session.scalars(
            select(PointsEntry).where(col(PointsEntry.service_record_id) == service.id)
        )
    ).all()
    reversed_ids = {e.reverses_id for e in entries if e.reverses_id is not None}
    return [e for e in entries if e.kind is PointsEntryKind.EARNED and e.id not in reversed_ids]

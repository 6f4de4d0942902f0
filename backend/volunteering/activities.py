"""Volunteer activities: published with time, place, slots and required skills, signed up
within the slots, checked in and out (by the activity's QR code or by the coordinator), and
turned into service records whose hours earn points. Coordinators may add or correct service
records by hand; every correction is audited and put right in the ledger by a reversal."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.audit.services import diff, record, snapshot
from backend.cobuilding.models import MicroWish, Need, Project
from backend.core.actor import Actor
from backend.core.db import rows_changed
from backend.core.models import key, utcnow
from backend.core.text import TextRules
from backend.volunteering import points as ledger
from backend.volunteering.errors import VolunteeringErrorCode, refuse
from backend.volunteering.models import (
    ActivitySignup,
    ActivityStatus,
    PartnerMerchant,
    PointsEntry,
    PointsEntryKind,
    ServiceRecord,
    VolunteerActivity,
    VolunteerTeam,
)

E = VolunteeringErrorCode
MAX_SERVICE = timedelta(hours=24)
CHECK_IN_OPENS = timedelta(minutes=30)
CHECK_OUT_CLOSES = timedelta(hours=2)
MAX_SLOTS = 1000


TEXT = TextRules(refuse, E.REQUIRED, E.TOO_LONG)


# --- activities ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityDraft:
    community_id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    slots: int
    description: str | None = None
    required_skills: str = ""
    team: VolunteerTeam | None = None
    need: Need | None = None
    micro_wish: MicroWish | None = None
    project: Project | None = None


def _check_sources(draft: ActivityDraft) -> None:
    sources = {"need": draft.need, "microWish": draft.micro_wish, "project": draft.project}
    given = {field: row for field, row in sources.items() if row is not None}
    if len(given) > 1:
        raise refuse(E.INVALID, "need", "一个活动只能来自一个需求、微心愿或项目。")
    for field, row in [*given.items(), ("team", draft.team)]:
        if row is not None and row.community_id != draft.community_id:
            raise refuse(E.OUTSIDE_COMMUNITY, field)


async def create_activity(
    session: AsyncSession, actor: Actor, draft: ActivityDraft
) -> VolunteerActivity:
    if draft.ends_at <= draft.starts_at:
        raise refuse(E.TIME_ORDER, "endsAt")
    if not 0 < draft.slots <= MAX_SLOTS:
        raise refuse(E.INVALID, "slots", f"名额须在 1 到 {MAX_SLOTS} 之间。")
    _check_sources(draft)
    activity = VolunteerActivity(
        community_id=draft.community_id,
        title=TEXT.required(draft.title, "title", 100),
        description=TEXT.optional(draft.description, "description", 1000),
        starts_at=draft.starts_at,
        ends_at=draft.ends_at,
        place=TEXT.required(draft.place, "place", 200),
        slots=draft.slots,
        required_skills=TEXT.optional(draft.required_skills, "requiredSkills", 300) or "",
        team_id=draft.team.id if draft.team else None,
        need_id=draft.need.id if draft.need else None,
        micro_wish_id=draft.micro_wish.id if draft.micro_wish else None,
        project_id=draft.project.id if draft.project else None,
        status=ActivityStatus.OPEN,
        checkin_code=secrets.token_urlsafe(12),
        created_by_id=actor.principal.user_id,
    )
    session.add(activity)
    await session.flush()
    record(
        session,
        actor,
        "volunteerActivityCreate",
        object_type="VolunteerActivity",
        object_id=activity.id,
        changes=diff({}, snapshot(activity, ["title", "starts_at", "slots"])),
    )
    await session.commit()
    return activity


async def _lock_activity(session: AsyncSession, activity: VolunteerActivity) -> None:
    """Sign-ups of one activity take turns (PostgreSQL row lock); the unique place number
    refuses an over-subscription should two slip through."""
    await session.execute(
        select(col(VolunteerActivity.id))
        .where(col(VolunteerActivity.id) == activity.id)
        .with_for_update()
    )


async def sign_up(
    session: AsyncSession, actor: Actor, activity: VolunteerActivity, person_id: int
) -> ActivitySignup:
    if activity.status is not ActivityStatus.OPEN:
        raise refuse(E.NOT_OPEN, "activity")
    await _lock_activity(session, activity)
    taken = set(
        (
            await session.scalars(
                select(col(ActivitySignup.place_number)).where(
                    col(ActivitySignup.activity_id) == activity.id
                )
            )
        ).all()
    )
    already = await session.scalar(
        select(func.count()).where(
            col(ActivitySignup.activity_id) == activity.id,
            col(ActivitySignup.person_id) == person_id,
        )
    )
    if already:
        raise refuse(E.ALREADY_SIGNED_UP, "person")
    free = next((n for n in range(1, activity.slots + 1) if n not in taken), None)
    if free is None:
        raise refuse(E.ACTIVITY_FULL, "activity", f"活动名额已满（共 {activity.slots} 个）。")
    signup = ActivitySignup(activity_id=key(activity), person_id=person_id, place_number=free)
    session.add(signup)
    try:
        await session.flush()
    except IntegrityError:
        raise refuse(E.ACTIVITY_FULL, "activity", "名额刚被别人报走，请刷新后重试。") from None
    record(
        session,
        actor,
        "activitySignUp",
        object_type="VolunteerActivity",
        object_id=activity.id,
        changes={"person": [None, person_id]},
    )
    await session.commit()
    return signup


async def cancel_sign_up(session: AsyncSession, actor: Actor, signup: ActivitySignup) -> None:
    if signup.checked_in_at is not None:
        raise refuse(E.ALREADY_CHECKED_IN, "signup", "已签到的报名不能取消。")
    await session.delete(signup)
    record(
        session,
        actor,
        "activitySignUpCancel",
        object_type="VolunteerActivity",
        object_id=signup.activity_id,
        changes={"person": [signup.person_id, None]},
    )
    await session.commit()


async def find_signup(
    session: AsyncSession, activity: VolunteerActivity, person_id: int
) -> ActivitySignup:
    signup = await session.scalar(
        select(ActivitySignup).where(
            col(ActivitySignup.activity_id) == activity.id,
            col(ActivitySignup.person_id) == person_id,
        )
    )
    if signup is None:
        raise refuse(E.NOT_SIGNED_UP, "person")
    return signup


def _within_window(activity: VolunteerActivity, at: datetime) -> None:
    if not activity.starts_at - CHECK_IN_OPENS <= at <= activity.ends_at + CHECK_OUT_CLOSES:
        raise refuse(E.OUTSIDE_WINDOW, "at")


def _not_in_future(at: datetime) -> None:
    if at > utcnow() + timedelta(minutes=1):
        raise refuse(E.IN_FUTURE, "at")


async def check_in(
    session: AsyncSession,
    actor: Actor,
    activity: VolunteerActivity,
    signup: ActivitySignup,
    at: datetime,
) -> ActivitySignup:
    if activity.status is not ActivityStatus.OPEN:
        raise refuse(E.NOT_OPEN, "activity")
    if signup.checked_in_at is not None:
        raise refuse(E.ALREADY_CHECKED_IN, "person")
    _not_in_future(at)
    _within_window(activity, at)
    signup.checked_in_at = at
    record(
        session,
        actor,
        "activityCheckIn",
        object_type="VolunteerActivity",
        object_id=activity.id,
        changes={"person": [None, signup.person_id], "at": [None, at.isoformat()]},
    )
    await session.commit()
    return signup


async def check_out(
    session: AsyncSession,
    actor: Actor,
    activity: VolunteerActivity,
    signup: ActivitySignup,
    at: datetime,
) -> ServiceRecord:
    """Check-out turns the attendance into a service record and its points, once: of two
    check-outs at the same moment (a double tap, a scan while the coordinator checks out),
    only the first finds the sign-up still checked in."""
    if activity.status is not ActivityStatus.OPEN:
        raise refuse(E.NOT_OPEN, "activity")
    if signup.checked_in_at is None:
        raise refuse(E.NOT_CHECKED_IN, "person")
    if signup.checked_out_at is not None:
        raise refuse(E.ALREADY_CHECKED_OUT, "person")
    _not_in_future(at)
    _within_window(activity, at)
    if at <= signup.checked_in_at:
        raise refuse(E.TIME_ORDER, "at", "签退时间必须晚于签到时间。")
    claimed = await rows_changed(
        session,
        update(ActivitySignup)
        .where(col(ActivitySignup.id) == signup.id, col(ActivitySignup.checked_out_at).is_(None))
        .values(checked_out_at=at)
        .execution_options(synchronize_session=False),
    )
    if claimed != 1:
        raise refuse(E.ALREADY_CHECKED_OUT, "person")
    service = await _add_service(
        session,
        actor,
        ServiceDraft(
            person_id=signup.person_id,
            community_id=activity.community_id,
            started_at=signup.checked_in_at,
            ended_at=at,
            description=activity.title,
            team_id=activity.team_id,
            need_id=activity.need_id,
            micro_wish_id=activity.micro_wish_id,
            project_id=activity.project_id,
            activity_id=activity.id,
        ),
    )
    signup.checked_out_at = at
    signup.service_record_id = service.id
    await session.commit()
    return service


# --- service records -----------------------------------------------------------------------


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
            f"与该志愿者已有的服务记录“{clash.description[:30]}”时间重叠。",
        )


async def _add_service(session: AsyncSession, actor: Actor, draft: ServiceDraft) -> ServiceRecord:
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
        description=TEXT.required(draft.description, "description", 500),
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
    _not_in_future(draft.ended_at)
    service = await _add_service(session, actor, draft)
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
    cleaned = TEXT.required(reason, "reason", 200)
    _not_in_future(ended_at)
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


# --- redemption ----------------------------------------------------------------------------


async def redeem(
    session: AsyncSession,
    actor: Actor,
    person_id: int,
    merchant: PartnerMerchant,
    points: int,
    note: str | None,
) -> PointsEntry:
    if points <= 0:
        raise refuse(E.INVALID, "points", "兑换积分须为正数。")
    entry = await ledger.append(
        session,
        actor,
        person_id,
        PointsEntryKind.REDEEMED,
        -points,
        TEXT.optional(note, "note", 200) or f"在{merchant.name}兑换",
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

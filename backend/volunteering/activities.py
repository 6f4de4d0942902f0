"""Volunteer activities: published with time, place, slots and required skills, signed up
within the slots, and checked in and out (by the activity's QR code or by the coordinator).
Check-out turns the attendance into a service record (see service_records)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.audit.services import diff, record, snapshot
from backend.cobuilding.models import MicroWish, Need, Project
from backend.core.actor import Actor
from backend.core.db import add_unique, rows_changed
from backend.core.models import key
from backend.volunteering.errors import TEXT, VolunteeringErrorCode, refuse
from backend.volunteering.models import (
    ActivitySignup,
    ActivityStatus,
    ServiceRecord,
    VolunteerActivity,
    VolunteerTeam,
)
from backend.volunteering.service_records import ServiceDraft, enter_service, not_in_future
from backend.volunteering.services import joined_skills

E = VolunteeringErrorCode
CHECK_IN_OPENS = timedelta(minutes=30)
CHECK_OUT_CLOSES = timedelta(hours=2)
MAX_SLOTS = 1000
TITLE_MAX, DESCRIPTION_MAX, PLACE_MAX = 100, 1000, 200


@dataclass(frozen=True)
class ActivityDraft:
    community_id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    slots: int
    description: str | None = None
    required_skills: tuple[str, ...] = ()
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
        title=TEXT.required(draft.title, "title", TITLE_MAX),
        description=TEXT.optional(draft.description, "description", DESCRIPTION_MAX),
        starts_at=draft.starts_at,
        ends_at=draft.ends_at,
        place=TEXT.required(draft.place, "place", PLACE_MAX),
        slots=draft.slots,
        required_skills=joined_skills(draft.required_skills, "requiredSkills"),
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
    await add_unique(
        session, signup, refuse(E.ACTIVITY_FULL, "activity", "名额刚被别人报走，请刷新后重试。")
    )
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
    not_in_future(at)
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
    not_in_future(at)
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
    service = await enter_service(
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

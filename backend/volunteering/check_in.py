"""Who signs up and checks in for whom: a volunteer acts for themself (a QR scan of the
activity's code, or the sign-up button), a coordinator of the activity's community for anyone
they may see, at a time they give."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col
from strawberry import relay

from backend.core.actor import Actor
from backend.core.errors import NotFound
from backend.core.models import utcnow
from backend.core.scope import visible
from backend.organisations.models import Organisation
from backend.people.models import Person
from backend.volunteering import activities
from backend.volunteering.errors import VolunteeringErrorCode, refuse
from backend.volunteering.models import ActivitySignup, ServiceRecord, VolunteerActivity
from backend.volunteering.permissions import COORDINATORS, coordinates

E = VolunteeringErrorCode
CODE_MAX = 32  # VolunteerActivity.checkin_code


async def activity_by_code(session: AsyncSession, code: str) -> VolunteerActivity:
    """The activity whose QR code was scanned (anyone signed up may scan it)."""
    if len(code) > CODE_MAX:
        raise refuse(E.WRONG_CODE, "code")
    activity = await session.scalar(
        select(VolunteerActivity).where(col(VolunteerActivity.checkin_code) == code)
    )
    if activity is None:
        raise refuse(E.WRONG_CODE, "code")
    return activity


async def _coordinates(session: AsyncSession, actor: Actor, activity: VolunteerActivity) -> bool:
    community = await session.get(Organisation, activity.community_id)
    return community is not None and coordinates(actor, community.path)


async def volunteer_for(
    session: AsyncSession, actor: Actor, activity: VolunteerActivity, person_id: int | None
) -> int:
    """Whom a sign-up or check-in is for: the actor, or — for a coordinator of the activity's
    community — the person named, if the coordinator may see them."""
    if person_id is None:
        if actor.person_id is None:
            raise refuse(E.NO_PERSON, "person")
        return actor.person_id
    if not await _coordinates(session, actor, activity):
        raise refuse(E.INVALID, "person", "只有本社区的协调员可以代他人操作。")
    scope = actor.acting_in(COORDINATORS).scope
    found = await session.scalar(
        select(col(Person.id)).where(col(Person.id) == person_id, visible(Person, scope))
    )
    if found is None:
        # Out of the coordinator's sight reads like no such person, as everywhere.
        raise NotFound(str(relay.GlobalID("Person", str(person_id))))
    return found


async def sign_up(
    session: AsyncSession, actor: Actor, activity: VolunteerActivity, person_id: int | None
) -> ActivitySignup:
    volunteer = await volunteer_for(session, actor, activity, person_id)
    return await activities.sign_up(session, actor, activity, volunteer)


async def cancel_sign_up(
    session: AsyncSession, actor: Actor, activity: VolunteerActivity, person_id: int | None
) -> None:
    volunteer = await volunteer_for(session, actor, activity, person_id)
    signup = await activities.find_signup(session, activity, volunteer)
    await activities.cancel_sign_up(session, actor, signup)


async def check(
    session: AsyncSession,
    actor: Actor,
    activity: VolunteerActivity | None,
    *,
    code: str | None,
    person_id: int | None,
    at: datetime | None,
    out: bool,
) -> tuple[ActivitySignup, ServiceRecord | None]:
    """Check in, or out (which makes the service record), by the activity's scanned code or,
    for the community's coordinators, by the activity, at the time they give (default now)."""
    scanned = code is not None
    if code is not None:
        activity = await activity_by_code(session, code)
    if activity is None:
        raise refuse(E.INVALID, "activity", "请提供活动或签到码。")
    if not scanned and not await _coordinates(session, actor, activity):
        raise refuse(E.WRONG_CODE, "code", "请扫描活动二维码签到。")
    volunteer = await volunteer_for(session, actor, activity, person_id)
    signup = await activities.find_signup(session, activity, volunteer)
    when = utcnow() if scanned or at is None else at
    if out:
        return signup, await activities.check_out(session, actor, activity, signup, when)
    return await activities.check_in(session, actor, activity, signup, when), None

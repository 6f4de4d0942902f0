"""Mutations of volunteer activities: publish, sign up, cancel, check in and out."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from backend.cobuilding.models import MicroWish, Need, Project
from backend.core.errors import InvalidArgument
from backend.core.ids import decode_optional_id, load_in_scope
from backend.core.limits import limited, within
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.organisations.models import Organisation
from backend.volunteering import activities, check_in
from backend.volunteering.models import VolunteerActivity, VolunteerTeam
from backend.volunteering.mutations.common import VolunteeringError, aware, optional_in_scope
from backend.volunteering.permissions import MANAGE_VOLUNTEERING, VOLUNTEER_SELF
from backend.volunteering.services import SKILL_MAX, SKILLS_MAX
from backend.volunteering.types import (
    ActivitySignupType,
    ServiceRecordType,
    VolunteerActivityType,
)


@strawberry.type
class VolunteerActivityPayload:
    activity: VolunteerActivityType | None = None
    errors: list[VolunteeringError] = strawberry.field(default_factory=list)


@strawberry.type
class ActivitySignupPayload:
    signup: ActivitySignupType | None = None
    service_record: ServiceRecordType | None = strawberry.field(
        default=None, description="签退后生成的服务记录"
    )
    errors: list[VolunteeringError] = strawberry.field(default_factory=list)


@strawberry.input(description="发布志愿服务活动；可来自一个需求、微心愿或项目")
class VolunteerActivityCreateInput:
    community: strawberry.ID
    title: str = limited(activities.TITLE_MAX)
    starts_at: datetime
    ends_at: datetime
    place: str = limited(activities.PLACE_MAX)
    slots: int = within(1, activities.MAX_SLOTS)
    description: str | None = limited(activities.DESCRIPTION_MAX, default=None)
    required_skills: list[str] = limited(SKILL_MAX, items=SKILLS_MAX, default_factory=list)
    team: strawberry.ID | None = None
    need: strawberry.ID | None = None
    micro_wish: strawberry.ID | None = None
    project: strawberry.ID | None = None


@strawberry.input(description="报名或取消报名：不填 person 为本人，填写则由协调员代为操作")
class ActivitySignUpInput:
    activity: strawberry.ID
    person: strawberry.ID | None = None


@strawberry.input(
    description="签到或签退：志愿者扫码（code）为本人；协调员可指定活动、志愿者和时间"
)
class ActivityCheckInput:
    activity: strawberry.ID | None = None
    code: str | None = limited(check_in.CODE_MAX, default=None, description="活动二维码中的签到码")
    person: strawberry.ID | None = None
    at: datetime | None = strawberry.field(default=None, description="签到/签退时间，默认现在")


async def _check(info: Info, input: ActivityCheckInput, *, out: bool) -> ActivitySignupPayload:
    """By QR code (anyone signed up may scan) or by ID (within the caller's scope)."""
    if input.code is None and input.activity is None:
        raise InvalidArgument("input.activity", "请提供活动或签到码。")
    activity = (
        await load_in_scope(info, input.activity, VolunteerActivity, "activity")
        if input.code is None and input.activity is not None
        else None
    )
    at = aware(input.at, "input.at") if input.code is None and input.at is not None else None
    session = info.context.db.session
    change = check_in.check(
        session,
        info.context.actor,
        activity,
        code=input.code,
        person_id=decode_optional_id(input.person, "Person", "person"),
        at=at,
        out=out,
    )
    done, errors = await attempt(session, change, VolunteeringError)
    signup, service = done if done else (None, None)
    return ActivitySignupPayload(
        signup=ActivitySignupType.from_optional(signup),
        service_record=ServiceRecordType.from_optional(service),
        errors=errors,
    )


@strawberry.type
class ActivityMutations:
    @strawberry.mutation(
        description="发布志愿服务活动（协调员）", extensions=allow(MANAGE_VOLUNTEERING)
    )
    async def volunteer_activity_create(
        self, info: Info, input: VolunteerActivityCreateInput
    ) -> VolunteerActivityPayload:
        community = await load_in_scope(
            info, input.community, Organisation, "community", acting_as=MANAGE_VOLUNTEERING
        )
        draft = activities.ActivityDraft(
            community_id=community.id,
            title=input.title,
            starts_at=aware(input.starts_at, "input.startsAt"),
            ends_at=aware(input.ends_at, "input.endsAt"),
            place=input.place,
            slots=input.slots,
            description=input.description,
            required_skills=tuple(input.required_skills),
            team=await optional_in_scope(info, input.team, VolunteerTeam, "team"),
            need=await optional_in_scope(info, input.need, Need, "need"),
            micro_wish=await optional_in_scope(info, input.micro_wish, MicroWish, "microWish"),
            project=await optional_in_scope(info, input.project, Project, "project"),
        )
        session = info.context.db.session
        created, errors = await attempt(
            session,
            activities.create_activity(session, info.context.actor, draft),
            VolunteeringError,
        )
        return VolunteerActivityPayload(
            activity=VolunteerActivityType.from_optional(created), errors=errors
        )

    @strawberry.mutation(
        description="报名活动（本人，或协调员代报）", extensions=allow(VOLUNTEER_SELF)
    )
    async def activity_sign_up(
        self, info: Info, input: ActivitySignUpInput
    ) -> ActivitySignupPayload:
        activity = await load_in_scope(info, input.activity, VolunteerActivity, "activity")
        person_id = decode_optional_id(input.person, "Person", "person")
        session = info.context.db.session
        change = check_in.sign_up(session, info.context.actor, activity, person_id)
        signup, errors = await attempt(session, change, VolunteeringError)
        return ActivitySignupPayload(signup=ActivitySignupType.from_optional(signup), errors=errors)

    @strawberry.mutation(description="取消报名（签到前）", extensions=allow(VOLUNTEER_SELF))
    async def activity_sign_up_cancel(
        self, info: Info, input: ActivitySignUpInput
    ) -> ActivitySignupPayload:
        activity = await load_in_scope(info, input.activity, VolunteerActivity, "activity")
        person_id = decode_optional_id(input.person, "Person", "person")
        session = info.context.db.session
        change = check_in.cancel_sign_up(session, info.context.actor, activity, person_id)
        _, errors = await attempt(session, change, VolunteeringError)
        return ActivitySignupPayload(errors=errors)

    @strawberry.mutation(description="签到（扫码或协调员）", extensions=allow(VOLUNTEER_SELF))
    async def activity_check_in(
        self, info: Info, input: ActivityCheckInput
    ) -> ActivitySignupPayload:
        return await _check(info, input, out=False)

    @strawberry.mutation(
        description="签退并生成服务记录和积分（扫码或协调员）", extensions=allow(VOLUNTEER_SELF)
    )
    async def activity_check_out(
        self, info: Info, input: ActivityCheckInput
    ) -> ActivitySignupPayload:
        return await _check(info, input, out=True)

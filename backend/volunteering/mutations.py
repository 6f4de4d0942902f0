"""Mutations of volunteer service: activities, sign-ups, check-in and check-out, service
records and their corrections, points redemption, merchants and the points rule."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

import strawberry
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlmodel import col
from strawberry.types import Info

from backend.audit.services import record
from backend.cobuilding.models import MicroWish, Need, Project
from backend.core.errors import InvalidArgument, NotFound
from backend.core.ids import load_in_scope
from backend.core.models import utcnow
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.organisations.models import Organisation
from backend.people.models import Person
from backend.units.models import ResidentUnit
from backend.volunteering import activities, teams
from backend.volunteering.errors import VolunteeringErrorCode, refuse
from backend.volunteering.models import (
    ActivitySignup,
    PartnerMerchant,
    PointsRule,
    ServiceRecord,
    VolunteerActivity,
    VolunteerTeam,
)
from backend.volunteering.permissions import MANAGE_VOLUNTEERING, VOLUNTEER_SELF
from backend.volunteering.types import (
    ActivitySignupType,
    PartnerMerchantType,
    PointsEntryType,
    ServiceRecordType,
    VolunteerActivityType,
    VolunteerTeamType,
    coordinates_community,
)


@strawberry.type(description="志愿服务与积分相关操作的错误")
class VolunteeringError:
    field: str | None
    code: VolunteeringErrorCode
    message: str


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


@strawberry.type
class ServiceRecordPayload:
    service_record: ServiceRecordType | None = None
    errors: list[VolunteeringError] = strawberry.field(default_factory=list)


@strawberry.type
class PointsRedeemPayload:
    entry: PointsEntryType | None = None
    errors: list[VolunteeringError] = strawberry.field(default_factory=list)


@strawberry.type
class PartnerMerchantPayload:
    merchant: PartnerMerchantType | None = None
    errors: list[VolunteeringError] = strawberry.field(default_factory=list)


@strawberry.type
class PointsRulePayload:
    points_per_hour: int | None = None
    errors: list[VolunteeringError] = strawberry.field(default_factory=list)


@strawberry.input(description="发布志愿服务活动；可来自一个需求、微心愿或项目")
class VolunteerActivityCreateInput:
    community: strawberry.ID
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    slots: int
    description: str | None = None
    required_skills: list[str] = strawberry.field(default_factory=list)
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
    code: str | None = strawberry.field(default=None, description="活动二维码中的签到码")
    person: strawberry.ID | None = None
    at: datetime | None = strawberry.field(default=None, description="签到/签退时间，默认现在")


@strawberry.input(description="补录服务记录（协调员）")
class ServiceRecordCreateInput:
    person: strawberry.ID
    community: strawberry.ID = strawberry.field(description="服务所在社区（决定积分规则）")
    started_at: datetime
    ended_at: datetime
    description: str
    team: strawberry.ID | None = None


@strawberry.input(description="更正服务记录的时间（协调员），须说明原因；积分以冲正方式调整")
class ServiceRecordCorrectInput:
    service_record: strawberry.ID
    started_at: datetime
    ended_at: datetime
    reason: str


@strawberry.input(description="在合作商家兑换积分")
class PointsRedeemInput:
    person: strawberry.ID
    merchant: strawberry.ID
    points: int
    note: str | None = None


@strawberry.input(description="登记积分兑换合作商家")
class PartnerMerchantCreateInput:
    community: strawberry.ID
    name: str
    address: str | None = None
    offer: str | None = None
    unit: strawberry.ID | None = None


@strawberry.input(description="设定组织范围内每小时服务的积分（下级社区沿用最近的上级规则）")
class PointsRuleSetInput:
    organisation: strawberry.ID
    points_per_hour: int


def _aware(value: datetime, argument: str) -> datetime:
    if value.tzinfo is None:
        raise InvalidArgument(argument, f"参数 {argument} 须带时区。")
    return value


RowT = TypeVar("RowT")


async def _maybe(
    info: Info, value: strawberry.ID | None, model: type[RowT], argument: str
) -> RowT | None:
    """The row an optional input ID names, within the coordinator's grants."""
    if value is None:
        return None
    row: RowT = await load_in_scope(info, value, model, argument, acting_as=MANAGE_VOLUNTEERING)
    return row


async def _volunteer(info: Info, person: strawberry.ID | None, community_id: int) -> int:
    """Whom a sign-up or check-in is for: the caller, or — for a coordinator of the
    activity's community — the person named."""
    if person is None:
        own: int | None = info.context.actor.person_id
        if own is None:
            raise refuse(VolunteeringErrorCode.NO_PERSON, "person")
        return own
    if not await coordinates_community(info, community_id):
        raise refuse(VolunteeringErrorCode.INVALID, "person", "只有本社区的协调员可以代他人操作。")
    row = await load_in_scope(info, person, Person, "person", acting_as=MANAGE_VOLUNTEERING)
    return int(row.id)


async def _activity_for_check(info: Info, input: ActivityCheckInput) -> VolunteerActivity:
    """By QR code (anyone signed up may scan) or by ID (within the caller's scope)."""
    if input.code is not None:
        rows = await info.context.db.scalars(
            select(VolunteerActivity).where(col(VolunteerActivity.checkin_code) == input.code[:32])
        )
        if not rows:
            raise refuse(VolunteeringErrorCode.WRONG_CODE, "code")
        activity: VolunteerActivity = rows[0]
        return activity
    if input.activity is None:
        raise InvalidArgument("input.activity", "请提供活动或签到码。")
    found: VolunteerActivity = await load_in_scope(
        info, input.activity, VolunteerActivity, "activity"
    )
    return found


async def _check(info: Info, input: ActivityCheckInput, *, out: bool) -> ActivitySignupPayload:
    at = _aware(input.at, "input.at") if input.code is None and input.at is not None else None
    session = info.context.db.session

    async def change() -> tuple[ActivitySignup, ServiceRecord | None]:
        activity = await _activity_for_check(info, input)
        if input.code is None and not await coordinates_community(info, activity.community_id):
            raise refuse(VolunteeringErrorCode.WRONG_CODE, "code", "请扫描活动二维码签到。")
        person_id = await _volunteer(info, input.person, activity.community_id)
        signup = await activities.find_signup(session, activity, person_id)
        when = at or utcnow()
        if out:
            return signup, await activities.check_out(
                session, info.context.actor, activity, signup, when
            )
        return await activities.check_in(session, info.context.actor, activity, signup, when), None

    done, errors = await attempt(session, change(), VolunteeringError)
    signup, service = done if done else (None, None)
    return ActivitySignupPayload(
        signup=ActivitySignupType.from_optional(signup),
        service_record=ServiceRecordType.from_optional(service),
        errors=errors,
    )


@strawberry.type
class VolunteeringMutations:
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
            starts_at=_aware(input.starts_at, "input.startsAt"),
            ends_at=_aware(input.ends_at, "input.endsAt"),
            place=input.place,
            slots=input.slots,
            description=input.description,
            required_skills="、".join(s.strip() for s in input.required_skills if s.strip()),
            team=await _maybe(info, input.team, VolunteerTeam, "team"),
            need=await _maybe(info, input.need, Need, "need"),
            micro_wish=await _maybe(info, input.micro_wish, MicroWish, "microWish"),
            project=await _maybe(info, input.project, Project, "project"),
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
        session = info.context.db.session

        async def change() -> ActivitySignup:
            person_id = await _volunteer(info, input.person, activity.community_id)
            return await activities.sign_up(session, info.context.actor, activity, person_id)

        signup, errors = await attempt(session, change(), VolunteeringError)
        return ActivitySignupPayload(signup=ActivitySignupType.from_optional(signup), errors=errors)

    @strawberry.mutation(description="取消报名（签到前）", extensions=allow(VOLUNTEER_SELF))
    async def activity_sign_up_cancel(
        self, info: Info, input: ActivitySignUpInput
    ) -> ActivitySignupPayload:
        activity = await load_in_scope(info, input.activity, VolunteerActivity, "activity")
        session = info.context.db.session

        async def change() -> None:
            person_id = await _volunteer(info, input.person, activity.community_id)
            signup = await activities.find_signup(session, activity, person_id)
            await activities.cancel_sign_up(session, info.context.actor, signup)

        _, errors = await attempt(session, change(), VolunteeringError)
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

    @strawberry.mutation(
        description="补录服务记录（协调员）", extensions=allow(MANAGE_VOLUNTEERING)
    )
    async def service_record_create(
        self, info: Info, input: ServiceRecordCreateInput
    ) -> ServiceRecordPayload:
        person = await load_in_scope(
            info, input.person, Person, "person", acting_as=MANAGE_VOLUNTEERING
        )
        community = await load_in_scope(
            info, input.community, Organisation, "community", acting_as=MANAGE_VOLUNTEERING
        )
        team = await _maybe(info, input.team, VolunteerTeam, "team")
        draft = activities.ServiceDraft(
            person_id=person.id,
            community_id=community.id,
            started_at=_aware(input.started_at, "input.startedAt"),
            ended_at=_aware(input.ended_at, "input.endedAt"),
            description=input.description,
            team_id=team.id if team else None,
        )
        session = info.context.db.session
        created, errors = await attempt(
            session, activities.add_service(session, info.context.actor, draft), VolunteeringError
        )
        return ServiceRecordPayload(
            service_record=ServiceRecordType.from_optional(created), errors=errors
        )

    @strawberry.mutation(
        description="更正服务记录（协调员，留痕）", extensions=allow(MANAGE_VOLUNTEERING)
    )
    async def service_record_correct(
        self, info: Info, input: ServiceRecordCorrectInput
    ) -> ServiceRecordPayload:
        service = await load_in_scope(
            info,
            input.service_record,
            ServiceRecord,
            "serviceRecord",
            acting_as=MANAGE_VOLUNTEERING,
        )
        community_id = await _service_community(info, service)
        session = info.context.db.session
        change = activities.correct_service(
            session,
            info.context.actor,
            service,
            community_id,
            started_at=_aware(input.started_at, "input.startedAt"),
            ended_at=_aware(input.ended_at, "input.endedAt"),
            reason=input.reason,
        )
        corrected, errors = await attempt(session, change, VolunteeringError)
        return ServiceRecordPayload(
            service_record=ServiceRecordType.from_optional(corrected), errors=errors
        )

    @strawberry.mutation(description="兑换积分（协调员）", extensions=allow(MANAGE_VOLUNTEERING))
    async def points_redeem(self, info: Info, input: PointsRedeemInput) -> PointsRedeemPayload:
        person = await load_in_scope(
            info, input.person, Person, "person", acting_as=MANAGE_VOLUNTEERING
        )
        merchant = await load_in_scope(
            info, input.merchant, PartnerMerchant, "merchant", acting_as=MANAGE_VOLUNTEERING
        )
        session = info.context.db.session
        change = activities.redeem(
            session, info.context.actor, person.id, merchant, input.points, input.note
        )
        entry, errors = await attempt(session, change, VolunteeringError)
        return PointsRedeemPayload(entry=PointsEntryType.from_optional(entry), errors=errors)

    @strawberry.mutation(description="登记积分兑换合作商家", extensions=allow(MANAGE_VOLUNTEERING))
    async def partner_merchant_create(
        self, info: Info, input: PartnerMerchantCreateInput
    ) -> PartnerMerchantPayload:
        community = await load_in_scope(
            info, input.community, Organisation, "community", acting_as=MANAGE_VOLUNTEERING
        )
        unit = await _maybe(info, input.unit, ResidentUnit, "unit")
        session = info.context.db.session

        async def change() -> PartnerMerchant:
            if unit is not None and unit.community_id != community.id:
                raise refuse(VolunteeringErrorCode.OUTSIDE_COMMUNITY, "unit")
            merchant = PartnerMerchant(
                community_id=community.id,
                name=activities.TEXT.required(input.name, "name", 100),
                address=activities.TEXT.optional(input.address, "address", 200),
                offer=activities.TEXT.optional(input.offer, "offer", 200),
                unit_id=unit.id if unit else None,
            )
            session.add(merchant)
            try:
                await session.flush()
            except IntegrityError:
                raise refuse(
                    VolunteeringErrorCode.INVALID, "name", "本社区已有同名商家。"
                ) from None
            record(
                session,
                info.context.actor,
                "partnerMerchantCreate",
                object_type="PartnerMerchant",
                object_id=merchant.id,
                changes={"name": [None, merchant.name]},
            )
            await session.commit()
            return merchant

        created, errors = await attempt(session, change(), VolunteeringError)
        return PartnerMerchantPayload(
            merchant=PartnerMerchantType.from_optional(created), errors=errors
        )

    @strawberry.mutation(
        description="设定积分规则（每小时积分）", extensions=allow(MANAGE_VOLUNTEERING)
    )
    async def points_rule_set(self, info: Info, input: PointsRuleSetInput) -> PointsRulePayload:
        organisation = await load_in_scope(
            info, input.organisation, Organisation, "organisation", acting_as=MANAGE_VOLUNTEERING
        )
        session = info.context.db.session

        async def change() -> int:
            if not 0 <= input.points_per_hour <= 1000:
                raise refuse(
                    VolunteeringErrorCode.INVALID,
                    "pointsPerHour",
                    "每小时积分须在 0 到 1000 之间。",
                )
            rule = await session.scalar(
                select(PointsRule).where(col(PointsRule.organisation_id) == organisation.id)
            )
            before = rule.points_per_hour if rule else None
            if rule is None:
                rule = PointsRule(organisation_id=organisation.id, points_per_hour=0)
                session.add(rule)
            rule.points_per_hour = input.points_per_hour
            await session.flush()
            record(
                session,
                info.context.actor,
                "pointsRuleSet",
                object_type="Organisation",
                object_id=organisation.id,
                changes={"points_per_hour": [before, input.points_per_hour]},
            )
            await session.commit()
            return input.points_per_hour

        rate, errors = await attempt(session, change(), VolunteeringError)
        return PointsRulePayload(points_per_hour=rate, errors=errors)


async def _service_community(info: Info, service: ServiceRecord) -> int:
    """The community whose points rule applies: the activity's, the team's, or the served
    need's, wish's or project's."""
    session = info.context.db.session
    for model, key in (
        (VolunteerActivity, service.activity_id),
        (VolunteerTeam, service.team_id),
        (Need, service.need_id),
        (MicroWish, service.micro_wish_id),
        (Project, service.project_id),
    ):
        if key is not None:
            row = await session.get(model, key)
            if row is not None:
                return int(row.community_id)
    person = await session.get(Person, service.person_id)
    if person is None or person.community_id is None:
        raise NotFound(str(service.id))
    return int(person.community_id)


@strawberry.type
class VolunteerTeamPayload:
    team: VolunteerTeamType | None = None
    errors: list[VolunteeringError] = strawberry.field(default_factory=list)


@strawberry.input(description="成立志愿服务队")
class VolunteerTeamCreateInput:
    community: strawberry.ID
    name: str
    skills: list[str] = strawberry.field(default_factory=list)
    description: str | None = None
    leader: strawberry.ID | None = None
    sponsor_unit: strawberry.ID | None = strawberry.field(
        default=None, description="发起单位；不填则由社区发起"
    )


@strawberry.input(description="服务队增减队员")
class VolunteerTeamMemberInput:
    team: strawberry.ID
    person: strawberry.ID


@strawberry.type
class TeamMutations:
    @strawberry.mutation(
        description="成立志愿服务队（协调员）", extensions=allow(MANAGE_VOLUNTEERING)
    )
    async def volunteer_team_create(
        self, info: Info, input: VolunteerTeamCreateInput
    ) -> VolunteerTeamPayload:
        community = await load_in_scope(
            info, input.community, Organisation, "community", acting_as=MANAGE_VOLUNTEERING
        )
        leader = (
            await load_in_scope(info, input.leader, Person, "leader", acting_as=MANAGE_VOLUNTEERING)
            if input.leader
            else None
        )
        sponsor = await _maybe(info, input.sponsor_unit, ResidentUnit, "sponsorUnit")
        draft = teams.TeamDraft(
            community_id=community.id,
            name=input.name,
            skills=input.skills,
            description=input.description,
            leader_id=leader.id if leader else None,
            sponsor_unit=sponsor,
        )
        session = info.context.db.session
        team, errors = await attempt(
            session, teams.create_team(session, info.context.actor, draft), VolunteeringError
        )
        return VolunteerTeamPayload(team=VolunteerTeamType.from_optional(team), errors=errors)

    @strawberry.mutation(description="添加队员（协调员）", extensions=allow(MANAGE_VOLUNTEERING))
    async def volunteer_team_member_add(
        self, info: Info, input: VolunteerTeamMemberInput
    ) -> VolunteerTeamPayload:
        team: VolunteerTeam = await load_in_scope(
            info, input.team, VolunteerTeam, "team", acting_as=MANAGE_VOLUNTEERING
        )
        person = await load_in_scope(
            info, input.person, Person, "person", acting_as=MANAGE_VOLUNTEERING
        )
        session = info.context.db.session
        added, errors = await attempt(
            session,
            teams.add_member(session, info.context.actor, team, person.id),
            VolunteeringError,
        )
        return VolunteerTeamPayload(
            team=VolunteerTeamType.from_model(team) if added else None, errors=errors
        )

    @strawberry.mutation(description="移出队员（协调员）", extensions=allow(MANAGE_VOLUNTEERING))
    async def volunteer_team_member_remove(
        self, info: Info, input: VolunteerTeamMemberInput
    ) -> VolunteerTeamPayload:
        team: VolunteerTeam = await load_in_scope(
            info, input.team, VolunteerTeam, "team", acting_as=MANAGE_VOLUNTEERING
        )
        person = await load_in_scope(
            info, input.person, Person, "person", acting_as=MANAGE_VOLUNTEERING
        )
        session = info.context.db.session

        async def change() -> VolunteerTeam:
            await teams.remove_member(session, info.context.actor, team, person.id)
            return team

        removed, errors = await attempt(session, change(), VolunteeringError)
        return VolunteerTeamPayload(team=VolunteerTeamType.from_optional(removed), errors=errors)

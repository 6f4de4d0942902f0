from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.cobuilding.refs import (
    MicroWishRef,
    NeedRef,
    ProjectRef,
    load_micro_wish,
    load_need,
    load_project,
)
from backend.core.enums import labelled_enum
from backend.core.prefetch import Relation, ready_or
from backend.core.types import ModelNode, ModelType, required
from backend.organisations.loaders import OrganisationByIdLoader
from backend.organisations.refs import (
    OrganisationRef,
    holds_over,
    load_community,
    load_organisation,
)
from backend.people.loaders import PersonByIdLoader
from backend.people.refs import PersonRef, load_person
from backend.units.refs import ResidentUnitRef, load_unit
from backend.volunteering.loaders import (
    PartnerMerchantByIdLoader,
    PointsEntryByIdLoader,
    ServiceMinutesByTeamLoader,
    ServiceRecordByIdLoader,
    SignupByIdLoader,
    SignupsByActivityLoader,
    VolunteerActivityByIdLoader,
    VolunteerTeamByIdLoader,
    VolunteerTeamMembersByTeamLoader,
)
from backend.volunteering.models import ActivityStatus, PointsEntryKind, TeamRole
from backend.volunteering.permissions import coordinates
from backend.volunteering.services import minutes_to_hours, split_skills

TeamRoleEnum = labelled_enum(TeamRole, name="TeamRole")


@strawberry.type(name="VolunteerTeam", description="志愿服务队：有队长、特长、发起组织或单位和队员")
class VolunteerTeamType(ModelNode):
    by_id_loader = VolunteerTeamByIdLoader

    id: relay.NodeID[int]
    name: str
    description: str | None
    founded_on: date
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None
    skills_text: strawberry.Private[str]
    community_id: strawberry.Private[int]
    leader_id: strawberry.Private[int | None]
    sponsor_organisation_id: strawberry.Private[int | None]
    sponsor_unit_id: strawberry.Private[int | None]

    # Loaded ahead for a page that asks for them (backend/core/prefetch.py).
    relations: ClassVar[dict[str, Relation]] = {
        "community": Relation(OrganisationByIdLoader, "community_id"),
        "leader": Relation(PersonByIdLoader, "leader_id"),
    }

    @classmethod
    def from_model(cls, row: Any) -> VolunteerTeamType:
        return cls(
            id=row.id,
            name=row.name,
            description=row.description,
            founded_on=row.founded_on,
            created_at=row.created_at,
            updated_at=row.updated_at,
            archived_at=row.archived_at,
            skills_text=row.skills,
            community_id=row.community_id,
            leader_id=row.leader_id,
            sponsor_organisation_id=row.sponsor_organisation_id,
            sponsor_unit_id=row.sponsor_unit_id,
        )

    @strawberry.field(description="服务特长，如医疗义诊、法律咨询")
    def skills(self) -> list[str]:
        return split_skills(self.skills_text)

    @strawberry.field(description="所在社区")
    def community(self, info: Info) -> OrganisationRef:
        return ready_or(
            self, "community", lambda: load_community(info, self.community_id), required_as="社区"
        )

    @strawberry.field(description="队长")
    def leader(self, info: Info) -> PersonRef | None:
        return ready_or(self, "leader", lambda: load_person(info, self.leader_id))

    @strawberry.field(description="发起组织")
    async def sponsor_organisation(self, info: Info) -> OrganisationRef | None:
        return await load_organisation(info, self.sponsor_organisation_id)

    @strawberry.field(description="发起单位")
    async def sponsor_unit(self, info: Info) -> ResidentUnitRef | None:
        return await load_unit(info, self.sponsor_unit_id)

    @strawberry.field(description="当前用户能否管理本队：本社区的志愿服务协调员")
    async def viewer_can_manage(self, info: Info) -> bool:
        return await holds_over(info, self.community_id, coordinates)

    @strawberry.field(description="队员（未退出）")
    async def members(self, info: Info) -> list[VolunteerTeamMemberType]:
        rows = await info.context.loader(VolunteerTeamMembersByTeamLoader).load(self.id)
        return [VolunteerTeamMemberType.from_model(row) for row in rows]

    @strawberry.field(description="队员人数")
    async def member_count(self, info: Info) -> int:
        return len(await info.context.loader(VolunteerTeamMembersByTeamLoader).load(self.id))

    @strawberry.field(description="累计服务时长（分钟）")
    async def total_service_minutes(self, info: Info) -> int:
        minutes: int = await info.context.loader(ServiceMinutesByTeamLoader).load(self.id)
        return minutes


async def _person(info: Info, person_id: int) -> PersonRef:
    return required(await load_person(info, person_id), "人员")


async def load_team(info: Info, team_id: int | None) -> VolunteerTeamType | None:
    if team_id is None:
        return None
    row = await info.context.loader(VolunteerTeamByIdLoader).load(team_id)
    return VolunteerTeamType.from_optional(row)


@strawberry.type(name="VolunteerTeamMember", description="志愿服务队队员")
class VolunteerTeamMemberType(ModelType):
    role: TeamRole
    joined_on: date
    person_id: strawberry.Private[int]

    @strawberry.field(description="队内角色的中文名")
    def role_label(self) -> str:
        return self.role.label

    @strawberry.field(description="队员本人")
    async def person(self, info: Info) -> PersonRef:
        return required(await load_person(info, self.person_id), "人员")


@strawberry.type(name="ServiceRecord", description="服务记录：志愿者一次服务的时长与积分")
class ServiceRecordType(ModelNode):
    by_id_loader = ServiceRecordByIdLoader

    id: relay.NodeID[int]
    description: str
    started_at: datetime
    ended_at: datetime
    minutes: int
    points: int = strawberry.field(description="获得的积分")
    created_at: datetime
    person_id: strawberry.Private[int]
    team_id: strawberry.Private[int | None]
    need_id: strawberry.Private[int | None]
    micro_wish_id: strawberry.Private[int | None]
    project_id: strawberry.Private[int | None]

    relations: ClassVar[dict[str, Relation]] = {
        "person": Relation(PersonByIdLoader, "person_id"),
        "team": Relation(VolunteerTeamByIdLoader, "team_id"),
    }

    @strawberry.field(description="服务时长（小时）")
    def hours(self) -> float:
        return minutes_to_hours(self.minutes)

    @strawberry.field(description="服务的志愿者")
    def person(self, info: Info) -> PersonRef:
        return ready_or(self, "person", lambda: _person(info, self.person_id), required_as="人员")

    @strawberry.field(description="所属服务队")
    def team(self, info: Info) -> VolunteerTeamType | None:
        return ready_or(self, "team", lambda: load_team(info, self.team_id))

    @strawberry.field(description="服务的需求")
    async def need(self, info: Info) -> NeedRef | None:
        return await load_need(info, self.need_id)

    @strawberry.field(description="服务的微心愿")
    async def micro_wish(self, info: Info) -> MicroWishRef | None:
        return await load_micro_wish(info, self.micro_wish_id)

    @strawberry.field(description="服务的共建项目")
    async def project(self, info: Info) -> ProjectRef | None:
        return await load_project(info, self.project_id)


ActivityStatusEnum = labelled_enum(ActivityStatus, name="ActivityStatus")
PointsEntryKindEnum = labelled_enum(PointsEntryKind, name="PointsEntryKind")


@strawberry.type(name="VolunteerActivity", description="志愿服务活动：时间、地点、名额、所需技能")
class VolunteerActivityType(ModelNode):
    by_id_loader = VolunteerActivityByIdLoader

    id: relay.NodeID[int]
    title: str
    description: str | None
    starts_at: datetime
    ends_at: datetime
    place: str
    slots: int = strawberry.field(description="名额")
    status: ActivityStatus
    created_at: datetime
    required_skills_text: strawberry.Private[str]
    community_id: strawberry.Private[int]
    team_id: strawberry.Private[int | None]
    need_id: strawberry.Private[int | None]
    micro_wish_id: strawberry.Private[int | None]
    project_id: strawberry.Private[int | None]
    checkin_code_value: strawberry.Private[str]

    relations: ClassVar[dict[str, Relation]] = {
        "community": Relation(OrganisationByIdLoader, "community_id"),
        "team": Relation(VolunteerTeamByIdLoader, "team_id"),
    }
    renamed: ClassVar[dict[str, str]] = {
        "required_skills_text": "required_skills",
        "checkin_code_value": "checkin_code",
    }

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="所需技能")
    def required_skills(self) -> list[str]:
        return split_skills(self.required_skills_text)

    @strawberry.field(
        description="当前用户能否管理本活动（代为签到、登记服务）：本社区的志愿服务协调员"
    )
    async def viewer_can_manage(self, info: Info) -> bool:
        return await holds_over(info, self.community_id, coordinates)

    @strawberry.field(
        description="签到码（二维码内容），只有本社区的协调员可见；志愿者扫码签到签退"
    )
    async def checkin_code(self, info: Info) -> str | None:
        allowed = await holds_over(info, self.community_id, coordinates)
        return self.checkin_code_value if allowed else None

    @strawberry.field(description="所在社区")
    def community(self, info: Info) -> OrganisationRef:
        return ready_or(
            self, "community", lambda: load_community(info, self.community_id), required_as="社区"
        )

    @strawberry.field(description="组织的服务队")
    def team(self, info: Info) -> VolunteerTeamType | None:
        return ready_or(self, "team", lambda: load_team(info, self.team_id))

    @strawberry.field(description="服务的需求")
    async def need(self, info: Info) -> NeedRef | None:
        return await load_need(info, self.need_id)

    @strawberry.field(description="服务的微心愿")
    async def micro_wish(self, info: Info) -> MicroWishRef | None:
        return await load_micro_wish(info, self.micro_wish_id)

    @strawberry.field(description="服务的共建项目")
    async def project(self, info: Info) -> ProjectRef | None:
        return await load_project(info, self.project_id)

    @strawberry.field(description="报名名单（按报名先后）")
    async def signups(self, info: Info) -> list[ActivitySignupType]:
        rows = await info.context.loader(SignupsByActivityLoader).load(self.id)
        return [ActivitySignupType.from_model(row) for row in rows]

    @strawberry.field(description="剩余名额")
    async def places_left(self, info: Info) -> int:
        rows = await info.context.loader(SignupsByActivityLoader).load(self.id)
        return max(0, self.slots - len(rows))


@strawberry.type(name="ActivitySignup", description="活动报名：名额序号、签到签退时间")
class ActivitySignupType(ModelNode):
    by_id_loader = SignupByIdLoader

    id: relay.NodeID[int]
    place_number: int = strawberry.field(description="名额序号")
    checked_in_at: datetime | None
    checked_out_at: datetime | None
    created_at: datetime
    person_id: strawberry.Private[int]
    activity_id: strawberry.Private[int]
    service_record_id: strawberry.Private[int | None]

    @strawberry.field(description="报名的志愿者")
    async def person(self, info: Info) -> PersonRef:
        return required(await load_person(info, self.person_id), "人员")

    @strawberry.field(description="报名的活动")
    async def activity(self, info: Info) -> VolunteerActivityType:
        row = await info.context.loader(VolunteerActivityByIdLoader).load(self.activity_id)
        return required(VolunteerActivityType.from_optional(row), "活动")

    @strawberry.field(description="签退后生成的服务记录")
    async def service_record(self, info: Info) -> ServiceRecordType | None:
        if self.service_record_id is None:
            return None
        row = await info.context.loader(ServiceRecordByIdLoader).load(self.service_record_id)
        return ServiceRecordType.from_optional(row)


@strawberry.type(name="PartnerMerchant", description="积分兑换合作商家")
class PartnerMerchantType(ModelNode):
    by_id_loader = PartnerMerchantByIdLoader

    id: relay.NodeID[int]
    name: str
    address: str | None
    offer: str | None = strawberry.field(description="可兑换的商品或服务")
    community_id: strawberry.Private[int]

    @strawberry.field(description="所在社区")
    async def community(self, info: Info) -> OrganisationRef:
        return await load_community(info, self.community_id)


@strawberry.type(name="PointsEntry", description="积分明细：获得、兑换或冲正；只增不改")
class PointsEntryType(ModelNode):
    by_id_loader = PointsEntryByIdLoader

    id: relay.NodeID[int]
    sequence: int = strawberry.field(description="该志愿者的第几笔")
    kind: PointsEntryKind
    points: int = strawberry.field(description="积分变动，兑换和冲正为负")
    balance: int = strawberry.field(description="本笔之后的余额")
    note: str
    created_at: datetime
    service_record_id: strawberry.Private[int | None]
    merchant_id: strawberry.Private[int | None]
    reverses_id: strawberry.Private[int | None]

    @strawberry.field(description="类别的中文名")
    def kind_label(self) -> str:
        return self.kind.label

    @strawberry.field(description="来自哪条服务记录")
    async def service_record(self, info: Info) -> ServiceRecordType | None:
        if self.service_record_id is None:
            return None
        row = await info.context.loader(ServiceRecordByIdLoader).load(self.service_record_id)
        return ServiceRecordType.from_optional(row)

    @strawberry.field(description="兑换的商家")
    async def merchant(self, info: Info) -> PartnerMerchantType | None:
        if self.merchant_id is None:
            return None
        row = await info.context.loader(PartnerMerchantByIdLoader).load(self.merchant_id)
        return PartnerMerchantType.from_optional(row)

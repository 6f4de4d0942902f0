from __future__ import annotations

from datetime import date, datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.attachments.loaders import (
    AttachmentsByMicroWishLoader,
    AttachmentsByNeedLoader,
    AttachmentsByProjectUpdateLoader,
)
from backend.attachments.types import AttachmentType, load_attachments
from backend.cobuilding.loaders import (
    DispatchesByNeedLoader,
    MicroWishByIdLoader,
    MilestoneByIdLoader,
    MilestonesByProjectLoader,
    NeedByIdLoader,
    NeedDispatchByIdLoader,
    NeedsByProjectLoader,
    PartnersByProjectLoader,
    ProjectByIdLoader,
    ResourceByIdLoader,
    ResourcesByProjectLoader,
    UpdatesByProjectLoader,
)
from backend.cobuilding.models import (
    DispatchStatus,
    MicroWishStatus,
    NeedSource,
    NeedStatus,
    ProjectStatus,
    ResourceKind,
    ResourceStatus,
    Urgency,
)
from backend.cobuilding.permissions import handles_needs_in, may_report_on
from backend.cobuilding.refs import load_need, load_project
from backend.cobuilding.services import (
    cents_to_yuan,
    is_milestone_overdue,
    is_project_late,
    project_status_label,
)
from backend.core.personal_data import mask_name
from backend.core.types import ModelNode, ModelType, present, required
from backend.organisations.refs import (
    GridRef,
    OrganisationRef,
    holds_over,
    load_community,
    load_grid,
    organisation_path,
)
from backend.people.loaders import PersonNameByIdLoader
from backend.people.refs import MembershipRef, PersonRef, load_membership, load_person
from backend.units.loaders import ResidentUnitByIdLoader
from backend.units.refs import ResidentUnitRef, load_unit

NeedStatusEnum = strawberry.enum(NeedStatus, name="NeedStatus")
NeedSourceEnum = strawberry.enum(NeedSource, name="NeedSource")
UrgencyEnum = strawberry.enum(Urgency, name="Urgency")
ResourceKindEnum = strawberry.enum(ResourceKind, name="ResourceKind")
ResourceStatusEnum = strawberry.enum(ResourceStatus, name="ResourceStatus")
ProjectStatusEnum = strawberry.enum(ProjectStatus, name="ProjectStatus")
DispatchStatusEnum = strawberry.enum(DispatchStatus, name="DispatchStatus")
MicroWishStatusEnum = strawberry.enum(MicroWishStatus, name="MicroWishStatus")


@strawberry.type(name="Need", description="需求清单条目：居民、网格员或社情民意收集员提出的需求")
class NeedType(ModelNode):
    by_id_loader = NeedByIdLoader

    id: relay.NodeID[int]
    title: str
    description: str
    category: str = strawberry.field(description="需求类别，如助老、环境、就业")
    urgency: Urgency
    status: NeedStatus
    source: NeedSource
    raised_at: datetime
    solved_at: datetime | None
    satisfaction: int | None = strawberry.field(description="群众满意度，1–5 分")
    feedback: str | None
    created_at: datetime
    updated_at: datetime
    community_id: strawberry.Private[int]
    grid_id: strawberry.Private[int | None]
    raised_by_id: strawberry.Private[int | None]
    project_id: strawberry.Private[int | None]
    merged_into_id: strawberry.Private[int | None]
    reject_reason: str | None = strawberry.field(description="不予受理的理由")
    closed_at: datetime | None

    @strawberry.field(description="紧急程度的中文名")
    def urgency_label(self) -> str:
        return self.urgency.label

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="来源的中文名")
    def source_label(self) -> str:
        return self.source.label

    @strawberry.field(description="当前用户能否受理、派单、办结此需求：本社区（或上级）的工作人员")
    async def viewer_can_handle(self, info: Info) -> bool:
        return await holds_over(info, self.community_id, handles_needs_in)

    @strawberry.field(description="所在社区")
    async def community(self, info: Info) -> OrganisationRef:
        return await load_community(info, self.community_id)

    @strawberry.field(description="所在网格")
    async def grid(self, info: Info) -> GridRef | None:
        return await load_grid(info, self.grid_id)

    @strawberry.field(description="提出人")
    async def raised_by(self, info: Info) -> PersonRef | None:
        return await load_person(info, self.raised_by_id)

    @strawberry.field(description="承接此需求的共建项目")
    async def project(self, info: Info) -> ProjectType | None:
        return await load_project(info, self.project_id)

    @strawberry.field(description="合并到的需求（重复需求）")
    async def merged_into(self, info: Info) -> NeedType | None:
        return await load_need(info, self.merged_into_id)

    @strawberry.field(description="现场照片")
    async def photos(self, info: Info) -> list[AttachmentType]:
        return await load_attachments(info, AttachmentsByNeedLoader, self.id)

    @strawberry.field(description="派单记录（最早在前）")
    async def dispatches(self, info: Info) -> list[NeedDispatchType]:
        rows = await info.context.loader(DispatchesByNeedLoader).load(self.id)
        return [NeedDispatchType.from_model(row) for row in rows]


@strawberry.type(name="NeedDispatch", description="派单：社区把需求派给驻区单位，单位接单或拒单")
class NeedDispatchType(ModelNode):
    by_id_loader = NeedDispatchByIdLoader

    id: relay.NodeID[int]
    status: DispatchStatus
    note: str | None = strawberry.field(description="派单说明")
    decline_reason: str | None = strawberry.field(description="拒单理由")
    responded_at: datetime | None
    created_at: datetime
    need_id: strawberry.Private[int]
    unit_id: strawberry.Private[int]
    resource_id: strawberry.Private[int | None]
    project_id: strawberry.Private[int | None]

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="所派的需求")
    async def need(self, info: Info) -> NeedType:
        return required(await load_need(info, self.need_id), "需求")

    @strawberry.field(description="接单单位")
    async def unit(self, info: Info) -> ResidentUnitRef:
        return required(await load_unit(info, self.unit_id), "单位")

    @strawberry.field(description="接单后加入的项目（派单时指定）；空表示接单单位新建项目")
    async def project(self, info: Info) -> ProjectType | None:
        return await load_project(info, self.project_id)

    @strawberry.field(description="派单时选定的资源")
    async def resource(self, info: Info) -> ResourceType | None:
        if self.resource_id is None:
            return None
        row = await info.context.loader(ResourceByIdLoader).load(self.resource_id)
        return ResourceType.from_optional(row)


@strawberry.type(name="ResourceSuggestion", description="可满足需求的资源，按匹配程度排序")
class ResourceSuggestionType:
    resource: ResourceType
    score: int = strawberry.field(description="匹配分：类别、距离、剩余数量综合")
    remaining: int | None = strawberry.field(description="尚可提供的数量；空表示不限")
    reasons: list[str] = strawberry.field(description="排序理由")


@strawberry.type(name="Resource", description="资源清单条目：驻区单位提供的场地、资金、技能、人力")
class ResourceType(ModelNode):
    by_id_loader = ResourceByIdLoader

    id: relay.NodeID[int]
    title: str
    description: str
    kind: ResourceKind
    category: str
    capacity: int | None = strawberry.field(description="可提供的数量（人次、座位等）")
    availability: str | None = strawberry.field(description="可用时间")
    conditions: str | None = strawberry.field(description="使用条件")
    status: ResourceStatus
    created_at: datetime
    updated_at: datetime
    unit_id: strawberry.Private[int]
    community_id: strawberry.Private[int]

    @strawberry.field(description="资源类型的中文名")
    def kind_label(self) -> str:
        return self.kind.label

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="提供资源的单位")
    async def unit(self, info: Info) -> ResidentUnitRef:
        return required(await load_unit(info, self.unit_id), "单位")

    @strawberry.field(description="所在社区")
    async def community(self, info: Info) -> OrganisationRef:
        return await load_community(info, self.community_id)


@strawberry.type(name="ProjectMilestone", description="共建项目的节点")
class ProjectMilestoneType(ModelNode):
    by_id_loader = MilestoneByIdLoader

    id: relay.NodeID[int]
    position: int
    title: str
    due_on: date
    done_on: date | None

    @strawberry.field(description="是否已过期未完成")
    def is_overdue(self) -> bool:
        return is_milestone_overdue(self.due_on, self.done_on, date.today())


@strawberry.type(name="Project", description="共建项目：社区下单、单位接单，对接需求与资源")
class ProjectType(ModelNode):
    by_id_loader = ProjectByIdLoader

    id: relay.NodeID[int]
    title: str
    description: str
    status: ProjectStatus
    starts_on: date
    ends_on: date | None
    created_at: datetime
    updated_at: datetime
    budget_cents: strawberry.Private[int]
    spent_cents: strawberry.Private[int]
    community_id: strawberry.Private[int]
    lead_unit_id: strawberry.Private[int | None]
    follow_up_officer_id: strawberry.Private[int | None]

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="预算（元）")
    def budget(self) -> float:
        return cents_to_yuan(self.budget_cents)

    @strawberry.field(description="已支出（元）")
    def spent(self) -> float:
        return cents_to_yuan(self.spent_cents)

    @strawberry.field(description="是否延期：计划中或实施中，且有节点已过期未完成")
    async def is_late(self, info: Info) -> bool:
        return await self._is_late(info)

    @strawberry.field(description="状态的中文名；延期时为“已延期”")
    async def effective_status_label(self, info: Info) -> str:
        return project_status_label(self.status, await self._is_late(info))

    async def _is_late(self, info: Info) -> bool:
        milestones = await info.context.loader(MilestonesByProjectLoader).load(self.id)
        return is_project_late(self.status, milestones, date.today())

    @strawberry.field(description="所在社区")
    async def community(self, info: Info) -> OrganisationRef:
        return await load_community(info, self.community_id)

    @strawberry.field(description="牵头单位")
    async def lead_unit(self, info: Info) -> ResidentUnitRef | None:
        return await load_unit(info, self.lead_unit_id)

    @strawberry.field(description="参与单位")
    async def partners(self, info: Info) -> list[ResidentUnitRef]:
        links = await info.context.loader(PartnersByProjectLoader).load(self.id)
        units = await info.context.loader(ResidentUnitByIdLoader).load_many(
            [link.unit_id for link in links]
        )
        return [present(unit) for unit in units if unit is not None]

    @strawberry.field(description="项目跟办员（兼职委员）")
    async def follow_up_officer(self, info: Info) -> MembershipRef | None:
        return await load_membership(info, self.follow_up_officer_id)

    @strawberry.field(
        description="当前用户能否报告进展、完成节点：本社区工作人员、牵头或参与单位的联络员、跟办员"
    )
    async def viewer_can_report(self, info: Info) -> bool:
        path = await organisation_path(info, self.community_id)
        if path is None:
            return False
        links = await info.context.loader(PartnersByProjectLoader).load(self.id)
        officer = await load_membership(info, self.follow_up_officer_id)
        return may_report_on(
            info.context.actor,
            lead_unit_id=self.lead_unit_id,
            community_path=path,
            partner_unit_ids={link.unit_id for link in links},
            officer_person_id=officer.person_id if officer else None,
        )

    @strawberry.field(description="项目节点")
    async def milestones(self, info: Info) -> list[ProjectMilestoneType]:
        rows = await info.context.loader(MilestonesByProjectLoader).load(self.id)
        return [ProjectMilestoneType.from_model(row) for row in rows]

    @strawberry.field(description="本项目承接的需求")
    async def needs(self, info: Info) -> list[NeedType]:
        rows = await info.context.loader(NeedsByProjectLoader).load(self.id)
        return [NeedType.from_model(row) for row in rows]

    @strawberry.field(description="投入项目的资源（来自接单时选定的资源）")
    async def resources(self, info: Info) -> list[ResourceType]:
        rows = await info.context.loader(ResourcesByProjectLoader).load(self.id)
        return [ResourceType.from_model(row) for row in rows]

    @strawberry.field(description="进展报告（最新在前）")
    async def updates(self, info: Info) -> list[ProjectUpdateType]:
        rows = await info.context.loader(UpdatesByProjectLoader).load(self.id)
        return [ProjectUpdateType.from_model(row) for row in reversed(rows)]


@strawberry.type(name="ProjectUpdate", description="项目进展报告，可附支出和照片")
class ProjectUpdateType(ModelType):
    id: strawberry.Private[int]
    note: str
    created_at: datetime
    spent_cents: strawberry.Private[int]

    @strawberry.field(description="本次支出（元）")
    def spent(self) -> float:
        return cents_to_yuan(self.spent_cents)

    @strawberry.field(description="现场照片")
    async def photos(self, info: Info) -> list[AttachmentType]:
        return await load_attachments(info, AttachmentsByProjectUpdateLoader, self.id)


@strawberry.type(name="MicroWish", description="微心愿：居民的小心愿，由党员、志愿者或单位认领实现")
class MicroWishType(ModelNode):
    by_id_loader = MicroWishByIdLoader

    id: relay.NodeID[int]
    title: str
    description: str
    status: MicroWishStatus
    published_at: datetime
    claimed_at: datetime | None
    fulfilled_at: datetime | None
    fulfilment_note: str | None = strawberry.field(description="实现情况")
    confirmed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    community_id: strawberry.Private[int]
    grid_id: strawberry.Private[int | None]
    beneficiary_id: strawberry.Private[int]
    claimed_by_person_id: strawberry.Private[int | None]
    claimed_by_unit_id: strawberry.Private[int | None]

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="心愿人姓名（脱敏，如 王**）")
    async def beneficiary_name(self, info: Info) -> str:
        # Only the masked name is shown, so no right to read people is needed for it.
        name = await info.context.loader(PersonNameByIdLoader).load(self.beneficiary_id)
        return mask_name(name) or ""

    @strawberry.field(description="所在社区")
    async def community(self, info: Info) -> OrganisationRef:
        return await load_community(info, self.community_id)

    @strawberry.field(description="所在网格")
    async def grid(self, info: Info) -> GridRef | None:
        return await load_grid(info, self.grid_id)

    @strawberry.field(description="认领人")
    async def claimed_by_person(self, info: Info) -> PersonRef | None:
        return await load_person(info, self.claimed_by_person_id)

    @strawberry.field(description="认领单位")
    async def claimed_by_unit(self, info: Info) -> ResidentUnitRef | None:
        return await load_unit(info, self.claimed_by_unit_id)

    @strawberry.field(description="实现的佐证照片或文件")
    async def evidence(self, info: Info) -> list[AttachmentType]:
        return await load_attachments(info, AttachmentsByMicroWishLoader, self.id)

"""GraphQL types of a need: the need itself, its dispatches to resident units, and the
resources suggested to meet it. The project a need or dispatch leads to is typed in projects.py,
which builds on this module, so it is named lazily here (ProjectRef)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.attachments.loaders import AttachmentsByNeedLoader
from backend.attachments.types import AttachmentType, attachment_types, load_attachments
from backend.cobuilding.loaders import (
    DispatchesByNeedLoader,
    NeedByIdLoader,
    NeedDispatchByIdLoader,
    ProjectByIdLoader,
    ResourceByIdLoader,
)
from backend.cobuilding.models import DispatchStatus, NeedSource, NeedStatus, Urgency
from backend.cobuilding.permissions import handles_needs_in
from backend.cobuilding.refs import ProjectRef, load_need, load_project
from backend.cobuilding.types.resources import ResourceType
from backend.core.enums import labelled_enum
from backend.core.prefetch import Relation, ready_or
from backend.core.types import ModelNode, required
from backend.organisations.loaders import GridByIdLoader, OrganisationByIdLoader
from backend.organisations.refs import (
    GridRef,
    OrganisationRef,
    holds_over,
    load_community,
    load_grid,
)
from backend.people.loaders import PersonByIdLoader
from backend.people.refs import PersonRef, load_person
from backend.units.loaders import ResidentUnitByIdLoader
from backend.units.refs import ResidentUnitRef, load_unit

NeedStatusEnum = labelled_enum(NeedStatus, name="NeedStatus")
NeedSourceEnum = labelled_enum(NeedSource, name="NeedSource")
UrgencyEnum = labelled_enum(Urgency, name="Urgency")
DispatchStatusEnum = labelled_enum(DispatchStatus, name="DispatchStatus")


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

    # Loaded ahead for a page of needs that asks for them (backend/core/prefetch.py).
    relations: ClassVar[dict[str, Relation]] = {
        "community": Relation(OrganisationByIdLoader, "community_id"),
        "grid": Relation(GridByIdLoader, "grid_id"),
        "raised_by": Relation(PersonByIdLoader, "raised_by_id"),
        "project": Relation(ProjectByIdLoader, "project_id"),
        "photos": Relation(AttachmentsByNeedLoader, "id", shape=attachment_types),
        "dispatches": Relation(DispatchesByNeedLoader, "id", many=True),
    }

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
    def community(self, info: Info) -> OrganisationRef:
        return ready_or(
            self, "community", lambda: load_community(info, self.community_id), required_as="社区"
        )

    @strawberry.field(description="所在网格")
    def grid(self, info: Info) -> GridRef | None:
        return ready_or(self, "grid", lambda: load_grid(info, self.grid_id))

    @strawberry.field(description="提出人")
    def raised_by(self, info: Info) -> PersonRef | None:
        return ready_or(self, "raised_by", lambda: load_person(info, self.raised_by_id))

    @strawberry.field(description="承接此需求的共建项目")
    def project(self, info: Info) -> ProjectRef | None:
        return ready_or(self, "project", lambda: load_project(info, self.project_id))

    @strawberry.field(description="合并到的需求（重复需求）")
    async def merged_into(self, info: Info) -> NeedType | None:
        return await load_need(info, self.merged_into_id)

    @strawberry.field(description="现场照片")
    def photos(self, info: Info) -> list[AttachmentType]:
        return ready_or(
            self, "photos", lambda: load_attachments(info, AttachmentsByNeedLoader, self.id)
        )

    @strawberry.field(description="派单记录（最早在前）")
    def dispatches(self, info: Info) -> list[NeedDispatchType]:
        return ready_or(self, "dispatches", lambda: self._dispatches(info))

    async def _dispatches(self, info: Info) -> list[NeedDispatchType]:
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

    relations: ClassVar[dict[str, Relation]] = {
        "unit": Relation(ResidentUnitByIdLoader, "unit_id"),
        "project": Relation(ProjectByIdLoader, "project_id"),
    }

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="所派的需求")
    async def need(self, info: Info) -> NeedType:
        return required(await load_need(info, self.need_id), "需求")

    @strawberry.field(description="接单单位")
    def unit(self, info: Info) -> ResidentUnitRef:
        return ready_or(self, "unit", lambda: self._unit(info), required_as="单位")

    async def _unit(self, info: Info) -> ResidentUnitRef:
        return required(await load_unit(info, self.unit_id), "单位")

    @strawberry.field(description="接单后加入的项目（派单时指定）；空表示接单单位新建项目")
    def project(self, info: Info) -> ProjectRef | None:
        return ready_or(self, "project", lambda: load_project(info, self.project_id))

    @strawberry.field(description="派单时选定的资源")
    async def resource(self, info: Info) -> ResourceType | None:
        if self.resource_id is None:
            return None
        row = await info.context.loader(ResourceByIdLoader).load(self.resource_id)
        return ResourceType.from_optional(row)


@strawberry.type(name="ResourceSuggestion", description="可满足需求的资源，按匹配程度排序")
class ResourceSuggestionType:
    resource: ResourceType
    score: int = strawberry.field(
        description="匹配分：距离（同一网格）、单位类型、资源类别、剩余数量综合"
    )
    remaining: int | None = strawberry.field(description="尚可提供的数量；空表示不限")
    reasons: list[str] = strawberry.field(description="排序理由")

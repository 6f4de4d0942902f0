"""GraphQL types of a cobuilding project: the project itself, its milestones and its progress
updates."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.attachments.loaders import AttachmentsByProjectUpdateLoader
from backend.attachments.types import AttachmentType, load_attachments
from backend.cobuilding.loaders import (
    MilestoneByIdLoader,
    MilestonesByProjectLoader,
    NeedsByProjectLoader,
    PartnersByProjectLoader,
    ProjectByIdLoader,
    ResourcesByProjectLoader,
    UpdatesByProjectLoader,
)
from backend.cobuilding.models import ProjectStatus
from backend.cobuilding.permissions import may_report_on
from backend.cobuilding.services import (
    cents_to_yuan,
    is_milestone_overdue,
    is_project_late,
    project_status_label,
)
from backend.cobuilding.types.needs import NeedType
from backend.cobuilding.types.resources import ResourceType
from backend.core.enums import labelled_enum
from backend.core.prefetch import Relation, ready_or
from backend.core.types import ModelNode, ModelType, present
from backend.organisations.loaders import OrganisationByIdLoader
from backend.organisations.refs import OrganisationRef, load_community, organisation_path
from backend.people.loaders import CommitteeMembershipByIdLoader
from backend.people.refs import MembershipRef, load_membership
from backend.units.loaders import ResidentUnitByIdLoader
from backend.units.refs import ResidentUnitRef, load_unit

ProjectStatusEnum = labelled_enum(ProjectStatus, name="ProjectStatus")


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

    # Loaded ahead for a page of projects that asks for them (backend/core/prefetch.py).
    relations: ClassVar[dict[str, Relation]] = {
        "community": Relation(OrganisationByIdLoader, "community_id"),
        "lead_unit": Relation(ResidentUnitByIdLoader, "lead_unit_id"),
        "follow_up_officer": Relation(CommitteeMembershipByIdLoader, "follow_up_officer_id"),
        "milestones": Relation(MilestonesByProjectLoader, "id", many=True),
        "needs": Relation(NeedsByProjectLoader, "id", many=True),
    }

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
    def community(self, info: Info) -> OrganisationRef:
        return ready_or(
            self, "community", lambda: load_community(info, self.community_id), required_as="社区"
        )

    @strawberry.field(description="牵头单位")
    def lead_unit(self, info: Info) -> ResidentUnitRef | None:
        return ready_or(self, "lead_unit", lambda: load_unit(info, self.lead_unit_id))

    @strawberry.field(description="参与单位")
    async def partners(self, info: Info) -> list[ResidentUnitRef]:
        links = await info.context.loader(PartnersByProjectLoader).load(self.id)
        units = await info.context.loader(ResidentUnitByIdLoader).load_many(
            [link.unit_id for link in links]
        )
        return [present(unit) for unit in units if unit is not None]

    @strawberry.field(description="项目跟办员（兼职委员）")
    def follow_up_officer(self, info: Info) -> MembershipRef | None:
        return ready_or(
            self, "follow_up_officer", lambda: load_membership(info, self.follow_up_officer_id)
        )

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
    def milestones(self, info: Info) -> list[ProjectMilestoneType]:
        return ready_or(self, "milestones", lambda: self._milestones(info))

    async def _milestones(self, info: Info) -> list[ProjectMilestoneType]:
        rows = await info.context.loader(MilestonesByProjectLoader).load(self.id)
        return [ProjectMilestoneType.from_model(row) for row in rows]

    @strawberry.field(description="本项目承接的需求")
    def needs(self, info: Info) -> list[NeedType]:
        return ready_or(self, "needs", lambda: self._needs(info))

    async def _needs(self, info: Info) -> list[NeedType]:
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

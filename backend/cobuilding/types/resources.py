"""GraphQL type of a resource: what a resident unit offers (a venue, funds, skills, hands)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.cobuilding.loaders import ResourceByIdLoader
from backend.cobuilding.models import ResourceKind, ResourceStatus
from backend.core.enums import labelled_enum
from backend.core.prefetch import Relation, ready_or
from backend.core.types import ModelNode, required
from backend.organisations.loaders import OrganisationByIdLoader
from backend.organisations.refs import OrganisationRef, load_community
from backend.units.loaders import ResidentUnitByIdLoader
from backend.units.refs import ResidentUnitRef, load_unit

ResourceKindEnum = labelled_enum(ResourceKind, name="ResourceKind")
ResourceStatusEnum = labelled_enum(ResourceStatus, name="ResourceStatus")


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

    # Loaded ahead for a page of resources that asks for them (backend/core/prefetch.py).
    relations: ClassVar[dict[str, Relation]] = {
        "unit": Relation(ResidentUnitByIdLoader, "unit_id"),
        "community": Relation(OrganisationByIdLoader, "community_id"),
    }

    @strawberry.field(description="资源类型的中文名")
    def kind_label(self) -> str:
        return self.kind.label

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="提供资源的单位")
    def unit(self, info: Info) -> ResidentUnitRef:
        return ready_or(self, "unit", lambda: self._unit(info), required_as="单位")

    async def _unit(self, info: Info) -> ResidentUnitRef:
        return required(await load_unit(info, self.unit_id), "单位")

    @strawberry.field(description="所在社区")
    def community(self, info: Info) -> OrganisationRef:
        return ready_or(
            self, "community", lambda: load_community(info, self.community_id), required_as="社区"
        )

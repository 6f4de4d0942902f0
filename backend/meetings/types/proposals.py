"""GraphQL type of a proposal: an agenda suggestion or a resident's concern."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.attachments.loaders import AttachmentsByProposalLoader
from backend.attachments.types import AttachmentType, attachment_types, load_attachments
from backend.core.enums import labelled_enum
from backend.core.prefetch import Relation, ready_or
from backend.core.types import ModelNode
from backend.meetings.loaders import ProposalByIdLoader
from backend.meetings.models import ProposalKind, ProposalOrigin, ProposalStatus
from backend.meetings.permissions import triages_proposals
from backend.organisations.loaders import OrganisationByIdLoader
from backend.organisations.refs import OrganisationRef, holds_over, load_community
from backend.units.loaders import ResidentUnitByIdLoader
from backend.units.refs import ResidentUnitRef, load_unit

ProposalKindEnum = labelled_enum(ProposalKind, name="ProposalKind")
ProposalOriginEnum = labelled_enum(ProposalOrigin, name="ProposalOrigin")
ProposalStatusEnum = labelled_enum(ProposalStatus, name="ProposalStatus")


@strawberry.type(name="Proposal", description="议题建议 / 社情民意")
class ProposalType(ModelNode):
    by_id_loader = ProposalByIdLoader

    id: relay.NodeID[int]
    kind: ProposalKind
    origin: ProposalOrigin
    category: str
    title: str
    description: str
    source_note: str | None = strawberry.field(description="来源说明（地点、楼栋、事件）")
    status: ProposalStatus
    decline_reason: str | None
    triaged_at: datetime | None
    created_at: datetime
    community_id: strawberry.Private[int]
    unit_id: strawberry.Private[int | None]
    merged_into_id: strawberry.Private[int | None]

    # Loaded ahead for a page of proposals that asks for them (backend/core/prefetch.py).
    relations: ClassVar[dict[str, Relation]] = {
        "community": Relation(OrganisationByIdLoader, "community_id"),
        "unit": Relation(ResidentUnitByIdLoader, "unit_id"),
        "attachments": Relation(AttachmentsByProposalLoader, "id", shape=attachment_types),
    }

    @strawberry.field(description="类型的中文名")
    def kind_label(self) -> str:
        return self.kind.label

    @strawberry.field(description="来源的中文名")
    def origin_label(self) -> str:
        return self.origin.label

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="当前用户能否处理这条建议：采纳、合并或不予采纳（召集人）")
    async def viewer_can_triage(self, info: Info) -> bool:
        if self.status is not ProposalStatus.SUBMITTED:
            return False
        return await holds_over(info, self.community_id, triages_proposals)

    @strawberry.field(description="所在社区")
    def community(self, info: Info) -> OrganisationRef:
        return ready_or(
            self, "community", lambda: load_community(info, self.community_id), required_as="社区"
        )

    @strawberry.field(description="提出建议的单位")
    def unit(self, info: Info) -> ResidentUnitRef | None:
        return ready_or(self, "unit", lambda: load_unit(info, self.unit_id))

    @strawberry.field(description="附件")
    def attachments(self, info: Info) -> list[AttachmentType]:
        return ready_or(
            self,
            "attachments",
            lambda: load_attachments(info, AttachmentsByProposalLoader, self.id),
        )

    @strawberry.field(description="合并到的建议")
    async def merged_into(self, info: Info) -> ProposalType | None:
        if self.merged_into_id is None:
            return None
        row = await info.context.loader(ProposalByIdLoader).load(self.merged_into_id)
        return ProposalType.from_optional(row)

"""GraphQL type of a micro-wish: a resident's small wish, claimed and fulfilled by a party
member, a volunteer or a unit."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.attachments.loaders import AttachmentsByMicroWishLoader
from backend.attachments.types import AttachmentType, load_attachments
from backend.cobuilding.loaders import MicroWishByIdLoader
from backend.cobuilding.models import MicroWishStatus
from backend.core.enums import labelled_enum
from backend.core.personal_data import mask_name
from backend.core.types import ModelNode
from backend.organisations.refs import GridRef, OrganisationRef, load_community, load_grid
from backend.people.loaders import PersonNameByIdLoader
from backend.people.refs import PersonRef, load_person
from backend.units.refs import ResidentUnitRef, load_unit

MicroWishStatusEnum = labelled_enum(MicroWishStatus, name="MicroWishStatus")


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

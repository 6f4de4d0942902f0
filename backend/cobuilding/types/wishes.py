"""GraphQL type of a micro-wish: a resident's small wish, claimed and fulfilled by a party
member, a volunteer or a unit."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.attachments.loaders import AttachmentsByMicroWishLoader
from backend.attachments.types import AttachmentType, attachment_types, load_attachments
from backend.cobuilding.loaders import MicroWishByIdLoader
from backend.cobuilding.models import MicroWishStatus
from backend.core.enums import labelled_enum
from backend.core.personal_data import mask_name
from backend.core.prefetch import Relation, ready_or
from backend.core.types import ModelNode
from backend.organisations.loaders import GridByIdLoader, OrganisationByIdLoader
from backend.organisations.refs import GridRef, OrganisationRef, load_community, load_grid
from backend.people.loaders import PersonByIdLoader, PersonNameByIdLoader
from backend.people.refs import PersonRef, load_person
from backend.units.loaders import ResidentUnitByIdLoader
from backend.units.refs import ResidentUnitRef, load_unit

MicroWishStatusEnum = labelled_enum(MicroWishStatus, name="MicroWishStatus")


def _masked(name: str | None) -> str:
    return mask_name(name) or ""


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

    # Loaded ahead for a page of wishes that asks for them (backend/core/prefetch.py).
    relations: ClassVar[dict[str, Relation]] = {
        "beneficiary_name": Relation(PersonNameByIdLoader, "beneficiary_id", shape=_masked),
        "community": Relation(OrganisationByIdLoader, "community_id"),
        "grid": Relation(GridByIdLoader, "grid_id"),
        "claimed_by_person": Relation(PersonByIdLoader, "claimed_by_person_id"),
        "claimed_by_unit": Relation(ResidentUnitByIdLoader, "claimed_by_unit_id"),
        "evidence": Relation(AttachmentsByMicroWishLoader, "id", shape=attachment_types),
    }

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="心愿人姓名（脱敏，如 王**）")
    def beneficiary_name(self, info: Info) -> str:
        # Only the masked name is shown, so no right to read people is needed for it.
        return ready_or(self, "beneficiary_name", lambda: self._beneficiary_name(info))

    async def _beneficiary_name(self, info: Info) -> str:
        return _masked(await info.context.loader(PersonNameByIdLoader).load(self.beneficiary_id))

    @strawberry.field(description="所在社区")
    def community(self, info: Info) -> OrganisationRef:
        return ready_or(
            self, "community", lambda: load_community(info, self.community_id), required_as="社区"
        )

    @strawberry.field(description="所在网格")
    def grid(self, info: Info) -> GridRef | None:
        return ready_or(self, "grid", lambda: load_grid(info, self.grid_id))

    @strawberry.field(description="认领人")
    def claimed_by_person(self, info: Info) -> PersonRef | None:
        return ready_or(
            self, "claimed_by_person", lambda: load_person(info, self.claimed_by_person_id)
        )

    @strawberry.field(description="认领单位")
    def claimed_by_unit(self, info: Info) -> ResidentUnitRef | None:
        return ready_or(self, "claimed_by_unit", lambda: load_unit(info, self.claimed_by_unit_id))

    @strawberry.field(description="实现的佐证照片或文件")
    def evidence(self, info: Info) -> list[AttachmentType]:
        return ready_or(
            self, "evidence", lambda: load_attachments(info, AttachmentsByMicroWishLoader, self.id)
        )

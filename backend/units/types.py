from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.cobuilding.loaders import ResourcesByCommitmentLoader
from backend.cobuilding.refs import ResourceRef
from backend.core.enums import labelled_enum
from backend.core.prefetch import Relation, ready_or
from backend.core.types import ModelNode, ModelType, load_related_list, required
from backend.organisations.refs import GridRef, OrganisationRef, load_community, load_grid
from backend.people.loaders import CommitteeMembershipsByUnitLoader, PersonByIdLoader
from backend.people.refs import MembershipRef, PersonRef, load_person
from backend.units.loaders import (
    AgreementCommitmentByIdLoader,
    CoBuildingAgreementByIdLoader,
    CoBuildingAgreementsByUnitLoader,
    CommitmentsByAgreementLoader,
    RegistrationByIdLoader,
    RegistrationsByUnitLoader,
    ResidentUnitByIdLoader,
    UnitStaffByUnitLoader,
)
from backend.units.models import (
    AgreementStatus,
    RegistrationKind,
    RegistrationStatus,
    ResidentUnitKind,
)
from backend.units.refs import load_unit

ResidentUnitKindEnum = labelled_enum(ResidentUnitKind, name="ResidentUnitKind")
AgreementStatusEnum = labelled_enum(AgreementStatus, name="AgreementStatus")
RegistrationKindEnum = labelled_enum(RegistrationKind, name="RegistrationKind")
RegistrationStatusEnum = labelled_enum(RegistrationStatus, name="RegistrationStatus")


@strawberry.type(
    name="ResidentUnit", description="驻区单位：机关、学校、医院、企业、社会组织、物业、业委会"
)
class ResidentUnitType(ModelNode):
    by_id_loader = ResidentUnitByIdLoader

    id: relay.NodeID[int]
    name: str
    kind: ResidentUnitKind
    address: str
    phone: str | None
    party_organisation_name: str | None = strawberry.field(description="单位自身的党组织")
    party_member_count: int
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None
    community_id: strawberry.Private[int]
    grid_id: strawberry.Private[int | None]
    liaison_id: strawberry.Private[int | None]

    # Loaded ahead for a page of units that asks for them (backend/core/prefetch.py).
    relations: ClassVar[dict[str, Relation]] = {
        "liaison": Relation(PersonByIdLoader, "liaison_id"),
        "committee_members": Relation(CommitteeMembershipsByUnitLoader, "id", many=True),
    }

    @strawberry.field(description="单位类型的中文名")
    def kind_label(self) -> str:
        return self.kind.label

    @strawberry.field(description="所在社区")
    async def community(self, info: Info) -> OrganisationRef:
        return await load_community(info, self.community_id)

    @strawberry.field(description="所在网格")
    async def grid(self, info: Info) -> GridRef | None:
        return await load_grid(info, self.grid_id)

    @strawberry.field(description="联络员")
    def liaison(self, info: Info) -> PersonRef | None:
        return ready_or(self, "liaison", lambda: load_person(info, self.liaison_id))

    @strawberry.field(description="共建协议")
    async def agreements(self, info: Info) -> list[CoBuildingAgreementType]:
        rows = await info.context.loader(CoBuildingAgreementsByUnitLoader).load(self.id)
        return [CoBuildingAgreementType.from_model(row) for row in rows]

    @strawberry.field(description="双报到记录")
    async def registrations(self, info: Info) -> list[RegistrationType]:
        rows = await info.context.loader(RegistrationsByUnitLoader).load(self.id)
        return [RegistrationType.from_model(row) for row in rows]

    @strawberry.field(description="单位在社区的工作人员")
    async def staff(self, info: Info) -> list[UnitStaffType]:
        rows = await info.context.loader(UnitStaffByUnitLoader).load(self.id)
        return [UnitStaffType.from_model(row) for row in rows]

    @strawberry.field(description="来自本单位的兼职委员")
    def committee_members(self, info: Info) -> list[MembershipRef]:
        return ready_or(
            self,
            "committee_members",
            lambda: load_related_list(info, CommitteeMembershipsByUnitLoader, self.id),
        )


@strawberry.type(name="UnitStaff", description="单位工作人员")
class UnitStaffType(ModelType):
    position: str | None
    person_id: strawberry.Private[int]

    @strawberry.field(description="人员")
    async def person(self, info: Info) -> PersonRef:
        return required(await load_person(info, self.person_id), "人员")


@strawberry.type(name="AgreementCommitment", description="共建协议中的一项承诺")
class AgreementCommitmentType(ModelNode):
    by_id_loader = AgreementCommitmentByIdLoader

    id: relay.NodeID[int]
    position: int
    category: str
    description: str
    quantity: int | None
    unit_of_measure: str | None

    @strawberry.field(description="履行这项承诺的资源")
    async def resources(self, info: Info) -> list[ResourceRef]:
        return await load_related_list(info, ResourcesByCommitmentLoader, self.id)


@strawberry.type(name="CoBuildingAgreement", description="共建协议：社区与驻区单位签订")
class CoBuildingAgreementType(ModelNode):
    by_id_loader = CoBuildingAgreementByIdLoader

    id: relay.NodeID[int]
    title: str
    signed_on: date
    starts_on: date
    ends_on: date
    status: AgreementStatus
    created_at: datetime
    updated_at: datetime
    unit_id: strawberry.Private[int]
    community_id: strawberry.Private[int]

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="协议单位")
    async def unit(self, info: Info) -> ResidentUnitType:
        return required(await load_unit(info, self.unit_id), "单位")

    @strawberry.field(description="签约社区")
    async def community(self, info: Info) -> OrganisationRef:
        return await load_community(info, self.community_id)

    @strawberry.field(description="承诺事项")
    async def commitments(self, info: Info) -> list[AgreementCommitmentType]:
        rows = await info.context.loader(CommitmentsByAgreementLoader).load(self.id)
        return [AgreementCommitmentType.from_model(row) for row in rows]


@strawberry.type(
    name="Registration", description="双报到：单位到所在社区报到，在职党员到居住社区报到"
)
class RegistrationType(ModelNode):
    by_id_loader = RegistrationByIdLoader

    id: relay.NodeID[int]
    kind: RegistrationKind
    registered_on: date
    status: RegistrationStatus
    created_at: datetime
    community_id: strawberry.Private[int]
    unit_id: strawberry.Private[int | None]
    person_id: strawberry.Private[int | None]

    @strawberry.field(description="报到类型的中文名")
    def kind_label(self) -> str:
        return self.kind.label

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="报到社区")
    async def community(self, info: Info) -> OrganisationRef:
        return await load_community(info, self.community_id)

    @strawberry.field(description="报到单位")
    async def unit(self, info: Info) -> ResidentUnitType | None:
        return await load_unit(info, self.unit_id)

    @strawberry.field(description="报到党员")
    async def person(self, info: Info) -> PersonRef | None:
        return await load_person(info, self.person_id)

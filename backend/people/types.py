from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.core.enums import labelled_enum
from backend.core.errors import ErrorCode, PublicError
from backend.core.personal_data import mask_address, mask_id_number, mask_mobile
from backend.core.prefetch import Relation, ready_or
from backend.core.types import ModelNode, pending, required
from backend.organisations.refs import OrganisationRef, load_community, load_organisation
from backend.people.loaders import (
    CommitteeMembershipByIdLoader,
    CommitteeRolesByMembershipLoader,
    PersonalDataReadLogger,
    PersonByIdLoader,
    personal_data_entry,
)
from backend.people.models import CommitteeRole, Gender
from backend.people.permissions import may_read_personal_data
from backend.people.refs import load_person
from backend.units.refs import ResidentUnitRef, load_unit

GenderEnum = labelled_enum(Gender, name="Gender")
CommitteeRoleEnum = labelled_enum(
    CommitteeRole, name="CommitteeRole", description="兼职委员的四种角色"
)

ROLE_ORDER = list(CommitteeRole)


def _ordered_roles(rows: Any) -> list[CommitteeRole]:
    return sorted((row.role for row in rows), key=ROLE_ORDER.index)


@strawberry.type(name="Person", description="人员：居民、党员、单位职工、志愿者；个人信息默认脱敏")
class PersonType(ModelNode):
    by_id_loader = PersonByIdLoader

    id: relay.NodeID[int]
    name: str
    gender: Gender
    is_party_member: bool
    created_at: datetime
    updated_at: datetime
    mobile_value: strawberry.Private[str]
    id_number_value: strawberry.Private[str | None]
    address_value: strawberry.Private[str | None]
    community_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: Any) -> PersonType:
        return cls(
            id=row.id,
            name=row.name,
            gender=row.gender,
            is_party_member=row.is_party_member,
            created_at=row.created_at,
            updated_at=row.updated_at,
            mobile_value=row.mobile,
            id_number_value=row.id_number,
            address_value=row.address,
            community_id=row.community_id,
        )

    @strawberry.field(
        description="手机号，默认脱敏（138****1234）；full: true 取完整值并记入审计日志"
    )
    def mobile(self, info: Info, full: bool = False) -> str | None:
        if full:
            return pending(reveal(info, self.id, "mobile", self.mobile_value))
        return mask_mobile(self.mobile_value)

    @strawberry.field(description="身份证号，默认脱敏（4401**********123X）；full: true 同上")
    def id_number(self, info: Info, full: bool = False) -> str | None:
        if full:
            return pending(reveal(info, self.id, "id_number", self.id_number_value))
        return mask_id_number(self.id_number_value)

    @strawberry.field(description="住址，默认只显示到街路；full: true 同上")
    def address(self, info: Info, full: bool = False) -> str | None:
        if full:
            return pending(reveal(info, self.id, "address", self.address_value))
        return mask_address(self.address_value)

    @strawberry.field(description="性别的中文名")
    def gender_label(self) -> str:
        return self.gender.label

    @strawberry.field(description="居住社区")
    async def community(self, info: Info) -> OrganisationRef | None:
        return await load_organisation(info, self.community_id)


def _refuse_personal_data() -> PublicError:
    return PublicError("无权查看完整个人信息。", ErrorCode.FORBIDDEN)


async def reveal(info: Info, person_id: int, field: str, value: str | None) -> str | None:
    """A full personal value, for callers entitled to it where the person is, written to the
    audit log first."""
    if not may_read_personal_data(info.context.principal):
        raise _refuse_personal_data()
    if not await info.context.loader(PersonalDataReadLogger).load((person_id, field)):
        raise _refuse_personal_data()
    return value


async def audit_personal_data_search(info: Info, field: str) -> None:
    if not may_read_personal_data(info.context.principal):
        raise _refuse_personal_data()
    await info.context.db.add_and_commit(
        [personal_data_entry(info.context.actor, "personalData.search", None, field)]
    )


@strawberry.type(
    name="CommitteeMembership", description="兼职委员：驻区单位人员在社区党委的一届任期"
)
class CommitteeMembershipType(ModelNode):
    by_id_loader = CommitteeMembershipByIdLoader

    id: relay.NodeID[int]
    term_start: date
    term_end: date
    title: str | None
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None
    person_id: strawberry.Private[int]
    community_id: strawberry.Private[int]
    unit_id: strawberry.Private[int | None]

    # Loaded ahead for a list of memberships that asks for them (backend/core/prefetch.py).
    relations: ClassVar[dict[str, Relation]] = {
        "person": Relation(PersonByIdLoader, "person_id"),
        "roles": Relation(CommitteeRolesByMembershipLoader, "id", shape=_ordered_roles),
    }

    @strawberry.field(description="是否在任期内")
    def is_active(self) -> bool:
        return self.archived_at is None and self.term_start <= date.today() <= self.term_end

    @strawberry.field(description="委员本人")
    def person(self, info: Info) -> PersonType:
        return ready_or(self, "person", lambda: _person(info, self.person_id), required_as="人员")

    @strawberry.field(description="所在社区")
    async def community(self, info: Info) -> OrganisationRef:
        return await load_community(info, self.community_id)

    @strawberry.field(description="来自的驻区单位")
    async def unit(self, info: Info) -> ResidentUnitRef | None:
        return await load_unit(info, self.unit_id)

    @strawberry.field(description="担任的角色")
    def roles(self, info: Info) -> list[CommitteeRole]:
        return ready_or(self, "roles", lambda: _membership_roles(info, self.id))

    @strawberry.field(description="角色的中文名")
    async def role_labels(self, info: Info) -> list[str]:
        return [role.label for role in await _membership_roles(info, self.id)]


async def _membership_roles(info: Info, membership_id: int) -> list[CommitteeRole]:
    return _ordered_roles(
        await info.context.loader(CommitteeRolesByMembershipLoader).load(membership_id)
    )


async def _person(info: Info, person_id: int) -> PersonType:
    return required(await load_person(info, person_id), "人员")

from __future__ import annotations

import enum
from datetime import date

import strawberry
from strawberry.types import Info

from backend.core.filters import MAX_SEARCH_LENGTH
from backend.core.ids import decode_optional_id
from backend.core.limits import limited
from backend.core.pagination import Connection, OrderDirection, PageArgs, paginate
from backend.core.permissions import allow
from backend.people.models import CommitteeRole
from backend.people.permissions import READ_COMMITTEE_MEMBERS, READ_PEOPLE
from backend.people.services import committee_memberships_statement, people_statement
from backend.people.types import (
    CommitteeMembershipType,
    PersonType,
    audit_personal_data_search,
)


@strawberry.input(description="兼职委员筛选条件")
class CommitteeMemberFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="只看此组织（含下级）范围内的委员"
    )
    unit: strawberry.ID | None = strawberry.field(default=None, description="只看来自此单位的委员")
    role: CommitteeRole | None = None
    search: str | None = limited(
        MAX_SEARCH_LENGTH, default=None, description="按姓名或单位名称搜索"
    )
    active_on: date | None = strawberry.field(default=None, description="只看这一天在任的委员")


@strawberry.enum
class CommitteeMemberOrderField(enum.Enum):
    TERM_START = "term_start"
    PERSON_NAME = "person_name"
    CREATED_AT = "created_at"


@strawberry.input(description="兼职委员排序")
class CommitteeMemberOrder:
    field: CommitteeMemberOrderField = CommitteeMemberOrderField.TERM_START
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="人员筛选条件")
class PersonFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="只看居住在此组织范围内的人员"
    )
    search: str | None = limited(MAX_SEARCH_LENGTH, default=None, description="按姓名搜索")
    mobile: str | None = strawberry.field(default=None, description="按完整手机号精确查找")
    id_number: str | None = strawberry.field(default=None, description="按完整身份证号精确查找")
    party_members_only: bool = False


@strawberry.type
class PeopleQueries:
    @strawberry.field(description="兼职委员列表", extensions=allow(READ_COMMITTEE_MEMBERS))
    async def committee_members(
        self,
        info: Info,
        filter: CommitteeMemberFilter | None = None,
        order_by: CommitteeMemberOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CommitteeMembershipType]:
        filter = filter or CommitteeMemberFilter()
        order_by = order_by or CommitteeMemberOrder()
        statement = committee_memberships_statement(
            root_id=decode_optional_id(filter.organisation, "Organisation", "filter.organisation"),
            unit_id=decode_optional_id(filter.unit, "ResidentUnit", "filter.unit"),
            role=filter.role,
            search=filter.search,
            active_on=filter.active_on,
            order_column=order_by.field.value,
            direction=order_by.direction,
        )
        return await paginate(
            info,
            statement,
            PageArgs(first, after, last, before),
            CommitteeMembershipType.from_model,
        )

    @strawberry.field(description="人员列表（个人信息脱敏）", extensions=allow(READ_PEOPLE))
    async def people(
        self,
        info: Info,
        filter: PersonFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[PersonType]:
        filter = filter or PersonFilter()
        if filter.mobile is not None or filter.id_number is not None:
            # An exact-match search confirms a full number: it needs the right to see one.
            await audit_personal_data_search(info, "mobile" if filter.mobile else "id_number")
        statement = people_statement(
            root_id=decode_optional_id(filter.organisation, "Organisation", "filter.organisation"),
            search=filter.search,
            mobile=filter.mobile,
            id_number=filter.id_number,
            party_members_only=filter.party_members_only,
        )
        return await paginate(
            info, statement, PageArgs(first, after, last, before), PersonType.from_model
        )

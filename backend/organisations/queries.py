from __future__ import annotations

import enum

import strawberry
from strawberry.types import Info

from backend.core.filters import MAX_SEARCH_LENGTH
from backend.core.ids import decode_optional_id
from backend.core.limits import limited
from backend.core.pagination import Connection, OrderDirection, PageArgs, paginate
from backend.core.permissions import allow
from backend.organisations.models import OrganisationKind
from backend.organisations.permissions import READ_GRIDS, READ_ORGANISATIONS
from backend.organisations.services import grids_statement, organisations_statement
from backend.organisations.types import GridType, OrganisationType


@strawberry.input(description="组织筛选条件")
class OrganisationFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="只看此组织及其下级"
    )
    parent: strawberry.ID | None = strawberry.field(
        default=None, description="只看此组织的直接下级"
    )
    kind: OrganisationKind | None = None
    search: str | None = limited(MAX_SEARCH_LENGTH, default=None, description="按名称搜索")
    include_archived: bool = False


@strawberry.enum
class OrganisationOrderField(enum.Enum):
    NAME = "name"
    PATH = "path"
    CREATED_AT = "created_at"


@strawberry.input(description="组织排序")
class OrganisationOrder:
    field: OrganisationOrderField = OrganisationOrderField.PATH
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="网格筛选条件")
class GridFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="只看此组织范围内的网格"
    )
    search: str | None = limited(MAX_SEARCH_LENGTH, default=None)


@strawberry.type
class OrganisationQueries:
    @strawberry.field(
        description="组织列表（组织架构树的全部节点）", extensions=allow(READ_ORGANISATIONS)
    )
    async def organisations(
        self,
        info: Info,
        filter: OrganisationFilter | None = None,
        order_by: OrganisationOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[OrganisationType]:
        filter = filter or OrganisationFilter()
        order_by = order_by or OrganisationOrder()
        statement = organisations_statement(
            root_id=decode_optional_id(filter.organisation, "Organisation", "filter.organisation"),
            parent_id=decode_optional_id(filter.parent, "Organisation", "filter.parent"),
            kind=filter.kind,
            search=filter.search,
            include_archived=filter.include_archived,
            order_column=order_by.field.value,
            direction=order_by.direction,
        )
        return await paginate(
            info,
            statement,
            PageArgs(first, after, last, before),
            OrganisationType.from_model,
        )

    @strawberry.field(description="网格列表", extensions=allow(READ_GRIDS))
    async def grids(
        self,
        info: Info,
        filter: GridFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[GridType]:
        filter = filter or GridFilter()
        statement = grids_statement(
            root_id=decode_optional_id(filter.organisation, "Organisation", "filter.organisation"),
            search=filter.search,
        )
        return await paginate(
            info, statement, PageArgs(first, after, last, before), GridType.from_model
        )

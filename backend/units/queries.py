from __future__ import annotations

import enum

import strawberry
from strawberry.types import Info

from backend.core.filters import MAX_SEARCH_LENGTH
from backend.core.ids import decode_optional_id
from backend.core.limits import limited
from backend.core.pagination import Connection, OrderDirection, PageArgs, paginate
from backend.core.permissions import allow
from backend.units.models import ResidentUnitKind
from backend.units.permissions import READ_UNITS
from backend.units.services import resident_units_statement
from backend.units.types import ResidentUnitType


@strawberry.input(description="驻区单位筛选条件")
class ResidentUnitFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="只看此组织（含下级）范围内的单位"
    )
    kind: ResidentUnitKind | None = None
    search: str | None = limited(MAX_SEARCH_LENGTH, default=None, description="按名称、地址搜索")
    include_archived: bool = False


@strawberry.enum
class ResidentUnitOrderField(enum.Enum):
    NAME = "name"
    KIND = "kind"
    CREATED_AT = "created_at"


@strawberry.input(description="驻区单位排序")
class ResidentUnitOrder:
    field: ResidentUnitOrderField = ResidentUnitOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC


@strawberry.type
class ResidentUnitQueries:
    @strawberry.field(description="驻区单位列表", extensions=allow(READ_UNITS))
    async def resident_units(
        self,
        info: Info,
        filter: ResidentUnitFilter | None = None,
        order_by: ResidentUnitOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ResidentUnitType]:
        filter = filter or ResidentUnitFilter()
        order_by = order_by or ResidentUnitOrder()
        statement = resident_units_statement(
            root_id=decode_optional_id(filter.organisation, "Organisation", "filter.organisation"),
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
            ResidentUnitType.from_model,
        )

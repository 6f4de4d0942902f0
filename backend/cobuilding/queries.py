from __future__ import annotations

import enum
from typing import Any

import strawberry
from sqlalchemy import Select
from strawberry.types import Info

from backend.cobuilding.categories import CATEGORIES
from backend.cobuilding.matching import suggest_resources
from backend.cobuilding.models import (
    DispatchStatus,
    MicroWishStatus,
    Need,
    NeedStatus,
    ProjectStatus,
    ResourceKind,
    ResourceStatus,
    Urgency,
)
from backend.cobuilding.permissions import (
    HANDLE_NEEDS,
    READ_CATEGORIES,
    READ_DISPATCHES,
    READ_MICRO_WISHES,
    READ_NEEDS,
    READ_PROJECTS,
    READ_RESOURCES,
)
from backend.cobuilding.services import (
    dispatches_statement,
    micro_wishes_statement,
    needs_statement,
    projects_statement,
    resources_statement,
)
from backend.cobuilding.types.categories import IssueCategoryType
from backend.cobuilding.types.needs import NeedDispatchType, NeedType, ResourceSuggestionType
from backend.cobuilding.types.projects import ProjectType
from backend.cobuilding.types.resources import ResourceType
from backend.cobuilding.types.wishes import MicroWishType
from backend.core.compiled.registry import compiled_root
from backend.core.filters import MAX_SEARCH_LENGTH
from backend.core.ids import decode_optional_id, load_in_scope
from backend.core.limits import limited
from backend.core.pagination import Connection, OrderDirection, PageArgs, paginate
from backend.core.permissions import allow

ORGANISATION_HELP = "只看此组织（含下级）范围内的条目"


@strawberry.input(description="需求筛选条件")
class NeedFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description=ORGANISATION_HELP
    )
    status: NeedStatus | None = None
    category: str | None = strawberry.field(default=None, description="需求类别（完全匹配）")
    urgency: Urgency | None = None
    grid: strawberry.ID | None = strawberry.field(default=None, description="只看此网格的需求")
    search: str | None = limited(MAX_SEARCH_LENGTH, default=None, description="按标题、描述搜索")


@strawberry.enum
class NeedOrderField(enum.Enum):
    RAISED_AT = "raised_at"
    TITLE = "title"
    CREATED_AT = "created_at"


@strawberry.input(description="需求排序")
class NeedOrder:
    field: NeedOrderField = NeedOrderField.RAISED_AT
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input(description="资源筛选条件")
class ResourceFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description=ORGANISATION_HELP
    )
    kind: ResourceKind | None = None
    status: ResourceStatus | None = None
    unit: strawberry.ID | None = strawberry.field(default=None, description="只看此单位提供的资源")
    search: str | None = limited(
        MAX_SEARCH_LENGTH, default=None, description="按标题、描述、类别搜索"
    )


@strawberry.enum
class ResourceOrderField(enum.Enum):
    TITLE = "title"
    KIND = "kind"
    CREATED_AT = "created_at"


@strawberry.input(description="资源排序")
class ResourceOrder:
    field: ResourceOrderField = ResourceOrderField.TITLE
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="共建项目筛选条件")
class ProjectFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description=ORGANISATION_HELP
    )
    status: ProjectStatus | None = None
    late: bool | None = strawberry.field(
        default=None, description="true 只看延期项目，false 只看未延期项目"
    )
    search: str | None = limited(MAX_SEARCH_LENGTH, default=None, description="按标题、描述搜索")


@strawberry.enum
class ProjectOrderField(enum.Enum):
    STARTS_ON = "starts_on"
    TITLE = "title"
    CREATED_AT = "created_at"


@strawberry.input(description="共建项目排序")
class ProjectOrder:
    field: ProjectOrderField = ProjectOrderField.STARTS_ON
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input(description="微心愿筛选条件")
class MicroWishFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description=ORGANISATION_HELP
    )
    status: MicroWishStatus | None = None
    search: str | None = limited(MAX_SEARCH_LENGTH, default=None, description="按标题、描述搜索")


@strawberry.enum
class MicroWishOrderField(enum.Enum):
    PUBLISHED_AT = "published_at"
    TITLE = "title"


@strawberry.input(description="微心愿排序")
class MicroWishOrder:
    field: MicroWishOrderField = MicroWishOrderField.PUBLISHED_AT
    direction: OrderDirection = OrderDirection.DESC


def _root_id(organisation: strawberry.ID | None) -> int | None:
    return decode_optional_id(organisation, "Organisation", "filter.organisation")


@compiled_root("needs", NeedType)
def needs_select(
    filter: NeedFilter | None = None, order_by: NeedOrder | None = None
) -> Select[Any]:
    filter = filter or NeedFilter()
    order_by = order_by or NeedOrder()
    return needs_statement(
        root_id=_root_id(filter.organisation),
        status=filter.status,
        category=filter.category,
        urgency=filter.urgency,
        grid_id=decode_optional_id(filter.grid, "Grid", "filter.grid"),
        search=filter.search,
        order_column=order_by.field.value,
        direction=order_by.direction,
    )


@strawberry.type
class CoBuildingQueries:
    @strawberry.field(
        description="需求、资源和议题建议的常用类别（也可填写其他类别）",
        extensions=allow(READ_CATEGORIES),
    )
    def issue_categories(self) -> list[IssueCategoryType]:
        return [IssueCategoryType.from_category(category) for category in CATEGORIES]

    @strawberry.field(description="需求清单（默认按提出时间倒序）", extensions=allow(READ_NEEDS))
    async def needs(
        self,
        info: Info,
        filter: NeedFilter | None = None,
        order_by: NeedOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[NeedType]:
        return await paginate(
            info,
            needs_select(filter, order_by),
            PageArgs(first, after, last, before),
            NeedType.from_model,
        )

    @strawberry.field(description="资源清单", extensions=allow(READ_RESOURCES))
    async def resources(
        self,
        info: Info,
        filter: ResourceFilter | None = None,
        order_by: ResourceOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ResourceType]:
        filter = filter or ResourceFilter()
        order_by = order_by or ResourceOrder()
        statement = resources_statement(
            root_id=_root_id(filter.organisation),
            kind=filter.kind,
            status=filter.status,
            unit_id=decode_optional_id(filter.unit, "ResidentUnit", "filter.unit"),
            search=filter.search,
            order_column=order_by.field.value,
            direction=order_by.direction,
        )
        return await paginate(
            info,
            statement,
            PageArgs(first, after, last, before),
            ResourceType.from_model,
        )

    @strawberry.field(
        description="共建项目清单（默认按开始日期倒序）", extensions=allow(READ_PROJECTS)
    )
    async def projects(
        self,
        info: Info,
        filter: ProjectFilter | None = None,
        order_by: ProjectOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ProjectType]:
        filter = filter or ProjectFilter()
        order_by = order_by or ProjectOrder()
        statement = projects_statement(
            root_id=_root_id(filter.organisation),
            status=filter.status,
            late=filter.late,
            search=filter.search,
            order_column=order_by.field.value,
            direction=order_by.direction,
        )
        return await paginate(
            info,
            statement,
            PageArgs(first, after, last, before),
            ProjectType.from_model,
        )

    @strawberry.field(
        description="微心愿（默认按发布时间倒序；心愿人姓名脱敏）",
        extensions=allow(READ_MICRO_WISHES),
    )
    async def micro_wishes(
        self,
        info: Info,
        filter: MicroWishFilter | None = None,
        order_by: MicroWishOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[MicroWishType]:
        filter = filter or MicroWishFilter()
        order_by = order_by or MicroWishOrder()
        statement = micro_wishes_statement(
            root_id=_root_id(filter.organisation),
            status=filter.status,
            search=filter.search,
            order_column=order_by.field.value,
            direction=order_by.direction,
        )
        return await paginate(
            info,
            statement,
            PageArgs(first, after, last, before),
            MicroWishType.from_model,
        )


@strawberry.input(description="派单筛选条件")
class NeedDispatchFilter:
    unit: strawberry.ID | None = strawberry.field(default=None, description="只看派给此单位的")
    status: DispatchStatus | None = None


@strawberry.type
class DispatchQueries:
    @strawberry.field(
        description="可满足此需求的本社区资源，按类别、距离和剩余数量排序",
        extensions=allow(HANDLE_NEEDS),
    )
    async def need_suggestions(
        self, info: Info, need: strawberry.ID
    ) -> list[ResourceSuggestionType]:
        row = await load_in_scope(info, need, Need, "need", acting_as=HANDLE_NEEDS)
        found = await suggest_resources(info.context.db, info.context.scope, row)
        return [
            ResourceSuggestionType(
                resource=ResourceType.from_model(s.resource),
                score=s.score,
                remaining=s.remaining,
                reasons=s.reasons,
            )
            for s in found
        ]

    @strawberry.field(
        description="派单（单位联络员看到派给本单位的；最新在前）",
        extensions=allow(READ_DISPATCHES),
    )
    async def need_dispatches(
        self,
        info: Info,
        filter: NeedDispatchFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[NeedDispatchType]:
        filter = filter or NeedDispatchFilter()
        statement = dispatches_statement(
            unit_id=decode_optional_id(filter.unit, "ResidentUnit", "filter.unit"),
            status=filter.status,
        )
        return await paginate(info, statement, PageArgs(first, after), NeedDispatchType.from_model)

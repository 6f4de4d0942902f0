from __future__ import annotations

import enum

import strawberry
from strawberry.types import Info

from backend.core.ids import decode_optional_id
from backend.core.pagination import Connection, OrderDirection, PageArgs, paginate
from backend.core.permissions import allow
from backend.volunteering.permissions import READ_SERVICE_RECORDS, READ_VOLUNTEER_TEAMS
from backend.volunteering.services import service_records_statement, volunteer_teams_statement
from backend.volunteering.types import ServiceRecordType, VolunteerTeamType


@strawberry.input(description="志愿服务队筛选条件")
class VolunteerTeamFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="只看此组织（含下级）范围内的服务队"
    )
    search: str | None = strawberry.field(default=None, description="按队名、特长搜索")
    include_archived: bool = False


@strawberry.enum
class VolunteerTeamOrderField(enum.Enum):
    NAME = "name"
    FOUNDED_ON = "founded_on"
    CREATED_AT = "created_at"


@strawberry.input(description="志愿服务队排序")
class VolunteerTeamOrder:
    field: VolunteerTeamOrderField = VolunteerTeamOrderField.NAME
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="服务记录筛选条件")
class ServiceRecordFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="只看服务队或服务对象在此组织（含下级）范围内的记录"
    )
    team: strawberry.ID | None = strawberry.field(default=None, description="只看此服务队的记录")
    person: strawberry.ID | None = strawberry.field(default=None, description="只看此志愿者的记录")


@strawberry.enum
class ServiceRecordOrderField(enum.Enum):
    STARTED_AT = "started_at"
    MINUTES = "minutes"
    POINTS = "points"


@strawberry.input(description="服务记录排序")
class ServiceRecordOrder:
    field: ServiceRecordOrderField = ServiceRecordOrderField.STARTED_AT
    direction: OrderDirection = OrderDirection.DESC


@strawberry.type
class VolunteeringQueries:
    @strawberry.field(description="志愿服务队列表", extensions=allow(READ_VOLUNTEER_TEAMS))
    async def volunteer_teams(
        self,
        info: Info,
        filter: VolunteerTeamFilter | None = None,
        order_by: VolunteerTeamOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[VolunteerTeamType]:
        filter = filter or VolunteerTeamFilter()
        order_by = order_by or VolunteerTeamOrder()
        statement = volunteer_teams_statement(
            root_id=decode_optional_id(filter.organisation, "Organisation", "filter.organisation"),
            search=filter.search,
            include_archived=filter.include_archived,
            order_column=order_by.field.value,
            direction=order_by.direction,
        )
        return await paginate(
            info,
            statement,
            PageArgs(first, after, last, before),
            VolunteerTeamType.from_model,
        )

    @strawberry.field(
        description="服务记录列表（默认按开始时间倒序）", extensions=allow(READ_SERVICE_RECORDS)
    )
    async def service_records(
        self,
        info: Info,
        filter: ServiceRecordFilter | None = None,
        order_by: ServiceRecordOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ServiceRecordType]:
        filter = filter or ServiceRecordFilter()
        order_by = order_by or ServiceRecordOrder()
        statement = service_records_statement(
            root_id=decode_optional_id(filter.organisation, "Organisation", "filter.organisation"),
            team_id=decode_optional_id(filter.team, "VolunteerTeam", "filter.team"),
            person_id=decode_optional_id(filter.person, "Person", "filter.person"),
            order_column=order_by.field.value,
            direction=order_by.direction,
        )
        return await paginate(
            info,
            statement,
            PageArgs(first, after, last, before),
            ServiceRecordType.from_model,
        )

from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated, Any, ClassVar

import strawberry
from sqlalchemy import Select, select
from sqlmodel import col
from strawberry.types import Info

from backend.core.compiled.registry import StatementPage, compiled_resolver_root
from backend.core.filters import MAX_SEARCH_LENGTH
from backend.core.ids import decode_optional_id, load_in_scope
from backend.core.limits import MaxLength, limited
from backend.core.pagination import Connection, OrderDirection, PageArgs, paginate
from backend.core.permissions import allow
from backend.core.types import ModelType, required
from backend.organisations.models import Organisation
from backend.organisations.services import in_subtree
from backend.people.models import Person
from backend.people.refs import PersonRef, load_person
from backend.volunteering.check_in import CODE_MAX
from backend.volunteering.models import ActivityStatus, PartnerMerchant, VolunteerActivity
from backend.volunteering.permissions import (
    READ_ACTIVITIES,
    READ_LEDGER,
    READ_MERCHANTS,
    READ_SERVICE_RECORDS,
    READ_VOLUNTEER_TEAMS,
    VOLUNTEER_SELF,
)
from backend.volunteering.points import points_per_hour as ledger_points_per_hour
from backend.volunteering.services import (
    activities_statement,
    ledger_statement,
    ledger_totals,
    minutes_to_hours,
    service_records_statement,
    volunteer_teams_statement,
)
from backend.volunteering.types import (
    PartnerMerchantType,
    PointsEntryType,
    ServiceRecordType,
    VolunteerActivityType,
    VolunteerTeamType,
)


@strawberry.input(description="志愿服务队筛选条件")
class VolunteerTeamFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="只看此组织（含下级）范围内的服务队"
    )
    search: str | None = limited(MAX_SEARCH_LENGTH, default=None, description="按队名、特长搜索")
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


@strawberry.input(description="志愿服务活动筛选条件")
class VolunteerActivityFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="只看此组织（含下级）范围内的活动"
    )
    status: ActivityStatus | None = None
    project: strawberry.ID | None = strawberry.field(default=None, description="只看此项目的活动")
    search: str | None = limited(
        MAX_SEARCH_LENGTH, default=None, description="按活动名称、地点搜索"
    )


@strawberry.type(name="PointsLedger", description="志愿者的积分账户：余额、累计和明细")
class PointsLedgerType:
    person_id: strawberry.Private[int]

    # Its lists, for the compiled read path (backend/core/compiled/).
    pages: ClassVar[dict[str, StatementPage]] = {
        "entries": StatementPage(
            PointsEntryType, lambda ledger: _entries(ledger.person_id), "person_id"
        ),
        "service_records": StatementPage(
            ServiceRecordType, lambda ledger: _service_records(ledger.person_id), "person_id"
        ),
    }
    balance: int = strawberry.field(description="当前余额")
    earned: int = strawberry.field(description="累计获得")
    spent: int = strawberry.field(description="累计兑换和冲正扣除")
    minutes: int = strawberry.field(description="累计服务时长（分钟）")

    @strawberry.field(description="累计服务时长（小时）")
    def hours(self) -> float:
        return minutes_to_hours(self.minutes)

    @strawberry.field(description="志愿者")
    async def person(self, info: Info) -> PersonRef:
        return required(await load_person(info, self.person_id), "人员")

    @strawberry.field(description="积分明细（最新在前）")
    async def entries(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[PointsEntryType]:
        return await paginate(
            info, _entries(self.person_id), PageArgs(first, after), PointsEntryType.from_model
        )

    @strawberry.field(description="服务记录（最新在前）")
    async def service_records(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[ServiceRecordType]:
        return await paginate(
            info,
            _service_records(self.person_id),
            PageArgs(first, after),
            ServiceRecordType.from_model,
        )


def _entries(person_id: int) -> Select[Any]:
    return ledger_statement(person_id)


def _service_records(person_id: int) -> Select[Any]:
    return service_records_statement(person_id=person_id)


async def _ledger(info: Info, person_id: int) -> PointsLedgerType:
    totals = await ledger_totals(info.context.db, info.context.scope, person_id)
    return PointsLedgerType(
        person_id=person_id,
        balance=totals.balance,
        earned=totals.earned,
        spent=totals.spent,
        minutes=totals.minutes,
    )


# The compiled read path calls `points_ledger` itself and completes the ledger without the
# resolvers (backend/core/compiled/).
compiled_resolver_root("points_ledger")


@strawberry.type
class ActivityQueries:
    @strawberry.field(description="志愿服务活动（最新在前）", extensions=allow(READ_ACTIVITIES))
    async def volunteer_activities(
        self,
        info: Info,
        filter: VolunteerActivityFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[VolunteerActivityType]:
        filter = filter or VolunteerActivityFilter()
        statement = activities_statement(
            root_id=decode_optional_id(filter.organisation, "Organisation", "filter.organisation"),
            status=filter.status,
            project_id=decode_optional_id(filter.project, "Project", "filter.project"),
            search=filter.search,
        )
        return await paginate(
            info, statement, PageArgs(first, after), VolunteerActivityType.from_model
        )

    @strawberry.field(
        description="按签到码查活动（扫码签到页），码无效时为空", extensions=allow(VOLUNTEER_SELF)
    )
    async def volunteer_activity_by_code(
        self,
        info: Info,
        code: Annotated[str, strawberry.argument(directives=[MaxLength(chars=CODE_MAX)])],
    ) -> ActivityCheckInInfo | None:
        if len(code) > CODE_MAX:  # no code is longer: not one to look up, and not cut to one
            return None
        rows = await info.context.db.scalars(
            select(VolunteerActivity).where(col(VolunteerActivity.checkin_code) == code)
        )
        return ActivityCheckInInfo.from_model(rows[0]) if rows else None

    @strawberry.field(description="志愿者的积分账户", extensions=allow(READ_LEDGER))
    async def points_ledger(self, info: Info, person: strawberry.ID) -> PointsLedgerType:
        row = await load_in_scope(info, person, Person, "person")
        return await _ledger(info, row.id)

    @strawberry.field(description="我的积分账户", extensions=allow(VOLUNTEER_SELF))
    async def my_points_ledger(self, info: Info) -> PointsLedgerType | None:
        person_id = info.context.actor.person_id
        return None if person_id is None else await _ledger(info, person_id)

    @strawberry.field(
        description="此组织适用的每小时服务积分（本级或最近上级的规则，默认 10）",
        extensions=allow(READ_ACTIVITIES),
    )
    async def points_per_hour(self, info: Info, organisation: strawberry.ID) -> int:
        row = await load_in_scope(info, organisation, Organisation, "organisation")
        return await ledger_points_per_hour(info.context.db.session, row.id)

    @strawberry.field(description="积分兑换合作商家", extensions=allow(READ_MERCHANTS))
    async def partner_merchants(
        self,
        info: Info,
        organisation: strawberry.ID | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[PartnerMerchantType]:
        statement = select(PartnerMerchant).where(col(PartnerMerchant.archived_at).is_(None))
        root_id = decode_optional_id(organisation, "Organisation", "organisation")
        if root_id is not None:
            statement = statement.where(in_subtree(PartnerMerchant.community_id, root_id))
        statement = statement.order_by(col(PartnerMerchant.name), col(PartnerMerchant.id))
        return await paginate(
            info, statement, PageArgs(first, after), PartnerMerchantType.from_model
        )


@strawberry.type(name="ActivityCheckInInfo", description="扫码签到页显示的活动信息")
class ActivityCheckInInfo(ModelType):
    title: str
    place: str
    starts_at: datetime
    ends_at: datetime

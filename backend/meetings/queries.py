from __future__ import annotations

import enum

import strawberry
from strawberry.types import Info

from backend.core.ids import decode_optional_id
from backend.core.pagination import Connection, OrderDirection, PageArgs, paginate
from backend.core.permissions import allow
from backend.meetings.models import ActionItemStatus, MeetingKind, MeetingStatus
from backend.meetings.permissions import READ_ACTION_ITEMS, READ_MEETINGS
from backend.meetings.services import action_items_statement, joint_meetings_statement
from backend.meetings.types import ActionItemType, JointMeetingType


@strawberry.input(description="联席会议筛选条件")
class JointMeetingFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="只看此组织（含下级）召集的会议"
    )
    kind: MeetingKind | None = None
    status: MeetingStatus | None = None
    search: str | None = strawberry.field(default=None, description="按会议名称、地点搜索")


@strawberry.enum
class JointMeetingOrderField(enum.Enum):
    STARTS_AT = "starts_at"
    TITLE = "title"
    CREATED_AT = "created_at"


@strawberry.input(description="联席会议排序")
class JointMeetingOrder:
    field: JointMeetingOrderField = JointMeetingOrderField.STARTS_AT
    direction: OrderDirection = OrderDirection.DESC


@strawberry.input(description="督办事项筛选条件")
class ActionItemFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="只看此组织（含下级）召集的会议分派的事项"
    )
    status: ActionItemStatus | None = None
    owner_unit: strawberry.ID | None = strawberry.field(
        default=None, description="只看此单位负责的事项"
    )
    overdue: bool | None = strawberry.field(
        default=None, description="true 只看逾期事项，false 只看未逾期事项"
    )
    search: str | None = strawberry.field(default=None, description="按事项名称搜索")


@strawberry.enum
class ActionItemOrderField(enum.Enum):
    DUE_ON = "due_on"
    CREATED_AT = "created_at"


@strawberry.input(description="督办事项排序")
class ActionItemOrder:
    field: ActionItemOrderField = ActionItemOrderField.DUE_ON
    direction: OrderDirection = OrderDirection.ASC


@strawberry.type
class MeetingQueries:
    @strawberry.field(
        description="联席会议列表（默认按开始时间倒序）", extensions=allow(READ_MEETINGS)
    )
    async def joint_meetings(
        self,
        info: Info,
        filter: JointMeetingFilter | None = None,
        order_by: JointMeetingOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[JointMeetingType]:
        filter = filter or JointMeetingFilter()
        order_by = order_by or JointMeetingOrder()
        statement = joint_meetings_statement(
            root_id=decode_optional_id(filter.organisation, "Organisation", "filter.organisation"),
            kind=filter.kind,
            status=filter.status,
            search=filter.search,
            order_column=order_by.field.value,
            direction=order_by.direction,
        )
        return await paginate(
            info,
            statement,
            PageArgs(first, after, last, before),
            JointMeetingType.from_model,
        )

    @strawberry.field(
        description="督办事项列表（默认按期限先后）", extensions=allow(READ_ACTION_ITEMS)
    )
    async def action_items(
        self,
        info: Info,
        filter: ActionItemFilter | None = None,
        order_by: ActionItemOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ActionItemType]:
        filter = filter or ActionItemFilter()
        order_by = order_by or ActionItemOrder()
        statement = action_items_statement(
            root_id=decode_optional_id(filter.organisation, "Organisation", "filter.organisation"),
            status=filter.status,
            owner_unit_id=decode_optional_id(filter.owner_unit, "ResidentUnit", "filter.ownerUnit"),
            overdue=filter.overdue,
            search=filter.search,
            order_column=order_by.field.value,
            direction=order_by.direction,
        )
        return await paginate(
            info,
            statement,
            PageArgs(first, after, last, before),
            ActionItemType.from_model,
        )

from __future__ import annotations

import enum
from datetime import datetime

import strawberry
from strawberry.types import Info

from backend.core.compiled.registry import compiled_resolver_root
from backend.core.errors import InvalidArgument
from backend.core.filters import MAX_SEARCH_LENGTH
from backend.core.ids import decode_optional_id, load_in_scope
from backend.core.limits import limited
from backend.core.models import utcnow
from backend.core.pagination import Connection, OrderDirection, PageArgs, paginate
from backend.core.permissions import allow
from backend.meetings.candidates import agenda_candidates
from backend.meetings.models import (
    ActionItemStatus,
    MeetingKind,
    MeetingStatus,
    ProposalKind,
    ProposalStatus,
)
from backend.meetings.permissions import (
    MY_ACTIONS,
    READ_ACTION_ITEMS,
    READ_AGENDA_CANDIDATES,
    READ_MEETINGS,
    READ_PROPOSALS,
)
from backend.meetings.services import (
    action_items_statement,
    joint_meetings_statement,
    my_action_items_statement,
    proposals_statement,
)
from backend.meetings.types.decisions import ActionItemType
from backend.meetings.types.meetings import AgendaCandidateType, JointMeetingType
from backend.meetings.types.proposals import ProposalType
from backend.organisations.models import Organisation


@strawberry.input(description="联席会议筛选条件")
class JointMeetingFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="只看此组织（含下级）召集的会议"
    )
    kind: MeetingKind | None = None
    status: MeetingStatus | None = None
    search: str | None = limited(
        MAX_SEARCH_LENGTH, default=None, description="按会议名称、地点搜索"
    )


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
    owner_person: strawberry.ID | None = strawberry.field(
        default=None, description="只看此人承办的事项"
    )
    overdue: bool | None = strawberry.field(
        default=None, description="true 只看逾期事项，false 只看未逾期事项"
    )
    search: str | None = limited(MAX_SEARCH_LENGTH, default=None, description="按事项名称搜索")


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
            owner_person_id=decode_optional_id(filter.owner_person, "Person", "filter.ownerPerson"),
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


@strawberry.input(description="议题建议筛选条件")
class ProposalFilter:
    organisation: strawberry.ID | None = None
    status: ProposalStatus | None = None
    kind: ProposalKind | None = None
    search: str | None = limited(MAX_SEARCH_LENGTH, default=None)


# The compiled read path calls `agenda_candidates` itself and completes the candidates
# without the resolvers (backend/core/compiled/).
compiled_resolver_root("agenda_candidates")


@strawberry.type
class CollectionQueries:
    @strawberry.field(
        description="议题建议与社情民意（默认最新在前）", extensions=allow(READ_PROPOSALS)
    )
    async def proposals(
        self,
        info: Info,
        filter: ProposalFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ProposalType]:
        filter = filter or ProposalFilter()
        statement = proposals_statement(
            root_id=decode_optional_id(filter.organisation, "Organisation", "filter.organisation"),
            status=filter.status,
            kind=filter.kind,
            search=filter.search,
        )
        return await paginate(
            info, statement, PageArgs(first, after, last, before), ProposalType.from_model
        )

    @strawberry.field(
        description="下次会议的候选议题：每项带理由和来源；已排入未结束会议的不再列出",
        extensions=allow(READ_AGENDA_CANDIDATES),
    )
    async def agenda_candidates(
        self,
        info: Info,
        community: strawberry.ID,
        before: datetime | None = strawberry.UNSET,
    ) -> list[AgendaCandidateType]:
        row = await load_in_scope(
            info, community, Organisation, "community", acting_as=READ_AGENDA_CANDIDATES
        )
        meeting_time = before if isinstance(before, datetime) else utcnow()
        if meeting_time.tzinfo is None:
            raise InvalidArgument("before", "参数 before 须带时区。")
        found = await agenda_candidates(info.context.db, info.context.scope, row.id, meeting_time)
        return [
            AgendaCandidateType(
                source=c.source,
                title=c.title,
                reason=c.reason,
                since=c.since,
                source_key=c.source_id,
            )
            for c in found
        ]


@strawberry.type
class TrackingQueries:
    @strawberry.field(
        description="我的督办事项：我联络的单位或我本人承办的，未核验的在前",
        extensions=allow(MY_ACTIONS),
    )
    async def my_action_items(
        self,
        info: Info,
        include_verified: bool = False,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ActionItemType]:
        from backend.accounts.models import User

        principal = info.context.principal
        user = (
            await info.context.db.session.get(User, principal.user_id)
            if principal.user_id
            else None
        )
        units = sorted(g.unit_id for g in principal.grants if g.unit_id is not None)
        statement = my_action_items_statement(
            unit_ids=units,
            person_id=user.person_id if user else None,
            include_verified=include_verified,
        )
        return await paginate(
            info, statement, PageArgs(first, after, last, before), ActionItemType.from_model
        )

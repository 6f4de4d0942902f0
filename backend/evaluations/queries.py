from __future__ import annotations

import enum

import strawberry
from strawberry.types import Info

from backend.core.ids import decode_optional_id
from backend.core.pagination import Connection, OrderDirection, PageArgs, paginate
from backend.core.permissions import allow
from backend.evaluations.models import EvaluationSubject
from backend.evaluations.permissions import READ_EVALUATIONS
from backend.evaluations.services import evaluations_statement
from backend.evaluations.types import EvaluationType


@strawberry.input(description="考核评议筛选条件")
class EvaluationFilter:
    organisation: strawberry.ID | None = strawberry.field(
        default=None, description="只看此组织（含下级）范围内的考核"
    )
    subject: EvaluationSubject | None = None
    period_label: str | None = strawberry.field(
        default=None, description="考核期（完全匹配），如 2024年第一季度"
    )
    unit: strawberry.ID | None = strawberry.field(default=None, description="只看此单位的考核")
    membership: strawberry.ID | None = strawberry.field(
        default=None, description="只看此兼职委员的考核"
    )


@strawberry.enum
class EvaluationOrderField(enum.Enum):
    PERIOD_START = "period_start"
    TOTAL_SCORE = "total_score"


@strawberry.input(description="考核评议排序")
class EvaluationOrder:
    field: EvaluationOrderField = EvaluationOrderField.PERIOD_START
    direction: OrderDirection = OrderDirection.DESC


@strawberry.type
class EvaluationQueries:
    @strawberry.field(
        description="考核评议列表（默认按考核期倒序）", extensions=allow(READ_EVALUATIONS)
    )
    async def evaluations(
        self,
        info: Info,
        filter: EvaluationFilter | None = None,
        order_by: EvaluationOrder | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[EvaluationType]:
        filter = filter or EvaluationFilter()
        order_by = order_by or EvaluationOrder()
        statement = evaluations_statement(
            root_id=decode_optional_id(filter.organisation, "Organisation", "filter.organisation"),
            subject=filter.subject,
            period_label=filter.period_label,
            unit_id=decode_optional_id(filter.unit, "ResidentUnit", "filter.unit"),
            membership_id=decode_optional_id(
                filter.membership, "CommitteeMembership", "filter.membership"
            ),
            order_column=order_by.field.value,
            direction=order_by.direction,
        )
        return await paginate(
            info,
            statement,
            PageArgs(first, after, last, before),
            EvaluationType.from_model,
        )

"""Reading rules for evaluations of units and part-time members."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlmodel import col

from backend.core.filters import ordering
from backend.core.pagination import OrderDirection
from backend.evaluations.models import Evaluation, EvaluationSubject
from backend.organisations.services import in_subtree


def evaluations_statement(
    *,
    root_id: int | None = None,
    subject: EvaluationSubject | None = None,
    period_label: str | None = None,
    unit_id: int | None = None,
    membership_id: int | None = None,
    order_column: str = "period_start",
    direction: OrderDirection = OrderDirection.DESC,
) -> Select[Any]:
    statement = select(Evaluation)
    if root_id is not None:
        statement = statement.where(in_subtree(Evaluation.community_id, root_id))
    if subject is not None:
        statement = statement.where(col(Evaluation.subject) == subject)
    if period_label is not None:
        statement = statement.where(col(Evaluation.period_label) == period_label)
    if unit_id is not None:
        statement = statement.where(col(Evaluation.unit_id) == unit_id)
    if membership_id is not None:
        statement = statement.where(col(Evaluation.membership_id) == membership_id)
    column = getattr(Evaluation, order_column)
    return statement.order_by(*ordering(column, direction, Evaluation.id))

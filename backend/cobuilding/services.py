"""Reading rules for the three lists (needs, resources, projects) and micro-wishes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, not_, select
from sqlmodel import col

from backend.cobuilding.models import (
    DispatchStatus,
    MicroWish,
    MicroWishStatus,
    Need,
    NeedDispatch,
    NeedStatus,
    Project,
    ProjectMilestone,
    ProjectStatus,
    Resource,
    ResourceKind,
    ResourceStatus,
    Urgency,
)
from backend.core.filters import ordering, text_search
from backend.core.pagination import OrderDirection
from backend.organisations.services import in_subtree

# A project can only run late while it is still being carried out.
ACTIVE_PROJECT_STATUSES = (ProjectStatus.PLANNED, ProjectStatus.IN_PROGRESS)
LATE_LABEL = "已延期"


def cents_to_yuan(cents: int) -> float:
    return cents / 100


def is_milestone_overdue(due_on: date, done_on: date | None, today: date) -> bool:
    return done_on is None and due_on < today


def is_project_late(
    status: ProjectStatus, milestones: Iterable[ProjectMilestone], today: date
) -> bool:
    return status in ACTIVE_PROJECT_STATUSES and any(
        is_milestone_overdue(milestone.due_on, milestone.done_on, today) for milestone in milestones
    )


def project_status_label(status: ProjectStatus, late: bool) -> str:
    return LATE_LABEL if late else status.label


def _project_late(today: date) -> ColumnElement[bool]:
    """The SQL twin of `is_project_late`."""
    overdue_milestone = exists().where(
        col(ProjectMilestone.project_id) == Project.id,
        col(ProjectMilestone.done_on).is_(None),
        col(ProjectMilestone.due_on) < today,
    )
    return and_(col(Project.status).in_(ACTIVE_PROJECT_STATUSES), overdue_milestone)


def _with_search(statement: Select[Any], columns: list[Any], search: str | None) -> Select[Any]:
    condition = text_search(columns, search)
    return statement if condition is None else statement.where(condition)


def needs_statement(
    *,
    root_id: int | None = None,
    status: NeedStatus | None = None,
    category: str | None = None,
    urgency: Urgency | None = None,
    grid_id: int | None = None,
    search: str | None = None,
    order_column: str = "raised_at",
    direction: OrderDirection = OrderDirection.DESC,
) -> Select[Any]:
    statement = select(Need).where(col(Need.archived_at).is_(None))
    if root_id is not None:
        statement = statement.where(in_subtree(Need.community_id, root_id))
    if status is not None:
        statement = statement.where(col(Need.status) == status)
    if category is not None:
        statement = statement.where(col(Need.category) == category)
    if urgency is not None:
        statement = statement.where(col(Need.urgency) == urgency)
    if grid_id is not None:
        statement = statement.where(col(Need.grid_id) == grid_id)
    statement = _with_search(statement, [Need.title, Need.description], search)
    column = getattr(Need, order_column)
    return statement.order_by(*ordering(column, direction, Need.id))


def resources_statement(
    *,
    root_id: int | None = None,
    kind: ResourceKind | None = None,
    status: ResourceStatus | None = None,
    unit_id: int | None = None,
    search: str | None = None,
    order_column: str = "title",
    direction: OrderDirection = OrderDirection.ASC,
) -> Select[Any]:
    statement = select(Resource).where(col(Resource.archived_at).is_(None))
    if root_id is not None:
        statement = statement.where(in_subtree(Resource.community_id, root_id))
    if kind is not None:
        statement = statement.where(col(Resource.kind) == kind)
    if status is not None:
        statement = statement.where(col(Resource.status) == status)
    if unit_id is not None:
        statement = statement.where(col(Resource.unit_id) == unit_id)
    statement = _with_search(
        statement, [Resource.title, Resource.description, Resource.category], search
    )
    column = getattr(Resource, order_column)
    return statement.order_by(*ordering(column, direction, Resource.id))


def projects_statement(
    *,
    root_id: int | None = None,
    status: ProjectStatus | None = None,
    search: str | None = None,
    late: bool | None = None,
    today: date | None = None,
    order_column: str = "starts_on",
    direction: OrderDirection = OrderDirection.DESC,
) -> Select[Any]:
    statement = select(Project).where(col(Project.archived_at).is_(None))
    if root_id is not None:
        statement = statement.where(in_subtree(Project.community_id, root_id))
    if status is not None:
        statement = statement.where(col(Project.status) == status)
    if late is not None:
        condition = _project_late(today or date.today())
        statement = statement.where(condition if late else not_(condition))
    statement = _with_search(statement, [Project.title, Project.description], search)
    column = getattr(Project, order_column)
    return statement.order_by(*ordering(column, direction, Project.id))


def micro_wishes_statement(
    *,
    root_id: int | None = None,
    status: MicroWishStatus | None = None,
    search: str | None = None,
    order_column: str = "published_at",
    direction: OrderDirection = OrderDirection.DESC,
) -> Select[Any]:
    statement = select(MicroWish).where(col(MicroWish.archived_at).is_(None))
    if root_id is not None:
        statement = statement.where(in_subtree(MicroWish.community_id, root_id))
    if status is not None:
        statement = statement.where(col(MicroWish.status) == status)
    statement = _with_search(statement, [MicroWish.title, MicroWish.description], search)
    column = getattr(MicroWish, order_column)
    return statement.order_by(*ordering(column, direction, MicroWish.id))


def dispatches_statement(
    *, unit_id: int | None = None, status: DispatchStatus | None = None
) -> Select[Any]:
    statement = select(NeedDispatch)
    if unit_id is not None:
        statement = statement.where(col(NeedDispatch.unit_id) == unit_id)
    if status is not None:
        statement = statement.where(col(NeedDispatch.status) == status)
    return statement.order_by(col(NeedDispatch.created_at).desc(), col(NeedDispatch.id).desc())

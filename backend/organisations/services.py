"""Rules of the organisation tree and the subtree filter every area uses."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlmodel import col

from backend.core.filters import ordering, text_search
from backend.core.pagination import OrderDirection
from backend.organisations.models import Grid, Organisation, OrganisationKind


def subtree_ids(root_id: int) -> Select[Any]:
    """Ids of an organisation and all its descendants (one indexed prefix match on `path`)."""
    root_path = (
        select(col(Organisation.path)).where(col(Organisation.id) == root_id).scalar_subquery()
    )
    return select(col(Organisation.id)).where(col(Organisation.path).startswith(root_path))


def in_subtree(column: Any, root_id: int) -> ColumnElement[bool]:
    result: ColumnElement[bool] = column.in_(subtree_ids(root_id))
    return result


def child_path(parent: Organisation | None, organisation_id: int) -> str:
    prefix = parent.path if parent is not None else "/"
    return f"{prefix}{organisation_id}/"


def organisations_statement(
    *,
    root_id: int | None = None,
    parent_id: int | None = None,
    kind: OrganisationKind | None = None,
    search: str | None = None,
    include_archived: bool = False,
    order_column: str = "name",
    direction: OrderDirection = OrderDirection.ASC,
) -> Select[Any]:
    statement = select(Organisation)
    if root_id is not None:
        statement = statement.where(in_subtree(Organisation.id, root_id))
    if parent_id is not None:
        statement = statement.where(col(Organisation.parent_id) == parent_id)
    if kind is not None:
        statement = statement.where(col(Organisation.kind) == kind)
    condition = text_search([col(Organisation.name)], search)
    if condition is not None:
        statement = statement.where(condition)
    if not include_archived:
        statement = statement.where(col(Organisation.archived_at).is_(None))
    column = getattr(Organisation, order_column)
    return statement.order_by(*ordering(column, direction, col(Organisation.id)))


def grids_statement(
    *,
    root_id: int | None = None,
    search: str | None = None,
    direction: OrderDirection = OrderDirection.ASC,
) -> Select[Any]:
    statement = select(Grid).where(col(Grid.archived_at).is_(None))
    if root_id is not None:
        statement = statement.where(in_subtree(col(Grid.community_id), root_id))
    condition = text_search([col(Grid.name)], search)
    if condition is not None:
        statement = statement.where(condition)
    return statement.order_by(*ordering(Grid.name, direction, Grid.id))

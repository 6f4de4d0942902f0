"""Reading rules for resident units; write rules arrive with the mutations."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlmodel import col

from backend.core.filters import ordering, text_search
from backend.core.pagination import OrderDirection
from backend.organisations.services import in_subtree
from backend.units.models import ResidentUnit, ResidentUnitKind


def resident_units_statement(
    *,
    root_id: int | None = None,
    kind: ResidentUnitKind | None = None,
    search: str | None = None,
    include_archived: bool = False,
    order_column: str = "name",
    direction: OrderDirection = OrderDirection.ASC,
) -> Select[Any]:
    statement = select(ResidentUnit)
    if root_id is not None:
        statement = statement.where(in_subtree(ResidentUnit.community_id, root_id))
    if kind is not None:
        statement = statement.where(col(ResidentUnit.kind) == kind)
    condition = text_search(
        [
            col(ResidentUnit.name),
            col(ResidentUnit.address),
            col(ResidentUnit.party_organisation_name),
        ],
        search,
    )
    if condition is not None:
        statement = statement.where(condition)
    if not include_archived:
        statement = statement.where(col(ResidentUnit.archived_at).is_(None))
    column = getattr(ResidentUnit, order_column)
    return statement.order_by(*ordering(column, direction, col(ResidentUnit.id)))

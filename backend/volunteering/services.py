"""Reading rules for volunteer teams, activities, service records and the points ledger."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, case, func, or_, select
from sqlmodel import col

from backend.cobuilding.models import MicroWish, Need, Project
from backend.core.filters import ordering, text_search
from backend.core.pagination import OrderDirection
from backend.organisations.services import in_subtree
from backend.volunteering.errors import VolunteeringErrorCode, refuse
from backend.volunteering.models import (
    ActivityStatus,
    PointsEntry,
    ServiceRecord,
    VolunteerActivity,
    VolunteerTeam,
)

SKILL_SEPARATOR = "、"
# Joined with the separator, the most skills fit the 300-character columns.
SKILL_MAX, SKILLS_MAX = 20, 12


def joined_skills(skills: Sequence[str], field: str) -> str:
    """The skills as stored (one text, separated), each refused when too long, never cut."""
    cleaned = [skill.strip() for skill in skills if skill.strip()]
    if len(cleaned) > SKILLS_MAX:
        raise refuse(VolunteeringErrorCode.INVALID, field, f"最多 {SKILLS_MAX} 项技能。")
    for skill in cleaned:
        if SKILL_SEPARATOR in skill:
            raise refuse(
                VolunteeringErrorCode.INVALID,
                field,
                f"“{skill[:10]}”：每项技能单独填写，不要用“{SKILL_SEPARATOR}”连在一起。",
            )
        if len(skill) > SKILL_MAX:
            raise refuse(
                VolunteeringErrorCode.TOO_LONG,
                field,
                f"“{skill[:10]}…”：每项技能最多 {SKILL_MAX} 个字。",
            )
    return SKILL_SEPARATOR.join(cleaned)


def split_skills(skills: str) -> list[str]:
    return [skill.strip() for skill in skills.split(SKILL_SEPARATOR) if skill.strip()]


def minutes_to_hours(minutes: int) -> float:
    return round(minutes / 60, 2)


def volunteer_teams_statement(
    *,
    root_id: int | None = None,
    search: str | None = None,
    include_archived: bool = False,
    order_column: str = "name",
    direction: OrderDirection = OrderDirection.ASC,
) -> Select[Any]:
    statement = select(VolunteerTeam)
    if root_id is not None:
        statement = statement.where(in_subtree(VolunteerTeam.community_id, root_id))
    condition = text_search([VolunteerTeam.name, VolunteerTeam.skills], search)
    if condition is not None:
        statement = statement.where(condition)
    if not include_archived:
        statement = statement.where(col(VolunteerTeam.archived_at).is_(None))
    column = getattr(VolunteerTeam, order_column)
    return statement.order_by(*ordering(column, direction, VolunteerTeam.id))


def _ids_in_subtree(model: Any, root_id: int) -> Select[Any]:
    return select(model.id).where(in_subtree(model.community_id, root_id))


def _service_in_subtree(root_id: int) -> ColumnElement[bool]:
    """A record has no community of its own: it belongs where its team or task belongs."""
    return or_(
        col(ServiceRecord.team_id).in_(_ids_in_subtree(VolunteerTeam, root_id)),
        col(ServiceRecord.need_id).in_(_ids_in_subtree(Need, root_id)),
        col(ServiceRecord.micro_wish_id).in_(_ids_in_subtree(MicroWish, root_id)),
        col(ServiceRecord.project_id).in_(_ids_in_subtree(Project, root_id)),
    )


def service_records_statement(
    *,
    root_id: int | None = None,
    team_id: int | None = None,
    person_id: int | None = None,
    order_column: str = "started_at",
    direction: OrderDirection = OrderDirection.DESC,
) -> Select[Any]:
    statement = select(ServiceRecord).where(col(ServiceRecord.archived_at).is_(None))
    if root_id is not None:
        statement = statement.where(_service_in_subtree(root_id))
    if team_id is not None:
        statement = statement.where(col(ServiceRecord.team_id) == team_id)
    if person_id is not None:
        statement = statement.where(col(ServiceRecord.person_id) == person_id)
    column = getattr(ServiceRecord, order_column)
    return statement.order_by(*ordering(column, direction, ServiceRecord.id))


def activities_statement(
    *,
    root_id: int | None = None,
    status: ActivityStatus | None = None,
    project_id: int | None = None,
    search: str | None = None,
) -> Select[Any]:
    statement = select(VolunteerActivity).where(col(VolunteerActivity.archived_at).is_(None))
    if root_id is not None:
        statement = statement.where(in_subtree(VolunteerActivity.community_id, root_id))
    if status is not None:
        statement = statement.where(col(VolunteerActivity.status) == status)
    if project_id is not None:
        statement = statement.where(col(VolunteerActivity.project_id) == project_id)
    condition = text_search([VolunteerActivity.title, VolunteerActivity.place], search)
    if condition is not None:
        statement = statement.where(condition)
    return statement.order_by(
        col(VolunteerActivity.starts_at).desc(), col(VolunteerActivity.id).desc()
    )


def ledger_statement(person_id: int) -> Select[Any]:
    """Newest first."""
    return (
        select(PointsEntry)
        .where(col(PointsEntry.person_id) == person_id)
        .order_by(col(PointsEntry.sequence).desc())
    )


@dataclass(frozen=True)
class LedgerTotals:
    balance: int
    earned: int
    # Redeemed, and reversed after a correction.
    spent: int
    minutes: int


async def ledger_totals(db: Any, scope: Any, person_id: int) -> LedgerTotals:
    """Balance, points earned and spent, and minutes served: one statement, built once per
    scope."""
    from backend.core.scope import scoped_statement

    statement = scoped_statement("ledger totals", scope, _totals)
    gained, lost, minutes = (await db.rows(statement, {"person": person_id}))[0]
    return LedgerTotals(
        balance=int(gained) + int(lost),
        earned=int(gained),
        spent=-int(lost),
        minutes=int(minutes),
    )


def _totals(scope: Any) -> Select[Any]:
    """Points gained and lost, and minutes served, in one statement."""
    from backend.core.scope import visible

    gained = case((col(PointsEntry.points) > 0, col(PointsEntry.points)), else_=0)
    lost = case((col(PointsEntry.points) < 0, col(PointsEntry.points)), else_=0)
    points = select(
        func.coalesce(func.sum(gained), 0).label("gained"),
        func.coalesce(func.sum(lost), 0).label("lost"),
    ).where(col(PointsEntry.person_id) == bindparam("person"), visible(PointsEntry, scope))
    points_table = points.subquery()
    minutes = _minutes_total(scope).scalar_subquery()
    return select(points_table.c.gained, points_table.c.lost, minutes.label("minutes"))


def _minutes_total(scope: Any) -> Select[Any]:
    from backend.core.scope import visible

    return select(func.coalesce(func.sum(ServiceRecord.minutes), 0)).where(
        col(ServiceRecord.person_id) == bindparam("person"),
        col(ServiceRecord.archived_at).is_(None),
        visible(ServiceRecord, scope),
    )

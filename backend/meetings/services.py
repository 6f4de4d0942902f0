"""Reading rules for joint meetings and the action items they assign."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, not_, or_, select
from sqlmodel import col

from backend.core.filters import ordering, text_search
from backend.core.pagination import OrderDirection
from backend.meetings.models import (
    ActionItem,
    ActionItemStatus,
    AgendaItem,
    AttendanceStatus,
    Decision,
    JointMeeting,
    MeetingKind,
    MeetingStatus,
    Proposal,
    ProposalKind,
    ProposalStatus,
)
from backend.organisations.services import in_subtree

# Someone sent in one's place (委托) counts towards attendance, as for a quorum.
ATTENDED_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.PROXY)
# Done and verified items are closed; everything else is still being followed up.
OPEN_ACTION_STATUSES = (
    ActionItemStatus.OPEN,
    ActionItemStatus.IN_PROGRESS,
    ActionItemStatus.BLOCKED,
)


def present_count(statuses: Iterable[AttendanceStatus]) -> int:
    return sum(1 for status in statuses if status in ATTENDED_STATUSES)


def is_action_overdue(status: ActionItemStatus, due_on: date, today: date) -> bool:
    return status in OPEN_ACTION_STATUSES and due_on < today


def _action_overdue(today: date) -> ColumnElement[bool]:
    """The SQL twin of `is_action_overdue`."""
    return and_(col(ActionItem.status).in_(OPEN_ACTION_STATUSES), col(ActionItem.due_on) < today)


def joint_meetings_statement(
    *,
    root_id: int | None = None,
    kind: MeetingKind | None = None,
    status: MeetingStatus | None = None,
    search: str | None = None,
    order_column: str = "starts_at",
    direction: OrderDirection = OrderDirection.DESC,
) -> Select[Any]:
    statement = select(JointMeeting).where(col(JointMeeting.archived_at).is_(None))
    if root_id is not None:
        statement = statement.where(in_subtree(JointMeeting.organisation_id, root_id))
    if kind is not None:
        statement = statement.where(col(JointMeeting.kind) == kind)
    if status is not None:
        statement = statement.where(col(JointMeeting.status) == status)
    condition = text_search([JointMeeting.title, JointMeeting.venue], search)
    if condition is not None:
        statement = statement.where(condition)
    column = getattr(JointMeeting, order_column)
    return statement.order_by(*ordering(column, direction, JointMeeting.id))


def _decisions_in_subtree(root_id: int) -> Select[Any]:
    """An action item belongs where the meeting that decided it was convened."""
    return (
        select(col(Decision.id))
        .join(AgendaItem, col(AgendaItem.id) == Decision.agenda_item_id)
        .join(JointMeeting, col(JointMeeting.id) == AgendaItem.meeting_id)
        .where(in_subtree(JointMeeting.organisation_id, root_id))
    )


def action_items_statement(
    *,
    root_id: int | None = None,
    status: ActionItemStatus | None = None,
    owner_unit_id: int | None = None,
    owner_person_id: int | None = None,
    overdue: bool | None = None,
    search: str | None = None,
    today: date | None = None,
    order_column: str = "due_on",
    direction: OrderDirection = OrderDirection.ASC,
) -> Select[Any]:
    statement = select(ActionItem).where(col(ActionItem.archived_at).is_(None))
    if root_id is not None:
        statement = statement.where(col(ActionItem.decision_id).in_(_decisions_in_subtree(root_id)))
    if status is not None:
        statement = statement.where(col(ActionItem.status) == status)
    if owner_unit_id is not None:
        statement = statement.where(col(ActionItem.owner_unit_id) == owner_unit_id)
    if owner_person_id is not None:
        statement = statement.where(col(ActionItem.owner_person_id) == owner_person_id)
    if overdue is not None:
        condition = _action_overdue(today or date.today())
        statement = statement.where(condition if overdue else not_(condition))
    match = text_search([ActionItem.title], search)
    if match is not None:
        statement = statement.where(match)
    column = getattr(ActionItem, order_column)
    return statement.order_by(*ordering(column, direction, ActionItem.id))


def proposals_statement(
    *,
    root_id: int | None = None,
    status: ProposalStatus | None = None,
    kind: ProposalKind | None = None,
    search: str | None = None,
) -> Select[Any]:
    statement = select(Proposal).where(col(Proposal.archived_at).is_(None))
    if root_id is not None:
        statement = statement.where(in_subtree(col(Proposal.community_id), root_id))
    if status is not None:
        statement = statement.where(col(Proposal.status) == status)
    if kind is not None:
        statement = statement.where(col(Proposal.kind) == kind)
    condition = text_search([col(Proposal.title), col(Proposal.description)], search)
    if condition is not None:
        statement = statement.where(condition)
    return statement.order_by(col(Proposal.created_at).desc(), col(Proposal.id).desc())


def my_action_items_statement(
    *, unit_ids: list[int], person_id: int | None, include_verified: bool
) -> Select[Any]:
    mine: list[ColumnElement[bool]] = []
    if unit_ids:
        mine.append(col(ActionItem.owner_unit_id).in_(unit_ids))
    if person_id is not None:
        mine.append(col(ActionItem.owner_person_id) == person_id)
    statement = select(ActionItem).where(or_(*mine) if mine else false())
    if not include_verified:
        statement = statement.where(col(ActionItem.status) != ActionItemStatus.VERIFIED)
    return statement.order_by(col(ActionItem.due_on), col(ActionItem.id))

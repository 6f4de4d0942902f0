"""What the next joint meeting of a community should discuss, computed from the record.

Seven sources, one statement each (plus one for what is already on an open agenda), so the
cost does not grow with the data: accepted proposals, needs left unmatched, late or undecided
projects, overdue action items, deferred items, newly registered units and agreements about to
expire. A source already on the agenda of a meeting that has not closed is left out; once that
meeting closes, whatever is still open comes back by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, exists, func, select
from sqlalchemy.orm import aliased
from sqlmodel import col

from backend.cobuilding.models import Need, NeedStatus, Project, ProjectMilestone, ProjectStatus
from backend.core.scope import Scope, scoped_statement, visible
from backend.meetings.models import (
    ActionItem,
    AgendaItem,
    AgendaSource,
    Decision,
    DecisionOutcome,
    JointMeeting,
    MeetingStatus,
    Proposal,
    ProposalStatus,
)
from backend.meetings.services import OPEN_ACTION_STATUSES
from backend.units.models import (
    AgreementStatus,
    CoBuildingAgreement,
    Registration,
    RegistrationKind,
    RegistrationStatus,
    ResidentUnit,
)

UNMATCHED_NEED_DAYS = 30
AGREEMENT_EXPIRY_DAYS = 60
OPEN_MEETING = (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED, MeetingStatus.IN_SESSION)
CLOSED_MEETING = (MeetingStatus.CLOSED, MeetingStatus.MINUTES_PUBLISHED)


@dataclass(frozen=True)
class Candidate:
    source: AgendaSource
    source_id: int
    title: str
    reason: str
    # When it became due for discussion; candidates are listed oldest first within a source.
    since: date


# The order in which a convener reads them: promises not kept first.
SOURCE_ORDER = [
    AgendaSource.ACTION_ITEM,
    AgendaSource.DEFERRED_ITEM,
    AgendaSource.PROJECT,
    AgendaSource.NEED,
    AgendaSource.PROPOSAL,
    AgendaSource.AGREEMENT,
    AgendaSource.REGISTRATION,
]


async def agenda_candidates(
    db: Any,
    scope: Scope,
    community_id: int,
    before: datetime,
    *,
    unmatched_need_days: int = UNMATCHED_NEED_DAYS,
) -> list[Candidate]:
    """Each source is read only where the caller may read its table (an API token needs that
    table's scope, as it would to list it)."""
    meeting_day = before.date()
    values = {
        "community": community_id,
        "before": before,
        "day": meeting_day,
        "need_cutoff": before - timedelta(days=unmatched_need_days),
        "expiry": meeting_day + timedelta(days=AGREEMENT_EXPIRY_DAYS),
    }
    scheduled = {
        (row.source, row.source_id)
        for row in await db.rows(scoped_statement("agenda scheduled", scope, _scheduled), values)
    }

    async def rows(model: Any, build: Callable[[], Any]) -> list[Any]:
        statement = scoped_statement(
            ("agenda candidates", build), scope, lambda s: build().where(visible(model, s))
        )
        return list(await db.rows(statement, values))

    found: list[Candidate] = []
    found += _proposals(await rows(Proposal, _accepted_proposals))
    found += _needs(await rows(Need, _unmatched_needs), meeting_day)
    found += _projects(await rows(Project, _late_or_undecided_projects), meeting_day)
    found += _actions(await rows(ActionItem, _open_actions), meeting_day)
    found += _deferred(await rows(AgendaItem, _deferred_items))
    found += _registrations(await rows(Registration, _new_registrations))
    found += _agreements(await rows(CoBuildingAgreement, _expiring_agreements))
    unique: dict[tuple[AgendaSource, int], Candidate] = {}
    for candidate in found:
        key = (candidate.source, candidate.source_id)
        if key not in scheduled:
            unique.setdefault(key, candidate)
    return sorted(
        unique.values(), key=lambda c: (SOURCE_ORDER.index(c.source), c.since, c.source_id)
    )


# --- statements --------------------------------------------------------------------------------
# Built once per scope (`scoped_statement`), their values bound: the community, the meeting's
# time and day, and the cutoffs computed from them.


def _scheduled(_scope: Scope) -> Any:
    return (
        select(col(AgendaItem.source), col(AgendaItem.source_id))
        .join(JointMeeting, col(JointMeeting.id) == col(AgendaItem.meeting_id))
        .where(
            col(JointMeeting.organisation_id) == bindparam("community"),
            col(JointMeeting.status).in_(OPEN_MEETING),
            col(AgendaItem.source_id).is_not(None),
        )
    )


def _accepted_proposals() -> Any:
    return select(
        col(Proposal.id), col(Proposal.title), col(Proposal.triaged_at), col(Proposal.created_at)
    ).where(
        col(Proposal.community_id) == bindparam("community"),
        col(Proposal.status) == ProposalStatus.ACCEPTED,
        col(Proposal.archived_at).is_(None),
    )


def _unmatched_needs() -> Any:
    return select(col(Need.id), col(Need.title), col(Need.raised_at)).where(
        col(Need.community_id) == bindparam("community"),
        col(Need.status).in_([NeedStatus.SUBMITTED, NeedStatus.ACCEPTED]),
        col(Need.project_id).is_(None),
        col(Need.archived_at).is_(None),
        col(Need.raised_at) <= bindparam("need_cutoff"),
    )


def _late_or_undecided_projects() -> Any:
    late_milestone = (
        select(func.min(ProjectMilestone.due_on))
        .where(
            col(ProjectMilestone.project_id) == col(Project.id),
            col(ProjectMilestone.done_on).is_(None),
            col(ProjectMilestone.due_on) < bindparam("day"),
        )
        .scalar_subquery()
    )
    return select(
        col(Project.id),
        col(Project.title),
        col(Project.status),
        col(Project.starts_on),
        late_milestone.label("late_since"),
    ).where(
        col(Project.community_id) == bindparam("community"),
        col(Project.archived_at).is_(None),
        col(Project.status).in_([ProjectStatus.PLANNED, ProjectStatus.IN_PROGRESS]),
        (late_milestone.is_not(None)) | (Project.status == ProjectStatus.PLANNED),
    )


def _open_actions() -> Any:
    return (
        select(
            col(ActionItem.id),
            col(ActionItem.title),
            col(ActionItem.due_on),
            col(ActionItem.status),
        )
        .join(Decision, col(Decision.id) == col(ActionItem.decision_id))
        .join(AgendaItem, col(AgendaItem.id) == col(Decision.agenda_item_id))
        .join(JointMeeting, col(JointMeeting.id) == col(AgendaItem.meeting_id))
        .where(
            col(JointMeeting.organisation_id) == bindparam("community"),
            col(ActionItem.status).in_(OPEN_ACTION_STATUSES),
            col(ActionItem.archived_at).is_(None),
            col(ActionItem.due_on) <= bindparam("day"),
        )
    )


def _deferred_items() -> Any:
    later_item = aliased(AgendaItem)
    later = select(col(later_item.id)).where(
        col(later_item.source) == AgendaSource.DEFERRED_ITEM,
        col(later_item.source_id) == col(Decision.agenda_item_id),
    )
    return (
        select(col(AgendaItem.id), col(AgendaItem.title), col(JointMeeting.starts_at))
        .join(Decision, col(Decision.agenda_item_id) == col(AgendaItem.id))
        .join(JointMeeting, col(JointMeeting.id) == col(AgendaItem.meeting_id))
        .where(
            col(JointMeeting.organisation_id) == bindparam("community"),
            col(JointMeeting.status).in_(CLOSED_MEETING),
            col(Decision.outcome) == DecisionOutcome.DEFERRED,
            # once taken up again at a later meeting, the deferral is dealt with there
            ~exists(later),
        )
    )


def _new_registrations() -> Any:
    last_meeting = (
        select(func.max(JointMeeting.starts_at))
        .where(
            col(JointMeeting.organisation_id) == bindparam("community"),
            col(JointMeeting.status).in_(CLOSED_MEETING),
            col(JointMeeting.starts_at) < bindparam("before"),
        )
        .scalar_subquery()
    )
    return (
        select(col(Registration.unit_id), col(ResidentUnit.name), col(Registration.registered_on))
        .join(ResidentUnit, col(ResidentUnit.id) == col(Registration.unit_id))
        .where(
            col(Registration.community_id) == bindparam("community"),
            col(Registration.kind) == RegistrationKind.UNIT,
            col(Registration.status) == RegistrationStatus.CONFIRMED,
            col(Registration.archived_at).is_(None),
            (last_meeting.is_(None)) | (Registration.registered_on >= func.date(last_meeting)),
        )
    )


def _expiring_agreements() -> Any:
    return select(
        col(CoBuildingAgreement.id),
        col(CoBuildingAgreement.title),
        col(CoBuildingAgreement.ends_on),
    ).where(
        col(CoBuildingAgreement.community_id) == bindparam("community"),
        col(CoBuildingAgreement.status) == AgreementStatus.ACTIVE,
        col(CoBuildingAgreement.archived_at).is_(None),
        col(CoBuildingAgreement.ends_on) <= bindparam("expiry"),
    )


# --- reasons -------------------------------------------------------------------------------------


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _proposals(rows: list[Any]) -> list[Candidate]:
    return [
        Candidate(
            AgendaSource.PROPOSAL,
            r.id,
            r.title,
            "议题建议已采纳，尚未排入议程。",
            _day(r.triaged_at or r.created_at),
        )
        for r in rows
    ]


def _needs(rows: list[Any], day: date) -> list[Candidate]:
    return [
        Candidate(
            AgendaSource.NEED,
            r.id,
            r.title,
            f"群众需求提出 {(day - _day(r.raised_at)).days} 天仍未匹配资源或项目。",
            _day(r.raised_at),
        )
        for r in rows
    ]


def _projects(rows: list[Any], day: date) -> list[Candidate]:
    found = []
    for r in rows:
        if r.late_since is not None:
            reason = f"项目里程碑已逾期 {(day - r.late_since).days} 天。"
            since = r.late_since
        else:
            reason = "项目尚在计划阶段，待联席会议决策。"
            since = r.starts_on
        found.append(Candidate(AgendaSource.PROJECT, r.id, r.title, reason, since))
    return found


def _actions(rows: list[Any], day: date) -> list[Candidate]:
    found = []
    for r in rows:
        late = (day - r.due_on).days
        reason = (
            f"督办事项已逾期 {late} 天（{r.status.label}）。"
            if late > 0
            else f"督办事项将于 {r.due_on:%Y-%m-%d} 到期（{r.status.label}），会前需报告进展。"
        )
        found.append(Candidate(AgendaSource.ACTION_ITEM, r.id, r.title, reason, r.due_on))
    return found


def _deferred(rows: list[Any]) -> list[Candidate]:
    return [
        Candidate(
            AgendaSource.DEFERRED_ITEM,
            r.id,
            r.title,
            f"{_day(r.starts_at):%Y-%m-%d} 会议决定暂缓，需再次研究。",
            _day(r.starts_at),
        )
        for r in rows
    ]


def _registrations(rows: list[Any]) -> list[Candidate]:
    return [
        Candidate(
            AgendaSource.REGISTRATION,
            r.unit_id,
            f"欢迎新报到单位：{r.name}",
            f"{r.registered_on:%Y-%m-%d} 到社区报到，上次会议后新加入。",
            r.registered_on,
        )
        for r in rows
    ]


def _agreements(rows: list[Any]) -> list[Candidate]:
    return [
        Candidate(
            AgendaSource.AGREEMENT,
            r.id,
            r.title,
            f"共建协议将于 {r.ends_on:%Y-%m-%d} 到期，需商议续签。",
            r.ends_on,
        )
        for r in rows
    ]

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlmodel import col

from backend.core.actor import Actor
from backend.core.permissions import ALL_ROLES, Rule, holds_grant_over
from backend.core.principal import Role
from backend.core.scope import Scope, visibility, visible
from backend.meetings.models import (
    ActionItem,
    ActionProgress,
    AgendaItem,
    AgendaVersion,
    Decision,
    JointMeeting,
    MeetingAttendance,
    Proposal,
)

READ_MEETINGS = Rule("jointMeetings", ALL_ROLES, token_scope="read:meetings")
READ_ACTION_ITEMS = Rule("actionItems", ALL_ROLES, token_scope="read:meetings")


def _visible_meetings(scope: Scope) -> Select[Any]:
    return select(col(JointMeeting.id)).where(visible(JointMeeting, scope))


@visibility(JointMeeting, read=READ_MEETINGS)
def _meetings(scope: Scope) -> ColumnElement[bool]:
    # A unit liaison sees the meetings its unit was invited to.
    invited = select(col(MeetingAttendance.meeting_id)).where(
        scope.in_units(col(MeetingAttendance.unit_id))
    )
    return or_(
        scope.in_subtrees(col(JointMeeting.organisation_id)), col(JointMeeting.id).in_(invited)
    )


@visibility(MeetingAttendance, read=READ_MEETINGS)
def _attendance(scope: Scope) -> ColumnElement[bool]:
    return col(MeetingAttendance.meeting_id).in_(_visible_meetings(scope))


@visibility(AgendaItem, read=READ_MEETINGS)
def _agenda(scope: Scope) -> ColumnElement[bool]:
    return col(AgendaItem.meeting_id).in_(_visible_meetings(scope))


def _visible_decisions(scope: Scope) -> Select[Any]:
    items = select(col(AgendaItem.id)).where(
        col(AgendaItem.meeting_id).in_(_visible_meetings(scope))
    )
    return select(col(Decision.id)).where(col(Decision.agenda_item_id).in_(items))


@visibility(Decision, read=READ_MEETINGS)
def _decisions(scope: Scope) -> ColumnElement[bool]:
    return col(Decision.id).in_(_visible_decisions(scope))


@visibility(ActionItem, read=READ_ACTION_ITEMS)
def _actions(scope: Scope) -> ColumnElement[bool]:
    return or_(
        col(ActionItem.decision_id).in_(_visible_decisions(scope)),
        scope.in_units(col(ActionItem.owner_unit_id)),
    )


# --- collecting issues and setting topics ------------------------------------------------

CONVENERS = frozenset({Role.STREET_ADMIN, Role.CONVENER})

READ_PROPOSALS = Rule("proposals", ALL_ROLES, token_scope="read:meetings")
SUBMIT_PROPOSAL = Rule("proposalSubmit", ALL_ROLES)
TRIAGE_PROPOSAL = Rule("proposalTriage", CONVENERS)
READ_AGENDA_CANDIDATES = Rule("agendaCandidates", CONVENERS, token_scope="read:meetings")


@visibility(Proposal, read=READ_PROPOSALS)
def _proposals(scope: Scope) -> ColumnElement[bool]:
    # A unit liaison sees what its own unit submitted.
    return or_(scope.in_subtrees(Proposal.community_id), scope.in_units(Proposal.unit_id))


PREPARE_MEETING = Rule("prepareMeeting", CONVENERS)


@visibility(AgendaVersion, read=READ_MEETINGS)
def _agenda_versions(scope: Scope) -> ColumnElement[bool]:
    return col(AgendaVersion.meeting_id).in_(_visible_meetings(scope))


RUN_MEETING = Rule("runMeeting", CONVENERS)


def manages_meeting(actor: Actor, organisation_path: str) -> bool:
    """Conveners and the street's administrators manage the meetings of the organisations in
    their subtrees: prepare and run them and verify their action items. The services reach the
    same verdict by loading the meeting in the scope of these roles; the SPA reads it as the
    meeting's `viewerCanManage`."""
    return holds_grant_over(actor.principal, CONVENERS, organisation_path)


def triages_proposals(actor: Actor, community_path: str) -> bool:
    """Conveners and the street's administrators triage the proposals of the communities in
    their subtrees (the service loads the proposal in the scope of these roles)."""
    return holds_grant_over(actor.principal, TRIAGE_PROPOSAL.roles, community_path)


def owns_action(actor: Actor, *, owner_unit_id: int | None, owner_person_id: int | None) -> bool:
    """The owner unit's liaison or the owner person reports an action item's progress."""
    liaison_units = {g.unit_id for g in actor.principal.grants if g.role is Role.UNIT_LIAISON}
    return (owner_unit_id is not None and owner_unit_id in liaison_units) or (
        actor.person_id is not None and owner_person_id == actor.person_id
    )


SIGN_IN_TO_MEETING = Rule("attendanceSignIn", ALL_ROLES, any_user=True)

TRACK_ACTIONS = Rule("actionItemProgress", ALL_ROLES)
MY_ACTIONS = Rule("myActionItems", ALL_ROLES)


def _visible_actions(scope: Scope) -> Select[Any]:
    return select(col(ActionItem.id)).where(visible(ActionItem, scope))


@visibility(ActionProgress, read=READ_ACTION_ITEMS)
def _progress(scope: Scope) -> ColumnElement[bool]:
    return col(ActionProgress.action_item_id).in_(_visible_actions(scope))

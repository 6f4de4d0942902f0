from __future__ import annotations

from backend.core.dataloaders import ByIdLoader, ListByKeyLoader
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


class JointMeetingByIdLoader(ByIdLoader[JointMeeting]):
    model = JointMeeting


class AttendancesByMeetingLoader(ListByKeyLoader[MeetingAttendance]):
    model = MeetingAttendance
    key = "meeting_id"
    order_by = ("id",)


class AgendaItemByIdLoader(ByIdLoader[AgendaItem]):
    model = AgendaItem


class AgendaItemsByMeetingLoader(ListByKeyLoader[AgendaItem]):
    model = AgendaItem
    key = "meeting_id"
    order_by = ("position",)


class DecisionByIdLoader(ByIdLoader[Decision]):
    model = Decision


class DecisionsByAgendaItemLoader(ListByKeyLoader[Decision]):
    """At most one decision per item (unique key); a list keeps to the generic loader."""

    model = Decision
    key = "agenda_item_id"


class ActionItemByIdLoader(ByIdLoader[ActionItem]):
    model = ActionItem


class ActionItemsByDecisionLoader(ListByKeyLoader[ActionItem]):
    model = ActionItem
    key = "decision_id"
    order_by = ("due_on", "id")


class ProposalByIdLoader(ByIdLoader[Proposal]):
    model = Proposal


class AgendaVersionsByMeetingLoader(ListByKeyLoader[AgendaVersion]):
    model = AgendaVersion
    key = "meeting_id"
    order_by = ("number",)


class ProgressByActionItemLoader(ListByKeyLoader[ActionProgress]):
    model = ActionProgress
    key = "action_item_id"
    order_by = ("id",)

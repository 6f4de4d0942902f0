from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from backend.core.dataloaders import ByIdLoader, ListByKeyLoader
from backend.core.scope import visible
from backend.meetings.models import (
    ActionItem,
    ActionProgress,
    AgendaItem,
    AgendaVersion,
    Decision,
    Evidence,
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


class EvidenceByProgressLoader(ListByKeyLoader[Evidence]):
    """Evidence without its content (loaded only by the download endpoint)."""

    model = Evidence
    key = "progress_id"
    order_by = ("id",)

    def _statement(self, keys: Sequence[int]) -> Any:
        return (
            select(
                Evidence.id,
                Evidence.progress_id,
                Evidence.filename,
                Evidence.content_type,
                Evidence.size,
            )
            .where(Evidence.progress_id.in_(keys), visible(Evidence, self.scope))
            .order_by(Evidence.id)
        )

    async def _load(self, keys: Sequence[int]) -> list[list[Any]]:
        grouped: dict[int, list[Any]] = {}
        for row in await self.db.rows(self._statement(keys)):
            grouped.setdefault(row.progress_id, []).append(row)
        return [grouped.get(key, []) for key in keys]

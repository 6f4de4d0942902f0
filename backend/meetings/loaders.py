from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from backend.core.dataloaders import ByIdLoader, ListByKeyLoader
from backend.core.scope import visible
from backend.meetings.models import (
    ActionItem,
    ActionProgress,
    AgendaItem,
    AgendaVersion,
    Attachment,
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


class _AttachmentsLoader(ListByKeyLoader[Attachment]):
    """Attachments without their content (only the download endpoint reads that)."""

    model = Attachment

    def _statement(self, keys: Sequence[int]) -> Any:
        column = getattr(Attachment, self.key)
        return (
            select(
                col(Attachment.id),
                column.label("owner"),
                col(Attachment.filename),
                col(Attachment.content_type),
                col(Attachment.size),
            )
            .where(column.in_(keys), visible(Attachment, self.scope))
            .order_by(col(Attachment.id))
        )

    async def _load(self, keys: Sequence[int]) -> list[list[Any]]:
        grouped: dict[int, list[Any]] = {}
        for row in await self.db.rows(self._statement(keys)):
            grouped.setdefault(row.owner, []).append(row)
        return [grouped.get(key, []) for key in keys]


class AttachmentsByProgressLoader(_AttachmentsLoader):
    key = "progress_id"


class AttachmentsByProposalLoader(_AttachmentsLoader):
    key = "proposal_id"


class AttachmentsByAgendaItemLoader(_AttachmentsLoader):
    key = "agenda_item_id"


class AttachmentsByNeedLoader(_AttachmentsLoader):
    key = "need_id"


class AttachmentsByMicroWishLoader(_AttachmentsLoader):
    key = "micro_wish_id"


class AttachmentsByProjectUpdateLoader(_AttachmentsLoader):
    key = "project_update_id"

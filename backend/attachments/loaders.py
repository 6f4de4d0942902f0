from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlmodel import col

# Registers the read rule of attachments (their visibility through their owners).
import backend.attachments.permissions  # noqa: F401
from backend.attachments.models import Attachment
from backend.core.dataloaders import ListByKeyLoader
from backend.core.scope import visible


class _AttachmentsLoader(ListByKeyLoader[Attachment]):
    """Attachments without their content (only the download endpoint reads that)."""

    model = Attachment
    row_key = "owner"

    def _statement(self, keys: Sequence[int]) -> Any:
        column = col(getattr(Attachment, self.key))
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

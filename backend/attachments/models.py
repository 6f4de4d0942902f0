from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import CheckConstraint
from sqlmodel import Field

from backend.core.models import TimestampMixin


class Attachment(TimestampMixin, table=True):
    """A photo or document kept in the database: evidence on a progress report, a file with a
    proposal, a document for an agenda item, a photo of a need, or the proof that a micro-wish
    came true, or a photo of a project's progress. Exactly one of them owns it."""

    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN progress_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN proposal_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN agenda_item_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN need_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN micro_wish_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN project_update_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_owner",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    progress_id: int | None = Field(
        default=None, foreign_key="action_progress.id", ondelete="CASCADE", index=True
    )
    proposal_id: int | None = Field(
        default=None, foreign_key="proposal.id", ondelete="CASCADE", index=True
    )
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", ondelete="CASCADE", index=True
    )
    need_id: int | None = Field(default=None, foreign_key="need.id", ondelete="CASCADE", index=True)
    micro_wish_id: int | None = Field(
        default=None, foreign_key="micro_wish.id", ondelete="CASCADE", index=True
    )
    project_update_id: int | None = Field(
        default=None, foreign_key="project_update.id", ondelete="CASCADE", index=True
    )
    filename: str = Field(max_length=200)
    content_type: str = Field(max_length=100)
    size: int
    content: bytes = Field(sa_type=sa.LargeBinary)

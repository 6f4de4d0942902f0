"""An attachment is as readable as what it is attached to, for API tokens too: a photo of a
need needs `read:cobuilding`, a document of an agenda item `read:meetings`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlmodel import col

from backend.attachments.models import Attachment
from backend.cobuilding.models import MicroWish, Need, ProjectUpdate
from backend.core.permissions import ALL_ROLES, ANY_TOKEN, Rule
from backend.core.scope import Scope, visibility, visible
from backend.meetings.models import ActionProgress, AgendaItem, Proposal

READ_ATTACHMENTS = Rule("attachments", ALL_ROLES, token_scope=ANY_TOKEN)


@visibility(Attachment, read=READ_ATTACHMENTS)
def _attachments(scope: Scope) -> ColumnElement[bool]:
    def owned_by(column: int | None, owner: Any, owner_id: Any) -> ColumnElement[bool]:
        return col(column).in_(select(col(owner_id)).where(visible(owner, scope)))

    return or_(
        owned_by(Attachment.progress_id, ActionProgress, ActionProgress.id),
        owned_by(Attachment.proposal_id, Proposal, Proposal.id),
        owned_by(Attachment.agenda_item_id, AgendaItem, AgendaItem.id),
        owned_by(Attachment.need_id, Need, Need.id),
        owned_by(Attachment.micro_wish_id, MicroWish, MicroWish.id),
        owned_by(Attachment.project_update_id, ProjectUpdate, ProjectUpdate.id),
    )

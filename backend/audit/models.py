"""The audit log: who did what, when, from where, to which objects. Append-only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlmodel import Field, SQLModel

from backend.core.models import AwareDateTime, utcnow


class AuditLogEntry(SQLModel, table=True):
    __tablename__ = "audit_log_entry"

    id: int | None = Field(default=None, primary_key=True)
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime, index=True)
    user_id: int | None = Field(
        default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True
    )
    token_id: int | None = Field(
        default=None, foreign_key="api_token.id", ondelete="RESTRICT", index=True
    )
    ip: str | None = Field(default=None, max_length=64)
    request_id: str | None = Field(default=None, max_length=32)
    # The mutation's name, or an event such as "personalData.read" or "login.failed".
    action: str = Field(max_length=64, index=True)
    object_type: str | None = Field(default=None, max_length=64, index=True)
    object_id: int | None = Field(default=None, index=True)
    # {"field": [before, after], ...} for changes; details for other events.
    changes: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)


def _refuse_change(*_args: Any) -> None:
    raise PermissionError("The audit log is append-only.")


event.listen(AuditLogEntry, "before_update", _refuse_change)
event.listen(AuditLogEntry, "before_delete", _refuse_change)

"""Writing and reading the audit log. Entries are added inside the mutation's own transaction,
so a change and its record are committed together or not at all."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.audit.models import AuditLogEntry
from backend.core.actor import Actor


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(row: Any, fields: list[str]) -> dict[str, Any]:
    return {name: _plain(getattr(row, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [before, after]} for the fields that changed."""
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def record(
    session: AsyncSession,
    actor: Actor,
    action: str,
    *,
    object_type: str | None = None,
    object_id: int | None = None,
    changes: dict[str, Any] | None = None,
    user_id: int | None = None,
) -> None:
    principal = actor.principal
    session.add(
        AuditLogEntry(
            user_id=user_id if user_id is not None else principal.user_id,
            token_id=principal.token_id,
            ip=actor.client_ip,
            request_id=actor.request_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            changes=changes,
        )
    )


def audit_log_statement(
    *,
    action: str | None = None,
    object_type: str | None = None,
    user_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> Select[Any]:
    statement = select(AuditLogEntry)
    if action:
        statement = statement.where(col(AuditLogEntry.action) == action)
    if object_type:
        statement = statement.where(col(AuditLogEntry.object_type) == object_type)
    if user_id is not None:
        statement = statement.where(col(AuditLogEntry.user_id) == user_id)
    if since is not None:
        statement = statement.where(col(AuditLogEntry.occurred_at) >= since)
    if until is not None:
        statement = statement.where(col(AuditLogEntry.occurred_at) < until)
    return statement.order_by(col(AuditLogEntry.occurred_at).desc(), col(AuditLogEntry.id).desc())

"""In-app notifications for people, and outgoing webhook events for external systems."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field

from backend.core.crypto import EncryptedString
from backend.core.models import AwareDateTime, LabelledEnum, TimestampMixin, enum_column


class WebhookStatus(LabelledEnum):
    PENDING = "pending", "待发送"
    DELIVERED = "delivered", "已送达"
    FAILED = "failed", "发送失败"


class Notification(TimestampMixin, table=True):
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT", index=True)
    kind: str = Field(max_length=50)
    title: str = Field(max_length=200)
    body: str = Field(max_length=2000)
    # A path in the SPA, e.g. /meetings/12.
    link: str | None = Field(default=None, max_length=200)
    read_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class WebhookEvent(TimestampMixin, table=True):
    """An outbox row: written in the same transaction as the change it reports, delivered
    afterwards, so an event is never sent for a change that was rolled back."""

    __tablename__ = "webhook_event"

    id: int | None = Field(default=None, primary_key=True)
    event: str = Field(max_length=64, index=True)
    organisation_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    payload: dict[str, Any] = Field(sa_type=sa.JSON)
    status: WebhookStatus = Field(sa_type=enum_column(WebhookStatus, "webhook_status"), index=True)
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    delivered_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    last_error: str | None = Field(default=None, max_length=500)


class WebhookEndpoint(TimestampMixin, table=True):
    """Where an external system wants events about an organisation subtree delivered."""

    __tablename__ = "webhook_endpoint"

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    url: str = Field(max_length=500)
    # Signs each delivery (HMAC-SHA256); kept encrypted, shown once when created.
    secret: str = Field(sa_type=EncryptedString)
    # Space-separated event names, or "*" for all.
    events: str = Field(default="*", max_length=500)
    active: bool = True

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from sqlalchemy import Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.audit.services import record
from backend.core.actor import Actor
from backend.core.scope import Scope, visible
from backend.core.text import excerpt
from backend.notifications.errors import TEXT, NotificationErrorCode, refuse
from backend.notifications.models import (
    Notification,
    WebhookEndpoint,
    WebhookEvent,
    WebhookStatus,
)

if TYPE_CHECKING:
    from backend.core.db import RequestDb


# The columns' lengths: a title or body quoting longer text says where it was cut.
TITLE_LIMIT, BODY_LIMIT = 200, 2000


def notify(
    session: AsyncSession,
    person_ids: list[int],
    *,
    kind: str,
    title: str,
    body: str,
    link: str | None,
) -> None:
    """In-app notifications, added to the caller's transaction."""
    session.add_all(
        Notification(
            person_id=person_id,
            kind=kind,
            title=excerpt(title, TITLE_LIMIT),
            body=excerpt(body, BODY_LIMIT),
            link=link,
        )
        for person_id in sorted(set(person_ids))
    )


def publish_event(
    session: AsyncSession, event: str, organisation_id: int, payload: dict[str, Any]
) -> None:
    """An outgoing webhook event in the outbox, committed with the change it reports."""
    session.add(
        WebhookEvent(
            event=event,
            organisation_id=organisation_id,
            payload=payload,
            status=WebhookStatus.PENDING,
        )
    )


URL_MAX = EVENTS_MAX = 500  # WebhookEndpoint.url, .events


async def register_webhook(
    session: AsyncSession, actor: Actor, organisation_id: int, *, url: str, events: str | None
) -> WebhookEndpoint:
    """A new endpoint with a fresh signing secret: the returned row carries it in plain text to
    be shown once; the column keeps it encrypted. Events are space-separated names, or "*"."""
    address = TEXT.required(url, "url", URL_MAX)
    parsed = urlparse(address)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise refuse(
            NotificationErrorCode.INVALID,
            "url",
            "推送地址须是 http:// 或 https:// 开头的完整网址。",
        )
    subscribed = TEXT.optional(" ".join((events or "").split()), "events", EVENTS_MAX) or "*"
    endpoint = WebhookEndpoint(
        organisation_id=organisation_id,
        url=address,
        secret=secrets.token_urlsafe(32),
        events=subscribed,
    )
    session.add(endpoint)
    await session.flush()
    record(
        session,
        actor,
        "webhookEndpointCreate",
        object_type="WebhookEndpoint",
        object_id=endpoint.id,
        changes={"url": [None, endpoint.url]},
    )
    await session.commit()
    return endpoint


def notifications_statement(*, unread_only: bool) -> Select[Any]:
    """Newest first; the caller's own rows are chosen by the visibility rule."""
    statement = select(Notification)
    if unread_only:
        statement = statement.where(col(Notification.read_at).is_(None))
    return statement.order_by(col(Notification.created_at).desc(), col(Notification.id).desc())


async def unread_count(db: RequestDb, scope: Scope) -> int:
    statement = select(func.count(col(Notification.id))).where(
        col(Notification.read_at).is_(None), visible(Notification, scope)
    )
    return int(await db.scalar(statement))


async def mark_read(
    session: AsyncSession, scope: Scope, notification_ids: list[int] | None, now: datetime
) -> None:
    """Marks the caller's notifications read: the ones named, or all when none are named.
    Ids of other people's notifications match nothing, like unknown ones."""
    statement = (
        update(Notification)
        .where(col(Notification.read_at).is_(None), visible(Notification, scope))
        .values(read_at=now)
    )
    if notification_ids is not None:
        statement = statement.where(col(Notification.id).in_(notification_ids))
    await session.execute(statement)
    await session.commit()

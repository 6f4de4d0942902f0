from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from backend.notifications.models import Notification, WebhookEvent, WebhookStatus


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
        Notification(person_id=person_id, kind=kind, title=title[:200], body=body[:2000], link=link)
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

"""Delivering the webhook outbox: each pending event is POSTed, signed, to every active endpoint
whose organisation subtree contains the event's organisation. Failures are retried with a
growing wait; after MAX_ATTEMPTS the event is marked failed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.core.models import utcnow
from backend.notifications.models import WebhookEndpoint, WebhookEvent, WebhookStatus
from backend.organisations.models import Organisation

logger = logging.getLogger("backend.webhooks")

MAX_ATTEMPTS = 5
BATCH = 50
TIMEOUT_SECONDS = 5.0


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _wants(endpoint: WebhookEndpoint, event: str) -> bool:
    names = endpoint.events.split()
    return "*" in names or event in names


async def _endpoints_for(session: AsyncSession, organisation_id: int) -> list[WebhookEndpoint]:
    """Endpoints registered on the event's organisation or any of its ancestors."""
    path = await session.scalar(
        select(col(Organisation.path)).where(col(Organisation.id) == organisation_id)
    )
    if path is None:
        return []
    ancestors = [int(part) for part in path.strip("/").split("/") if part]
    statement = select(WebhookEndpoint).where(
        col(WebhookEndpoint.organisation_id).in_(ancestors), col(WebhookEndpoint.active).is_(True)
    )
    return list((await session.execute(statement)).scalars())


async def _post(
    client: httpx.AsyncClient, endpoint: WebhookEndpoint, event: WebhookEvent
) -> str | None:
    """None when delivered, else why not."""
    body = json.dumps(
        {
            "id": event.id,
            "event": event.event,
            "occurredAt": event.created_at.isoformat(),
            "data": event.payload,
        },
        ensure_ascii=False,
    ).encode()
    headers = {
        "content-type": "application/json",
        "x-gongjian-event": event.event,
        "x-gongjian-delivery": str(event.id),
        "x-gongjian-signature": signature(endpoint.secret, body),
    }
    try:
        response = await client.post(
            endpoint.url, content=body, headers=headers, timeout=TIMEOUT_SECONDS
        )
    except httpx.HTTPError as failure:
        return f"{endpoint.url}: {type(failure).__name__}"
    if 200 <= response.status_code < 300:
        return None
    return f"{endpoint.url}: HTTP {response.status_code}"


async def deliver_pending(session: AsyncSession, client: httpx.AsyncClient) -> int:
    """One pass over the outbox; returns how many events were delivered."""
    now = utcnow()
    pending = (
        select(WebhookEvent)
        .where(
            col(WebhookEvent.status) == WebhookStatus.PENDING,
            or_(
                col(WebhookEvent.next_attempt_at).is_(None),
                col(WebhookEvent.next_attempt_at) <= now,
            ),
        )
        .order_by(col(WebhookEvent.id))
        .limit(BATCH)
    )
    delivered = 0
    for event in list((await session.execute(pending)).scalars()):
        endpoints = [
            e
            for e in await _endpoints_for(session, event.organisation_id)
            if _wants(e, event.event)
        ]
        failures = [f for f in [await _post(client, e, event) for e in endpoints] if f]
        event.attempts += 1
        if not failures:
            event.status, event.delivered_at, event.last_error = WebhookStatus.DELIVERED, now, None
            delivered += 1
        elif event.attempts >= MAX_ATTEMPTS:
            event.status, event.last_error = WebhookStatus.FAILED, "; ".join(failures)[:500]
            logger.warning("webhook event %s failed for good: %s", event.id, event.last_error)
        else:
            event.next_attempt_at = now + timedelta(seconds=30 * 2**event.attempts)
            event.last_error = "; ".join(failures)[:500]
        await session.commit()
    return delivered


async def run_forever(database: Any, interval: float = 5.0) -> None:
    """The app's background deliverer (started with the app, stopped with it)."""
    import anyio

    async with httpx.AsyncClient() as client:
        while True:
            try:
                async with database.session() as session:
                    await deliver_pending(session, client)
            except Exception:  # a bad pass must not stop later ones
                logger.exception("webhook delivery pass failed")
            await anyio.sleep(interval)

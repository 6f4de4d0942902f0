"""The webhook outbox is delivered, signed, to a real HTTP receiver on this machine."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator

import httpx
import pytest
import uvicorn
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from backend.audit.models import AuditLogEntry
from backend.factories import CommunityFactory, StreetFactory, session
from backend.notifications.delivery import MAX_ATTEMPTS, deliver_pending, signature
from backend.notifications.models import WebhookEndpoint, WebhookEvent, WebhookStatus
from backend.organisations.models import Organisation
from tests.client import GraphQLClient
from tests.helpers import gid

CREATE = """
mutation W($input: WebhookEndpointCreateInput!) {
  webhookEndpointCreate(input: $input) {
    endpoint { url events } secret errors { field code message }
  }
}
"""


class Receiver:
    """A real HTTP server on 127.0.0.1 that records what it is sent."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.status = 204

    async def endpoint(self, request: Request) -> Response:
        self.received.append((dict(request.headers), await request.body()))
        return Response(status_code=self.status)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[Receiver, str]]:
    recorder = Receiver()
    port = free_port()
    app = Starlette(routes=[Route("/hook", recorder.endpoint, methods=["POST"])])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    yield recorder, f"http://127.0.0.1:{port}/hook"
    server.should_exit = True
    await task


async def deliver(app: Starlette) -> int:
    sessions = async_sessionmaker(app.state.database.engine, class_=AsyncSession)
    async with sessions() as db, httpx.AsyncClient() as client:
        return await deliver_pending(db, client)


def outbox_event(community: Organisation) -> WebhookEvent:
    assert community.id is not None
    event = WebhookEvent(
        event="meeting.agenda_published",
        organisation_id=community.id,
        payload={"meetingId": 1, "title": "季度联席会议"},
        status=WebhookStatus.PENDING,
    )
    session.add(event)
    session.commit()
    return event


def stored_event(event: WebhookEvent) -> WebhookEvent:
    """The event as the database holds it now."""
    stored = session.get(WebhookEvent, event.id)
    assert stored is not None
    return stored


async def test_events_reach_the_registered_endpoint_signed(
    gql: GraphQLClient, app: Starlette, receiver: tuple[Receiver, str]
) -> None:
    recorder, url = receiver
    street = StreetFactory.create()
    community = CommunityFactory.create(street=street)
    created = (
        await gql.data(
            CREATE, {"input": {"organisation": gid("Organisation", street.id), "url": url}}
        )
    )["webhookEndpointCreate"]
    event = outbox_event(community)

    delivered = await deliver(app)

    assert delivered == 1
    headers, body = recorder.received[0]
    assert headers["x-gongjian-event"] == "meeting.agenda_published"
    assert headers["x-gongjian-signature"] == signature(created["secret"], body)
    assert json.loads(body)["data"] == {"meetingId": 1, "title": "季度联席会议"}
    session.expire_all()
    assert stored_event(event).status is WebhookStatus.DELIVERED
    assert await deliver(app) == 0  # never sent twice


async def test_a_failing_receiver_is_retried_then_given_up(
    gql: GraphQLClient, app: Starlette, receiver: tuple[Receiver, str]
) -> None:
    recorder, url = receiver
    recorder.status = 500
    street = StreetFactory.create()
    await gql.data(CREATE, {"input": {"organisation": gid("Organisation", street.id), "url": url}})
    event = outbox_event(CommunityFactory.create(street=street))

    for attempt in range(1, MAX_ATTEMPTS + 1):
        await deliver(app)
        session.expire_all()
        stored = stored_event(event)
        assert stored.attempts == attempt
        stored.next_attempt_at = None  # as if the wait had passed
        session.commit()

    assert stored.status is WebhookStatus.FAILED
    assert stored.last_error is not None
    assert "HTTP 500" in stored.last_error
    assert len(recorder.received) == MAX_ATTEMPTS


async def test_endpoint_urls_must_be_web_addresses(gql: GraphQLClient) -> None:
    street = StreetFactory.create()
    organisation = gid("Organisation", street.id)

    not_web = (
        await gql.data(
            CREATE, {"input": {"organisation": organisation, "url": "file:///etc/passwd"}}
        )
    )["webhookEndpointCreate"]
    too_long = (
        await gql.data(
            CREATE,
            {"input": {"organisation": organisation, "url": "https://example.org/" + "a" * 481}},
        )
    )["webhookEndpointCreate"]

    assert not_web == {
        "endpoint": None,
        "secret": None,
        "errors": [
            {
                "field": "url",
                "code": "INVALID",
                "message": "推送地址须是 http:// 或 https:// 开头的完整网址。",
            }
        ],
    }
    assert too_long["errors"] == [
        {"field": "url", "code": "TOO_LONG", "message": "最多 500 个字。"}
    ]
    assert session.scalars(select(WebhookEndpoint)).all() == []
    assert session.scalars(select(WebhookEvent)).all() == []


async def test_over_long_event_lists_are_refused_not_cut(gql: GraphQLClient) -> None:
    street = StreetFactory.create()
    organisation = gid("Organisation", street.id)
    url = "https://example.org/hook"
    # 63 names of 7 characters and their spaces make 503 characters once spaces are collapsed.
    events = "  ".join(f"event.{n % 10}" for n in range(63))

    refused = (
        await gql.data(
            CREATE, {"input": {"organisation": organisation, "url": url, "events": events}}
        )
    )["webhookEndpointCreate"]

    assert refused == {
        "endpoint": None,
        "secret": None,
        "errors": [{"field": "events", "code": "TOO_LONG", "message": "最多 500 个字。"}],
    }
    assert session.scalars(select(WebhookEndpoint)).all() == []
    assert session.scalars(select(AuditLogEntry)).all() == []

    kept = " ".join(events.split()[:62])  # 495 characters
    created = (
        await gql.data(
            CREATE,
            {"input": {"organisation": organisation, "url": url, "events": f" {kept}\n"}},
        )
    )["webhookEndpointCreate"]

    assert created["errors"] == [] and created["secret"]
    assert created["endpoint"] == {"url": url, "events": kept}
    assert [e.events for e in session.scalars(select(WebhookEndpoint))] == [kept]

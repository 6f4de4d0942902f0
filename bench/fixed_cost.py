"""What a request costs before any field is resolved: `{ __typename }` through the app, signed
in, next to the same query through a bare strawberry schema with one field served by
strawberry's own ASGI app (the floor), in the same run. The difference is the app's fixed
cost per request: authentication and the session lookup, the request's database session, the
context, validation with the app's rules, the cost guard, error masking and the JSON."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import strawberry
from starlette.applications import Starlette
from starlette.routing import Route
from strawberry.asgi import GraphQL

from backend.core.settings import Settings
from bench.harness import Counts, Runner, graphql_runner, measure_interleaved

TYPENAME = "{ __typename }"


@strawberry.type(name="Query")
class _BareQuery:
    @strawberry.field
    def ok(self) -> bool:
        return True


@asynccontextmanager
async def floor_runner() -> AsyncIterator[tuple[Runner, Counts]]:
    """`{ __typename }` against a bare schema behind strawberry's ASGI app on starlette."""
    app = Starlette(routes=[Route("/graphql", GraphQL(strawberry.Schema(query=_BareQuery)))])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

        async def via_floor() -> None:
            response = await client.post("/graphql", json={"query": TYPENAME})
            assert response.json() == {"data": {"__typename": "Query"}}, response.text

        yield via_floor, _NoStatements()


class _NoStatements:
    def take(self) -> int:
        return 0


async def run(settings: Settings, repeat: int) -> float:
    """Prints the app's `{ __typename }` next to the floor; returns the overhead in ms."""
    async with (
        graphql_runner(settings, TYPENAME, {}) as (signed_in, counter, _),
        floor_runner() as (floor, no_statements),
    ):
        measured = await measure_interleaved(
            {"app": (signed_in, counter), "floor": (floor, no_statements)}, repeat
        )
    app, bare = measured["app"], measured["floor"]
    overhead = app.median_ms - bare.median_ms
    print(
        f"{{ __typename }} signed in | app {app.median_ms:6.2f} ms (p95 {app.p95_ms:6.2f}),"
        f" {app.statements} statement(s) | bare strawberry {bare.median_ms:6.2f} ms"
        f" | fixed cost over the floor {overhead:+.2f} ms (goal ≤ +0.50 ms)"
    )
    return overhead

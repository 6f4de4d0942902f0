"""What every part of the benchmark shares: timing several ways of reading the same data in
turn, counting their SQL statements, and running a query through the ASGI app."""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from sqlalchemy import Engine, event

from backend.core.app import create_app
from backend.core.db import create_sync_engine
from backend.core.principal import Principal
from backend.core.settings import Settings
from backend.demo_data import DEMO_PASSWORD


@dataclass
class Measure:
    median_ms: float
    p95_ms: float
    peak_kib: float
    statements: int


class Counts(Protocol):
    def take(self) -> int: ...


class StatementCounter:
    """The statements the engines ran since the last `take()`."""

    def __init__(self, *engines: Engine | None) -> None:
        self.count = 0
        for engine in engines:
            if engine is not None:
                event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, *_args: Any) -> None:
        self.count += 1

    def take(self) -> int:
        count, self.count = self.count, 0
        return count


Runner = Callable[[], Awaitable[Any]]


async def measure_interleaved(
    runs: dict[str, tuple[Runner, Counts]], repeat: int
) -> dict[str, Measure]:
    """Time several ways of getting the same data, one request of each in turn, so that a
    machine busy with something else slows them all alike."""
    statements: dict[str, int] = {}
    peaks: dict[str, float] = {}
    for name, (run, counter) in runs.items():
        await run()  # warm caches: parsed query, prepared statements, connection pool
        counter.take()
        await run()
        statements[name] = counter.take()
        tracemalloc.start()
        await run()
        peaks[name] = tracemalloc.get_traced_memory()[1] / 1024
        tracemalloc.stop()
    timings: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, (run, _counter) in runs.items():
            started = time.perf_counter()
            await run()
            timings[name].append((time.perf_counter() - started) * 1000)
    return {
        name: Measure(
            median_ms=statistics.median(values),
            p95_ms=sorted(values)[int(len(values) * 0.95) - 1],
            peak_kib=peaks[name],
            statements=statements[name],
        )
        for name, values in timings.items()
    }


@asynccontextmanager
async def graphql_runner(
    settings: Settings, query: str, variables: dict[str, Any], fixed: Principal | None = None
) -> AsyncIterator[tuple[Runner, StatementCounter, list[dict[str, Any]]]]:
    """A query through the ASGI app: signed in with the demo administrator's session cookie,
    or (`fixed`) with that principal handed over without any credential lookup. The last
    response's data is kept in the list it yields."""

    async def handed_over(_request: Any, context: Any) -> None:
        context.principal = fixed

    app = (
        create_app(settings, prepare_database=False, authenticator=handed_over)
        if fixed is not None
        else create_app(settings, prepare_database=False)
    )
    # The app's engine and SQLite's reader (the compiled read path's statements).
    database = app.state.database
    counter = StatementCounter(database.engine.sync_engine, database.reader)
    last: list[dict[str, Any]] = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        if fixed is None:
            await sign_in(client)

        async def via_graphql() -> None:
            response = await client.post("/graphql", json={"query": query, "variables": variables})
            body = response.json()
            assert "errors" not in body, body
            last[:] = [body["data"]]

        yield via_graphql, counter, last
    await app.state.database.dispose()


async def sign_in(client: httpx.AsyncClient) -> None:
    """Sign in as the demo street administrator; the client keeps the session cookie."""
    response = await client.post(
        "/graphql",
        json={
            "query": "mutation($u: String!, $p: String!) { sessionCreate(input: {username: $u,"
            " password: $p}) { errors { message } } }",
            "variables": {"u": "admin", "p": DEMO_PASSWORD},
        },
    )
    assert response.json()["data"]["sessionCreate"]["errors"] == [], response.text


async def api_against_sql(
    settings: Settings,
    query: str,
    variables: dict[str, Any],
    by_sql: Callable[[Engine], object],
    repeat: int,
) -> tuple[Measure, Measure, dict[str, Any]]:
    """One query through the app, signed in, next to `by_sql` on its own engine: both
    measures and the app's last answer."""
    sql_engine = create_sync_engine(settings)

    async def via_sql() -> None:
        by_sql(sql_engine)

    async with graphql_runner(settings, query, variables) as (api, counter, data):
        measured = await measure_interleaved(
            {"api": (api, counter), "sql": (via_sql, StatementCounter(sql_engine))}, repeat
        )
    sql_engine.dispose()
    return measured["api"], measured["sql"], data[0]

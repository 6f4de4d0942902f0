"""Database engines and sessions.

The API is async all the way: strawberry's dataloaders are coroutines, so a resolver must never
block the event loop on a synchronous session. The API therefore uses SQLAlchemy's AsyncSession
(aiosqlite for SQLite, psycopg's async mode for PostgreSQL). Migrations and the demo-data
generator are batch jobs outside the event loop and use a plain synchronous engine on the same URL.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, Executable, create_engine, event
from sqlalchemy.exc import DisconnectionError, IntegrityError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from backend.core.settings import Settings


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # SQLite leaves foreign keys off unless every connection asks for them.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _prepare_sqlite_file(settings: Settings) -> None:
    url = settings.sync_database_url
    if url.startswith("sqlite:///") and ":memory:" not in url:
        from pathlib import Path

        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)


def create_sync_engine(settings: Settings) -> Engine:
    _prepare_sqlite_file(settings)
    engine = create_engine(settings.sync_database_url)
    if settings.is_sqlite:
        event.listen(engine, "connect", _configure_sqlite)
    return engine


# A pooled PostgreSQL connection idle for longer than this is pinged before it is used again.
# SQLAlchemy's pool_pre_ping pings on every checkout: a round trip on every request, a third of
# what a signed-in request costs. A connection in steady use was alive a moment ago; one that
# sat idle may have been closed by a server restart or a firewall, and is replaced when the
# ping fails. (Should the server restart under load, the requests already on their way fail
# once and the pool is renewed, as they would with any check.)
PING_AFTER_IDLE_SECONDS = 10.0


def _ping_when_idle(engine: Engine) -> None:
    def returned(_dbapi_connection: Any, record: Any) -> None:
        record.info["returned_at"] = time.monotonic()

    def checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        returned_at = record.info.get("returned_at")
        if returned_at is None or time.monotonic() - returned_at < PING_AFTER_IDLE_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # any failure means the connection is gone
            raise DisconnectionError() from exc

    event.listen(engine.pool, "checkin", returned)
    event.listen(engine.pool, "checkout", checked_out)


def create_api_engine(settings: Settings) -> AsyncEngine:
    _prepare_sqlite_file(settings)
    engine = create_async_engine(settings.async_database_url)
    if settings.is_sqlite:
        event.listen(engine.sync_engine, "connect", _configure_sqlite)
    else:
        _ping_when_idle(engine.sync_engine)
    return engine


class Database:
    """One async engine per application instance, with a session per request."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine = create_api_engine(settings)
        self._sessions = async_sessionmaker(
            self.engine, class_=AsyncSession, expire_on_commit=False
        )

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self._sessions() as session:
            yield session

    async def dispose(self) -> None:
        await self.engine.dispose()


async def add_unique(session: AsyncSession, row: object, refusal: Exception) -> None:
    """Add a row whose unique constraint is the last line of defence against a parallel
    request: a clash on flush raises `refusal` (the area's typed error) instead."""
    session.add(row)
    try:
        await session.flush()
    except IntegrityError:
        raise refusal from None


async def rows_changed(session: AsyncSession, statement: Executable) -> int:
    """Run a conditional UPDATE and tell how many rows it changed: the claim succeeded when
    exactly the one row it names still matched."""
    result = cast("CursorResult[Any]", await session.execute(statement))
    return int(result.rowcount or 0)


class RequestDb:
    """The request's session. Dataloader batches of one request may run concurrently, but an
    AsyncSession allows one operation at a time, so every statement goes through a lock."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._lock = asyncio.Lock()

    async def scalars(self, statement: Executable) -> Sequence[Any]:
        async with self._lock:
            result = await self.session.execute(statement)
            return result.scalars().all()

    async def add_and_commit(self, rows: Sequence[Any]) -> None:
        async with self._lock:
            self.session.add_all(rows)
            await self.session.commit()

    async def rows(self, statement: Executable) -> Sequence[Any]:
        async with self._lock:
            result = await self.session.execute(statement)
            return result.all()

    async def scalar(self, statement: Executable) -> Any:
        async with self._lock:
            result = await self.session.execute(statement)
            return result.scalar()

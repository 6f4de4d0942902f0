"""Database engines and sessions.

The API is async all the way: strawberry's dataloaders are coroutines, so a resolver must never
block the event loop on a synchronous session. The API therefore uses SQLAlchemy's AsyncSession
(aiosqlite for SQLite, psycopg's async mode for PostgreSQL). Migrations and the demo-data
generator are batch jobs outside the event loop and use a plain synchronous engine on the same URL.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from contextlib import asynccontextmanager, suppress
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Engine, Executable, Result, create_engine, event
from sqlalchemy.exc import DisconnectionError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session

from backend.core import raw
from backend.core.settings import Settings

ResultT = TypeVar("ResultT")
# A statement's bound parameters by name (None: it has none to fill in).
Parameters = dict[str, Any] | None


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


# A reader waits this long for a lock before the request takes the async path instead.
READER_BUSY_TIMEOUT_MS = 100
# What sends a read from SQLite's reader to the session instead: a lock (a checkpoint), or
# no reader connection to be had.
READER_REFUSALS = (OperationalError, PoolTimeoutError)


def _configure_sqlite_reader(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute(f"PRAGMA busy_timeout={READER_BUSY_TIMEOUT_MS}")
    cursor.close()


def create_reader_engine(settings: Settings) -> Engine | None:
    """SQLite only: a synchronous engine for the compiled read path's SELECTs, run on the event
    loop's thread. aiosqlite runs each statement in its own thread and hands every step over
    (execute, fetch, close: four round trips through the event loop), which costs many times
    what reading a page of rows does (0.8–2.4 ms a statement against 0.05–0.15 ms). In WAL mode
    a reader does not wait for writers, so the loop is held only as long as SQLite reads; the
    rare lock (a checkpoint) is waited for briefly, then the request takes the async path. The
    connection is read-only. An in-memory database has no second connection to it: None."""
    if not settings.is_sqlite or ":memory:" in settings.database_url:
        return None
    engine = create_sync_engine(settings)
    event.listen(engine, "connect", _configure_sqlite_reader)
    return engine


class Database:
    """One async engine per application instance, with a session per request."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine = create_api_engine(settings)
        self.reader = create_reader_engine(settings)
        # PostgreSQL: the same pool, its connections in autocommit for reads of committed
        # data (the session lookup, queries): no BEGIN before and no ROLLBACK after them,
        # two round trips of every request that only reads.
        self.autocommit = (
            None
            if settings.is_sqlite
            else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        )
        self._sessions = async_sessionmaker(
            self.engine, class_=AsyncSession, expire_on_commit=False
        )

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self._sessions() as session:
            yield session

    async def dispose(self) -> None:
        await self.engine.dispose()
        if self.reader is not None:
            self.reader.dispose()


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
    AsyncSession allows one operation at a time, so every statement goes through a lock.

    A statement is never cancelled halfway: graphql-core cancels the resolvers still running
    when a non-null field fails and nulls their parent, and a statement cancelled inside the
    driver leaves the connection unusable (the request then fails with a 500 when its session
    closes). So each statement runs as a task of its own that the cancelled resolver stops
    waiting for, and `settle()` waits for those still running before the session closes."""

    def __init__(
        self,
        session: AsyncSession,
        reader: Engine | None = None,
        autocommit: AsyncEngine | None = None,
    ) -> None:
        self.session = session
        self._lock = asyncio.Lock()
        self._running: set[asyncio.Task[Any]] = set()
        # SQLite's synchronous reader (see create_reader_engine), for read-only statements.
        self.reader = reader
        # PostgreSQL's autocommit engine (Database.autocommit).
        self._autocommit = autocommit
        # In a query (not a mutation), reads take committed data without a transaction of
        # their own: on SQLite from the reader, one short session per statement (a reader
        # connection is never held across an await, so the loop never waits for one); on
        # PostgreSQL the request's session itself moves to the autocommit engine, so that a
        # query holds one connection of the pool, never two.
        self._reading = False
        # PostgreSQL, in a query: the session is bound to the autocommit engine, and plain
        # reads go through its connection too, checked out once for the whole query.
        self._session_reads = False

    def read_from_reader(self) -> None:
        """The rest of this request only reads (a query operation)."""
        if self.reader is not None:
            self._reading = True
        elif self._autocommit is not None and not self.session.in_transaction():
            self.session.sync_session.bind = self._autocommit.sync_engine
            self._session_reads = True

    def _read_here(self, statement: Executable, parameters: Parameters) -> Result[Any]:
        assert self.reader is not None
        with Session(self.reader) as reading:
            return reading.execute(statement, parameters).freeze()()

    async def _whole(self, work: Coroutine[Any, Any, ResultT]) -> ResultT:
        task = asyncio.ensure_future(work)
        self._running.add(task)
        task.add_done_callback(self._running.discard)
        return await asyncio.shield(task)

    async def settle(self) -> None:
        """Wait for the statements whose resolvers were cancelled."""
        while self._running:
            await asyncio.gather(*self._running, return_exceptions=True)

    async def _execute(self, statement: Executable, parameters: Parameters) -> Result[Any]:
        async with self._lock:
            return await self.session.execute(statement, parameters)

    # Each read from SQLite's reader falls back to the session when the reader finds the
    # database locked (a checkpoint): the session waits as long as its busy timeout allows.

    async def scalars(self, statement: Executable, parameters: Parameters = None) -> Sequence[Any]:
        if self._reading:
            with suppress(*READER_REFUSALS):
                return self._read_here(statement, parameters).scalars().all()
        result = await self._whole(self._execute(statement, parameters))
        return result.scalars().all()

    async def with_session(self, work: Callable[[AsyncSession], Awaitable[ResultT]]) -> ResultT:
        """Run `work` with the session itself, alone and never cancelled halfway (a service
        that reads through the session, as the minutes do)."""

        async def alone() -> ResultT:
            async with self._lock:
                return await work(self.session)

        return await self._whole(alone())

    async def add_and_commit(self, rows: Sequence[Any]) -> None:
        async with self._lock:
            self.session.add_all(rows)
            await self.session.commit()

    async def rows(self, statement: Executable, parameters: Parameters = None) -> Sequence[Any]:
        if self._reading and self.reader is not None:
            with suppress(*READER_REFUSALS):
                if raw.runs_here(statement):
                    return raw.run(self.reader, statement, parameters or {})
                return self._read_here(statement, parameters).all()
        result = await self._whole(self._execute(statement, parameters))
        return result.all()

    async def core_rows(self, statement: Executable, parameters: dict[str, Any]) -> Sequence[Any]:
        """Plain rows of committed data, no ORM instances built (the session lookup, the
        compiled read path): on SQLite from the reader, at once (`backend/core/raw.py`: a list
        of keys goes in as `raw.json_key_list()`); on PostgreSQL on an autocommit connection."""
        if self.reader is not None:
            with suppress(*READER_REFUSALS):
                return raw.run(self.reader, statement, parameters)
            parameters = raw.as_json_lists(parameters)
        return await self._whole(self._core_rows(statement, parameters))

    async def _core_rows(self, statement: Executable, parameters: dict[str, Any]) -> Sequence[Any]:
        if (
            self._autocommit is not None
            and not self._session_reads
            and not self.session.in_transaction()
        ):
            # Committed data needs no transaction: none is begun (nor rolled back after) for
            # the session lookup. (A query's session reads in autocommit, on the one
            # connection it holds.)
            async with self._lock, self._autocommit.connect() as connection:
                return (await connection.execute(statement, parameters)).all()
        async with self._lock:
            connection = await self.session.connection()
            return (await connection.execute(statement, parameters)).all()

    async def scalar(self, statement: Executable, parameters: Parameters = None) -> Any:
        if self._reading and self.reader is not None:
            with suppress(*READER_REFUSALS):
                if raw.runs_here(statement):
                    found = raw.run(self.reader, statement, parameters or {})
                    return found[0][0] if found else None
                return self._read_here(statement, parameters).scalar()
        result = await self._whole(self._execute(statement, parameters))
        return result.scalar()

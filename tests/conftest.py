"""Fixtures: every test runs once on SQLite and once on PostgreSQL, against a schema built by the
Alembic migrations (once per database), with tables emptied after each test."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytest_postgresql import factories as pg_factories
from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.orm import scoped_session
from sqlmodel import Session, SQLModel
from starlette.applications import Starlette

import backend.models  # noqa: F401
from backend import factories
from backend.core.app import create_app
from backend.core.crypto import DEMO_KEY, configure_keyring
from backend.core.db import create_sync_engine
from backend.core.migrate import upgrade_database
from backend.core.settings import Settings
from tests import databases
from tests.client import CountStatements, GraphQLClient, StatementCounter

throwaway_postgresql_proc = pg_factories.postgresql_proc(
    executable=databases.find_pg_ctl(), port=None
)


@pytest.fixture(scope="session")
def postgres_server(request: pytest.FixtureRequest) -> tuple[str, str, int, str]:
    if databases.local_server_answers():
        return (databases.LOCAL_SERVER, "127.0.0.1", 5432, "postgres")
    try:
        return databases.throwaway_server(request)
    except Exception as exc:  # any failure to start a server means "no PostgreSQL here"
        databases.unavailable(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        raise


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@contextmanager
def new_database(
    backend: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if backend == "sqlite":
        path: Path = tmp_path_factory.mktemp("sqlite") / "test.db"
        yield f"sqlite:///{path}"
        return
    server = request.getfixturevalue("postgres_server")
    with databases.scratch_database(*server) as url:
        yield url


@pytest.fixture(scope="session")
def database_url(
    backend_name: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    with new_database(backend_name, request, tmp_path_factory) as url:
        yield url


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, production=False, demo_data=False)


@pytest.fixture(scope="session")
def sync_engine(settings: Settings) -> Iterator[Engine]:
    upgrade_database(settings)
    engine = create_sync_engine(settings)
    yield engine
    engine.dispose()


def _tables_with_rows(connection: Connection, tables: list[str]) -> list[str]:
    """The tables a test wrote to, in one statement (an EXISTS probe per table)."""
    probes = " UNION ALL ".join(
        f'SELECT {index} WHERE EXISTS (SELECT 1 FROM "{name}")' for index, name in enumerate(tables)
    )
    return [tables[index] for (index,) in connection.execute(text(probes))]


def empty_all_tables(engine: Engine) -> None:
    """Remove every row a test left. Only the tables that hold rows are emptied: a test
    touches a handful of the 44, and emptying the others costs more than the test itself
    (PostgreSQL's TRUNCATE makes new files for every table it names)."""
    tables = [table.name for table in reversed(SQLModel.metadata.sorted_tables)]
    with engine.connect() as connection:
        filled = _tables_with_rows(connection, tables)
        if not filled:
            return
        if engine.dialect.name == "postgresql":
            # Foreign keys are not checked while emptying: every referencing row goes too.
            connection.exec_driver_sql("SET session_replication_role = replica")
            for name in filled:
                connection.execute(text(f'DELETE FROM "{name}"'))
            connection.exec_driver_sql("SET session_replication_role = DEFAULT")
            # As TRUNCATE … RESTART IDENTITY: the demo generator is compared row for row.
            restarts = ", ".join(
                f"setval(pg_get_serial_sequence('\"{name}\"', 'id'), 1, false)"
                for name in filled
                if "id" in SQLModel.metadata.tables[name].columns
            )
            if restarts:
                connection.execute(text(f"SELECT {restarts}"))
            connection.commit()
            return
        # Self-referencing rows (the organisation tree) cannot be deleted in one statement
        # while SQLite checks RESTRICT row by row.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        for name in filled:
            connection.execute(text(f'DELETE FROM "{name}"'))
        connection.commit()
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")


@pytest.fixture(autouse=True)
def keep_the_test_keyring() -> Iterator[None]:
    """Some tests build production apps with their own key; every test starts on the same."""
    configure_keyring(DEMO_KEY)
    yield
    configure_keyring(DEMO_KEY)


@pytest.fixture(autouse=True)
def db(sync_engine: Engine) -> Iterator[scoped_session[Session]]:
    """The factories' session, bound to this test's database; all rows are removed afterwards."""
    factories.session.configure(bind=sync_engine)
    yield factories.session
    factories.session.remove()
    empty_all_tables(sync_engine)


@pytest.fixture(scope="session")
async def app(settings: Settings, sync_engine: Engine) -> AsyncIterator[Starlette]:
    application = create_app(settings, prepare_database=False)
    yield application
    await application.state.database.dispose()


@pytest.fixture
async def gql(app: Starlette) -> AsyncIterator[GraphQLClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield GraphQLClient(client)


@pytest.fixture
def count_statements(app: Starlette) -> CountStatements:
    """`with count_statements() as counter:` counts the SQL statements the API runs (on
    SQLite, with those of the compiled read path's reader)."""
    database = app.state.database
    engines = [e for e in (database.engine.sync_engine, database.reader) if e is not None]

    @contextmanager
    def counting() -> Iterator[StatementCounter]:
        counter = StatementCounter()

        def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            counter.statements.append(statement)

        for engine in engines:
            event.listen(engine, "before_cursor_execute", record)
        try:
            yield counter
        finally:
            for engine in engines:
                event.remove(engine, "before_cursor_execute", record)

    return counting

"""Where the test databases come from: a SQLite file, and a real PostgreSQL server.

PostgreSQL: the server on 127.0.0.1:5432 when it answers (user postgres, trust auth); otherwise
a throwaway server started by pytest-postgresql from the machine's PostgreSQL binaries. Only
when neither is possible are the PostgreSQL tests skipped, and with CI=true that fails the run.
"""

from __future__ import annotations

import glob
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest

LOCAL_SERVER = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=2"
NO_POSTGRES = (
    "PostgreSQL tests skipped: nothing answers on 127.0.0.1:5432 and no throwaway server could "
    "be started from the machine's PostgreSQL binaries ({reason})."
)


def find_pg_ctl() -> str | None:
    found = shutil.which("pg_ctl")
    if found:
        return found
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return candidates[-1] if candidates else None


def local_server_answers() -> bool:
    try:
        with psycopg.connect(LOCAL_SERVER):
            return True
    except psycopg.OperationalError:
        return False


@contextmanager
def scratch_database(conninfo: str, host: str, port: int, user: str) -> Iterator[str]:
    """A new, empty database on a server; dropped afterwards."""
    name = f"gongjian_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(conninfo, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://{user}@{host}:{port}/{name}"
    finally:
        with psycopg.connect(conninfo, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def unavailable(reason: str) -> None:
    message = NO_POSTGRES.format(reason=reason)
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " CI=true requires PostgreSQL.", pytrace=False)
    pytest.skip(message)


def throwaway_server(request: pytest.FixtureRequest) -> tuple[str, str, int, str]:
    """Start (once per session) a PostgreSQL from the local binaries via pytest-postgresql."""
    executor = request.getfixturevalue("throwaway_postgresql_proc")
    conninfo = f"host={executor.host} port={executor.port} user={executor.user} dbname=postgres"
    return conninfo, executor.host, executor.port, executor.user

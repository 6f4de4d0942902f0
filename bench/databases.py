"""The databases the benchmark runs on: a fresh SQLite file, and a scratch database on the
PostgreSQL server of 127.0.0.1:5432 (user postgres, trust auth) when one answers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

SERVER = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=2"


def postgresql_answers() -> bool:
    try:
        with psycopg.connect(SERVER):
            return True
    except psycopg.OperationalError:
        return False


@contextmanager
def fresh_database(kind: str, workdir: Path) -> Iterator[str]:
    """The URL of a new, empty database of `kind` (sqlite or postgresql), removed afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'bench.db'}"
        return
    name = f"gongjian_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(SERVER, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

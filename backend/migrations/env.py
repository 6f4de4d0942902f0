from __future__ import annotations

from typing import Any, Literal

from alembic import context
from sqlalchemy import Connection, Engine
from sqlmodel import SQLModel

import backend.models  # noqa: F401  (registers every table on SQLModel.metadata)
from backend.core.crypto import EncryptedString
from backend.core.db import create_sync_engine
from backend.core.models import AwareDateTime
from backend.core.settings import Settings

target_metadata = SQLModel.metadata


def _render_item(kind: str, item: Any, autogen: Any) -> str | Literal[False]:
    # Column types of our own render as the plain SQLAlchemy type they store.
    if kind == "type" and isinstance(item, AwareDateTime):
        return "sa.DateTime(timezone=True)"
    if kind == "type" and isinstance(item, EncryptedString):
        return "sa.String(length=200)"
    return False


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_item=_render_item,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=True,
        compare_type=True,
    )


def _run(connection: Connection) -> None:
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    # The app (and pytest-alembic) hand over a connection or an engine; the CLI uses DATABASE_URL.
    given = context.config.attributes.get("connection")
    if isinstance(given, Connection):
        _run(given)
        return
    engine = given if isinstance(given, Engine) else create_sync_engine(Settings.from_env())
    with engine.connect() as connection:
        _run(connection)
        connection.commit()
    if given is None:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline migrations are not supported; run against a database.")
run_migrations_online()

"""Bring a database to the newest schema; the app calls this when it starts."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from backend.core.db import create_sync_engine
from backend.core.settings import ROOT, Settings


def alembic_config() -> Config:
    return Config(str(ROOT / "alembic.ini"))


def upgrade_database(settings: Settings) -> None:
    engine = create_sync_engine(settings)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    engine.dispose()


def prepare(settings: Settings) -> None:
    """Start-up work: newest schema, then the demo street if the database is empty; outside
    demo mode the demo users are switched off (their passwords are in the README)."""
    upgrade_database(settings)
    from backend.seed import disable_demo_users, seed_if_empty

    if settings.demo_data:
        seed_if_empty(settings)
    else:
        disable_demo_users(settings)

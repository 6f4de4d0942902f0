"""Production refuses a demo configuration; demo users exist only in demo mode."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select
from sqlmodel import col

from backend.accounts.models import User
from backend.core.app import create_app
from backend.core.crypto import DEMO_KEY
from backend.core.migrate import prepare
from backend.core.settings import Settings
from backend.factories import UserFactory, session

STRONG_KEY = "k" * 40


@pytest.mark.parametrize(
    ("key", "demo", "reason"),
    [
        (None, False, "DATA_ENCRYPTION_KEY is not set."),
        (DEMO_KEY, False, "DATA_ENCRYPTION_KEY is the demo key"),
        ("short", False, "shorter than 32 characters"),
        (STRONG_KEY, True, "DEMO_DATA must be off in production"),
    ],
)
def test_production_refuses_to_start_misconfigured(
    settings: Settings, key: str | None, demo: bool, reason: str
) -> None:
    production = Settings(
        database_url=settings.database_url, production=True, demo_data=demo, encryption_key=key
    )

    with pytest.raises(SystemExit, match=reason):
        create_app(production, prepare_database=False)


async def test_production_with_a_real_key_starts(settings: Settings) -> None:
    production = Settings(
        database_url=settings.database_url,
        production=True,
        demo_data=False,
        encryption_key=STRONG_KEY,
    )

    app = create_app(production, prepare_database=False)
    await app.state.database.dispose()


def test_outside_demo_mode_demo_users_are_switched_off(
    settings: Settings, sync_engine: Engine
) -> None:
    UserFactory.create(username="admin", is_demo=True)
    UserFactory.create(username="real-admin")

    prepare(Settings(database_url=settings.database_url, demo_data=False))

    session.expire_all()
    active = dict(session.execute(select(col(User.username), col(User.is_active))).all())
    assert active == {"admin": False, "real-admin": True}

"""Loading the demo street (see backend/demo.py) into a database."""

from __future__ import annotations

import logging

from sqlalchemy import func, select
from sqlmodel import col

from backend.core.db import create_sync_engine
from backend.core.settings import Settings
from backend.organisations.models import Organisation

logger = logging.getLogger("backend.seed")


def _database_is_empty(settings: Settings) -> bool:
    engine = create_sync_engine(settings)
    try:
        with engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(Organisation)).scalar() == 0
    finally:
        engine.dispose()


def seed_if_empty(settings: Settings) -> bool:
    if not _database_is_empty(settings):
        logger.info("database already has data; demo data not loaded")
        return False
    seed(settings)
    return True


def seed(settings: Settings) -> None:
    # The same factories build the tests' data: one source of fake but well-formed data.
    import factory.random

    from backend import factories
    from backend.demo import build_demo_street
    from backend.demo_data import RANDOM_SEED

    factory.random.reseed_random(RANDOM_SEED)
    factories.reset_sequences()
    engine = create_sync_engine(settings)
    factories.session.configure(bind=engine)
    try:
        with factories.bulk_mode():
            build_demo_street()
        factories.session.commit()
    finally:
        factories.session.remove()
        # The factories' session must not stay bound to the engine disposed here.
        factories.session.configure(bind=None)
        engine.dispose()
    logger.info("demo street loaded")


def disable_demo_users(settings: Settings) -> int:
    from sqlalchemy import update

    from backend.accounts.models import User

    engine = create_sync_engine(settings)
    try:
        with engine.begin() as connection:
            result = connection.execute(
                update(User)
                .where(col(User.is_demo).is_(True), col(User.is_active).is_(True))
                .values(is_active=False)
            )
            return int(result.rowcount or 0)
    finally:
        engine.dispose()

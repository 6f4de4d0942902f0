"""The migrations build exactly the schema the models describe, up and down, on both databases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.config import Config
from pytest_alembic.tests import (
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
from sqlalchemy import Engine

from backend.core.db import create_sync_engine
from backend.core.migrate import alembic_config as project_alembic_config
from backend.core.settings import Settings
from tests.conftest import new_database

__all__ = [
    "test_model_definitions_match_ddl",
    "test_single_head_revision",
    "test_up_down_consistency",
    "test_upgrade",
]


@pytest.fixture
def alembic_config() -> Config:
    return project_alembic_config()


@pytest.fixture
def alembic_engine(
    backend_name: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """An empty database of its own: these tests migrate up and down."""
    with new_database(backend_name, request, tmp_path_factory) as url:
        engine = create_sync_engine(Settings(database_url=url))
        yield engine
        engine.dispose()

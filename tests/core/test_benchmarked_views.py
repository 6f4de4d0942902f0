"""The views the benchmark measures answer, on the demo street, exactly what they answered
before the read path was tuned: byte for byte, on SQLite and on PostgreSQL, as the street
administrator. The answers are kept in `tests/core/golden/`; `UPDATE_GOLDEN=1` rewrites them,
for a change that means to change an answer (say so in the commit)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlmodel import col
from strawberry import relay

from backend.core.principal import Role
from backend.core.settings import Settings
from backend.factories import session
from backend.organisations.models import Organisation
from backend.seed import seed
from bench import candidates, workflow
from bench.__main__ import DIRECTORY_QUERY, community_id
from tests.client import GraphQLClient

GOLDEN = Path(__file__).parent / "golden"


def _views(engine: Engine) -> dict[str, tuple[str, dict[str, Any]]]:
    community = community_id(engine)
    organisation = str(relay.GlobalID("Organisation", str(community)))
    person = str(relay.GlobalID("Person", str(workflow.busiest_volunteer(engine, community))))
    return {
        "unit-directory": (DIRECTORY_QUERY, {"community": organisation}),
        "agenda-candidates": (
            candidates.QUERY,
            {"community": organisation, "before": candidates.BEFORE.isoformat()},
        ),
        "needs-board": (workflow.BOARD_QUERY, {"c": organisation}),
        "volunteer-ledger": (workflow.LEDGER_QUERY, {"person": person}),
    }


@pytest.fixture
def demo_street(settings: Settings, sync_engine: Engine) -> Engine:
    seed(settings)
    session.configure(bind=sync_engine)  # seeding binds the factories to an engine of its own
    return sync_engine


async def test_every_benchmarked_view_answers_as_before(
    gql: GraphQLClient, demo_street: Engine
) -> None:
    street = session.scalars(
        select(Organisation).where(col(Organisation.parent_id).is_(None))
    ).one()
    gql.sign_in(Role.STREET_ADMIN, street)

    for name, (query, variables) in _views(demo_street).items():
        answer = json.dumps(
            await gql.data(query, variables), ensure_ascii=False, indent=1, sort_keys=True
        )
        golden = GOLDEN / f"{name}.json"
        if os.environ.get("UPDATE_GOLDEN") == "1":
            golden.write_text(answer + "\n", encoding="utf-8")
        assert answer + "\n" == golden.read_text(encoding="utf-8"), name

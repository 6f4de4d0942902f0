"""The app serves the SPA with client-side routes falling back to index.html, and tunes the
garbage collector once it is built."""

from __future__ import annotations

import gc
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from backend.core.app import create_app
from backend.core.memory import THRESHOLDS
from backend.core.settings import Settings


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.js").write_text("console.log('app')", encoding="utf-8")
    (tmp_path / "index.html").write_text("<div id=root></div>", encoding="utf-8")
    return tmp_path


async def get(app: Starlette, path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        return await client.get(path)


async def test_spa_routes_fall_back_to_index_and_assets_are_served(
    settings: Settings, dist: Path
) -> None:
    app = create_app(
        Settings(database_url=settings.database_url, frontend_dist=dist), prepare_database=False
    )

    index = await get(app, "/units/VW5pdDox")
    asset = await get(app, "/assets/app.js")
    missing_asset = await get(app, "/assets/nope.js")
    health = await get(app, "/healthz")
    await app.state.database.dispose()

    assert (index.status_code, index.text) == (200, "<div id=root></div>")
    assert (asset.status_code, asset.text) == (200, "console.log('app')")
    assert missing_asset.status_code == 404
    assert health.json() == {"status": "ok"}


async def test_graphiql_is_offered_in_development_but_not_in_production(
    settings: Settings, dist: Path
) -> None:
    responses = {}
    for production in (False, True):
        app = create_app(
            Settings(
                database_url=settings.database_url,
                production=production,
                demo_data=False,
                encryption_key="k" * 40 if production else None,
            ),
            prepare_database=False,
        )
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            responses[production] = await client.get("/graphql", headers={"accept": "text/html"})
        await app.state.database.dispose()

    assert responses[False].status_code == 200
    assert "graphiql" in responses[False].text.lower()
    assert responses[True].status_code == 404


def test_the_start_up_objects_are_frozen_and_collections_are_rarer(settings: Settings) -> None:
    create_app(settings, prepare_database=False)

    # The schema, mappers and compiled statements built at start-up are out of the
    # collector's sight; what a request allocates is collected less often.
    assert gc.get_freeze_count() > 10_000
    assert gc.get_threshold() == THRESHOLDS

"""A pooled PostgreSQL connection that the server closed while it sat idle (a restart, a
firewall) is noticed before use and replaced: the request still succeeds."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import Engine, text

from backend.core import db
from backend.core.app import create_app
from backend.core.settings import Settings

TERMINATE = text("SELECT pg_terminate_backend(:pid)")

# A request that reaches the database: signing in with a wrong password.
SIGN_IN = {
    "query": 'mutation { sessionCreate(input: {username: "nobody", password: "x"})'
    " { errors { code } } }"
}


async def test_a_connection_closed_while_idle_is_replaced(
    backend_name: str, settings: Settings, sync_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend_name != "postgresql":
        pytest.skip("SQLite has no server to close connections")
    app = create_app(settings, prepare_database=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        assert (await client.post("/graphql", json=SIGN_IN)).is_success
        # The server ends the app's pooled connection (and no other test's).
        async with app.state.database.engine.connect() as pooled:
            pid = await pooled.scalar(text("SELECT pg_backend_pid()"))
        with sync_engine.connect() as connection:
            assert connection.execute(TERMINATE, {"pid": pid}).scalar_one() is True
        monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.0)

        response = await client.post("/graphql", json=SIGN_IN)

    await app.state.database.dispose()
    assert response.status_code == 200
    assert "errors" not in response.json(), response.text

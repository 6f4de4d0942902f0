"""The test client that talks to the app as a chosen caller, and the SQL statement counter; the
fixtures in conftest.py hand them to tests, which import the classes from here for their types."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import httpx
from sqlalchemy import select
from sqlmodel import col

from backend import factories
from backend.accounts.auth import SESSION_COOKIE
from backend.accounts.models import User
from backend.core.principal import Role
from backend.organisations.models import Organisation
from backend.units.models import ResidentUnit


class GraphQLClient:
    """Talks to the app through ASGI. Unless a test signs in as someone else (or out), it acts
    as a street administrator over every organisation tree that exists when it sends."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.http = client
        self.acting_as_admin = True
        self._admin: User | None = None
        self._granted_roots: set[int] = set()

    def sign_in(
        self, role: Role, organisation: Organisation, unit: ResidentUnit | None = None
    ) -> User:
        """Act as a new user holding one role over `organisation` (or, for a liaison, `unit`)."""
        user = factories.UserFactory.create()
        factories.RoleGrantFactory.create(
            user=user,
            role=role,
            organisation_id=organisation.id,
            unit_id=unit.id if unit is not None else None,
        )
        self._use_session(user)
        self.acting_as_admin = False
        return user

    def sign_out(self) -> None:
        self.http.cookies.clear()
        self.http.headers.pop("x-csrf-token", None)
        self.http.headers.pop("authorization", None)
        self.acting_as_admin = False

    def use_token(self, token: str) -> None:
        self.sign_out()
        self.http.headers["authorization"] = f"Bearer {token}"

    def _use_session(self, user: User) -> None:
        login = factories.LoginSessionFactory.create(user_id=user.id, secret=f"secret-{user.id}")
        self.http.cookies.set(SESSION_COOKIE, f"secret-{user.id}")
        self.http.headers["x-csrf-token"] = login.csrf_token

    def _ensure_admin(self) -> None:
        roots = factories.session.scalars(
            select(col(Organisation.id)).where(col(Organisation.parent_id).is_(None))
        ).all()
        if not roots:
            roots = [factories.StreetFactory.create(name="测试街道").id]
        if self._admin is None:
            self._admin = factories.UserFactory.create(username="street-admin")
            self._use_session(self._admin)
        for root in set(roots) - self._granted_roots:
            assert root is not None, "a saved organisation has an id"
            factories.RoleGrantFactory.create(user=self._admin, organisation_id=root)
            self._granted_roots.add(root)

    async def get(self, path: str) -> httpx.Response:
        """A plain GET (downloads) as the same caller."""
        if self.acting_as_admin:
            self._ensure_admin()
        return await self.http.get(path)

    async def post(self, query: str, variables: dict[str, Any] | None = None) -> httpx.Response:
        if self.acting_as_admin:
            self._ensure_admin()
        return await self.http.post("/graphql", json={"query": query, "variables": variables or {}})

    async def execute(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = await self.post(query, variables)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The `data` of a query that must succeed."""
        body = await self.execute(query, variables)
        assert "errors" not in body, json.dumps(body["errors"], ensure_ascii=False)
        result: dict[str, Any] = body["data"]
        return result


# Every signed-in request first reads its session, user and role grants in one statement.
AUTH_STATEMENTS = 1


class StatementCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


CountStatements = Callable[[], AbstractContextManager[StatementCounter]]

"""Per-request context: a database handle and the request's dataloaders."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from sqlalchemy import Executable
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from strawberry.dataloader import DataLoader

from backend.core.errors import PublicError
from backend.core.principal import ANONYMOUS, Principal
from backend.core.scope import Scope
from backend.core.settings import Settings

LoaderT = TypeVar("LoaderT", bound=DataLoader[Any, Any])


class RequestDb:
    """The request's session. Dataloader batches of one request may run concurrently, but an
    AsyncSession allows one operation at a time, so every statement goes through a lock."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._lock = asyncio.Lock()

    async def scalars(self, statement: Executable) -> Sequence[Any]:
        async with self._lock:
            result = await self.session.execute(statement)
            return result.scalars().all()

    async def add_and_commit(self, rows: Sequence[Any]) -> None:
        async with self._lock:
            self.session.add_all(rows)
            await self.session.commit()

    async def rows(self, statement: Executable) -> Sequence[Any]:
        async with self._lock:
            result = await self.session.execute(statement)
            return result.all()

    async def scalar(self, statement: Executable) -> Any:
        async with self._lock:
            result = await self.session.execute(statement)
            return result.scalar()


@dataclass
class Context:
    request: Request | None
    response: Response | None
    db: RequestDb
    settings: Settings
    principal: Principal = ANONYMOUS
    # The sign-in session behind a cookie, and whether the request proved it is not forged.
    session_id: int | None = None
    csrf_token: str | None = None
    csrf_ok: bool = True
    # Credentials were sent but refused (expired token, ended session): said on first use.
    auth_error: PublicError | None = None
    client_ip: str | None = None
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])
    _loaders: dict[type[Any], Any] = field(default_factory=dict)
    _scope: Scope | None = None

    def _loader_extras(self, loader_cls: type[Any]) -> tuple[Any, ...]:
        # Loaders that write (the audit of full personal-data reads) need the whole context.
        return (self,) if getattr(loader_cls, "needs_context", False) else ()

    def reset_scope(self) -> None:
        self._scope = None
        self._loaders.clear()

    def scope_for(self, roles: Any) -> Scope:
        """The scope of only the caller's grants of `roles` (API tokens keep theirs)."""
        if self.principal.is_token:
            return self.scope
        grants = tuple(g for g in self.principal.grants if g.role in roles)
        # Acting in a role, the caller's own rows (their notifications, their own service
        # records) do not count: a coordinator may not correct their own hours elsewhere.
        return replace(Scope.of(replace(self.principal, grants=grants)), user_id=None)

    @property
    def scope(self) -> Scope:
        if self._scope is None:
            self._scope = Scope.of(self.principal)
        return self._scope

    def loader(self, loader_cls: type[LoaderT]) -> LoaderT:
        """The request's instance of a loader class, built on first use (never shared)."""
        instance = self._loaders.get(loader_cls)
        if instance is None:
            instance = loader_cls(self.db, self.scope, *self._loader_extras(loader_cls))  # type: ignore[call-overload]
            self._loaders[loader_cls] = instance
        return instance  # type: ignore[no-any-return]

"""Per-request context: a database handle, the request's actor and its dataloaders. Only the
GraphQL layer and the HTTP handlers see it; services take the `Actor`."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from starlette.requests import Request
from starlette.responses import Response
from strawberry.dataloader import DataLoader

from backend.core.actor import Actor
from backend.core.db import RequestDb
from backend.core.errors import PublicError
from backend.core.principal import ANONYMOUS, Principal, Role
from backend.core.scope import Scope
from backend.core.settings import Settings

LoaderT = TypeVar("LoaderT", bound=DataLoader[Any, Any])


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
    _actor: Actor | None = None

    def _loader_extras(self, loader_cls: type[Any]) -> tuple[Any, ...]:
        # Loaders that write (the audit of full personal-data reads) need the actor.
        return (self.actor,) if getattr(loader_cls, "needs_actor", False) else ()

    def reset_scope(self) -> None:
        """After signing in, the rest of the request acts as the new principal."""
        self._actor = None
        self._loaders.clear()

    @property
    def actor(self) -> Actor:
        """Who acts in this request, built once from the authenticated principal."""
        if self._actor is None:
            self._actor = Actor(
                principal=self.principal, request_id=self.request_id, client_ip=self.client_ip
            )
        return self._actor

    def scope_for(self, roles: Iterable[Role]) -> Scope:
        """The scope of only the caller's grants of `roles` (API tokens keep theirs)."""
        return self.actor.acting_in(roles).scope

    @property
    def scope(self) -> Scope:
        return self.actor.scope

    def loader(self, loader_cls: type[LoaderT]) -> LoaderT:
        """The request's instance of a loader class, built on first use (never shared)."""
        instance = self._loaders.get(loader_cls)
        if instance is None:
            instance = loader_cls(self.db, self.scope, *self._loader_extras(loader_cls))  # type: ignore[call-overload]
            self._loaders[loader_cls] = instance
        return instance  # type: ignore[no-any-return]

"""Who acts in a request, as the rules see it: built once per request from the authenticated
principal, and handed to every service as `(session, actor, …)`. Nothing below the resolvers
sees the GraphQL context."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from backend.core.principal import ANONYMOUS, Principal, Role
from backend.core.scope import Scope


@dataclass(frozen=True)
class Actor:
    principal: Principal = ANONYMOUS
    request_id: str = ""
    client_ip: str | None = None
    # The roles the actor acts in (a rule's roles), or None for all of its grants. A convener
    # of one community who is also a unit's liaison elsewhere convenes only where they convene.
    acting_as: frozenset[Role] | None = field(default=None)

    @cached_property
    def scope(self) -> Scope:
        """What the actor may see: the grants of the roles it acts in (tokens keep theirs)."""
        if self.acting_as is None or self.principal.is_token:
            return Scope.of(self.principal)
        grants = tuple(g for g in self.principal.grants if g.role in self.acting_as)
        # Acting in a role, the actor's own rows (their notifications, their own service
        # records) do not count: a coordinator may not correct their own hours elsewhere.
        return replace(Scope.of(replace(self.principal, grants=grants)), user_id=None)

    def acting_in(self, roles: Iterable[Role]) -> Actor:
        """The same actor limited to the grants of `roles`."""
        return replace(self, acting_as=frozenset(roles))

    @property
    def user_id(self) -> int | None:
        return self.principal.user_id

    @property
    def person_id(self) -> int | None:
        """The person behind the signed-in user (a liaison, member or volunteer), if any."""
        return self.principal.person_id

    @property
    def token_id(self) -> int | None:
        return self.principal.token_id

    @property
    def is_token(self) -> bool:
        return self.principal.is_token

    def has_role(self, *roles: Role) -> bool:
        return self.principal.has_role(*roles)


SYSTEM = Actor(request_id="system")

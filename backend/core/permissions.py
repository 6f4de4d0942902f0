"""Who may call a root field or mutation: every one declares a `Rule`; none means denied.

A rule names the user roles allowed and the API-token scope that allows it. Which rows the
caller then sees is the scope's business (backend/core/scope.py).
"""

from __future__ import annotations

from typing import Any

from graphql import OperationType
from strawberry.extensions.field_extension import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.types import Info

from backend.core.errors import ErrorCode, PublicError
from backend.core.principal import Principal, Role
from backend.core.scope import ANY_TOKEN_SCOPE

# A rule's token_scope that any valid API token satisfies (rows are then limited by its scopes).
ANY_TOKEN = ANY_TOKEN_SCOPE
ALL_ROLES = frozenset(Role)
STAFF_ROLES = frozenset({Role.STREET_ADMIN, Role.CONVENER, Role.VOLUNTEER_COORDINATOR})


class Rule(BasePermission):
    def __init__(
        self,
        name: str,
        roles: frozenset[Role],
        *,
        token_scope: str | None = None,
        public: bool = False,
        any_user: bool = False,
    ) -> None:
        self.name = name
        self.roles = roles
        self.token_scope = token_scope
        self.public = public
        # Any signed-in user, with or without a role (signing out, changing one's password).
        self.any_user = any_user

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        if self.public:
            return True
        context = info.context
        if context.auth_error is not None:
            raise context.auth_error
        principal = context.principal
        if not principal.is_authenticated:
            raise PublicError("请先登录。", ErrorCode.UNAUTHENTICATED)
        if info.operation.operation is OperationType.MUTATION and not context.csrf_ok:
            raise PublicError("请求缺少有效的 CSRF 令牌，请刷新页面后重试。", ErrorCode.CSRF_FAILED)
        return self.permits(principal)

    def permits(self, principal: Principal) -> bool:
        """The rule's verdict on a caller, without the request (what the viewer may do)."""
        if self.public:
            return True
        if not principal.is_authenticated:
            return False
        if principal.is_token:
            return self._token_allowed(principal.scopes)
        return self.any_user or principal.has_role(*self.roles)

    def _token_allowed(self, scopes: frozenset[str]) -> bool:
        if self.token_scope == ANY_TOKEN:
            return bool(scopes)
        return self.token_scope is not None and self.token_scope in scopes

    def on_unauthorized(self) -> None:
        raise PublicError("无权执行此操作。", ErrorCode.FORBIDDEN)

    def allows(self, role: Role | None = None, token_scopes: frozenset[str] = frozenset()) -> bool:
        """The rule's verdict without a request: for the permission-matrix test."""
        if self.public:
            return True
        if role is not None:
            return self.any_user or role in self.roles
        return self._token_allowed(token_scopes)

    def __repr__(self) -> str:
        return f"Rule({self.name})"


def holds_grant_over(principal: Principal, roles: frozenset[Role], organisation_path: str) -> bool:
    """The one subtree predicate: a grant of one of `roles` whose subtree holds the organisation
    with this path (a community, a grid's community). API tokens hold no grants."""
    return any(
        grant.role in roles and organisation_path.startswith(grant.organisation_path)
        for grant in principal.grants
    )


def allow(rule: Rule) -> list[FieldExtension]:
    """The `extensions=` of a field guarded by `rule` (no schema directive is printed)."""
    return [PermissionExtension(permissions=[rule], use_directives=False)]


def rule_of(field: Any) -> Rule | None:
    for extension in getattr(field, "extensions", []) or []:
        if isinstance(extension, PermissionExtension):
            for permission in extension.permissions:
                if isinstance(permission, Rule):
                    return permission
    return None

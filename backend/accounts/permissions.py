from __future__ import annotations

from sqlalchemy import ColumnElement
from sqlmodel import col

from backend.accounts.models import ApiToken, User
from backend.core.permissions import ALL_ROLES, ANY_TOKEN, Rule
from backend.core.principal import Role
from backend.core.scope import Scope, visibility

ADMINS = frozenset({Role.STREET_ADMIN})

SIGN_IN = Rule("sessionCreate", frozenset(), public=True)
VIEWER = Rule("me", frozenset(), public=True)
SIGNED_IN = Rule("signedIn", ALL_ROLES, any_user=True)
NODE = Rule("node", ALL_ROLES, token_scope=ANY_TOKEN)
MANAGE_TOKENS = Rule("apiTokens", ADMINS)
# Users are named (audit log actors) to street administrators; never to tokens.
READ_USERS = Rule("users", ADMINS)


@visibility(ApiToken, read=MANAGE_TOKENS)
def _tokens(scope: Scope) -> ColumnElement[bool]:
    return scope.in_administered_subtrees(ApiToken.organisation_id)


@visibility(User, read=READ_USERS)
def _users(scope: Scope) -> ColumnElement[bool]:
    # Users are named (audit log actors) to street administrators of their street.
    from sqlalchemy import select

    from backend.accounts.models import RoleGrant

    granted = select(col(RoleGrant.user_id)).where(
        scope.in_administered_subtrees(col(RoleGrant.organisation_id))
    )
    return col(User.id).in_(granted)

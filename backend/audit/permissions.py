from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select
from sqlmodel import col

from backend.accounts.models import ApiToken, RoleGrant
from backend.audit.models import AuditLogEntry
from backend.core.permissions import Rule
from backend.core.principal import Role
from backend.core.scope import Scope, visibility

READ_AUDIT_LOG = Rule("auditLog", frozenset({Role.STREET_ADMIN}))


@visibility(AuditLogEntry, read=READ_AUDIT_LOG)
def _entries(scope: Scope) -> ColumnElement[bool]:
    """A street administrator reads what was done by users holding a role in their street,
    and by API tokens issued for it."""
    users = select(col(RoleGrant.user_id)).where(
        scope.in_administered_subtrees(col(RoleGrant.organisation_id))
    )
    tokens = select(col(ApiToken.id)).where(
        scope.in_administered_subtrees(col(ApiToken.organisation_id))
    )
    return or_(
        col(AuditLogEntry.user_id).in_(users),
        col(AuditLogEntry.token_id).in_(tokens),
    )

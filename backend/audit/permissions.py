from __future__ import annotations

from sqlalchemy import ColumnElement, false, true

from backend.audit.models import AuditLogEntry
from backend.core.permissions import Rule
from backend.core.principal import Role
from backend.core.scope import Scope, visibility

READ_AUDIT_LOG = Rule("auditLog", frozenset({Role.STREET_ADMIN}))


@visibility(AuditLogEntry, token_scope="admin")
def _entries(scope: Scope) -> ColumnElement[bool]:
    # Street administrators read the whole log: it records who acted, wherever they acted.
    return true() if scope.admin_paths else false()

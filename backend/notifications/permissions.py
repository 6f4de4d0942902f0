from __future__ import annotations

from sqlalchemy import ColumnElement

from backend.core.permissions import Rule
from backend.core.principal import Role
from backend.core.scope import Scope, visibility
from backend.notifications.models import WebhookEndpoint

MANAGE_WEBHOOKS = Rule("webhookEndpoints", frozenset({Role.STREET_ADMIN}))


@visibility(WebhookEndpoint, token_scope="admin")
def _endpoints(scope: Scope) -> ColumnElement[bool]:
    return scope.in_administered_subtrees(WebhookEndpoint.organisation_id)

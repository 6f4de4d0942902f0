from __future__ import annotations

from sqlalchemy import ColumnElement, false, select
from sqlmodel import col

from backend.accounts.models import User
from backend.core.permissions import Rule
from backend.core.principal import Role
from backend.core.scope import Scope, visibility
from backend.notifications.models import Notification, WebhookEndpoint

MANAGE_WEBHOOKS = Rule("webhookEndpoints", frozenset({Role.STREET_ADMIN}))


@visibility(WebhookEndpoint, read=MANAGE_WEBHOOKS)
def _endpoints(scope: Scope) -> ColumnElement[bool]:
    return scope.in_administered_subtrees(WebhookEndpoint.organisation_id)


# Notifications belong to one person: a signed-in user reads and marks only their own.
READ_OWN_NOTIFICATIONS = Rule("myNotifications", frozenset(), any_user=True)
MARK_NOTIFICATIONS_READ = Rule("notificationsMarkRead", frozenset(), any_user=True)


@visibility(Notification, read=READ_OWN_NOTIFICATIONS)
def _notifications(scope: Scope) -> ColumnElement[bool]:
    if scope.user_id is None:
        return false()
    own_person = select(col(User.person_id)).where(col(User.id) == scope.user_id)
    return col(Notification.person_id).in_(own_person)

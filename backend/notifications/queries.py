from __future__ import annotations

import strawberry
from sqlalchemy import select
from sqlmodel import col
from strawberry.types import Info

from backend.core.pagination import Connection, PageArgs, paginate
from backend.core.permissions import allow
from backend.notifications.models import WebhookEndpoint
from backend.notifications.permissions import MANAGE_WEBHOOKS, READ_OWN_NOTIFICATIONS
from backend.notifications.services import notifications_statement, unread_count
from backend.notifications.types import NotificationType, WebhookEndpointType


@strawberry.type
class WebhookQueries:
    @strawberry.field(description="事件推送地址（街道管理员）", extensions=allow(MANAGE_WEBHOOKS))
    async def webhook_endpoints(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[WebhookEndpointType]:
        statement = select(WebhookEndpoint).order_by(col(WebhookEndpoint.id))
        return await paginate(
            info, statement, PageArgs(first, after), WebhookEndpointType.from_model
        )


@strawberry.type
class NotificationQueries:
    @strawberry.field(
        description="我的站内通知（最新在前）", extensions=allow(READ_OWN_NOTIFICATIONS)
    )
    async def my_notifications(
        self,
        info: Info,
        unread_only: bool = False,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[NotificationType]:
        statement = notifications_statement(unread_only=unread_only)
        return await paginate(info, statement, PageArgs(first, after), NotificationType.from_model)

    @strawberry.field(description="我的未读通知数", extensions=allow(READ_OWN_NOTIFICATIONS))
    async def my_unread_notification_count(self, info: Info) -> int:
        return await unread_count(info.context.db, info.context.scope)

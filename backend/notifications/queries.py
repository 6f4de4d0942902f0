from __future__ import annotations

import strawberry
from sqlalchemy import select
from sqlmodel import col
from strawberry.types import Info

from backend.core.pagination import Connection, PageArgs, paginate
from backend.core.permissions import allow
from backend.notifications.models import WebhookEndpoint
from backend.notifications.permissions import MANAGE_WEBHOOKS
from backend.notifications.types import WebhookEndpointType


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

from __future__ import annotations

import secrets
from urllib.parse import urlparse

import strawberry
from strawberry.types import Info

from backend.audit.services import record
from backend.core.errors import InvalidArgument
from backend.core.ids import decode_id, load_in_scope
from backend.core.models import utcnow
from backend.core.permissions import allow
from backend.notifications.models import WebhookEndpoint
from backend.notifications.permissions import MANAGE_WEBHOOKS, MARK_NOTIFICATIONS_READ
from backend.notifications.services import mark_read, unread_count
from backend.notifications.types import WebhookEndpointType
from backend.organisations.models import Organisation


@strawberry.input(description="登记事件推送地址")
class WebhookEndpointCreateInput:
    organisation: strawberry.ID
    url: str
    events: str = "*"


@strawberry.type
class WebhookEndpointCreatePayload:
    endpoint: WebhookEndpointType
    secret: str = strawberry.field(description="签名密钥，只显示这一次")


def _check_url(url: str) -> str:
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc or len(url) > 500:
        raise InvalidArgument("input.url", "推送地址须是 http:// 或 https:// 开头的完整网址。")
    return url.strip()


@strawberry.type
class WebhookMutations:
    @strawberry.mutation(
        description="登记事件推送地址（街道管理员）", extensions=allow(MANAGE_WEBHOOKS)
    )
    async def webhook_endpoint_create(
        self, info: Info, input: WebhookEndpointCreateInput
    ) -> WebhookEndpointCreatePayload:
        organisation = await load_in_scope(
            info, input.organisation, Organisation, "organisation", acting_as=MANAGE_WEBHOOKS
        )
        secret = secrets.token_urlsafe(32)
        endpoint = WebhookEndpoint(
            organisation_id=organisation.id,
            url=_check_url(input.url),
            secret=secret,
            events=" ".join(input.events.split())[:500] or "*",
        )
        session = info.context.db.session
        session.add(endpoint)
        await session.flush()
        record(
            session,
            info.context.actor,
            "webhookEndpointCreate",
            object_type="WebhookEndpoint",
            object_id=endpoint.id,
            changes={"url": [None, endpoint.url]},
        )
        await session.commit()
        return WebhookEndpointCreatePayload(
            endpoint=WebhookEndpointType.from_model(endpoint), secret=secret
        )


MAX_MARKED_AT_ONCE = 100


@strawberry.input(description="把通知标为已读：给出 ids 只标这些，不给则全部标为已读")
class NotificationsMarkReadInput:
    ids: list[strawberry.ID] | None = None


@strawberry.type
class NotificationsMarkReadPayload:
    unread_count: int = strawberry.field(description="标记后仍未读的通知数")


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(
        description="把我的通知标为已读", extensions=allow(MARK_NOTIFICATIONS_READ)
    )
    async def notifications_mark_read(
        self, info: Info, input: NotificationsMarkReadInput
    ) -> NotificationsMarkReadPayload:
        ids = None
        if input.ids is not None:
            if len(input.ids) > MAX_MARKED_AT_ONCE:
                raise InvalidArgument("input.ids", f"一次最多标记 {MAX_MARKED_AT_ONCE} 条通知。")
            ids = [decode_id(value, "Notification", "input.ids") for value in input.ids]
        context = info.context
        await mark_read(context.db.session, context.scope, ids, utcnow())
        return NotificationsMarkReadPayload(
            unread_count=await unread_count(context.db, context.scope)
        )

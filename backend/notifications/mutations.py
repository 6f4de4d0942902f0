from __future__ import annotations

import strawberry
from strawberry.types import Info

from backend.core.errors import InvalidArgument
from backend.core.ids import decode_id, load_in_scope
from backend.core.limits import limited
from backend.core.models import key, utcnow
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.notifications import services
from backend.notifications.errors import NotificationErrorCode
from backend.notifications.permissions import MANAGE_WEBHOOKS, MARK_NOTIFICATIONS_READ
from backend.notifications.services import mark_read, register_webhook, unread_count
from backend.notifications.types import WebhookEndpointType
from backend.organisations.models import Organisation


@strawberry.type(description="通知与事件推送相关操作的错误")
class NotificationError:
    field: str | None
    code: NotificationErrorCode
    message: str


@strawberry.input(description="登记事件推送地址")
class WebhookEndpointCreateInput:
    organisation: strawberry.ID
    url: str = limited(services.URL_MAX)
    events: str = limited(services.EVENTS_MAX, default="*")


@strawberry.type
class WebhookEndpointCreatePayload:
    endpoint: WebhookEndpointType | None = None
    secret: str | None = strawberry.field(default=None, description="签名密钥，只显示这一次")
    errors: list[NotificationError] = strawberry.field(default_factory=list)


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
        session = info.context.db.session
        change = register_webhook(
            session, info.context.actor, key(organisation), url=input.url, events=input.events
        )
        endpoint, errors = await attempt(session, change, NotificationError)
        if endpoint is None:
            return WebhookEndpointCreatePayload(errors=errors)
        return WebhookEndpointCreatePayload(
            endpoint=WebhookEndpointType.from_model(endpoint), secret=endpoint.secret
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

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay

from backend.core.types import ModelNode, ModelType
from backend.notifications.loaders import NotificationByIdLoader


@strawberry.type(name="WebhookEndpoint", description="外部系统接收事件推送的地址")
class WebhookEndpointType(ModelType):
    id: strawberry.ID
    url: str
    events: str = strawberry.field(description="订阅的事件，空格分隔；* 表示全部")
    active: bool
    created_at: datetime

    @classmethod
    def from_model(cls, row: Any) -> WebhookEndpointType:
        return cls(
            id=strawberry.ID(str(row.id)),
            url=row.url,
            events=row.events,
            active=row.active,
            created_at=row.created_at,
        )


@strawberry.type(name="Notification", description="站内通知：发给本人的提醒")
class NotificationType(ModelNode):
    by_id_loader = NotificationByIdLoader

    id: relay.NodeID[int]
    kind: str = strawberry.field(description="通知类别，如 meeting.agenda_published")
    title: str
    body: str
    link: str | None = strawberry.field(description="应用内的页面路径，如 /meetings/12")
    read_at: datetime | None
    created_at: datetime

    @strawberry.field(description="是否已读")
    def is_read(self) -> bool:
        return self.read_at is not None

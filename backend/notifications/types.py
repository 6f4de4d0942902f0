from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from backend.core.types import ModelType


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

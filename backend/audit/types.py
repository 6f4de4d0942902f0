from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from backend.accounts.loaders import ApiTokenByIdLoader, UserByIdLoader
from backend.audit.loaders import AuditLogEntryByIdLoader
from backend.core.types import ModelNode


@strawberry.type(name="AuditLogEntry", description="审计日志：谁在何时从何处做了什么")
class AuditLogEntryType(ModelNode):
    by_id_loader = AuditLogEntryByIdLoader

    id: relay.NodeID[int]
    occurred_at: datetime
    ip: str | None
    request_id: str | None
    action: str = strawberry.field(description="变更名称或事件，如 apiTokenCreate")
    object_type: str | None
    object_id: int | None = strawberry.field(description="对象的数据库编号")
    changes: JSON | None = strawberry.field(description="变更前后的字段值 {字段: [前, 后]}")
    user_id: strawberry.Private[int | None]
    token_id: strawberry.Private[int | None]

    @strawberry.field(description="操作人")
    async def actor(self, info: Info) -> str:
        if self.user_id is not None:
            user = await info.context.loader(UserByIdLoader).load(self.user_id)
            return user.display_name if user else f"用户#{self.user_id}"
        if self.token_id is not None:
            token = await info.context.loader(ApiTokenByIdLoader).load(self.token_id)
            return f"API 令牌 {token.name}" if token else f"API 令牌#{self.token_id}"
        return "匿名"

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from backend.accounts.loaders import ApiTokenByIdLoader, UserByIdLoader
from backend.audit.labels import (
    action_label,
    field_label,
    format_value,
    object_kind,
    referenced_model,
)
from backend.audit.loaders import AuditLogEntryByIdLoader, AuditNameLoader
from backend.core.types import ModelNode, node_type_named


@strawberry.type(description="审计日志中一个字段的变更：变更前后的值按中文显示")
class AuditChange:
    field: str = strawberry.field(description="字段的内部名称，如 status")
    label: str = strawberry.field(description="字段的中文名，如 状态")
    before: str | None = strawberry.field(description="变更前的值（已格式化；空为无）")
    after: str | None = strawberry.field(description="变更后的值（已格式化；空为无）")


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

    @strawberry.field(description="操作的中文名，如 登记群众需求、社区下单：派给驻区单位")
    def action_label(self, info: Info) -> str:
        return action_label(info.schema._schema, self.action)

    @strawberry.field(description="对象类型的中文名，如 需求")
    def object_kind(self) -> str | None:
        return object_kind(self.object_type)

    @strawberry.field(description="对象的全局 ID（可用 node 查询；对象类型不是节点时为空）")
    def object_global_id(self) -> relay.GlobalID | None:
        if self.object_type is None or self.object_id is None:
            return None
        if node_type_named(self.object_type) is None:
            return None
        return relay.GlobalID(self.object_type, str(self.object_id))

    @strawberry.field(description="对象的名称或标题（已删除或无权查看时为空）")
    async def object_name(self, info: Info) -> str | None:
        if self.object_type is None or self.object_id is None:
            return None
        name: str | None = await info.context.loader(AuditNameLoader).load(
            (self.object_type, self.object_id)
        )
        return name

    @strawberry.field(description="逐个字段的变更，中文字段名，值已格式化（引用的对象显示名称）")
    async def change_list(self, info: Info) -> list[AuditChange]:
        return await _change_list(info, self.object_type, self.changes)


async def _change_list(info: Info, object_type: str | None, changes: Any) -> list[AuditChange]:
    if not isinstance(changes, dict):
        return []
    names = info.context.loader(AuditNameLoader)
    result = []
    for field, value in changes.items():
        before, after = value if _is_pair(value) else (None, value)
        model = referenced_model(object_type, field)
        result.append(
            AuditChange(
                field=field,
                label=field_label(field),
                before=await _shown(names, object_type, field, model, before),
                after=await _shown(names, object_type, field, model, after),
            )
        )
    return result


def _is_pair(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2


async def _shown(
    names: AuditNameLoader, object_type: str | None, field: str, model: str | None, value: Any
) -> str | None:
    """A referenced row by its name (its number when it is gone or out of sight)."""
    if model is not None and isinstance(value, int) and not isinstance(value, bool):
        name = await names.load((model, value))
        return name if name is not None else f"#{value}"
    return format_value(object_type, field, value)

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from backend.audit.labels import OBJECT_KINDS, action_label, recorded_actions
from backend.audit.permissions import READ_AUDIT_LOG
from backend.audit.services import audit_log_statement
from backend.audit.types import AuditLogEntryType
from backend.core.errors import InvalidArgument
from backend.core.pagination import Connection, PageArgs, paginate
from backend.core.permissions import allow


@strawberry.input(description="审计日志筛选条件")
class AuditLogFilter:
    action: str | None = None
    object_type: str | None = None
    since: datetime | None = None
    until: datetime | None = None


@strawberry.type(description="审计日志中的一个名称：内部值及其中文名")
class AuditLabel:
    value: str
    label: str


@strawberry.type(description="审计日志筛选可用的操作和对象类型，附中文名")
class AuditVocabulary:
    actions: list[AuditLabel]
    object_types: list[AuditLabel]


@strawberry.type
class AuditQueries:
    @strawberry.field(
        description="审计日志记录的操作和对象类型的中文名（街道管理员）",
        extensions=allow(READ_AUDIT_LOG),
    )
    def audit_vocabulary(self, info: Info) -> AuditVocabulary:
        schema = info.schema._schema
        return AuditVocabulary(
            actions=[
                AuditLabel(value=action, label=action_label(schema, action))
                for action in recorded_actions(schema)
            ],
            object_types=[
                AuditLabel(value=value, label=label) for value, label in OBJECT_KINDS.items()
            ],
        )

    @strawberry.field(description="审计日志（街道管理员）", extensions=allow(READ_AUDIT_LOG))
    async def audit_log(
        self,
        info: Info,
        filter: AuditLogFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[AuditLogEntryType]:
        filter = filter or AuditLogFilter()
        for name, value in (("since", filter.since), ("until", filter.until)):
            if value is not None and value.tzinfo is None:
                raise InvalidArgument(f"filter.{name}", f"参数 filter.{name} 须带时区。")
        statement = audit_log_statement(
            action=filter.action,
            object_type=filter.object_type,
            since=filter.since,
            until=filter.until,
        )
        return await paginate(
            info, statement, PageArgs(first, after, last, before), AuditLogEntryType.from_model
        )

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

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


@strawberry.type
class AuditQueries:
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

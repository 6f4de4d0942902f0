from __future__ import annotations

from backend.audit.models import AuditLogEntry
from backend.core.dataloaders import ByIdLoader


class AuditLogEntryByIdLoader(ByIdLoader[AuditLogEntry]):
    model = AuditLogEntry

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from strawberry.dataloader import DataLoader

from backend.audit.labels import model_named
from backend.audit.models import AuditLogEntry
from backend.core.dataloaders import ByIdLoader
from backend.core.scope import Scope, readable, visible


class AuditLogEntryByIdLoader(ByIdLoader[AuditLogEntry]):
    model = AuditLogEntry


class AuditNameLoader(DataLoader[tuple[str, int], str | None]):
    """What an audit entry's object or a changed reference is called: the row's title or name,
    by (model name, id); None for a row gone or out of the caller's sight. One statement per
    kind of row in a batch."""

    def __init__(self, db: Any, scope: Scope) -> None:
        super().__init__(load_fn=self._load)
        self.db = db
        self.scope = scope

    async def _load(self, keys: Sequence[tuple[str, int]]) -> list[str | None]:
        by_model: dict[str, set[int]] = defaultdict(set)
        for model_name, key in keys:
            by_model[model_name].add(key)
        names: dict[tuple[str, int], str] = {}
        for model_name, ids in by_model.items():
            model: Any = model_named(model_name)
            column = _name_column(model)
            if column is None or not readable(model, self.scope):
                continue
            statement = select(model.id, column).where(
                model.id.in_(sorted(ids)), visible(model, self.scope)
            )
            for row_id, name in await self.db.rows(statement):
                names[(model_name, row_id)] = name
        return [names.get(key) for key in keys]


def _name_column(model: Any) -> Any:
    if model is None:
        return None
    for name in ("title", "name", "display_name", "username"):
        if name in model.__table__.c:
            return model.__table__.c[name]
    return None

"""Generic batch loaders: one `IN` query per batch, results in key order, and only rows the
caller's scope lets it see (see backend/core/scope.py).

Area loaders subclass these and name the model and key column, e.g.
`ResidentUnitsByCommunityLoader(ListByKeyLoader[ResidentUnit])`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import select
from sqlmodel import SQLModel
from strawberry.dataloader import DataLoader

from backend.core.scope import Scope, readable, visible

ModelT = TypeVar("ModelT", bound=SQLModel)


class ByIdLoader(DataLoader[int, ModelT | None], Generic[ModelT]):
    """Rows by primary key, for to-one relations of rows already visible; None for a key with
    no row or a table the caller may not read. `node(id)` checks the row itself (see types)."""

    model: ClassVar[type[SQLModel]]

    def __init__(self, db: Any, scope: Scope) -> None:
        super().__init__(load_fn=self._load)
        self.db = db
        self.scope = scope

    async def _load(self, keys: Sequence[int]) -> list[ModelT | None]:
        model: Any = self.model
        if not readable(model, self.scope):
            return [None] * len(keys)
        rows = await self.db.scalars(select(model).where(model.id.in_(keys)))
        by_id = {row.id: row for row in rows}
        return [by_id.get(key) for key in keys]


class ListByKeyLoader(DataLoader[int, list[ModelT]], Generic[ModelT]):
    """All rows whose `key` column equals each key, in `order_by` order."""

    model: ClassVar[type[SQLModel]]
    key: ClassVar[str]
    order_by: ClassVar[tuple[str, ...]] = ("id",)
    # The column of `_statement`'s rows that holds the key, when it is not `key` (a loader
    # that selects columns under other names); the compiled read path groups rows by it.
    row_key: ClassVar[str | None] = None

    def __init__(self, db: Any, scope: Scope) -> None:
        super().__init__(load_fn=self._load)
        self.db = db
        self.scope = scope

    def _statement(self, keys: Sequence[int]) -> Any:
        model: Any = self.model
        column = getattr(model, self.key)
        order = [getattr(model, name) for name in self.order_by]
        statement = select(model).where(column.in_(keys), visible(model, self.scope))
        if hasattr(model, "archived_at"):
            statement = statement.where(model.archived_at.is_(None))
        return statement.order_by(*order)

    async def _load(self, keys: Sequence[int]) -> list[list[ModelT]]:
        grouped: dict[int, list[ModelT]] = defaultdict(list)
        for row in await self.db.scalars(self._statement(keys)):
            grouped[getattr(row, self.key)].append(row)
        return [grouped.get(key, []) for key in keys]

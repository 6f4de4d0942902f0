"""Generic batch loaders: one `IN` query per batch, results in key order.

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

ModelT = TypeVar("ModelT", bound=SQLModel)


class ByIdLoader(DataLoader[int, ModelT | None], Generic[ModelT]):
    """Rows by primary key; None for a key with no row."""

    model: ClassVar[type[SQLModel]]

    def __init__(self, db: Any) -> None:
        super().__init__(load_fn=self._load)
        self.db = db

    async def _load(self, keys: Sequence[int]) -> list[ModelT | None]:
        model: Any = self.model
        rows = await self.db.scalars(select(model).where(model.id.in_(keys)))
        by_id = {row.id: row for row in rows}
        return [by_id.get(key) for key in keys]


class ListByKeyLoader(DataLoader[int, list[ModelT]], Generic[ModelT]):
    """All rows whose `key` column equals each key, in `order_by` order."""

    model: ClassVar[type[SQLModel]]
    key: ClassVar[str]
    order_by: ClassVar[tuple[str, ...]] = ("id",)

    def __init__(self, db: Any) -> None:
        super().__init__(load_fn=self._load)
        self.db = db

    def _statement(self, keys: Sequence[int]) -> Any:
        model: Any = self.model
        column = getattr(model, self.key)
        order = [getattr(model, name) for name in self.order_by]
        statement = select(model).where(column.in_(keys))
        if hasattr(model, "archived_at"):
            statement = statement.where(model.archived_at.is_(None))
        return statement.order_by(*order)

    async def _load(self, keys: Sequence[int]) -> list[list[ModelT]]:
        grouped: dict[int, list[ModelT]] = defaultdict(list)
        for row in await self.db.scalars(self._statement(keys)):
            grouped[getattr(row, self.key)].append(row)
        return [grouped.get(key, []) for key in keys]

"""The pages of the root lists of a compiled run: one UNION ALL per entity for their rows and
totals (a COUNT first or after when they need one), as `PageLoader` reads them for the
resolvers (`read_pages`), as plain rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import Any

from sqlalchemy import select, union_all
from strawberry.dataloader import DataLoader

from backend.core.errors import PublicError
from backend.core.pagination import (
    MAX_UNION_PARTS,
    Page,
    PageRequest,
    Window,
    _count,
    _tagged_page,
    counted,
    read_pages,
)

Rows = Callable[[Any, dict[str, Any]], Awaitable[Sequence[Any]]]

# Built statements: a root list's statement by (root field, arguments, scope), and the COUNT
# and UNION ALL of the lists of a request by the statements and windows they join. Building
# them (subqueries, their columns, their cache keys) costs more than SQLite takes to run
# them; the same few views ask for the same ones again and again. The composed ones are keyed
# by the statements themselves (they compare by identity, and the key keeps them alive: an
# id() could be reused by another scope's statement once the first is freed).
MAX_CACHED = 4096
_STATEMENTS: dict[Any, Any] = {}


def cached(key: Any, build: Callable[[], Any]) -> Any:
    statement = _STATEMENTS.get(key)
    if statement is None:
        if len(_STATEMENTS) >= MAX_CACHED:
            _STATEMENTS.clear()
        statement = _STATEMENTS[key] = build()
    return statement


def frozen(value: Any) -> Any:
    """Argument values as a hashable key; each value with its type (True, 1 and 1.0 are
    equal as keys)."""
    if isinstance(value, dict):
        return tuple(sorted((k, frozen(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(frozen(v) for v in value)
    return (type(value), value)


class Pages(DataLoader[PageRequest, Page]):
    def __init__(self, rows: Rows) -> None:
        super().__init__(load_fn=self._load, cache=False)
        self.rows = rows

    async def _load(self, requests: Sequence[PageRequest]) -> list[Page | PublicError]:
        return await read_pages(requests, self._count, self._pages)

    async def _count(self, requests: Sequence[PageRequest]) -> list[int]:
        counts = cached(
            ("count", *(r.counting for r in requests)),
            lambda: select(*(_count(r.counting).scalar_subquery() for r in requests)),
        )
        return [int(total) for total in (await self.rows(counts, {}))[0]]

    async def _pages(
        self,
        requests: Sequence[PageRequest],
        windows: Sequence[Window | PublicError],
        with_total: bool,
    ) -> list[tuple[list[Any], int | None]]:
        groups: dict[Any, dict[int, Window]] = defaultdict(dict)
        for i, win in enumerate(windows):
            if isinstance(win, Window) and win.limit:
                statement = requests[i].statement
                groups[tuple(c.key for c in statement.selected_columns)][i] = win
        pages: list[tuple[list[Any], int | None]] = [([], None) for _ in requests]
        for group in groups.values():
            parts = list(group.items())
            if len(parts) == 1:
                ((i, win),) = parts
                statement = requests[i].statement
                counting = requests[i].counting if with_total else None
                page = cached(
                    ("page", statement, win, counting), partial(_page, statement, win, counting)
                )
                rows = list(await self.rows(page, {}))
                pages[i] = (rows, rows[0].page_total if rows and with_total else None)
                continue
            for start in range(0, len(parts), MAX_UNION_PARTS):
                chunk = parts[start : start + MAX_UNION_PARTS]
                parts_key = tuple(
                    (i, requests[i].statement, requests[i].counting, win) for i, win in chunk
                )
                tagged = cached(
                    ("union", with_total, parts_key), partial(_union, requests, chunk, with_total)
                )
                for row in await self.rows(tagged, {}):
                    rows, _ = pages[row.page_list]
                    rows.append(row)
                    pages[row.page_list] = (rows, row.page_total if with_total else None)
        return pages


def _page(statement: Any, win: Window, counting: Any = None) -> Any:
    page = statement.offset(win.offset).limit(win.limit)
    return page if counting is None else counted(page, counting)


def _union(
    requests: Sequence[PageRequest], chunk: Sequence[tuple[int, Window]], with_total: bool
) -> Any:
    union = union_all(
        *(
            _tagged_page(
                i, requests[i].statement, win, requests[i].counting if with_total else None
            )
            for i, win in chunk
        )
    ).subquery()
    return select(union).order_by(union.c.page_list, union.c.page_position)

"""Cursor connections with `totalCount`, at most `MAX_PAGE_SIZE` nodes a page.

Cursors encode an offset into the ordered result, as strawberry's ListConnection does: every
list has a deterministic order (its ordering field, then the primary key), so an offset names
one row for as long as the data does not change under the reader.
"""

from __future__ import annotations

import enum
import sys
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry
from sqlalchemy import Select, func, literal, select, union_all
from sqlalchemy.orm import aliased
from strawberry.dataloader import DataLoader
from strawberry.relay.utils import from_base64, to_base64

from backend.core.errors import ErrorCode, InvalidArgument, PublicError
from backend.core.prefetch import prefetch
from backend.core.scope import visible

MAX_PAGE_SIZE = 100
# SQLite takes at most 500 parts in one compound SELECT.
MAX_UNION_PARTS = 400
DEFAULT_PAGE_SIZE = 20
CURSOR_PREFIX = "cursor"

NodeT = TypeVar("NodeT")
RowT = TypeVar("RowT")


@strawberry.enum(description="排序方向")
class OrderDirection(enum.Enum):
    ASC = "asc"
    DESC = "desc"


@strawberry.type(description="分页信息")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo
    total_count: int = strawberry.field(description="符合条件的总数")

    @strawberry.field(description="本页的对象，等同于 edges 中的 node")
    def nodes(self) -> list[NodeT]:
        return [edge.node for edge in self.edges]


@dataclass(frozen=True)
class PageArgs:
    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None


@dataclass(frozen=True)
class Window:
    offset: int
    limit: int


def _decode_cursor(cursor: str, argument: str) -> int:
    try:
        prefix, raw = from_base64(cursor)
        offset = int(raw)
    except ValueError as exc:
        raise InvalidArgument(argument, f"参数 {argument} 的游标无效。") from exc
    if prefix != CURSOR_PREFIX or offset < 0:
        raise InvalidArgument(argument, f"参数 {argument} 的游标无效。")
    return offset


def _check_size(value: int | None, argument: str) -> None:
    if value is None:
        return
    if value < 0:
        raise InvalidArgument(argument, f"参数 {argument} 不能为负数。")
    if value > MAX_PAGE_SIZE:
        raise PublicError(
            f"参数 {argument} 为 {value}，每页最多 {MAX_PAGE_SIZE} 条。",
            ErrorCode.PAGE_SIZE_EXCEEDED,
            argument=argument,
            maximum=MAX_PAGE_SIZE,
        )


def window(args: PageArgs, total: int) -> Window:
    """The slice [offset, offset + limit) of `total` rows that the arguments ask for."""
    _check_size(args.first, "first")
    _check_size(args.last, "last")
    if args.first is not None and args.last is not None:
        raise InvalidArgument("last", "参数 first 和 last 不能同时使用。")
    start = _decode_cursor(args.after, "after") + 1 if args.after is not None else 0
    end = _decode_cursor(args.before, "before") if args.before is not None else total
    end = max(start, min(end, total))
    if args.last is not None:
        start = max(start, end - args.last)
    else:
        end = min(end, start + (args.first if args.first is not None else DEFAULT_PAGE_SIZE))
    return Window(offset=start, limit=end - start)


def build_connection(nodes: Sequence[NodeT], win: Window, total: int) -> Connection[NodeT]:
    edges = [
        Edge(cursor=to_base64(CURSOR_PREFIX, win.offset + i), node=node)
        for i, node in enumerate(nodes)
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_previous_page=win.offset > 0,
            has_next_page=win.offset + len(edges) < total,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )


async def connection_from_list(
    info: Any, items: Sequence[RowT], args: PageArgs, to_node: Callable[[RowT], NodeT]
) -> Connection[NodeT]:
    """Paginate a list already in memory (nested relations loaded through a dataloader), with
    the relations the query selects under its nodes loaded ahead."""
    win = window(args, len(items))
    nodes = [to_node(item) for item in items[win.offset : win.offset + win.limit]]
    await prefetch(info, nodes)
    return build_connection(nodes, win, len(items))


@dataclass(frozen=True, eq=False)
class PageRequest:
    """One list's ordered SELECT, already limited to the caller's scope, and its page."""

    statement: Select[Any]
    args: PageArgs
    # The same rows without what only the page needs (the to-one relations the compiled read
    # path joins to them), for counting them: SQLite reads every row's joins in a COUNT too.
    plain: Select[Any] | None = None

    @property
    def counting(self) -> Select[Any]:
        return self.statement if self.plain is None else self.plain


@dataclass(frozen=True)
class Page:
    rows: Sequence[Any]
    window: Window
    total: int


def _count(statement: Select[Any]) -> Any:
    return select(func.count()).select_from(statement.order_by(None).subquery())


TOTAL = "page_total"


def counted(page: Select[Any], counting: Select[Any]) -> Select[Any]:
    """The page with each row carrying the number of rows `counting` selects (`page_total`):
    a COUNT as an uncorrelated subquery, which the database computes once, as it would a
    COUNT of its own, without reading the rows beyond the page (as a window count would)."""
    return page.add_columns(_count(counting).scalar_subquery().label(TOTAL))


def _tagged_page(
    index: int, statement: Select[Any], win: Window, counting: Select[Any] | None = None
) -> Select[Any]:
    """The page of one list as a part of a UNION ALL: its rows tagged with the list and their
    place in its order (a UNION ALL keeps neither), and with `counting` the list's total."""
    # The statement's own ORDER BY; every list statement has one, ending with the primary key.
    order = statement._order_by_clauses
    tagged = statement.add_columns(
        literal(index).label("page_list"),
        func.row_number().over(order_by=order).label("page_position"),
    )
    page = tagged.offset(win.offset).limit(win.limit)
    return select((page if counting is None else counted(page, counting)).subquery())


# What a page loader reads: the totals of some lists; the rows of each list's window with,
# when asked for (`with_total`), the total its rows carry (None: no row came back).
CountLists = Callable[[Sequence[PageRequest]], Awaitable[list[int]]]
FetchPages = Callable[
    [Sequence[PageRequest], Sequence["Window | PublicError"], bool],
    Awaitable[list[tuple[list[Any], int | None]]],
]


async def read_pages(
    requests: Sequence[PageRequest], count: CountLists, fetch: FetchPages
) -> list[Page | PublicError]:
    """The pages of the lists one request reads side by side. A page placed from the start
    (`first`/`after`) is read with its list's total in the same statement (`counted`);
    one placed from the end (`last`/`before`) needs the totals first, from a COUNT. The
    totals an empty page cannot carry (past the end, or `first: 0`) are counted after."""
    opened = _opened_windows(requests)
    if opened is None:
        totals = await count(requests)
        windows = windows_of(requests, totals)
        fetched = await fetch(requests, windows, False)
        return pages_of(windows, [rows for rows, _ in fetched], totals)
    fetched = await fetch(requests, opened, True)
    found: list[int | None] = [
        _known_total(win, total) for win, (_, total) in zip(opened, fetched, strict=True)
    ]
    missing = [i for i, total in enumerate(found) if total is None]
    if missing:
        for i, total in zip(missing, await count([requests[i] for i in missing]), strict=True):
            found[i] = total
    totals = [total or 0 for total in found]
    # The windows again, now that the totals are known: the same rows, clamped to the list.
    return pages_of(windows_of(requests, totals), [rows for rows, _ in fetched], totals)


def _opened_windows(requests: Sequence[PageRequest]) -> list[Window | PublicError] | None:
    """Each list's window when none needs its total to be placed, else None."""
    for request in requests:
        if request.args.last is not None or request.args.before is not None:
            return None
    return windows_of(requests, [sys.maxsize] * len(requests))


def _known_total(win: Window | PublicError, total: int | None) -> int | None:
    if isinstance(win, PublicError) or total is not None:
        return 0 if total is None else total
    # No row came back: an empty list, if the page started at its beginning.
    return 0 if win.offset == 0 and win.limit > 0 else None


def windows_of(
    requests: Sequence[PageRequest], totals: Sequence[int]
) -> list[Window | PublicError]:
    """Each list's window; a bad cursor fails its own list, not its siblings."""
    windows: list[Window | PublicError] = []
    for request, total in zip(requests, totals, strict=True):
        try:
            windows.append(window(request.args, total))
        except PublicError as refused:
            windows.append(refused)
    return windows


def pages_of(
    windows: Sequence[Window | PublicError], rows: Sequence[Sequence[Any]], totals: Sequence[int]
) -> list[Page | PublicError]:
    return [
        win if isinstance(win, PublicError) else Page(rows[i], win, totals[i])
        for i, win in enumerate(windows)
    ]


class PageLoader(DataLoader[PageRequest, Page]):
    """The pages of the lists one request asks for side by side (the six status columns of
    the needs board), read together: one statement for all their counts, one for all their
    rows with their totals (`read_pages`). Every list then resolves in the same turn of the
    event loop, so the loaders of their nested fields batch across the lists too."""

    def __init__(self, db: Any, _scope: Any) -> None:
        super().__init__(load_fn=self._load, cache=False)
        self.db = db

    async def _load(self, requests: Sequence[PageRequest]) -> list[Page | PublicError]:
        return await read_pages(requests, self._count, self._rows)

    async def _count(self, requests: Sequence[PageRequest]) -> list[int]:
        if len(requests) == 1:
            return [int(await self.db.scalar(_count(requests[0].counting)))]
        counts = select(*(_count(r.counting).scalar_subquery() for r in requests))
        return [int(total) for total in (await self.db.rows(counts))[0]]

    async def _rows(
        self,
        requests: Sequence[PageRequest],
        windows: Sequence[Window | PublicError],
        with_total: bool,
    ) -> list[tuple[list[Any], int | None]]:
        # Lists of the same entity share a UNION ALL; another entity's lists get their own.
        groups: dict[Any, dict[int, Window]] = defaultdict(dict)
        for i, win in enumerate(windows):
            if isinstance(win, Window) and win.limit:
                statement = requests[i].statement
                shape = (
                    statement.column_descriptions[0]["entity"],
                    len(statement.selected_columns),
                )
                groups[shape][i] = win
        pages: list[tuple[list[Any], int | None]] = [([], None) for _ in requests]
        for (entity, _), group in groups.items():
            if len(group) == 1:
                ((i, win),) = group.items()
                pages[i] = await self._page(requests[i], win, with_total)
                continue
            parts = list(group.items())
            for start in range(0, len(parts), MAX_UNION_PARTS):
                chunk = parts[start : start + MAX_UNION_PARTS]
                await self._union(requests, entity, chunk, pages, with_total)
        return pages

    async def _page(
        self, request: PageRequest, win: Window, with_total: bool
    ) -> tuple[list[Any], int | None]:
        page = request.statement.offset(win.offset).limit(win.limit)
        if not with_total:
            return list(await self.db.scalars(page)), None
        found = await self.db.rows(counted(page, request.counting))
        return [row[0] for row in found], (found[0][-1] if found else None)

    async def _union(
        self,
        requests: Sequence[PageRequest],
        entity: Any,
        parts: Sequence[tuple[int, Window]],
        pages: list[tuple[list[Any], int | None]],
        with_total: bool,
    ) -> None:
        union = union_all(
            *(
                _tagged_page(
                    i, requests[i].statement, win, requests[i].counting if with_total else None
                )
                for i, win in parts
            )
        ).subquery()
        columns = [union.c.page_list, union.c.page_total] if with_total else [union.c.page_list]
        tagged = select(aliased(entity, union), *columns).order_by(
            union.c.page_list, union.c.page_position
        )
        for row, index, *total in await self.db.rows(tagged):
            rows, _ = pages[index]
            rows.append(row)
            pages[index] = (rows, total[0] if total else None)


async def paginate(
    info: Any,
    statement: Select[Any],
    args: PageArgs,
    to_node: Callable[[Any], NodeT],
) -> Connection[NodeT]:
    """Run an ordered, filtered SELECT of one entity as a page, limited to the rows the
    caller's scope lets it see: a COUNT and a SELECT, shared with the sibling lists of the
    same request (`PageLoader`)."""
    _check_size(args.first, "first")
    _check_size(args.last, "last")
    entity = statement.column_descriptions[0]["entity"]
    statement = statement.where(visible(entity, info.context.scope))
    page = await info.context.loader(PageLoader).load(PageRequest(statement, args))
    nodes = [to_node(row) for row in page.rows]
    await prefetch(info, nodes)
    return build_connection(nodes, page.window, page.total)

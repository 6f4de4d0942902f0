"""Cursor connections with `totalCount`, at most `MAX_PAGE_SIZE` nodes a page.

Cursors encode an offset into the ordered result, as strawberry's ListConnection does: every
list has a deterministic order (its ordering field, then the primary key), so an offset names
one row for as long as the data does not change under the reader.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry
from sqlalchemy import Select, func, select
from strawberry.relay.utils import from_base64, to_base64

from backend.core.errors import ErrorCode, InvalidArgument, PublicError
from backend.core.scope import visible

MAX_PAGE_SIZE = 100
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


def connection_from_list(
    items: Sequence[RowT], args: PageArgs, to_node: Callable[[RowT], NodeT]
) -> Connection[NodeT]:
    """Paginate a list already in memory (nested relations loaded through a dataloader)."""
    win = window(args, len(items))
    page = items[win.offset : win.offset + win.limit]
    return build_connection([to_node(item) for item in page], win, len(items))


async def paginate(
    info: Any,
    statement: Select[Any],
    args: PageArgs,
    to_node: Callable[[Any], NodeT],
) -> Connection[NodeT]:
    """Run an ordered, filtered SELECT of one entity as a page: one COUNT and one SELECT, both
    limited to the rows the caller's scope lets it see."""
    _check_size(args.first, "first")
    _check_size(args.last, "last")
    db = info.context.db
    entity = statement.column_descriptions[0]["entity"]
    statement = statement.where(visible(entity, info.context.scope))
    count_statement = select(func.count()).select_from(statement.order_by(None).subquery())
    total = int(await db.scalar(count_statement))
    win = window(args, total)
    rows = await db.scalars(statement.offset(win.offset).limit(win.limit)) if win.limit else []
    return build_connection([to_node(row) for row in rows], win, total)

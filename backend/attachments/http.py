"""`/attachments/<id>`: a file's bytes, under the same rules as the API (signed in or a token,
and the file visible through what it is attached to, or "not found")."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import select
from sqlmodel import col
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from backend.attachments.models import Attachment
from backend.attachments.permissions import READ_ATTACHMENTS
from backend.core.context import Context
from backend.core.downloads import download, refusal, request_context, require
from backend.core.errors import ErrorCode, PublicError
from backend.core.ids import decode_id
from backend.core.scope import visible


async def _attachment(request: Request, context: Context) -> Response:
    await require(request, context, READ_ATTACHMENTS)
    raw = request.path_params["attachment"]
    key = decode_id(raw, "Attachment", "attachment")
    rows = await context.db.scalars(
        select(Attachment).where(col(Attachment.id) == key, visible(Attachment, context.scope))
    )
    if not rows:
        raise PublicError(f"找不到 ID 为“{raw}”的对象。", ErrorCode.NOT_FOUND)
    attachment: Attachment = rows[0]
    return download(attachment.content, attachment.content_type, attachment.filename)


def routes(database: Any, settings: Any) -> list[Route]:
    async def endpoint(request: Request) -> Response:
        async with request_context(database, settings, request) as context:
            try:
                return await _attachment(request, context)
            except PublicError as refused:
                return refusal(refused)

    endpoint_fn: Callable[[Request], Awaitable[Response]] = endpoint
    return [Route("/attachments/{attachment}", endpoint_fn)]

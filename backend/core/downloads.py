"""Shared pieces of the file downloads served beside GraphQL (minutes, invitations,
attachments, certificates): the same sign-in and rules as the API, refusals as JSON."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from backend.accounts.auth import authenticate, client_ip
from backend.core.context import Context
from backend.core.db import RequestDb
from backend.core.errors import ErrorCode, PublicError
from backend.core.permissions import Rule

STATUS_FOR = {
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.INVALID_ID: 404,
}


def refusal(error: PublicError, status: int | None = None) -> JSONResponse:
    body = {"errors": [{"message": error.message, "extensions": error.extensions}]}
    return JSONResponse(body, status_code=status or STATUS_FOR.get(error.code, 400))


def download(body: bytes, media_type: str, filename: str) -> Response:
    disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
    return Response(body, media_type=media_type, headers={"Content-Disposition": disposition})


@asynccontextmanager
async def request_context(database: Any, settings: Any, request: Request) -> AsyncIterator[Context]:
    async with database.session() as session:
        yield Context(
            request=request,
            response=None,
            db=RequestDb(session),
            settings=settings,
            client_ip=client_ip(request),
        )


async def require(request: Request, context: Context, rule: Rule) -> None:
    """Signed in (or a token) and allowed by `rule`, as the GraphQL field it mirrors."""
    await authenticate(request, context)
    if context.auth_error is not None:
        raise context.auth_error
    principal = context.principal
    if not principal.is_authenticated:
        raise PublicError("请先登录。", ErrorCode.UNAUTHENTICATED)
    allowed = (
        rule.allows(token_scopes=principal.scopes)
        if principal.is_token
        else any(rule.allows(role=g.role) for g in principal.grants) or rule.any_user
    )
    if not allowed:
        raise PublicError("无权执行此操作。", ErrorCode.FORBIDDEN)

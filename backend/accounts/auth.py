"""Who sent a request: `Authorization: Bearer <API token>`, or the sign-in session cookie.

Credentials that were sent but refused are remembered on the context and reported by the first
guarded field, in Chinese; the request itself still runs, so public fields (sign-in) work.
"""

from __future__ import annotations

import hmac

from starlette.requests import Request

from backend.accounts.services import (
    SignedIn,
    authenticate_session,
    authenticate_token,
    principal_for_user,
)
from backend.core.context import Context
from backend.core.errors import ErrorCode, PublicError
from backend.core.models import key

SESSION_COOKIE = "gj_session"
CSRF_HEADER = "x-csrf-token"
MAX_CREDENTIAL_LENGTH = 200


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def is_https(request: Request) -> bool:
    # uvicorn's proxy_headers turns X-Forwarded-Proto from a trusted proxy into the scheme.
    return request.url.scheme == "https"


def _refused(message: str) -> PublicError:
    return PublicError(message, ErrorCode.UNAUTHENTICATED)


async def authenticate(request: Request, context: Context) -> None:
    authorization = request.headers.get("authorization")
    if authorization is not None:
        await _authenticate_bearer(authorization, context)
        return
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        await _authenticate_cookie(request, cookie, context)


async def _authenticate_bearer(authorization: str, context: Context) -> None:
    scheme, _, value = authorization.partition(" ")
    value = value.strip()
    if scheme.lower() != "bearer" or not value or len(value) > MAX_CREDENTIAL_LENGTH:
        context.auth_error = _refused("Authorization 请求头应为“Bearer <API 令牌>”。")
        return
    try:
        found = await authenticate_token(context.db.session, value, context.client_ip)
    except PublicError as refused:
        context.auth_error = refused
        return
    if found is None:
        context.auth_error = _refused("API 令牌无效。")
        return
    context.principal = found.principal


async def _authenticate_cookie(request: Request, cookie: str, context: Context) -> None:
    found = (
        await authenticate_session(context.db, cookie)
        if len(cookie) <= MAX_CREDENTIAL_LENGTH
        else None
    )
    if found is None:
        context.auth_error = _refused("登录已失效，请重新登录。")
        return
    context.principal = found.principal
    context.session_id = found.session_id
    context.csrf_token = found.csrf_token
    sent = request.headers.get(CSRF_HEADER, "")
    # A cookie is sent by the browser on its own; the header proves the page itself asked.
    # Compared as bytes: compare_digest refuses str with non-ASCII characters (a header may hold them).
    context.csrf_ok = bool(found.csrf_token) and hmac.compare_digest(
        sent.encode(), (found.csrf_token or "").encode()
    )


async def adopt_session(context: Context, signed_in: SignedIn) -> None:
    """After signing in, the rest of the request acts as the new user."""
    context.principal = await principal_for_user(context.db.session, key(signed_in.user))
    context.csrf_token = signed_in.csrf_token
    context.auth_error = None
    context.reset_scope()

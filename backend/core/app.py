"""The ASGI application: GraphQL at /graphql, the built SPA at /, a health check."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Message, Receive, Scope, Send
from strawberry.asgi import GraphQL

from backend.accounts.auth import authenticate, client_ip
from backend.attachments.http import routes as attachment_routes
from backend.core.context import Context
from backend.core.crypto import DEMO_KEY, configure_keyring
from backend.core.db import Database, RequestDb
from backend.core.memory import settle_after_start_up
from backend.core.schema import schema
from backend.core.settings import Settings
from backend.meetings.http import routes as meeting_routes
from backend.notifications.delivery import run_forever
from backend.volunteering.http import routes as volunteering_routes

logger = logging.getLogger("backend")

# GraphQL documents and variables are small; anything bigger is refused before parsing.
MAX_REQUEST_BYTES = 256 * 1024
MAX_UPLOAD_REQUEST_BYTES = 26 * 1024 * 1024


Authenticator = Callable[[Request, Context], Awaitable[None]]


class GraphQLApp(GraphQL[Context, None]):
    def __init__(
        self, database: Database, settings: Settings, authenticator: Authenticator = authenticate
    ) -> None:
        super().__init__(
            schema,
            graphql_ide=None if settings.production else "graphiql",
            allow_queries_via_get=False,
            multipart_uploads_enabled=True,
        )
        self.database = database
        self.settings = settings
        self.authenticator = authenticator

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = await _read_body(receive, _body_limit(scope))
        if body is None:
            await _too_large(scope, receive, send)
            return
        # One session per request, closed (rolled back if unfinished) when the response is sent.
        async with self.database.session() as session:
            db = RequestDb(session, self.database.reader, self.database.autocommit)
            scope.setdefault("state", {})["db"] = db
            try:
                await super().__call__(scope, _replay(body, receive), send)
            finally:
                await db.settle()

    async def get_context(self, request: Any, response: Any) -> Context:
        context = Context(
            request=request,
            response=response,
            db=request.state.db,
            settings=self.settings,
            client_ip=client_ip(request),
        )
        await self.authenticator(request, context)
        return context


def _body_limit(scope: Scope) -> int:
    # Evidence uploads (multipart) may carry a few photos; a plain GraphQL request may not.
    headers = dict(scope.get("headers") or [])
    multipart = headers.get(b"content-type", b"").startswith(b"multipart/form-data")
    return MAX_UPLOAD_REQUEST_BYTES if multipart else MAX_REQUEST_BYTES


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None once it passes `limit` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    response = JSONResponse(
        {
            "data": None,
            "errors": [
                {
                    "message": f"请求过大，最多 {MAX_REQUEST_BYTES // 1024} KB。",
                    "extensions": {"code": "REQUEST_TOO_LARGE"},
                }
            ],
        },
        status_code=413,
    )
    await response(scope, receive, send)


def _spa_routes(dist: Path) -> list[Any]:
    index = dist / "index.html"

    async def spa(request: Request) -> Response:
        # Client-side routes (/units/42) all answer with the SPA's index page.
        if not index.exists():
            return PlainTextResponse(
                "前端尚未构建：请运行 make run（或 cd frontend && npm ci && npm run build）。",
                status_code=503,
            )
        return FileResponse(index)

    routes: list[Any] = []
    assets = dist / "assets"
    if assets.is_dir():
        routes.append(Mount("/assets", app=StaticFiles(directory=assets), name="assets"))
    for static_file in ("favicon.ico", "favicon.svg", "robots.txt"):
        if (dist / static_file).exists():
            routes.append(Route(f"/{static_file}", _file_endpoint(dist / static_file)))
    routes.append(Route("/{path:path}", spa, methods=["GET", "HEAD"]))
    return routes


def _file_endpoint(path: Path) -> Any:
    async def endpoint(_request: Request) -> Response:
        return FileResponse(path)

    return endpoint


async def _health(_request: Request) -> Response:
    return JSONResponse({"status": "ok"})


def create_app(
    settings: Settings | None = None,
    *,
    prepare_database: bool = True,
    authenticator: Authenticator = authenticate,
) -> Starlette:
    """Build the app. With `prepare_database`, start-up migrates the database and, in demo
    mode, loads the demo street into an empty one. `authenticator` decides who a request is
    (the benchmark swaps it to measure what authentication costs)."""
    settings = settings or Settings.from_env()
    problems = settings.problems()
    if problems:
        raise SystemExit("Refusing to start in production mode: " + " ".join(problems))
    configure_keyring(settings.encryption_key or DEMO_KEY)
    database = Database(settings)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        if prepare_database:
            from backend.core.migrate import prepare

            await anyio.to_thread.run_sync(prepare, settings)
        deliverer = (
            asyncio.create_task(run_forever(database)) if settings.deliver_webhooks else None
        )
        yield
        if deliverer is not None:
            deliverer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await deliverer
        await database.dispose()

    graphql_app = GraphQLApp(database, settings, authenticator)
    routes: list[Any] = [
        Route("/graphql", graphql_app, methods=["GET", "POST"]),
        Route("/healthz", _health),
        *meeting_routes(database, settings),
        *attachment_routes(database, settings),
        *volunteering_routes(database, settings),
        *_spa_routes(settings.frontend_dist),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.database = database
    app.state.settings = settings
    settle_after_start_up()
    return app

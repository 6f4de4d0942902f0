"""Downloads outside GraphQL: minutes (.docx, PDF) and the calendar invitation (.ics).

The same rules as the API: signed in (cookie) or an API token with read:meetings, and the
meeting inside the caller's scope, or "not found".
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import select
from sqlmodel import col
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from backend.core.context import Context
from backend.core.downloads import download, refusal, request_context, require
from backend.core.errors import ErrorCode, PublicError
from backend.core.ids import decode_id
from backend.core.scope import visible
from backend.meetings import minutes
from backend.meetings.models import AgendaItem, JointMeeting, MeetingStatus
from backend.meetings.permissions import READ_MEETINGS

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
WITH_MINUTES = (MeetingStatus.CLOSED, MeetingStatus.MINUTES_PUBLISHED)


async def _signed_in_reader(request: Request, context: Context) -> None:
    """Signed in (or a token) and allowed to read meetings, as the jointMeetings field."""
    await require(request, context, READ_MEETINGS)


async def _meeting(request: Request, context: Context) -> JointMeeting:
    await _signed_in_reader(request, context)
    raw = request.path_params["meeting"]
    key = decode_id(raw, "JointMeeting", "meeting")
    rows = await context.db.scalars(
        select(JointMeeting).where(
            col(JointMeeting.id) == key, visible(JointMeeting, context.scope)
        )
    )
    if not rows:
        raise PublicError(f"找不到 ID 为“{raw}”的对象。", ErrorCode.NOT_FOUND)
    meeting: JointMeeting = rows[0]
    return meeting


Handler = Callable[[Request, Context, JointMeeting], Awaitable[Response]]


def _endpoint(
    database: Any, settings: Any, handler: Handler
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        async with request_context(database, settings, request) as context:
            try:
                meeting = await _meeting(request, context)
                return await handler(request, context, meeting)
            except PublicError as refused:
                return refusal(refused)

    return endpoint


async def _minutes_data(context: Context, meeting: JointMeeting) -> minutes.MinutesData:
    if meeting.status not in WITH_MINUTES:
        raise PublicError(
            f"会议当前为“{meeting.status.label}”，会议结束后才有纪要。", ErrorCode.INVALID_ARGUMENT
        )
    return await minutes.load_minutes(context.db.session, meeting)


async def _docx(_request: Request, context: Context, meeting: JointMeeting) -> Response:
    data = await _minutes_data(context, meeting)
    return download(minutes.minutes_docx(data), DOCX, f"{data.title}.docx")


async def _pdf(_request: Request, context: Context, meeting: JointMeeting) -> Response:
    data = await _minutes_data(context, meeting)
    return download(minutes.minutes_pdf(data), "application/pdf", f"{data.title}.pdf")


async def _ics(request: Request, context: Context, meeting: JointMeeting) -> Response:
    titles = await context.db.scalars(
        select(col(AgendaItem.title))
        .where(col(AgendaItem.meeting_id) == meeting.id)
        .order_by(col(AgendaItem.position))
    )
    body = minutes.invitation_ics(meeting, list(titles), request.url.hostname or "localhost")
    return download(body, "text/calendar; charset=utf-8", f"{meeting.title}.ics")


def routes(database: Any, settings: Any) -> list[Route]:
    return [
        Route("/meetings/{meeting}/minutes.docx", _endpoint(database, settings, _docx)),
        Route("/meetings/{meeting}/minutes.pdf", _endpoint(database, settings, _pdf)),
        Route("/meetings/{meeting}/invitation.ics", _endpoint(database, settings, _ics)),
    ]

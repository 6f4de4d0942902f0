"""The hours certificate download: /volunteers/<person>/certificate.pdf, for the volunteer
themself or whoever may read their ledger."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
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
from backend.organisations.models import Organisation
from backend.people.models import Person
from backend.volunteering.certificate import Certificate, ServiceLine, certificate_pdf
from backend.volunteering.models import ServiceRecord
from backend.volunteering.permissions import READ_LEDGER, VOLUNTEER_SELF


async def _person(request: Request, context: Context) -> Person:
    raw = request.path_params["person"]
    key = decode_id(raw, "Person", "person")
    own = context.actor.person_id
    statement = select(Person).where(col(Person.id) == key)
    if own != key:
        # Someone else's certificate: whoever may read that volunteer's ledger.
        if not any(READ_LEDGER.allows(role=g.role) for g in context.principal.grants):
            raise PublicError("无权执行此操作。", ErrorCode.FORBIDDEN)
        statement = statement.where(visible(Person, context.scope_for(READ_LEDGER.roles)))
    rows = await context.db.scalars(statement)
    if not rows:
        raise PublicError(f"找不到 ID 为“{raw}”的对象。", ErrorCode.NOT_FOUND)
    person: Person = rows[0]
    return person


async def _certificate(request: Request, context: Context) -> Response:
    await require(request, context, VOLUNTEER_SELF)
    person = await _person(request, context)
    records = await context.db.scalars(
        select(ServiceRecord)
        .where(col(ServiceRecord.person_id) == person.id, col(ServiceRecord.archived_at).is_(None))
        .order_by(col(ServiceRecord.started_at), col(ServiceRecord.id))
    )
    community = (
        await context.db.session.get(Organisation, person.community_id)
        if person.community_id
        else None
    )
    data = Certificate(
        name=person.name,
        issuer=community.name if community else "志愿服务组织",
        lines=[ServiceLine(r.started_at, r.description, r.minutes, r.points) for r in records],
        issued_on=date.today(),
    )
    return download(certificate_pdf(data), "application/pdf", f"志愿服务时长证明-{person.name}.pdf")


def _endpoint(database: Any, settings: Any) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        async with request_context(database, settings, request) as context:
            try:
                return await _certificate(request, context)
            except PublicError as refused:
                return refusal(refused)

    return endpoint


def routes(database: Any, settings: Any) -> list[Route]:
    return [Route("/volunteers/{person}/certificate.pdf", _endpoint(database, settings))]

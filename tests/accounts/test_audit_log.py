"""The audit log: street administrators read what happened in their street, with filters."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from backend.accounts.models import User
from backend.audit.models import AuditLogEntry
from backend.core.principal import Role
from backend.factories import (
    CommunityFactory,
    RoleGrantFactory,
    StreetFactory,
    UserFactory,
    session,
)
from tests.client import GraphQLClient

LOG = """
query L($filter: AuditLogFilter) {
  auditLog(filter: $filter) { totalCount nodes { action objectType objectId actor ip changes } }
}
"""


def entry(user: User, action: str, when: dt.datetime, **changes: list[object]) -> None:
    session.add(
        AuditLogEntry(
            user_id=user.id,
            action=action,
            occurred_at=when,
            ip="10.0.0.8",
            object_type="ApiToken",
            object_id=7,
            changes=changes or None,
        )
    )
    session.commit()


async def test_an_administrator_filters_the_log_of_their_street(gql: GraphQLClient) -> None:
    street, other_street = (
        StreetFactory.create(name="湖寮镇党委"),
        StreetFactory.create(name="另一街道"),
    )
    convener = UserFactory.create(display_name="城西召集人")
    RoleGrantFactory.create(
        user=convener, role=Role.CONVENER, organisation_id=CommunityFactory.create(street=street).id
    )
    outsider = UserFactory.create(display_name="外街道用户")
    RoleGrantFactory.create(
        user=outsider,
        role=Role.CONVENER,
        organisation_id=CommunityFactory.create(street=other_street).id,
    )
    now = dt.datetime.now(dt.UTC)
    entry(convener, "apiTokenCreate", now - dt.timedelta(days=2), name=[None, "区级平台"])
    entry(convener, "proposalTriage", now - dt.timedelta(hours=1))
    entry(outsider, "apiTokenCreate", now)
    gql.sign_in(Role.STREET_ADMIN, street)

    everything = await gql.data(LOG)
    tokens = await gql.data(LOG, {"filter": {"action": "apiTokenCreate"}})
    recent = await gql.data(LOG, {"filter": {"since": (now - dt.timedelta(days=1)).isoformat()}})

    assert [n["action"] for n in everything["auditLog"]["nodes"]] == [
        "proposalTriage",
        "apiTokenCreate",
    ]
    assert tokens["auditLog"]["nodes"] == [
        {
            "action": "apiTokenCreate",
            "objectType": "ApiToken",
            "objectId": 7,
            "actor": "城西召集人",
            "ip": "10.0.0.8",
            "changes": {"name": [None, "区级平台"]},
        }
    ]
    assert [n["action"] for n in recent["auditLog"]["nodes"]] == ["proposalTriage"]


async def test_a_naive_time_in_the_filter_is_refused(gql: GraphQLClient) -> None:
    StreetFactory.create()

    body = await gql.execute(LOG, {"filter": {"since": "2026-01-01T00:00:00"}})

    assert body["errors"][0]["extensions"] == {
        "code": "INVALID_ARGUMENT",
        "argument": "filter.since",
    }


def test_entries_cannot_be_changed_or_deleted() -> None:
    user = UserFactory.create()
    entry(user, "sessionCreate", dt.datetime.now(dt.UTC))
    stored = session.scalars(select(AuditLogEntry)).one()

    stored.action = "tampered"
    with pytest.raises(PermissionError):
        session.commit()
    session.rollback()
    session.delete(session.scalars(select(AuditLogEntry)).one())
    with pytest.raises(PermissionError):
        session.commit()
    session.rollback()

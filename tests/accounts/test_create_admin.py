"""`python -m backend create-admin`: the first street administrator of an empty installation."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select
from sqlmodel import col

from backend.__main__ import main
from backend.accounts.models import RoleGrant, User
from backend.audit.models import AuditLogEntry
from backend.core.principal import Role
from backend.core.settings import Settings
from backend.factories import session
from backend.organisations.models import Organisation, OrganisationKind
from tests.accounts.test_sign_in import payload, sign_in
from tests.client import GraphQLClient

PASSWORD = "Huliao#Street2027"


def create_admin(monkeypatch: pytest.MonkeyPatch, settings: Settings, *args: str) -> int:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("ADMIN_PASSWORD", PASSWORD)
    return main(["create-admin", *args])


async def test_the_first_administrator_signs_in_at_once_over_the_new_street(
    gql: GraphQLClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("--username", "liujie", "--street", "湖寮镇党委", "--name", "刘洁")
    # The command runs its own event loop, as it does from a shell.
    created = await asyncio.to_thread(create_admin, monkeypatch, settings, *args)
    again = await asyncio.to_thread(create_admin, monkeypatch, settings, *args)

    signed_in = payload(await sign_in(gql, "liujie", PASSWORD))

    assert (created, again) == (0, 1)
    assert signed_in["errors"] == []
    assert signed_in["me"]["displayName"] == "刘洁"
    assert signed_in["me"]["roles"] == [
        {"role": "STREET_ADMIN", "roleLabel": "街道管理员", "organisation": {"name": "湖寮镇党委"}}
    ]
    street = session.scalars(select(Organisation)).one()
    assert (street.kind, street.path) == (OrganisationKind.STREET_COMMITTEE, f"/{street.id}/")
    assert session.scalars(select(col(User.username))).all() == ["liujie"]
    assert {e.action for e in session.scalars(select(AuditLogEntry))} >= {"createAdmin"}


def test_a_second_administrator_joins_the_street_and_a_weak_password_is_refused(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        create_admin(monkeypatch, settings, "--username", "liujie", "--street", "湖寮镇党委") == 0
    )
    assert (
        create_admin(monkeypatch, settings, "--username", "wangli", "--street", "湖寮镇党委") == 0
    )
    mistyped = create_admin(monkeypatch, settings, "--username", "zhouyu", "--street", "湖寮街道")
    assert "没有名为“湖寮街道”的街道；已有“湖寮镇党委”" in capsys.readouterr().err
    monkeypatch.setenv("ADMIN_PASSWORD", "short")
    weak = main(["create-admin", "--username", "zhaoqi", "--street", "湖寮镇党委"])

    assert (mistyped, weak) == (1, 1)
    assert "密码至少" in capsys.readouterr().err
    grants = session.scalars(select(RoleGrant)).all()
    assert [(g.role, g.organisation_id) for g in grants] == [
        (Role.STREET_ADMIN, grants[0].organisation_id)
    ] * 2
    assert len(session.scalars(select(Organisation)).all()) == 1


def test_a_password_typed_twice_must_match(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    typed = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(typed))

    refused = main(["create-admin", "--username", "liujie", "--street", "湖寮镇党委"])

    assert refused == 1
    assert "两次输入的密码不一致" in capsys.readouterr().err
    assert session.scalars(select(User)).all() == []

"""Signing in and out of the SPA: argon2id passwords, the session cookie, CSRF, throttling."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlmodel import col
from starlette.applications import Starlette

from backend.accounts.models import LoginSession, User
from backend.audit.models import AuditLogEntry
from backend.core.crypto import keyring
from backend.core.principal import Role
from backend.factories import (
    DEFAULT_PASSWORD,
    CommunityFactory,
    PersonFactory,
    RoleGrantFactory,
    UserFactory,
    session,
)
from tests.client import GraphQLClient

SIGN_IN = """
mutation SignIn($username: String!, $password: String!) {
  sessionCreate(input: {username: $username, password: $password}) {
    me { username displayName csrfToken roles { role roleLabel organisation { name } } }
    errors { field code message }
  }
}
"""
ME = "{ me { username roles { role } } }"
SIGN_OUT = "mutation { sessionEnd { errors { message } } }"


@pytest.fixture
def convener() -> User:
    community = CommunityFactory.create(name="城西社区党委")
    person = PersonFactory.create(mobile="13800138000")
    user = UserFactory.create(
        username="zhangsan",
        display_name="张三",
        person_id=person.id,
        mobile_hash=keyring().search_hash("13800138000"),
    )
    RoleGrantFactory.create(user=user, role=Role.CONVENER, organisation_id=community.id)
    return user


async def sign_in(
    gql: GraphQLClient, username: str, password: str = DEFAULT_PASSWORD
) -> httpx.Response:
    gql.sign_out()
    return await gql.post(SIGN_IN, {"username": username, "password": password})


def payload(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["sessionCreate"]
    return result


def stored_user(user: User) -> User:
    """The user as the database holds it now."""
    stored = session.get(User, user.id)
    assert stored is not None
    return stored


async def test_signing_in_by_username_sets_a_protected_session_cookie(
    gql: GraphQLClient, convener: User
) -> None:
    response = await sign_in(gql, "zhangsan")

    result = payload(response)
    assert result["errors"] == []
    assert result["me"]["roles"] == [
        {
            "role": "CONVENER",
            "roleLabel": "联席会议召集人",
            "organisation": {"name": "城西社区党委"},
        }
    ]
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("gj_session=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    me = await gql.data(ME)
    assert me["me"] == {"username": "zhangsan", "roles": [{"role": "CONVENER"}]}


async def test_signing_in_by_mobile_number_works_too(gql: GraphQLClient, convener: User) -> None:
    result = payload(await sign_in(gql, "13800138000"))

    assert result["me"]["username"] == "zhangsan"


async def test_behind_https_the_cookie_is_secure(app: Starlette, convener: User) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://gov.example") as client:
        response = await client.post(
            "/graphql",
            json={
                "query": SIGN_IN,
                "variables": {"username": "zhangsan", "password": DEFAULT_PASSWORD},
            },
        )

    assert "Secure" in response.headers["set-cookie"]


@pytest.mark.parametrize("username", ["zhangsan", "nobody"])
async def test_a_wrong_password_or_unknown_user_reads_the_same(
    gql: GraphQLClient, convener: User, username: str
) -> None:
    result = payload(await sign_in(gql, username, "Wrong#password1"))

    assert result["me"] is None
    assert result["errors"] == [
        {"field": None, "code": "INVALID_CREDENTIALS", "message": "用户名或密码错误。"}
    ]
    assert "set-cookie" not in (await sign_in(gql, username, "x")).headers


async def test_repeated_failures_slow_down_then_lock_the_account(
    gql: GraphQLClient, convener: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The clock stands still: on a busy machine four argon2 checks can outlast the first wait.
    frozen = dt.datetime.now(dt.UTC)
    monkeypatch.setattr("backend.accounts.services.utcnow", lambda: frozen)
    codes = []
    for _ in range(3):
        codes.append(
            payload(await sign_in(gql, "zhangsan", "Wrong#password1"))["errors"][0]["code"]
        )
    throttled = payload(await sign_in(gql, "zhangsan"))["errors"][0]

    assert codes == ["INVALID_CREDENTIALS"] * 3
    assert throttled["code"] == "TRY_LATER"
    assert "秒后再试" in throttled["message"]

    # given the waits have passed each time, three more failures lock the account
    for _ in range(3):
        session.expire_all()
        user = stored_user(convener)
        user.next_attempt_at = None
        session.commit()
        await sign_in(gql, "zhangsan", "Wrong#password1")
    locked = payload(await sign_in(gql, "zhangsan"))["errors"][0]

    assert locked["code"] == "LOCKED"
    assert "分钟后再试" in locked["message"]
    failures = session.scalars(
        select(AuditLogEntry).where(col(AuditLogEntry.action) == "sessionCreate.failed")
    ).all()
    assert len(failures) == 6


async def test_the_lock_ends_after_its_time(gql: GraphQLClient, convener: User) -> None:
    user = stored_user(convener)
    user.locked_until = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    session.commit()

    result = payload(await sign_in(gql, "zhangsan"))

    assert result["errors"] == []


async def test_signing_out_ends_the_session_for_good(gql: GraphQLClient, convener: User) -> None:
    csrf = payload(await sign_in(gql, "zhangsan"))["me"]["csrfToken"]
    cookie = gql.http.cookies.get("gj_session")
    assert cookie is not None
    gql.http.headers["x-csrf-token"] = csrf

    await gql.data(SIGN_OUT)
    gql.http.cookies.set("gj_session", cookie)  # an old copy of the cookie
    body = await gql.execute("{ residentUnits { totalCount } }")

    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert body["errors"][0]["message"] == "登录已失效，请重新登录。"
    ended = session.scalars(select(LoginSession)).one()
    assert ended.ended_at is not None


@pytest.mark.parametrize("cookie", ["tampered", "x" * 5000, "gj_session=; DROP TABLE"])
async def test_a_tampered_cookie_is_refused_and_the_server_keeps_serving(
    gql: GraphQLClient, convener: User, cookie: str
) -> None:
    gql.sign_out()
    gql.http.cookies.set("gj_session", cookie)

    body = await gql.execute("{ residentUnits { totalCount } }")
    public = await gql.execute(ME)

    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert public == {"data": {"me": None}}


async def test_mutations_with_the_cookie_need_the_csrf_header(
    gql: GraphQLClient, convener: User
) -> None:
    payload(await sign_in(gql, "zhangsan"))
    gql.http.headers.pop("x-csrf-token", None)

    body = await gql.execute(SIGN_OUT)

    assert body["errors"][0]["extensions"]["code"] == "CSRF_FAILED"
    assert session.scalars(select(LoginSession)).one().ended_at is None  # nothing changed


async def test_a_csrf_header_that_is_not_ascii_is_refused_not_a_crash(
    gql: GraphQLClient, convener: User
) -> None:
    payload(await sign_in(gql, "zhangsan"))
    gql.http.headers.encoding = "latin-1"  # a byte past ASCII, as any client may send
    gql.http.headers["x-csrf-token"] = "é"

    body = await gql.execute(SIGN_OUT)

    assert body["errors"][0]["extensions"]["code"] == "CSRF_FAILED"


async def test_changing_the_password_follows_the_rule_and_ends_other_sessions(
    gql: GraphQLClient, convener: User
) -> None:
    change = """
    mutation Change($current: String!, $new: String!) {
      passwordChange(input: {currentPassword: $current, newPassword: $new}) {
        errors { field code message }
      }
    }
    """
    other_browser = payload(await sign_in(gql, "zhangsan"))
    assert other_browser["errors"] == []
    me = payload(await sign_in(gql, "zhangsan"))["me"]
    gql.http.headers["x-csrf-token"] = me["csrfToken"]

    weak = await gql.data(change, {"current": DEFAULT_PASSWORD, "new": "short"})
    wrong = await gql.data(change, {"current": "nope", "new": "Better#Password9"})
    good = await gql.data(change, {"current": DEFAULT_PASSWORD, "new": "Better#Password9"})

    assert weak["passwordChange"]["errors"] == [
        {"field": "newPassword", "code": "WEAK_PASSWORD", "message": "密码至少 10 位。"}
    ]
    assert wrong["passwordChange"]["errors"][0]["field"] == "currentPassword"
    assert good["passwordChange"]["errors"] == []
    sessions = session.scalars(select(LoginSession).order_by(col(LoginSession.id))).all()
    assert [s.ended_at is not None for s in sessions] == [True, False]
    assert payload(await sign_in(gql, "zhangsan", "Better#Password9"))["errors"] == []


async def test_very_long_credentials_and_variables_are_refused_cleanly(
    gql: GraphQLClient, convener: User
) -> None:
    long_name = payload(await sign_in(gql, "张" * 20_000, "x"))
    huge = await gql.http.post(
        "/graphql",
        json={"query": ME, "variables": {"blob": "x" * 3_000_000}},
    )

    assert long_name["errors"][0]["code"] == "INVALID_CREDENTIALS"
    assert huge.status_code == 413
    assert huge.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"
    assert (await gql.execute(ME))["data"] == {"me": None}


async def test_parallel_guesses_cannot_outrun_the_attempt_counter(
    gql: GraphQLClient, convener: User
) -> None:
    import asyncio

    gql.sign_out()
    attempts = [
        gql.post(SIGN_IN, {"username": "zhangsan", "password": f"Wrong#guess{n}"})
        for n in range(12)
    ]
    results = [payload(r)["errors"][0]["code"] for r in await asyncio.gather(*attempts)]

    assert results.count("INVALID_CREDENTIALS") <= 3
    assert set(results) <= {"INVALID_CREDENTIALS", "TRY_LATER"}

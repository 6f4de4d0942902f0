"""API tokens for external systems: issued once, stored as a hash, scoped, revocable."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from backend.accounts.models import ApiToken
from backend.audit.models import AuditLogEntry
from backend.core.principal import Role
from backend.factories import (
    ApiTokenFactory,
    CommunityFactory,
    MeetingFactory,
    ResidentUnitFactory,
    StreetFactory,
    raw_token,
    session,
)
from tests.client import GraphQLClient
from tests.helpers import gid

CREATE = """
mutation Create($input: ApiTokenCreateInput!) {
  apiTokenCreate(input: $input) {
    apiToken { id name scopes prefix organisation { name } }
    secret
    errors { field code message }
  }
}
"""
UNITS = "{ residentUnits { totalCount edges { node { name } } } }"


def in_days(days: int) -> str:
    return (dt.datetime.now(dt.UTC) + dt.timedelta(days=days)).isoformat()


async def test_an_administrator_issues_a_token_that_reads_its_subtree(gql: GraphQLClient) -> None:
    street = StreetFactory.create()
    east = CommunityFactory.create(name="城东社区党委", street=street)
    west = CommunityFactory.create(name="城西社区党委", street=street)
    ResidentUnitFactory.create(name="县人民医院", community=east)
    ResidentUnitFactory.create(name="县供电局", community=west)

    created = await gql.data(
        CREATE,
        {
            "input": {
                "name": "区级平台",
                "scopes": ["read:units"],
                "organisation": gid("Organisation", east.id),
                "expiresAt": in_days(90),
            }
        },
    )

    result = created["apiTokenCreate"]
    assert result["errors"] == []
    secret = result["secret"]
    assert secret.startswith("gjt_" + result["apiToken"]["prefix"] + "_")
    stored = session.scalars(select(ApiToken)).one()
    assert secret not in (stored.secret_hash, stored.prefix, stored.scopes)
    audit = session.scalars(
        select(AuditLogEntry).where(col(AuditLogEntry.action) == "apiTokenCreate")
    ).one()
    assert audit.object_id == stored.id
    assert audit.changes is not None
    assert audit.changes["name"] == [None, "区级平台"]

    gql.use_token(secret)
    data = await gql.data(UNITS)
    assert [e["node"]["name"] for e in data["residentUnits"]["edges"]] == ["县人民医院"]
    session.expire_all()
    used = session.get(ApiToken, stored.id)
    assert used is not None
    assert used.last_used_at is not None


async def test_token_input_is_checked_field_by_field(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({"name": " "}, "name", "此项为必填项。"),
        ({"scopes": ["read:everything"]}, "scopes", "未知的授权范围：read:everything。"),
        ({"expiresAt": in_days(-1)}, "expiresAt", "到期时间必须晚于现在。"),
        ({"expiresAt": in_days(400)}, "expiresAt", "令牌有效期最长一年。"),
    ]
    for change, field, message in cases:
        base = {
            "name": "平台",
            "scopes": ["read:units"],
            "organisation": gid("Organisation", community.id),
            "expiresAt": in_days(30),
        }
        result = (await gql.data(CREATE, {"input": base | change}))["apiTokenCreate"]
        assert result["errors"] == [
            {"field": field, "code": "INVALID", "message": message}
            if field != "name"
            else {"field": field, "code": "REQUIRED", "message": message}
        ]
        assert result["secret"] is None
    assert session.scalars(select(ApiToken)).all() == []


async def test_a_convener_cannot_issue_tokens(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    gql.sign_in(Role.CONVENER, community)

    body = await gql.execute(
        CREATE,
        {
            "input": {
                "name": "x",
                "scopes": ["read:units"],
                "organisation": gid("Organisation", community.id),
                "expiresAt": in_days(1),
            }
        },
    )

    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert session.scalars(select(ApiToken)).all() == []


async def test_revoked_and_expired_tokens_are_refused_in_chinese(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    revoked = ApiTokenFactory.create(organisation_id=community.id)
    expired = ApiTokenFactory.create(
        organisation_id=community.id, expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    )

    revoke = await gql.data(
        "mutation R($id: ID!) { apiTokenRevoke(id: $id) { apiToken { revokedAt } errors { code } } }",
        {"id": gid("ApiToken", revoked.id)},
    )
    assert revoke["apiTokenRevoke"]["apiToken"]["revokedAt"] is not None

    messages = {}
    for name, raw in (
        ("revoked", raw_token(revoked)),
        ("expired", raw_token(expired)),
        ("garbage", "gjt_nope_nope"),
        ("scheme", None),
    ):
        gql.use_token(raw or "")
        if raw is None:
            gql.http.headers["authorization"] = "Basic dXNlcjpwdw=="
        body = await gql.execute(UNITS)
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        messages[name] = body["errors"][0]["message"]

    assert messages == {
        "revoked": "API 令牌已被吊销。",
        "expired": "API 令牌已过期。",
        "garbage": "API 令牌无效。",
        "scheme": "Authorization 请求头应为“Bearer <API 令牌>”。",
    }


async def test_a_token_is_limited_to_its_scopes(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    meeting = MeetingFactory.create(community=community)
    ResidentUnitFactory.create(community=community)
    token = ApiTokenFactory.create(organisation_id=community.id, scopes="read:units")
    gql.use_token(raw_token(token))

    units = await gql.execute(UNITS)
    meetings = await gql.execute("{ jointMeetings { totalCount } }")
    by_id = await gql.execute(
        "query N($id: ID!) { node(id: $id) { id } }", {"id": gid("JointMeeting", meeting.id)}
    )
    tokens = await gql.execute("{ apiTokens { totalCount } }")

    assert units["data"]["residentUnits"]["totalCount"] == 1
    assert meetings["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert by_id["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert tokens["errors"][0]["extensions"]["code"] == "FORBIDDEN"

"""Personal data: masked by default, full values only for entitled roles and always audited,
encrypted at rest with exact-match search through a keyed hash."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlmodel import col

from backend.audit.models import AuditLogEntry
from backend.core.crypto import keyring
from backend.core.principal import Role
from backend.factories import (
    ApiTokenFactory,
    CommunityFactory,
    PersonFactory,
    raw_token,
    session,
)
from backend.organisations.models import Organisation
from backend.people.models import Person
from tests.client import GraphQLClient
from tests.helpers import gid

PERSON = """
query P($id: ID!, $full: Boolean!) {
  node(id: $id) { ... on Person { name mobile(full: $full) idNumber(full: $full) } }
}
"""


def resident() -> tuple[Organisation, Person]:
    community = CommunityFactory.create()
    person = PersonFactory.create(
        community_id=community.id, mobile="13912345678", id_number="44142219800517075X"
    )
    return community, person


async def test_values_are_masked_by_default(gql: GraphQLClient) -> None:
    _, person = resident()

    data = await gql.data(PERSON, {"id": gid("Person", person.id), "full": False})

    assert data["node"]["mobile"] == "139****5678"
    assert data["node"]["idNumber"] == "4414**********075X"
    assert session.scalars(select(AuditLogEntry)).all() == []


async def test_a_convener_reads_full_values_and_each_read_is_audited(gql: GraphQLClient) -> None:
    community, person = resident()
    user = gql.sign_in(Role.CONVENER, community)

    data = await gql.data(PERSON, {"id": gid("Person", person.id), "full": True})

    assert data["node"] == {
        "name": person.name,
        "mobile": "13912345678",
        "idNumber": "44142219800517075X",
    }
    entries = session.scalars(select(AuditLogEntry).order_by(col(AuditLogEntry.id))).all()
    assert [(e.action, e.user_id, e.object_id, e.changes) for e in entries] == [
        ("personalData.read", user.id, person.id, {"field": "mobile"}),
        ("personalData.read", user.id, person.id, {"field": "id_number"}),
    ]


async def test_a_member_or_a_token_without_the_scope_may_not_unmask(gql: GraphQLClient) -> None:
    community, person = resident()
    gql.sign_in(Role.COMMITTEE_MEMBER, community)
    by_member = await gql.execute(PERSON, {"id": gid("Person", person.id), "full": True})
    gql.use_token(
        raw_token(ApiTokenFactory.create(organisation_id=community.id, scopes="read:people"))
    )
    by_token = await gql.execute(PERSON, {"id": gid("Person", person.id), "full": True})
    gql.use_token(
        raw_token(
            ApiTokenFactory.create(
                organisation_id=community.id, scopes="read:people read:personal-data"
            )
        )
    )
    entitled = await gql.data(PERSON, {"id": gid("Person", person.id), "full": True})

    # A member may not read people at all (the read rule of Person), so not even the row.
    assert {e["extensions"]["code"] for e in by_member["errors"]} == {"NOT_FOUND"}
    assert {e["extensions"]["code"] for e in by_token["errors"]} == {"FORBIDDEN"}
    for body in (by_member, by_token):
        assert "13912345678" not in str(body)
    assert entitled["node"]["mobile"] == "13912345678"
    assert len(session.scalars(select(AuditLogEntry)).all()) == 2  # only the entitled reads


async def test_the_database_alone_does_not_reveal_phone_or_id_numbers(gql: GraphQLClient) -> None:
    _, person = resident()

    raw = session.execute(
        text("SELECT mobile, id_number, mobile_hash FROM person WHERE id = :id"), {"id": person.id}
    ).one()

    assert "13912345678" not in raw.mobile and "44142219800517075X" not in raw.id_number
    assert raw.mobile_hash == keyring().search_hash("13912345678")


async def test_people_are_found_by_exact_mobile_number(gql: GraphQLClient) -> None:
    community, person = resident()
    PersonFactory.create(community_id=community.id, mobile="13700000000")

    data = await gql.data(
        "query F($m: String!) { people(filter: {mobile: $m}) { totalCount nodes { name } } }",
        {"m": "13912345678"},
    )

    assert data["people"] == {"totalCount": 1, "nodes": [{"name": person.name}]}


async def test_searching_by_full_number_needs_the_right_to_see_one(gql: GraphQLClient) -> None:
    community, _ = resident()
    gql.use_token(
        raw_token(ApiTokenFactory.create(organisation_id=community.id, scopes="read:people"))
    )

    body = await gql.execute(
        "query F($m: String!) { people(filter: {mobile: $m}) { totalCount } }",
        {"m": "13912345678"},
    )

    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert session.scalars(select(AuditLogEntry)).all() == []

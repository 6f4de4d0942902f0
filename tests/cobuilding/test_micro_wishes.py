"""Micro-wishes: claimed once by a member or a unit, fulfilled with evidence, confirmed."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from backend.cobuilding.models import MicroWish, MicroWishStatus
from backend.core.principal import Role
from backend.factories import (
    CommunityFactory,
    MicroWishFactory,
    PersonFactory,
    ResidentUnitFactory,
    session,
)
from backend.organisations.models import Organisation
from backend.people.models import Person
from backend.units.models import ResidentUnit
from tests.client import GraphQLClient
from tests.cobuilding.helpers import ERRORS
from tests.helpers import gid

CLAIM = f"""mutation C($input: MicroWishClaimInput!) {{ microWishClaim(input: $input) {{
  wish {{ status claimedByPerson {{ name }} claimedByUnit {{ name }} }} {ERRORS} }} }}"""
FULFIL = f"""mutation F($input: MicroWishFulfilInput!) {{ microWishFulfil(input: $input) {{
  wish {{ status fulfilmentNote evidence {{ filename }} }} {ERRORS} }} }}"""
CONFIRM = (
    f"mutation K($wish: ID!) {{ microWishConfirm(wish: $wish) {{ wish {{ status }} {ERRORS} }} }}"
)
JPEG = b"\xff\xd8\xff\xe0" + b"photo" * 40


def member_user(
    gql: GraphQLClient,
    community: Organisation,
    role: Role = Role.COMMITTEE_MEMBER,
    unit: ResidentUnit | None = None,
    name: str = "党员甲",
) -> Person:
    person = PersonFactory.create(name=name, community_id=community.id)
    user = gql.sign_in(role, community, unit=unit)
    user.person_id = person.id
    session.commit()
    return person


async def fulfil(
    gql: GraphQLClient, wish: MicroWish, note: str, files: list[tuple[str, bytes, str]]
) -> dict[str, Any]:
    variables = {
        "input": {"wish": gid("MicroWish", wish.id), "note": note, "evidence": [None] * len(files)}
    }
    if not files:
        plain: dict[str, Any] = (await gql.data(FULFIL, variables))["microWishFulfil"]
        return plain
    response = await gql.http.post(
        "/graphql",
        data={
            "operations": json.dumps({"query": FULFIL, "variables": variables}),
            "map": json.dumps(
                {str(n): [f"variables.input.evidence.{n}"] for n in range(len(files))}
            ),
        },
        files={str(n): f for n, f in enumerate(files)},
    )
    assert response.status_code == 200, response.text
    uploaded: dict[str, Any] = response.json()["data"]["microWishFulfil"]
    return uploaded


async def test_a_wish_is_claimed_once_fulfilled_with_a_photo_and_confirmed(
    gql: GraphQLClient,
) -> None:
    community = CommunityFactory.create()
    wish = MicroWishFactory.create(community=community, title="想要一台收音机")
    member_user(gql, community, name="党员甲")

    claimed = await gql.data(CLAIM, {"input": {"wish": gid("MicroWish", wish.id)}})
    member_user(gql, community, name="党员乙")
    late = await gql.data(CLAIM, {"input": {"wish": gid("MicroWish", wish.id)}})
    not_theirs = await fulfil(gql, wish, "送到了", [("a.jpg", JPEG, "image/jpeg")])

    assert claimed["microWishClaim"] == {
        "wish": {"status": "CLAIMED", "claimedByPerson": {"name": "党员甲"}, "claimedByUnit": None},
        "errors": [],
    }
    assert late["microWishClaim"]["errors"] == [
        {"field": "wish", "code": "ALREADY_CLAIMED", "message": "该微心愿已被认领。"}
    ]
    assert not_theirs["errors"][0]["code"] == "NOT_OWNER"

    # the claimant fulfils it with a photo; staff confirm
    user = gql.sign_in(Role.COMMITTEE_MEMBER, community)
    session.expire_all()
    user.person_id = session.get_one(MicroWish, wish.id).claimed_by_person_id
    session.commit()
    no_photo = await fulfil(gql, wish, "送到了", [])
    done = await fulfil(gql, wish, "已送到老人家中", [("收音机.jpg", JPEG, "image/jpeg")])
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    confirmed = await gql.data(CONFIRM, {"wish": gid("MicroWish", wish.id)})

    assert no_photo["errors"][0] == {
        "field": "evidence",
        "code": "REQUIRED",
        "message": "请上传照片或文件作为实现的佐证。",
    }
    assert done == {
        "wish": {
            "status": "FULFILLED",
            "fulfilmentNote": "已送到老人家中",
            "evidence": [{"filename": "收音机.jpg"}],
        },
        "errors": [],
    }
    assert confirmed["microWishConfirm"] == {"wish": {"status": "CONFIRMED"}, "errors": []}


async def test_a_unit_liaison_claims_for_the_unit_from_the_wish_wall(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    unit = ResidentUnitFactory.create(community=community, name="县人民医院")
    wish = MicroWishFactory.create(community=community)
    gql.sign_in(Role.UNIT_LIAISON, community, unit=unit)

    wall = await gql.data("{ microWishes { nodes { title beneficiaryName } } }")
    claimed = await gql.data(CLAIM, {"input": {"wish": gid("MicroWish", wish.id), "forUnit": True}})

    assert len(wall["microWishes"]["nodes"]) == 1
    assert "*" in wall["microWishes"]["nodes"][0]["beneficiaryName"]  # masked
    assert claimed["microWishClaim"]["wish"]["claimedByUnit"] == {"name": "县人民医院"}


async def test_simultaneous_claims_have_one_winner(gql: GraphQLClient, backend_name: str) -> None:
    if backend_name != "postgresql":
        pytest.skip("SQLite serialises writers; the race is a PostgreSQL concern")
    community = CommunityFactory.create()
    wish = MicroWishFactory.create(community=community)
    member_user(gql, community)

    results = await asyncio.gather(
        *(gql.data(CLAIM, {"input": {"wish": gid("MicroWish", wish.id)}}) for _ in range(5))
    )

    winners = [r for r in results if not r["microWishClaim"]["errors"]]
    assert len(winners) == 1
    session.expire_all()
    assert session.get_one(MicroWish, wish.id).status is MicroWishStatus.CLAIMED

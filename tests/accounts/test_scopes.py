"""Each role sees its own subtree; IDs from outside it read exactly like IDs that do not exist."""

from __future__ import annotations

from typing import TypedDict

import pytest

from backend.core.principal import Role
from backend.factories import (
    AgreementFactory,
    CommunityFactory,
    MembershipFactory,
    ResidentUnitFactory,
    StreetFactory,
)
from backend.organisations.models import Organisation
from backend.units.models import ResidentUnit
from tests.client import GraphQLClient
from tests.helpers import gid

NODE = "query N($id: ID!) { node(id: $id) { ... on ResidentUnit { name } } }"
UNITS = "{ residentUnits { totalCount edges { node { name } } } }"


class Street(TypedDict):
    """A street of two communities and three units, by name."""

    street: Organisation
    east: Organisation
    west: Organisation
    hospital: ResidentUnit
    school: ResidentUnit
    property: ResidentUnit


@pytest.fixture
def street() -> Street:
    street = StreetFactory.create()
    east = CommunityFactory.create(name="城东社区党委", street=street)
    west = CommunityFactory.create(name="城西社区党委", street=street)
    hospital = ResidentUnitFactory.create(name="县人民医院", community=east)
    school = ResidentUnitFactory.create(name="第一中学", community=west)
    property_company = ResidentUnitFactory.create(name="龙山物业", community=west)
    for unit in (hospital, school, property_company):
        AgreementFactory.create(unit=unit)
        MembershipFactory.create(unit=unit)
    return {
        "street": street,
        "east": east,
        "west": west,
        "hospital": hospital,
        "school": school,
        "property": property_company,
    }


async def test_a_convener_sees_their_community_and_not_the_next(
    gql: GraphQLClient, street: Street
) -> None:
    gql.sign_in(Role.CONVENER, street["west"])

    units = await gql.data(UNITS)
    outside = await gql.execute(NODE, {"id": gid("ResidentUnit", street["hospital"].id)})
    missing = await gql.execute(NODE, {"id": gid("ResidentUnit", 987654)})
    members = await gql.data("{ committeeMembers { totalCount } }")

    assert sorted(e["node"]["name"] for e in units["residentUnits"]["edges"]) == [
        "第一中学",
        "龙山物业",
    ]
    assert members["committeeMembers"]["totalCount"] == 2
    for body in (outside, missing):
        assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert outside["errors"][0]["message"].replace(
        gid("ResidentUnit", street["hospital"].id), "ID"
    ) == missing["errors"][0]["message"].replace(gid("ResidentUnit", 987654), "ID")


async def test_a_unit_liaison_sees_only_its_own_unit(gql: GraphQLClient, street: Street) -> None:
    gql.sign_in(Role.UNIT_LIAISON, street["west"], unit=street["property"])

    units = await gql.data(UNITS)
    neighbour = await gql.execute(NODE, {"id": gid("ResidentUnit", street["school"].id)})
    own = await gql.data(
        """query N($id: ID!) { node(id: $id) { ... on ResidentUnit {
             name agreements { title } committeeMembers { title }
             community { name residentUnits { totalCount } } } } }""",
        {"id": gid("ResidentUnit", street["property"].id)},
    )
    organisations = await gql.execute("{ organisations { totalCount } }")

    assert [e["node"]["name"] for e in units["residentUnits"]["edges"]] == ["龙山物业"]
    assert neighbour["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    node = own["node"]
    assert len(node["agreements"]) == 1 and len(node["committeeMembers"]) == 1
    # its community is shown for context, but the community's other units stay hidden
    assert node["community"] == {"name": "城西社区党委", "residentUnits": {"totalCount": 1}}
    assert organisations["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_street_administrator_sees_the_whole_street(
    gql: GraphQLClient, street: Street
) -> None:
    gql.sign_in(Role.STREET_ADMIN, street["street"])

    units = await gql.data(UNITS)

    assert units["residentUnits"]["totalCount"] == 3

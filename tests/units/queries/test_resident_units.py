from __future__ import annotations

from backend.factories import (
    AgreementFactory,
    CommitmentFactory,
    CommunityFactory,
    MembershipFactory,
    ResidentUnitFactory,
    StreetFactory,
)
from backend.people.models import CommitteeRole
from backend.units.models import ResidentUnitKind
from tests.client import GraphQLClient
from tests.helpers import gid

UNITS = """
query Units($filter: ResidentUnitFilter, $first: Int, $after: String) {
  residentUnits(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name kind kindLabel community { name } } }
  }
}
"""


async def test_units_are_filtered_by_community_subtree_and_searched_in_chinese(
    gql: GraphQLClient,
) -> None:
    # given two communities under one street
    street = StreetFactory.create()
    east = CommunityFactory.create(name="城东社区党委", street=street)
    west = CommunityFactory.create(name="城西社区党委", street=street)
    ResidentUnitFactory.create(
        name="大埔县人民医院", kind=ResidentUnitKind.HOSPITAL, community=east
    )
    ResidentUnitFactory.create(name="湖寮镇中心小学", kind=ResidentUnitKind.SCHOOL, community=east)
    ResidentUnitFactory.create(
        name="大埔县供电局", kind=ResidentUnitKind.STATE_ENTERPRISE, community=west
    )

    # when
    by_community = await gql.data(UNITS, {"filter": {"organisation": gid("Organisation", east.id)}})
    by_street = await gql.data(UNITS, {"filter": {"organisation": gid("Organisation", street.id)}})
    by_text = await gql.data(UNITS, {"filter": {"search": "人民医院"}})
    by_kind = await gql.data(UNITS, {"filter": {"kind": "SCHOOL"}})

    # then
    names = [e["node"]["name"] for e in by_community["residentUnits"]["edges"]]
    assert names == ["大埔县人民医院", "湖寮镇中心小学"]
    assert by_street["residentUnits"]["totalCount"] == 3
    assert [e["node"]["name"] for e in by_text["residentUnits"]["edges"]] == ["大埔县人民医院"]
    assert [e["node"]["kindLabel"] for e in by_kind["residentUnits"]["edges"]] == ["学校"]


async def test_pages_follow_cursors_until_the_end(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    for n in range(5):
        ResidentUnitFactory.create(name=f"单位{n}", community=community)

    first = await gql.data(UNITS, {"first": 2})
    cursor = first["residentUnits"]["pageInfo"]["endCursor"]
    second = await gql.data(UNITS, {"first": 2, "after": cursor})
    cursor = second["residentUnits"]["pageInfo"]["endCursor"]
    third = await gql.data(UNITS, {"first": 2, "after": cursor})

    pages = [first, second, third]
    names = [e["node"]["name"] for p in pages for e in p["residentUnits"]["edges"]]
    assert names == ["单位0", "单位1", "单位2", "单位3", "单位4"]
    assert [p["residentUnits"]["pageInfo"]["hasNextPage"] for p in pages] == [True, True, False]
    assert all(p["residentUnits"]["totalCount"] == 5 for p in pages)


async def test_unit_detail_shows_agreement_commitments_and_members(gql: GraphQLClient) -> None:
    unit = ResidentUnitFactory.create(name="大埔县人民医院")
    agreement = AgreementFactory.create(unit=unit)
    CommitmentFactory.create(agreement=agreement, description="每月义诊一次", position=1)
    CommitmentFactory.create(agreement=agreement, description="健康讲座每季度一次", position=2)
    MembershipFactory.create(
        unit=unit,
        with_roles=[CommitteeRole.POLICY_PUBLICIST, CommitteeRole.OPINION_COLLECTOR],
    )

    data = await gql.data(
        """
        query Unit($id: ID!) {
          node(id: $id) {
            ... on ResidentUnit {
              name
              agreements { title commitments { position description } }
              committeeMembers { roles roleLabels person { mobile idNumber } }
            }
          }
        }
        """,
        {"id": gid("ResidentUnit", unit.id)},
    )

    node = data["node"]
    assert node["name"] == "大埔县人民医院"
    assert node["agreements"][0]["commitments"] == [
        {"position": 1, "description": "每月义诊一次"},
        {"position": 2, "description": "健康讲座每季度一次"},
    ]
    member = node["committeeMembers"][0]
    assert member["roles"] == ["POLICY_PUBLICIST", "OPINION_COLLECTOR"]
    assert member["roleLabels"] == ["政策宣讲员", "社情民意收集员"]
    assert member["person"]["mobile"][3:7] == "****"
    assert member["person"]["idNumber"][4:14] == "**********"

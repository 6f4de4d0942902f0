from __future__ import annotations

from backend.cobuilding.models import MicroWishStatus
from backend.factories import (
    CommunityFactory,
    MicroWishFactory,
    PersonFactory,
    ResidentUnitFactory,
    StreetFactory,
)
from tests.client import GraphQLClient
from tests.helpers import gid

WISHES = """
query Wishes($filter: MicroWishFilter) {
  microWishes(filter: $filter) {
    totalCount
    nodes {
      title status statusLabel beneficiaryName claimedByUnit { name } claimedByPerson { name }
    }
  }
}
"""


async def test_the_beneficiary_name_is_masked_to_the_surname(gql: GraphQLClient) -> None:
    # given a wish claimed by a unit
    school = ResidentUnitFactory.create(name="湖寮镇中心小学")
    MicroWishFactory.create(
        beneficiary=PersonFactory.create(name="王小明"),
        status=MicroWishStatus.CLAIMED,
        claimed_by_unit_id=school.id,
    )

    # when
    data = await gql.data(WISHES)

    # then
    wish = data["microWishes"]["nodes"][0]
    assert wish["beneficiaryName"] == "王**"
    assert "王小明" not in str(data)
    assert wish["statusLabel"] == "已认领"
    assert wish["claimedByUnit"] == {"name": "湖寮镇中心小学"}
    assert wish["claimedByPerson"] is None


async def test_wishes_are_filtered_by_place_status_and_text(gql: GraphQLClient) -> None:
    street = StreetFactory.create()
    east = CommunityFactory.create(street=street)
    west = CommunityFactory.create(street=street)
    MicroWishFactory.create(title="想要一台收音机", community=east)
    MicroWishFactory.create(
        title="想要一副老花镜", community=west, status=MicroWishStatus.FULFILLED
    )

    in_east = await gql.data(WISHES, {"filter": {"organisation": gid("Organisation", east.id)}})
    fulfilled = await gql.data(WISHES, {"filter": {"status": "FULFILLED"}})
    by_text = await gql.data(WISHES, {"filter": {"search": "老花镜"}})

    assert [n["title"] for n in in_east["microWishes"]["nodes"]] == ["想要一台收音机"]
    assert [n["title"] for n in fulfilled["microWishes"]["nodes"]] == ["想要一副老花镜"]
    assert by_text["microWishes"]["totalCount"] == 1

from __future__ import annotations

from backend.cobuilding.models import NeedStatus, ResourceKind, ResourceStatus, Urgency
from backend.factories import (
    CommunityFactory,
    GridFactory,
    NeedFactory,
    PersonFactory,
    ProjectFactory,
    ResidentUnitFactory,
    ResourceFactory,
    StreetFactory,
)
from tests.client import GraphQLClient
from tests.helpers import gid

NEEDS = """
query Needs($filter: NeedFilter) {
  needs(filter: $filter) {
    totalCount
    nodes {
      title category urgency urgencyLabel status statusLabel source sourceLabel
      community { name } grid { name } raisedBy { name mobile } project { title }
    }
  }
}
"""
RESOURCES = """
query Resources($filter: ResourceFilter) {
  resources(filter: $filter) {
    totalCount
    nodes { title kind kindLabel status statusLabel capacity unit { name } community { name } }
  }
}
"""


async def test_needs_are_filtered_by_status_category_urgency_place_and_text(
    gql: GraphQLClient,
) -> None:
    # given needs in two communities of one street
    street = StreetFactory.create()
    east = CommunityFactory.create(name="城东社区党委", street=street)
    west = CommunityFactory.create(name="城西社区党委", street=street)
    grid = GridFactory.create(name="第一网格", community=east)
    project = ProjectFactory.create(title="老旧小区路灯改造", community=east)
    NeedFactory.create(
        title="楼道照明损坏",
        community=east,
        grid_id=grid.id,
        urgency=Urgency.HIGH,
        status=NeedStatus.IN_PROGRESS,
        raised_by_id=PersonFactory.create(name="李华").id,
        project_id=project.id,
    )
    NeedFactory.create(title="独居老人助餐", category="助老", community=west)

    # when
    matches = [
        await gql.data(NEEDS, {"filter": condition})
        for condition in (
            {"status": "IN_PROGRESS"},
            {"urgency": "HIGH"},
            {"category": "基础设施"},
            {"search": "照明"},
            {"organisation": gid("Organisation", east.id)},
        )
    ]
    everywhere = await gql.data(NEEDS, {"filter": {"organisation": gid("Organisation", street.id)}})

    # then
    for data in matches:
        assert [n["title"] for n in data["needs"]["nodes"]] == ["楼道照明损坏"]
    assert everywhere["needs"]["totalCount"] == 2
    need = matches[0]["needs"]["nodes"][0]
    assert (need["urgencyLabel"], need["statusLabel"], need["sourceLabel"]) == (
        "紧急",
        "办理中",
        "网格员代报",
    )
    assert need["grid"] == {"name": "第一网格"}
    assert need["community"] == {"name": "城东社区党委"}
    assert need["raisedBy"]["name"] == "李华"
    assert need["raisedBy"]["mobile"][3:7] == "****"
    assert need["project"] == {"title": "老旧小区路灯改造"}


async def test_resources_are_filtered_by_kind_status_unit_and_text(gql: GraphQLClient) -> None:
    hospital = ResidentUnitFactory.create(name="大埔县人民医院")
    school = ResidentUnitFactory.create(name="湖寮镇中心小学")
    ResourceFactory.create(
        title="义诊服务", kind=ResourceKind.EXPERTISE, unit=hospital, capacity=None
    )
    ResourceFactory.create(title="会议室开放共享", unit=school)
    ResourceFactory.create(title="操场", unit=school, status=ResourceStatus.WITHDRAWN)

    by_kind = await gql.data(RESOURCES, {"filter": {"kind": "EXPERTISE"}})
    by_unit = await gql.data(RESOURCES, {"filter": {"unit": gid("ResidentUnit", school.id)}})
    available = await gql.data(
        RESOURCES, {"filter": {"unit": gid("ResidentUnit", school.id), "status": "AVAILABLE"}}
    )
    by_text = await gql.data(RESOURCES, {"filter": {"search": "会议室"}})

    expertise = by_kind["resources"]["nodes"]
    assert [(n["title"], n["kindLabel"], n["unit"]["name"]) for n in expertise] == [
        ("义诊服务", "专业技能", "大埔县人民医院")
    ]
    assert by_unit["resources"]["totalCount"] == 2
    assert [n["statusLabel"] for n in available["resources"]["nodes"]] == ["可认领"]
    assert [n["capacity"] for n in by_text["resources"]["nodes"]] == [40]

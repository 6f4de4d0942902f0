"""Matching a coordinator trusts: for typical needs (a stairwell light, a lift, elderly care,
greening, a neighbours' dispute) the unit in the need's own grid whose work it is ranks
first, and every suggestion says why."""

from __future__ import annotations

from backend.cobuilding.models import NeedStatus, ResourceKind
from backend.core.principal import Role
from backend.factories import (
    CommunityFactory,
    GridFactory,
    NeedFactory,
    ResidentUnitFactory,
    ResourceFactory,
)
from backend.organisations.models import Grid, Organisation
from backend.units.models import ResidentUnit, ResidentUnitKind
from tests.client import GraphQLClient
from tests.helpers import gid

SUGGEST = """query G($need: ID!) { needSuggestions(need: $need) {
  score reasons resource { title unit { name } } } }"""
K, U = ResourceKind, ResidentUnitKind


def a_community() -> tuple[Organisation, Grid, Grid]:
    community = CommunityFactory.create(name="城西社区党委")
    longshan = GridFactory.create(community=community, name="龙山网格")
    hebei = GridFactory.create(community=community, name="河背网格")

    def unit(name: str, kind: ResidentUnitKind, grid: Grid) -> ResidentUnit:
        return ResidentUnitFactory.create(
            community=community, name=name, kind=kind, grid_id=grid.id
        )

    def resource(
        owner: ResidentUnit,
        title: str,
        kind: ResourceKind,
        category: str,
        capacity: int | None = 5,
    ) -> None:
        ResourceFactory.create(
            unit=owner, title=title, kind=kind, category=category, capacity=capacity
        )

    property_longshan = unit("龙山小区物业服务中心", U.PROPERTY_COMPANY, longshan)
    property_hebei = unit("河背花园物业", U.PROPERTY_COMPANY, hebei)
    power = unit("县供电局", U.STATE_ENTERPRISE, hebei)
    hospital = unit("县中医院", U.HOSPITAL, hebei)
    volunteers = unit("县义工联合会", U.SOCIAL_ORGANISATION, longshan)
    school = unit("实验中学", U.SCHOOL, longshan)
    justice = unit("湖寮司法所", U.AGENCY, hebei)
    resource(property_longshan, "维修班组", K.EXPERTISE, "基础设施", capacity=3)
    resource(property_longshan, "保洁绿化队", K.STAFF_HOURS, "环境卫生")
    resource(property_hebei, "电梯维保", K.EXPERTISE, "基础设施")
    resource(property_hebei, "保洁队", K.STAFF_HOURS, "环境卫生")
    resource(power, "电工服务队", K.EXPERTISE, "基础设施", capacity=10)
    resource(hospital, "上门义诊", K.SERVICE, "养老服务", capacity=None)
    resource(volunteers, "助老志愿者", K.STAFF_HOURS, "养老服务", capacity=None)
    resource(school, "报告厅", K.VENUE, "文体活动", capacity=None)
    resource(justice, "人民调解", K.EXPERTISE, "法律服务", capacity=None)
    return community, longshan, hebei


TYPICAL = [
    # title, category, grid, the unit and resource that must rank first
    ("3 号楼楼道灯不亮", "基础设施", "longshan", ("龙山小区物业服务中心", "维修班组")),
    ("5 栋电梯经常停运", "基础设施", "hebei", ("河背花园物业", "电梯维保")),
    ("独居老人需要上门照护", "养老服务", "longshan", ("县义工联合会", "助老志愿者")),
    ("小区绿化带无人修剪", "环境卫生", "longshan", ("龙山小区物业服务中心", "保洁绿化队")),
    ("邻里噪音纠纷需要调解", "法律服务", "hebei", ("湖寮司法所", "人民调解")),
]


async def test_the_unit_in_the_needs_grid_whose_work_it_is_ranks_first(gql: GraphQLClient) -> None:
    community, longshan, hebei = a_community()
    grids = {"longshan": longshan, "hebei": hebei}
    gql.sign_in(Role.VOLUNTEER_COORDINATOR, community)
    for title, category, grid, (unit, resource) in TYPICAL:
        need = NeedFactory.create(
            community=community,
            title=title,
            category=category,
            grid_id=grids[grid].id,
            status=NeedStatus.ACCEPTED,
        )
        ranked = (await gql.data(SUGGEST, {"need": gid("Need", need.id)}))["needSuggestions"]
        first = ranked[0]
        assert (first["resource"]["unit"]["name"], first["resource"]["title"]) == (
            unit,
            resource,
        ), title
        assert first["score"] > ranked[1]["score"], title
        assert "与需求同一网格" in first["reasons"], title
        assert all(s["reasons"] for s in ranked)

from __future__ import annotations

import datetime as dt

from backend.evaluations.models import EvaluationGrade, EvaluationSubject
from backend.factories import (
    CommunityFactory,
    EvaluationFactory,
    MembershipFactory,
    PersonFactory,
    ResidentUnitFactory,
    StreetFactory,
)
from tests.client import GraphQLClient
from tests.helpers import gid

EVALUATIONS = """
query Evaluations($filter: EvaluationFilter) {
  evaluations(filter: $filter) {
    totalCount
    nodes {
      subject subjectLabel periodLabel periodStart totalScore grade gradeLabel
      community { name } unit { name } membership { person { name } }
    }
  }
}
"""


async def test_evaluations_of_units_and_members_newest_period_first(gql: GraphQLClient) -> None:
    # given a unit evaluated for two years and a member evaluated once
    community = CommunityFactory.create(name="城东社区党委")
    hospital = ResidentUnitFactory.create(name="大埔县人民医院", community=community)
    membership = MembershipFactory.create(unit=hospital, person=PersonFactory.create(name="张建国"))
    EvaluationFactory.create(
        unit=hospital,
        period_label="2025年度",
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
    )
    EvaluationFactory.create(unit=hospital, grade=EvaluationGrade.EXCELLENT, total_score=95)
    EvaluationFactory.create(
        unit=hospital,
        subject=EvaluationSubject.MEMBER,
        unit_id=None,
        membership_id=membership.id,
        period_start=dt.date(2026, 1, 2),
    )

    # when
    everything = await gql.data(EVALUATIONS)
    members = await gql.data(EVALUATIONS, {"filter": {"subject": "MEMBER"}})
    year_2025 = await gql.data(EVALUATIONS, {"filter": {"periodLabel": "2025年度"}})

    # then
    nodes = everything["evaluations"]["nodes"]
    assert [n["periodStart"] for n in nodes] == ["2026-01-02", "2026-01-01", "2025-01-01"]
    assert (nodes[1]["gradeLabel"], nodes[1]["totalScore"]) == ("优秀", 95)
    assert nodes[1]["unit"] == {"name": "大埔县人民医院"}
    assert nodes[1]["community"] == {"name": "城东社区党委"}
    [member] = members["evaluations"]["nodes"]
    assert (member["subjectLabel"], member["unit"]) == ("兼职委员", None)
    assert member["membership"] == {"person": {"name": "张建国"}}
    assert [n["periodLabel"] for n in year_2025["evaluations"]["nodes"]] == ["2025年度"]


async def test_evaluations_are_filtered_by_organisation_subtree(gql: GraphQLClient) -> None:
    street = StreetFactory.create()
    east = CommunityFactory.create(street=street)
    west = CommunityFactory.create(street=street)
    EvaluationFactory.create(unit=ResidentUnitFactory.create(community=east))
    EvaluationFactory.create(unit=ResidentUnitFactory.create(community=west))
    EvaluationFactory.create()

    in_east = await gql.data(
        EVALUATIONS, {"filter": {"organisation": gid("Organisation", east.id)}}
    )
    in_street = await gql.data(
        EVALUATIONS, {"filter": {"organisation": gid("Organisation", street.id)}}
    )

    assert in_east["evaluations"]["totalCount"] == 1
    assert in_street["evaluations"]["totalCount"] == 2

"""Nested relations load through dataloaders: the statement count does not grow with the data."""

from __future__ import annotations

from backend.evaluations.models import EvaluationSubject
from backend.factories import (
    CommunityFactory,
    EvaluationFactory,
    MembershipFactory,
    ResidentUnitFactory,
)
from tests.client import AUTH_STATEMENTS, CountStatements, GraphQLClient

EVALUATIONS = """
{
  evaluations(first: 100) {
    totalCount
    nodes {
      gradeLabel community { name } unit { name } membership { person { name } unit { name } }
    }
  }
}
"""


def build_evaluations(count: int) -> None:
    community = CommunityFactory.create()
    for _ in range(count):
        unit = ResidentUnitFactory.create(community=community)
        EvaluationFactory.create(unit=unit)
        EvaluationFactory.create(
            unit=unit,
            subject=EvaluationSubject.MEMBER,
            unit_id=None,
            membership_id=MembershipFactory.create(unit=unit).id,
        )


async def test_evaluations_cost_the_same_for_4_and_40_units(
    gql: GraphQLClient, count_statements: CountStatements
) -> None:
    build_evaluations(2)
    with count_statements() as small:
        await gql.data(EVALUATIONS)
    build_evaluations(18)
    with count_statements() as large:
        data = await gql.data(EVALUATIONS)

    assert data["evaluations"]["totalCount"] == 40
    assert small.count == large.count
    # the page with its total, then organisations, units, memberships, and the members' people
    # (their units were loaded already for the unit evaluations)
    assert large.count == AUTH_STATEMENTS + 5

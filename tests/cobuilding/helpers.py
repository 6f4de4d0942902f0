"""Queries and helpers shared by the co-building tests: the error selection, and for the need
workflow a community with units and resources, dispatching and answering as its liaison."""

from __future__ import annotations

from backend.cobuilding.models import ResourceKind
from backend.core.principal import Role
from backend.factories import (
    CommunityFactory,
    GridFactory,
    PersonFactory,
    ResidentUnitFactory,
    ResourceFactory,
    session,
)
from backend.organisations.models import Grid, Organisation
from backend.people.models import Person
from backend.units.models import ResidentUnit
from tests.client import GraphQLClient

ERRORS = "errors { field code message }"
DISPATCH = f"""mutation D($input: NeedDispatchInput!) {{ needDispatch(input: $input) {{
  dispatch {{ id status unit {{ name }} }} need {{ status }} {ERRORS} }} }}"""
RESPOND = f"""mutation R($input: NeedDispatchRespondInput!) {{ needDispatchRespond(input: $input) {{
  dispatch {{ status declineReason }} need {{ status project {{ title }} }}
  project {{ title leadUnit {{ name }} partners {{ name }} resources {{ title }} }} {ERRORS} }} }}"""


def a_community_with_units() -> tuple[Organisation, Grid, ResidentUnit, ResidentUnit, Person]:
    community = CommunityFactory.create(name="城西社区党委")
    grid = GridFactory.create(community=community, name="龙山网格")
    other_grid = GridFactory.create(community=community, name="河背网格")
    liaison = PersonFactory.create(name="物业联络员")
    near = ResidentUnitFactory.create(
        community=community, grid_id=grid.id, name="龙山物业", liaison_id=liaison.id
    )
    far = ResidentUnitFactory.create(community=community, grid_id=other_grid.id, name="县供电局")
    ResourceFactory.create(unit=near, title="维修班组", kind=ResourceKind.EXPERTISE, capacity=3)
    ResourceFactory.create(unit=far, title="电工服务队", kind=ResourceKind.EXPERTISE, capacity=10)
    ResourceFactory.create(unit=far, title="会议室", kind=ResourceKind.VENUE, capacity=40)
    return community, grid, near, far, liaison


async def act_as_liaison(
    gql: GraphQLClient, community: Organisation, unit: ResidentUnit, person: Person
) -> None:
    user = gql.sign_in(Role.UNIT_LIAISON, community, unit=unit)
    user.person_id = person.id
    session.commit()

"""Grids of a community: added, edited and archived by the street administrator."""

from __future__ import annotations

from backend.cobuilding.models import NeedStatus
from backend.core.principal import Role
from backend.factories import (
    CommunityFactory,
    GridFactory,
    NeedFactory,
    OrganisationFactory,
    PersonFactory,
    StreetFactory,
)
from backend.organisations.models import OrganisationKind
from tests.client import GraphQLClient
from tests.helpers import gid

RESULT = "grid { id name households } errors { field code message }"
CREATE = f"mutation C($i: GridCreateInput!) {{ gridCreate(input: $i) {{ {RESULT} }} }}"
UPDATE = f"mutation U($i: GridUpdateInput!) {{ gridUpdate(input: $i) {{ {RESULT} }} }}"
ARCHIVE = f"mutation A($id: ID!) {{ gridArchive(id: $id) {{ {RESULT} }} }}"


async def test_an_administrator_adds_edits_and_archives_a_grid(gql: GraphQLClient) -> None:
    street = StreetFactory.create()
    community = CommunityFactory.create(street=street, name="城西社区党委")
    branch = OrganisationFactory.create(
        name="城西第五网格党支部", kind=OrganisationKind.GRID_BRANCH, parent_id=community.id
    )
    elsewhere = OrganisationFactory.create(
        name="城东第一网格党支部",
        kind=OrganisationKind.GRID_BRANCH,
        parent_id=CommunityFactory.create(street=street, name="城东社区党委").id,
    )
    worker = PersonFactory.create(name="周网格员", community_id=community.id)
    busy = GridFactory.create(community=community, name="城西第一网格")
    NeedFactory.create(community=community, grid_id=busy.id, status=NeedStatus.ACCEPTED)
    gql.sign_in(Role.STREET_ADMIN, street)
    grid = {
        "community": gid("Organisation", community.id),
        "name": "城西第五网格",
        "households": 320,
        "branch": gid("Organisation", branch.id),
        "worker": gid("Person", worker.id),
    }

    created = (await gql.data(CREATE, {"i": grid}))["gridCreate"]
    twice = (await gql.data(CREATE, {"i": grid}))["gridCreate"]
    too_many = (await gql.data(CREATE, {"i": grid | {"name": "大网格", "households": 2001}}))[
        "gridCreate"
    ]
    other_branch = (
        await gql.data(
            CREATE,
            {"i": grid | {"name": "错支部网格", "branch": gid("Organisation", elsewhere.id)}},
        )
    )["gridCreate"]
    edited = (
        await gql.data(
            UPDATE, {"i": {"id": created["grid"]["id"], "households": 355, "branch": None}}
        )
    )["gridUpdate"]
    refused = (await gql.data(ARCHIVE, {"id": gid("Grid", busy.id)}))["gridArchive"]
    archived = (await gql.data(ARCHIVE, {"id": created["grid"]["id"]}))["gridArchive"]

    assert created["errors"] == [] and created["grid"]["households"] == 320
    assert twice["errors"] == [
        {"field": "name", "code": "DUPLICATE", "message": "“城西社区党委”已有同名网格。"}
    ]
    assert too_many["errors"][0]["field"] == "households"
    assert other_branch["errors"] == [
        {"field": "branch", "code": "WRONG_PARENT", "message": "网格党支部须是本社区的网格党支部。"}
    ]
    assert edited["grid"]["households"] == 355
    assert refused["errors"][0]["message"] == (
        "网格“城西第一网格”内还有 1 个未办结的需求，请先调整网格或办结后再归档。"
    )
    assert archived["errors"] == []


async def test_a_grid_branch_leading_grids_stays_in_its_community(gql: GraphQLClient) -> None:
    street = StreetFactory.create()
    west = CommunityFactory.create(street=street, name="城西社区党委")
    east = CommunityFactory.create(street=street, name="城东社区党委")
    branch = OrganisationFactory.create(
        name="城西第五网格党支部", kind=OrganisationKind.GRID_BRANCH, parent_id=west.id
    )
    GridFactory.create(community=west, name="城西第五网格", branch_id=branch.id)
    gql.sign_in(Role.STREET_ADMIN, street)

    moved = await gql.data(
        "mutation M($i: OrganisationMoveInput!) { organisationMove(input: $i) {"
        " errors { field code message } } }",
        {"i": {"id": gid("Organisation", branch.id), "parent": gid("Organisation", east.id)}},
    )

    assert moved["organisationMove"]["errors"] == [
        {
            "field": "parent",
            "code": "NOT_EMPTY",
            "message": "“城西第五网格党支部”仍是网格“城西第五网格”的党支部，请先在网格中改选后再调整上级。",
        }
    ]


async def test_renaming_onto_a_neighbours_name_is_a_field_error_and_a_leading_branch_stays(
    gql: GraphQLClient,
) -> None:
    street = StreetFactory.create()
    community = CommunityFactory.create(street=street, name="城西社区党委")
    OrganisationFactory.create(
        name="城东社区党委", kind=OrganisationKind.COMMUNITY_COMMITTEE, parent_id=street.id
    )
    branch = OrganisationFactory.create(
        name="城西第五网格党支部", kind=OrganisationKind.GRID_BRANCH, parent_id=community.id
    )
    GridFactory.create(community=community, name="城西第一网格")
    second = GridFactory.create(community=community, name="城西第二网格", branch_id=branch.id)
    gql.sign_in(Role.STREET_ADMIN, street)

    grid_clash = (
        await gql.data(UPDATE, {"i": {"id": gid("Grid", second.id), "name": "城西第一网格"}})
    )["gridUpdate"]
    community_clash = await gql.data(
        "mutation U($i: OrganisationUpdateInput!) { organisationUpdate(input: $i) {"
        " errors { field code message } } }",
        {"i": {"id": gid("Organisation", community.id), "name": "城东社区党委"}},
    )
    branch_archive = await gql.data(
        "mutation A($id: ID!) { organisationArchive(id: $id) { errors { code message } } }",
        {"id": gid("Organisation", branch.id)},
    )

    assert grid_clash["errors"] == [
        {"field": "name", "code": "DUPLICATE", "message": "“城西社区党委”已有同名网格。"}
    ]
    assert community_clash["organisationUpdate"]["errors"][0]["code"] == "DUPLICATE"
    assert branch_archive["organisationArchive"]["errors"][0]["message"].startswith(
        "“城西第五网格党支部”下还有 1 个网格"
    )

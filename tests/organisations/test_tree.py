"""The street administrator shapes the organisation tree: add, edit, move, archive, restore."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlmodel import col
from strawberry import relay

from backend.core.principal import Role
from backend.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    CommunityFactory,
    DecisionFactory,
    MeetingFactory,
    OrganisationFactory,
    StreetFactory,
    session,
)
from backend.meetings.models import ActionItemStatus
from backend.organisations.models import Organisation, OrganisationKind
from tests.client import GraphQLClient
from tests.helpers import gid

RESULT = "organisation { id name kindLabel path: parent { name } } errors { field code message }"
CREATE = (
    f"mutation C($i: OrganisationCreateInput!) {{ organisationCreate(input: $i) {{ {RESULT} }} }}"
)
UPDATE = (
    f"mutation U($i: OrganisationUpdateInput!) {{ organisationUpdate(input: $i) {{ {RESULT} }} }}"
)
MOVE = f"mutation M($i: OrganisationMoveInput!) {{ organisationMove(input: $i) {{ {RESULT} }} }}"
ARCHIVE = f"mutation A($id: ID!) {{ organisationArchive(id: $id) {{ {RESULT} }} }}"
RESTORE = f"mutation R($id: ID!) {{ organisationRestore(id: $id) {{ {RESULT} }} }}"


def org(organisation: Organisation) -> str:
    return gid("Organisation", organisation.id)


async def create(gql: GraphQLClient, parent: str, kind: str, name: str, **more: str) -> Any:
    data = await gql.data(CREATE, {"i": {"parent": parent, "kind": kind, "name": name, **more}})
    return data["organisationCreate"]


def path_of(global_id: str) -> str:
    row = session.get(Organisation, int(relay.GlobalID.from_id(global_id).node_id))
    assert row is not None
    session.refresh(row)
    return row.path


async def test_an_administrator_builds_and_reshapes_the_street(gql: GraphQLClient) -> None:
    street = StreetFactory.create(name="湖寮镇党委")
    gql.sign_in(Role.STREET_ADMIN, street)

    west = await create(gql, org(street), "COMMUNITY_COMMITTEE", "城西社区党委")
    east = await create(gql, org(street), "COMMUNITY_COMMITTEE", "城东社区党委")
    branch = await create(gql, west["organisation"]["id"], "GRID_BRANCH", "第一网格党支部")
    group = await create(gql, branch["organisation"]["id"], "PARTY_GROUP", "退休党员党小组")
    twice = await create(gql, org(street), "COMMUNITY_COMMITTEE", "城西社区党委")
    misplaced = await create(gql, west["organisation"]["id"], "COMMUNITY_COMMITTEE", "套娃社区")
    moved = (
        await gql.data(
            MOVE, {"i": {"id": branch["organisation"]["id"], "parent": east["organisation"]["id"]}}
        )
    )["organisationMove"]
    into_itself = (
        await gql.data(
            MOVE, {"i": {"id": east["organisation"]["id"], "parent": group["organisation"]["id"]}}
        )
    )["organisationMove"]
    renamed = (
        await gql.data(
            UPDATE, {"i": {"id": west["organisation"]["id"], "name": "城西社区党委（新）"}}
        )
    )["organisationUpdate"]

    assert west["errors"] == [] and west["organisation"]["kindLabel"] == "社区党委"
    assert twice["errors"] == [
        {"field": "name", "code": "DUPLICATE", "message": "“湖寮镇党委”下已有同名组织。"}
    ]
    assert misplaced["errors"] == [
        {"field": "parent", "code": "WRONG_PARENT", "message": "社区党委不能设在社区党委之下。"}
    ]
    assert moved["errors"] == [] and moved["organisation"]["path"] == {"name": "城东社区党委"}
    east_path = path_of(east["organisation"]["id"])
    assert path_of(branch["organisation"]["id"]).startswith(east_path)
    assert path_of(group["organisation"]["id"]).startswith(path_of(branch["organisation"]["id"]))
    assert into_itself["errors"][0]["message"] == "不能移到自身或其下级组织之下。"
    assert renamed["organisation"]["name"] == "城西社区党委（新）"
    assert (
        session.scalars(select(Organisation).where(col(Organisation.name) == "套娃社区")).all()
        == []
    )


async def test_archiving_waits_for_what_hangs_below_and_restoring_brings_it_back(
    gql: GraphQLClient,
) -> None:
    street = StreetFactory.create()
    busy = CommunityFactory.create(street=street, name="城南社区党委")
    meeting = MeetingFactory.create(community=busy)
    ActionItemFactory.create(
        decision=DecisionFactory.create(agenda_item=AgendaItemFactory.create(meeting=meeting)),
        status=ActionItemStatus.IN_PROGRESS,
    )
    OrganisationFactory.create(
        name="城南第一网格党支部", kind=OrganisationKind.GRID_BRANCH, parent_id=busy.id
    )
    idle = CommunityFactory.create(street=street, name="城北社区党委")
    gql.sign_in(Role.STREET_ADMIN, street)

    refused = (await gql.data(ARCHIVE, {"id": org(busy)}))["organisationArchive"]
    root = (await gql.data(ARCHIVE, {"id": org(street)}))["organisationArchive"]
    archived = (await gql.data(ARCHIVE, {"id": org(idle)}))["organisationArchive"]
    under_archived = await create(gql, org(idle), "GRID_BRANCH", "新网格党支部")
    restored = (await gql.data(RESTORE, {"id": org(idle)}))["organisationRestore"]

    assert refused["errors"] == [
        {
            "field": None,
            "code": "NOT_EMPTY",
            "message": "“城南社区党委”下还有 1 个下级组织（城南第一网格党支部）、1 个未完成的督办事项，"
            "请先归档、移走或办结后再归档。",
        }
    ]
    assert root["errors"][0]["message"] == "街道党工委是组织架构的根，不能归档。"
    assert archived["errors"] == []
    assert under_archived["errors"][0]["message"] == "上级组织“城北社区党委”已归档。"
    assert restored["errors"] == []
    session.refresh(idle)
    assert idle.archived_at is None


async def test_only_the_streets_own_administrators_change_its_tree(gql: GraphQLClient) -> None:
    street = StreetFactory.create(name="湖寮镇党委")
    community = CommunityFactory.create(street=street)
    other_street = OrganisationFactory.create(
        name="西河镇党委", kind=OrganisationKind.STREET_COMMITTEE
    )

    gql.sign_in(Role.CONVENER, community)
    convener = await gql.execute(
        CREATE, {"i": {"parent": org(community), "kind": "GRID_BRANCH", "name": "x"}}
    )
    gql.sign_in(Role.STREET_ADMIN, other_street)
    elsewhere = await gql.execute(
        CREATE, {"i": {"parent": org(community), "kind": "GRID_BRANCH", "name": "x"}}
    )

    assert convener["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert elsewhere["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert session.scalars(select(Organisation).where(col(Organisation.name) == "x")).all() == []

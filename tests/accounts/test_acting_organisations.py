"""The organisations a form offers (`me.organisationsFor(action)`) are exactly those the
mutation behind the form then accepts, for every role; and `me.liaisonUnit` names the one unit
of a user who only answers for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from backend.core.principal import Role
from backend.factories import (
    CommunityFactory,
    OrganisationFactory,
    PersonFactory,
    ResidentUnitFactory,
    StreetFactory,
)
from backend.organisations.models import Organisation, OrganisationKind
from tests.client import GraphQLClient
from tests.helpers import gid

ORGANISATIONS_FOR = """query O($action: ViewerAction!, $kind: OrganisationKind) {
  me { organisationsFor(action: $action, kind: $kind) { id name } }
}"""

START = "2026-12-10T09:00:00+08:00"
END = "2026-12-10T11:00:00+08:00"


def _meeting(organisation: str, _beneficiary: str) -> dict[str, Any]:
    return {
        "organisation": organisation,
        "kind": "SPECIAL",
        "title": "专题会议",
        "startsAt": START,
        "endsAt": END,
        "venue": "党群服务中心",
    }


def _proposal(community: str, _beneficiary: str) -> dict[str, Any]:
    return {
        "community": community,
        "kind": "PROPOSAL",
        "origin": "STAFF",
        "category": "环境整治",
        "title": "整治楼道堆物",
        "description": "三栋楼道堆放杂物。",
    }


def _need(community: str, _beneficiary: str) -> dict[str, Any]:
    return {
        "community": community,
        "title": "修路灯",
        "description": "小区东门路灯不亮。",
        "category": "基础设施",
        "source": "STAFF",
    }


def _wish(community: str, beneficiary: str) -> dict[str, Any]:
    return {
        "community": community,
        "beneficiary": beneficiary,
        "title": "一台助行器",
        "description": "行动不便，想要一台助行器。",
    }


def _activity(community: str, _beneficiary: str) -> dict[str, Any]:
    return {
        "community": community,
        "title": "义务理发",
        "startsAt": START,
        "endsAt": END,
        "place": "党群服务中心",
        "slots": 5,
    }


# Each action, the mutation behind its form and an input naming the organisation.
MUTATIONS: dict[str, tuple[str, str, Callable[[str, str], dict[str, Any]]]] = {
    "PREPARE_MEETINGS": ("jointMeetingCreate", "JointMeetingCreateInput", _meeting),
    "SUBMIT_PROPOSALS": ("proposalSubmit", "ProposalSubmitInput", _proposal),
    "SUBMIT_NEEDS": ("needSubmit", "NeedSubmitInput", _need),
    "PUBLISH_WISHES": ("microWishPublish", "MicroWishPublishInput", _wish),
    "MANAGE_VOLUNTEERING": ("volunteerActivityCreate", "VolunteerActivityCreateInput", _activity),
}


async def _accepted(
    gql: GraphQLClient, action: str, organisation: Organisation, beneficiary: str
) -> bool:
    """Whether the mutation takes the organisation: a refused one is "not found" under its own
    ID, or the whole mutation is forbidden; errors about the input's other fields (a person
    out of the caller's sight) do not count."""
    field, input_type, make_input = MUTATIONS[action]
    query = (
        f"mutation M($input: {input_type}!) {{ {field}(input: $input) {{ errors {{ field }} }} }}"
    )
    target = gid("Organisation", organisation.id)
    body = await gql.execute(query, {"input": make_input(target, beneficiary)})
    for error in body.get("errors") or []:
        extensions = error.get("extensions") or {}
        if extensions.get("code") == "FORBIDDEN" or extensions.get("id") == target:
            return False
    payload = (body.get("data") or {}).get(field) or {"errors": []}
    return not any(e["field"] in ("organisation", "community") for e in payload["errors"])


@pytest.mark.parametrize("action", list(MUTATIONS))
@pytest.mark.parametrize("role", list(Role))
async def test_a_form_offers_the_organisations_its_mutation_accepts(
    gql: GraphQLClient, role: Role, action: str
) -> None:
    street = StreetFactory.create(name="湖寮镇党委")
    own = CommunityFactory.create(name="城西社区党委", parent_id=street.id)
    other = CommunityFactory.create(name="城东社区党委", parent_id=street.id)
    branch = OrganisationFactory.create(
        name="城西第1网格党支部", kind=OrganisationKind.GRID_BRANCH, parent_id=own.id
    )
    beneficiary = gid("Person", PersonFactory.create(community_id=own.id).id)
    unit = ResidentUnitFactory.create(community_id=own.id)
    granted = street if role is Role.STREET_ADMIN else own
    gql.sign_in(role, granted, unit if role is Role.UNIT_LIAISON else None)

    offered = (await gql.data(ORGANISATIONS_FOR, {"action": action}))["me"]["organisationsFor"]
    candidates = (street, own, other, branch)
    accepted = [o for o in candidates if await _accepted(gql, action, o, beneficiary)]

    assert {o["id"] for o in offered} == {gid("Organisation", o.id) for o in accepted}
    assert len(offered) == len(accepted)


async def test_a_street_administrator_is_offered_the_street_first_then_communities_by_name(
    gql: GraphQLClient,
) -> None:
    street = StreetFactory.create(name="湖寮镇党委")
    for name in ("城西社区党委", "城东社区党委", "大埔社区党委"):
        CommunityFactory.create(name=name, parent_id=street.id)
    gql.sign_in(Role.STREET_ADMIN, street)

    every = await gql.data(ORGANISATIONS_FOR, {"action": "PREPARE_MEETINGS"})
    communities = await gql.data(
        ORGANISATIONS_FOR, {"action": "PREPARE_MEETINGS", "kind": "COMMUNITY_COMMITTEE"}
    )

    names = [o["name"] for o in every["me"]["organisationsFor"]]
    assert names[0] == "湖寮镇党委"
    assert names[1:] == sorted(names[1:])
    assert len(names) == 4
    assert [o["name"] for o in communities["me"]["organisationsFor"]] == names[1:]


LIAISON_UNIT = "{ me { liaisonUnit { id name } } }"


async def test_a_user_who_only_answers_for_one_unit_is_told_which(gql: GraphQLClient) -> None:
    community = CommunityFactory.create()
    unit = ResidentUnitFactory.create(community_id=community.id, name="县人民医院")
    gql.sign_in(Role.UNIT_LIAISON, community, unit)

    data = await gql.data(LIAISON_UNIT)

    assert data["me"]["liaisonUnit"] == {"id": gid("ResidentUnit", unit.id), "name": "县人民医院"}


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.UNIT_LIAISON])
async def test_other_roles_have_no_liaison_unit(gql: GraphQLClient, role: Role) -> None:
    gql.sign_in(role, CommunityFactory.create())

    assert (await gql.data(LIAISON_UNIT))["me"]["liaisonUnit"] is None

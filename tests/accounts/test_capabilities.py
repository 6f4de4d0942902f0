"""What the server tells the SPA the viewer may do (`me.access`, the `viewerCan…` fields) agrees
with what the server then allows: the flags with the written permission matrix, the object-level
capabilities with the outcome of the mutation they announce."""

from __future__ import annotations

import pytest

from backend.core.principal import Role
from backend.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    CommunityFactory,
    DecisionFactory,
    MeetingFactory,
    ProposalFactory,
    ResidentUnitFactory,
    StreetFactory,
)
from backend.meetings.models import ActionItem, ActionItemStatus, JointMeeting, MeetingStatus
from backend.organisations.models import Organisation
from backend.units.models import ResidentUnit
from tests.accounts.test_permission_matrix import MATRIX, PUBLIC
from tests.client import GraphQLClient
from tests.helpers import gid

# The root fields and mutations behind each flag: the pages it opens, the actions it shows.
BEHIND: dict[str, list[str]] = {
    "canReadOrganisations": ["organisations"],
    "canReadUnits": ["residentUnits"],
    "canReadMembers": ["committeeMembers"],
    "canReadVolunteering": ["volunteerTeams", "serviceRecords"],
    "canReadCobuilding": ["resources", "projects", "microWishes"],
    "canReadNeeds": ["needs", "grids"],
    "canHandleNeeds": ["needTriage", "needDispatch", "needSolve", "needClose", "microWishConfirm"],
    "canAnswerDispatches": ["needDispatchRespond"],
    "canPublishResources": ["resourcePublish", "resourceUpdate"],
    "canManageVolunteering": [
        "volunteerActivityCreate",
        "serviceRecordCreate",
        "pointsRedeem",
        "volunteerTeamCreate",
    ],
    "canReadMeetings": ["jointMeetings", "actionItems", "proposals"],
    "canManageMeetings": ["jointMeetingCreate", "agendaCandidates", "proposalTriage"],
    "canReadEvaluations": ["evaluations"],
    "canAdmin": ["apiTokens", "auditLog", "webhookEndpoints"],
    "canManageTokens": ["apiTokens", "apiTokenCreate", "apiTokenRevoke"],
    "canReadAuditLog": ["auditLog"],
}

ACCESS = f"{{ me {{ access {{ {' '.join(BEHIND)} }} }} }}"


def _matrix_allows(field: str, role: Role) -> bool:
    roles, _ = MATRIX[field]
    return roles == PUBLIC or role in roles


@pytest.mark.parametrize("role", list(Role))
async def test_each_flag_says_what_the_matrix_allows_the_role(
    gql: GraphQLClient, role: Role
) -> None:
    community = CommunityFactory.create()
    unit = ResidentUnitFactory.create(community_id=community.id)
    gql.sign_in(role, community, unit if role is Role.UNIT_LIAISON else None)

    access = (await gql.data(ACCESS))["me"]["access"]

    assert access == {
        flag: all(_matrix_allows(field, role) for field in fields)
        for flag, fields in BEHIND.items()
    }


MEETING = "query M($id: ID!) { node(id: $id) { ... on JointMeeting { viewerCanManage } } }"
ADD = """mutation A($input: AgendaItemCreateInput!) {
  agendaItemCreate(input: $input) { meeting { id } errors { code } }
}"""


async def _manages_and_may_add(gql: GraphQLClient, meeting: JointMeeting) -> tuple[bool, bool]:
    # A meeting out of sight is not found: its manager is someone else.
    seen = await gql.execute(MEETING, {"id": gid("JointMeeting", meeting.id)})
    node = (seen.get("data") or {}).get("node")
    says = bool(node and node["viewerCanManage"])
    body = await gql.execute(
        ADD,
        {"input": {"meeting": gid("JointMeeting", meeting.id), "version": 1, "title": "试一试"}},
    )
    payload = (body.get("data") or {}).get("agendaItemCreate")
    return says, "errors" not in body and payload is not None and payload["errors"] == []


def _places(over: str) -> tuple[Organisation, Organisation]:
    """A community of a street, and where the caller's grant is: the street, the community
    itself, or another community of the street."""
    street = StreetFactory.create()
    community = CommunityFactory.create(street=street)
    places = {
        "street": street,
        "community": community,
        "other community": CommunityFactory.create(street=street),
    }
    return community, places[over]


@pytest.mark.parametrize(
    ("role", "over", "manages"),
    [
        (Role.STREET_ADMIN, "street", True),
        (Role.CONVENER, "street", True),
        (Role.CONVENER, "community", True),
        (Role.CONVENER, "other community", False),
        (Role.COMMITTEE_MEMBER, "community", False),
        (Role.VOLUNTEER_COORDINATOR, "community", False),
    ],
)
async def test_a_meeting_says_who_manages_it_and_they_alone_may_change_it(
    gql: GraphQLClient, role: Role, over: str, manages: bool
) -> None:
    community, granted = _places(over)
    meeting = MeetingFactory.create(community=community, status=MeetingStatus.DRAFT, version=1)
    gql.sign_in(role, granted)

    assert await _manages_and_may_add(gql, meeting) == (manages, manages)


ACTION = """query A($id: ID!) {
  node(id: $id) { ... on ActionItem { viewerCanReport viewerCanVerify } }
}"""


def _action(status: ActionItemStatus) -> tuple[Organisation, ResidentUnit, ActionItem]:
    community = CommunityFactory.create()
    unit = ResidentUnitFactory.create(community_id=community.id)
    meeting = MeetingFactory.create(community=community)
    decision = DecisionFactory.create(agenda_item=AgendaItemFactory.create(meeting=meeting))
    action = ActionItemFactory.create(decision=decision, owner_unit=unit, status=status)
    return community, unit, action


@pytest.mark.parametrize(
    ("role", "status", "report", "verify"),
    [
        (Role.UNIT_LIAISON, ActionItemStatus.OPEN, True, False),
        (Role.UNIT_LIAISON, ActionItemStatus.DONE, False, False),
        (Role.CONVENER, ActionItemStatus.OPEN, False, False),
        (Role.CONVENER, ActionItemStatus.DONE, False, True),
    ],
)
async def test_an_action_item_says_who_reports_and_who_verifies(
    gql: GraphQLClient, role: Role, status: ActionItemStatus, report: bool, verify: bool
) -> None:
    community, unit, action = _action(status)
    gql.sign_in(role, community, unit if role is Role.UNIT_LIAISON else None)

    node = (await gql.data(ACTION, {"id": gid("ActionItem", action.id)}))["node"]

    assert node == {"viewerCanReport": report, "viewerCanVerify": verify}


STATUSES = "query A($id: ID!) { node(id: $id) { ... on ActionItem { viewerReportStatuses } } }"


@pytest.mark.parametrize(
    ("role", "status", "offered"),
    [
        (Role.UNIT_LIAISON, ActionItemStatus.OPEN, ["IN_PROGRESS", "DONE", "BLOCKED"]),
        (Role.UNIT_LIAISON, ActionItemStatus.BLOCKED, ["IN_PROGRESS", "BLOCKED"]),
        (Role.UNIT_LIAISON, ActionItemStatus.VERIFIED, []),
        (Role.CONVENER, ActionItemStatus.OPEN, []),
    ],
)
async def test_the_report_form_offers_the_moves_the_server_then_accepts(
    gql: GraphQLClient, role: Role, status: ActionItemStatus, offered: list[str]
) -> None:
    community, unit, action = _action(status)
    gql.sign_in(role, community, unit if role is Role.UNIT_LIAISON else None)

    node = (await gql.data(STATUSES, {"id": gid("ActionItem", action.id)}))["node"]

    assert node["viewerReportStatuses"] == offered


PROPOSAL = "query P($id: ID!) { node(id: $id) { ... on Proposal { viewerCanTriage } } }"
TRIAGE = """mutation T($input: ProposalTriageInput!) {
  proposalTriage(input: $input) { proposal { status } errors { code } }
}"""


@pytest.mark.parametrize(
    ("role", "over", "triages"),
    [
        (Role.STREET_ADMIN, "street", True),
        (Role.CONVENER, "street", True),
        (Role.CONVENER, "community", True),
        (Role.CONVENER, "other community", False),
        (Role.COMMITTEE_MEMBER, "community", False),
        (Role.VOLUNTEER_COORDINATOR, "community", False),
    ],
)
async def test_a_proposal_says_who_triages_it_and_they_alone_may(
    gql: GraphQLClient, role: Role, over: str, triages: bool
) -> None:
    community, granted = _places(over)
    proposal = ProposalFactory.create(community=community)
    gql.sign_in(role, granted)
    proposal_id = gid("Proposal", proposal.id)

    seen = await gql.execute(PROPOSAL, {"id": proposal_id})
    node = (seen.get("data") or {}).get("node")
    body = await gql.execute(
        TRIAGE, {"input": {"id": proposal_id, "action": "DECLINE", "reason": "已有同类议题"}}
    )
    payload = (body.get("data") or {}).get("proposalTriage")
    accepted = "errors" not in body and payload is not None and payload["errors"] == []

    assert (bool(node and node["viewerCanTriage"]), accepted) == (triages, triages)

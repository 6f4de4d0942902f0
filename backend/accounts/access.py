"""What the viewer may open and do, as the SPA's menu and buttons need it: each flag is the
verdict of the rules of the root fields and mutations behind it, so the SPA asks the server
instead of mirroring its rules (object-level checks are the `viewerCan…` fields of the
objects themselves)."""

from __future__ import annotations

from backend.accounts.permissions import MANAGE_TOKENS, READ_USERS
from backend.audit.permissions import READ_AUDIT_LOG
from backend.cobuilding.permissions import (
    ANSWER_DISPATCH,
    HANDLE_NEEDS,
    PUBLISH_RESOURCE,
    READ_MICRO_WISHES,
    READ_NEEDS,
    READ_PROJECTS,
    READ_RESOURCES,
)
from backend.core.permissions import Rule
from backend.core.principal import Principal
from backend.evaluations.permissions import READ_EVALUATIONS
from backend.meetings.permissions import (
    PREPARE_MEETING,
    READ_ACTION_ITEMS,
    READ_AGENDA_CANDIDATES,
    READ_MEETINGS,
    READ_PROPOSALS,
    TRIAGE_PROPOSAL,
)
from backend.organisations.permissions import READ_GRIDS, READ_ORGANISATIONS
from backend.people.permissions import READ_COMMITTEE_MEMBERS
from backend.units.permissions import READ_UNITS
from backend.volunteering.permissions import (
    MANAGE_VOLUNTEERING,
    READ_SERVICE_RECORDS,
    READ_VOLUNTEER_TEAMS,
)

# Each flag holds when every rule behind it does (the page's root fields, the area's actions).
FLAGS: dict[str, tuple[Rule, ...]] = {
    "can_read_organisations": (READ_ORGANISATIONS,),
    "can_read_units": (READ_UNITS,),
    "can_read_members": (READ_COMMITTEE_MEMBERS,),
    "can_read_volunteering": (READ_VOLUNTEER_TEAMS, READ_SERVICE_RECORDS),
    "can_read_cobuilding": (READ_RESOURCES, READ_PROJECTS, READ_MICRO_WISHES),
    # The needs board lists needs by grid.
    "can_read_needs": (READ_NEEDS, READ_GRIDS),
    "can_handle_needs": (HANDLE_NEEDS,),
    "can_answer_dispatches": (ANSWER_DISPATCH,),
    "can_publish_resources": (PUBLISH_RESOURCE,),
    "can_manage_volunteering": (MANAGE_VOLUNTEERING,),
    "can_read_meetings": (READ_MEETINGS, READ_ACTION_ITEMS, READ_PROPOSALS),
    "can_manage_meetings": (PREPARE_MEETING, READ_AGENDA_CANDIDATES, TRIAGE_PROPOSAL),
    "can_read_evaluations": (READ_EVALUATIONS,),
    "can_admin": (READ_USERS,),
    "can_manage_tokens": (MANAGE_TOKENS,),
    "can_read_audit_log": (READ_AUDIT_LOG,),
}


def viewer_access(principal: Principal) -> dict[str, bool]:
    return {flag: all(rule.permits(principal) for rule in rules) for flag, rules in FLAGS.items()}

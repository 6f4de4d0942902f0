"""What the viewer may open and do, as the SPA's menu and buttons need it: each flag is the
verdict of the rules of the root fields and mutations behind it, so the SPA asks the server
instead of mirroring its rules (object-level checks are the `viewerCan…` fields of the
objects themselves)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.accounts.permissions import MANAGE_TOKENS, READ_USERS
from backend.audit.permissions import READ_AUDIT_LOG
from backend.cobuilding.needs import need_communities
from backend.cobuilding.permissions import (
    ANSWER_DISPATCH,
    HANDLE_NEEDS,
    PUBLISH_RESOURCE,
    PUBLISH_WISH,
    READ_MICRO_WISHES,
    READ_NEEDS,
    READ_PROJECTS,
    READ_RESOURCES,
    SUBMIT_NEED,
)
from backend.core.actor import Actor
from backend.core.models import LabelledEnum
from backend.core.permissions import Rule
from backend.core.principal import Principal, Role
from backend.core.scope import Scope, visible
from backend.evaluations.permissions import READ_EVALUATIONS
from backend.meetings.lifecycle import CONVENING_KINDS
from backend.meetings.permissions import (
    PREPARE_MEETING,
    READ_ACTION_ITEMS,
    READ_AGENDA_CANDIDATES,
    READ_MEETINGS,
    READ_PROPOSALS,
    SUBMIT_PROPOSAL,
    TRIAGE_PROPOSAL,
)
from backend.organisations.models import Organisation, OrganisationKind
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


class ViewerAction(LabelledEnum):
    """What a form does in an organisation it lets the viewer choose."""

    PREPARE_MEETINGS = "prepare_meetings", "召集联席会议"
    SUBMIT_PROPOSALS = "submit_proposals", "提交议题建议"
    SUBMIT_NEEDS = "submit_needs", "登记需求"
    PUBLISH_WISHES = "publish_wishes", "发布微心愿"
    MANAGE_VOLUNTEERING = "manage_volunteering", "管理志愿活动与积分"


def _visible_organisations(scope: Scope) -> ColumnElement[bool]:
    return visible(Organisation, scope)


def _convening_organisations(scope: Scope) -> ColumnElement[bool]:
    return and_(visible(Organisation, scope), col(Organisation.kind).in_(CONVENING_KINDS))


# Each action: the mutation's rule, and the condition under which its service finds the
# organisation it is given (in the scope of the grants of the rule's roles), so that a form
# offers exactly the organisations the server accepts.
ACTIONS: dict[ViewerAction, tuple[Rule, Callable[[Scope], ColumnElement[bool]]]] = {
    ViewerAction.PREPARE_MEETINGS: (PREPARE_MEETING, _convening_organisations),
    ViewerAction.SUBMIT_PROPOSALS: (SUBMIT_PROPOSAL, _visible_organisations),
    ViewerAction.SUBMIT_NEEDS: (SUBMIT_NEED, need_communities),
    ViewerAction.PUBLISH_WISHES: (PUBLISH_WISH, _visible_organisations),
    ViewerAction.MANAGE_VOLUNTEERING: (MANAGE_VOLUNTEERING, _visible_organisations),
}


async def organisations_for(
    session: AsyncSession, actor: Actor, action: ViewerAction, kind: OrganisationKind | None
) -> list[Organisation]:
    """The organisations (of `kind`, if given) in which the viewer may do `action`, in tree
    order: a form's choices."""
    rule, condition = ACTIONS[action]
    if not rule.permits(actor.principal):
        return []
    statement = select(Organisation).where(
        condition(actor.acting_in(rule.roles).scope), col(Organisation.archived_at).is_(None)
    )
    if kind is not None:
        statement = statement.where(col(Organisation.kind) == kind)
    # The street first, then its communities by name.
    depth = func.length(col(Organisation.path))
    rows = await session.scalars(statement.order_by(depth, col(Organisation.name)))
    return list(rows)


def liaison_unit_id(principal: Principal) -> int | None:
    """The one unit of a user who is only a unit liaison (their pages open on that unit)."""
    grants = principal.grants
    if not grants or any(grant.role is not Role.UNIT_LIAISON for grant in grants):
        return None
    units = {grant.unit_id for grant in grants if grant.unit_id is not None}
    return units.pop() if len(units) == 1 else None

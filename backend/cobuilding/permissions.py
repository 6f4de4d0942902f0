from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlmodel import col

from backend.cobuilding.models import (
    MicroWish,
    Need,
    NeedDispatch,
    Project,
    ProjectMilestone,
    ProjectPartner,
    ProjectUpdate,
    Resource,
)
from backend.core.actor import Actor
from backend.core.permissions import ALL_ROLES, STAFF_ROLES, Rule, holds_grant_over
from backend.core.principal import Role
from backend.core.scope import Scope, visibility, visible

NEED_ROLES = ALL_ROLES - {Role.UNIT_LIAISON}

# A unit liaison reads the needs dispatched to its unit (its inbox, their photos).
READ_NEEDS = Rule("needs", ALL_ROLES, token_scope="read:cobuilding")
READ_DISPATCHES = Rule("needDispatches", ALL_ROLES, token_scope="read:cobuilding")
READ_RESOURCES = Rule("resources", ALL_ROLES, token_scope="read:cobuilding")
READ_CATEGORIES = Rule("issueCategories", ALL_ROLES, token_scope="read:cobuilding")
READ_PROJECTS = Rule("projects", ALL_ROLES, token_scope="read:cobuilding")
# Unit liaisons see their community's wish wall, to claim wishes for their unit.
READ_MICRO_WISHES = Rule("microWishes", ALL_ROLES, token_scope="read:cobuilding")


@visibility(Need, read=READ_NEEDS)
def _needs(scope: Scope) -> ColumnElement[bool]:
    # A unit liaison sees the needs dispatched to its unit.
    dispatched = select(col(NeedDispatch.need_id)).where(scope.in_units(col(NeedDispatch.unit_id)))
    return or_(scope.in_subtrees(col(Need.community_id)), col(Need.id).in_(dispatched))


@visibility(NeedDispatch, read=READ_DISPATCHES)
def _dispatches(scope: Scope) -> ColumnElement[bool]:
    in_communities = select(col(Need.id)).where(scope.in_subtrees(col(Need.community_id)))
    return or_(
        col(NeedDispatch.need_id).in_(in_communities), scope.in_units(col(NeedDispatch.unit_id))
    )


# --- residents order, the community dispatches, units accept -------------------------------

# Community staff and part-time members (public-opinion collectors) record needs; district
# platforms send theirs with a `write:needs` token.
SUBMIT_NEED = Rule("needSubmit", NEED_ROLES, token_scope="write:needs")
HANDLE_NEEDS = Rule("handleNeeds", STAFF_ROLES)
ANSWER_DISPATCH = Rule("needDispatchRespond", frozenset({Role.UNIT_LIAISON}))


@visibility(Resource, read=READ_RESOURCES)
def _resources(scope: Scope) -> ColumnElement[bool]:
    return or_(scope.in_subtrees(Resource.community_id), scope.in_units(Resource.unit_id))


@visibility(Project, read=READ_PROJECTS)
def _projects(scope: Scope) -> ColumnElement[bool]:
    partnered = select(col(ProjectPartner.project_id)).where(
        scope.in_units(col(ProjectPartner.unit_id))
    )
    return or_(
        scope.in_subtrees(col(Project.community_id)),
        scope.in_units(col(Project.lead_unit_id)),
        col(Project.id).in_(partnered),
    )


def _visible_projects(scope: Scope) -> Select[Any]:
    return select(col(Project.id)).where(visible(Project, scope))


@visibility(ProjectMilestone, read=READ_PROJECTS)
def _milestones(scope: Scope) -> ColumnElement[bool]:
    return col(ProjectMilestone.project_id).in_(_visible_projects(scope))


@visibility(ProjectUpdate, read=READ_PROJECTS)
def _updates(scope: Scope) -> ColumnElement[bool]:
    return col(ProjectUpdate.project_id).in_(_visible_projects(scope))


@visibility(ProjectPartner, read=READ_PROJECTS)
def _partners(scope: Scope) -> ColumnElement[bool]:
    return col(ProjectPartner.project_id).in_(_visible_projects(scope))


@visibility(MicroWish, read=READ_MICRO_WISHES)
def _wishes(scope: Scope) -> ColumnElement[bool]:
    return or_(
        scope.in_subtrees(MicroWish.community_id),
        col(MicroWish.community_id).in_(sorted(scope.organisation_ids)),
    )


PUBLISH_WISH = Rule("microWishPublish", NEED_ROLES)
CLAIM_WISH = Rule("microWishClaim", ALL_ROLES)
MANAGE_PROJECTS = Rule("manageProjects", STAFF_ROLES)
# Staff, the lead or a partner unit's liaison, or the follow-up officer (checked per project).
REPORT_PROJECT = Rule("projectReport", ALL_ROLES)
PUBLISH_RESOURCE = Rule("resourcePublish", STAFF_ROLES | {Role.UNIT_LIAISON})


# --- object-level rules, called by the services ----------------------------------------------


def handles_needs_in(actor: Actor, community_path: str) -> bool:
    """Staff of a community (or above it) triage, dispatch and close its needs; the services
    reach the same verdict by loading the need in the scope of these roles."""
    return holds_grant_over(actor.principal, STAFF_ROLES, community_path)


def may_report_on(
    actor: Actor,
    *,
    lead_unit_id: int | None,
    community_path: str,
    partner_unit_ids: set[int],
    officer_person_id: int | None,
) -> bool:
    """Staff of the project's community, the lead or a partner unit's liaison, or the
    project's follow-up officer may report its progress and complete its milestones."""
    if handles_needs_in(actor, community_path):
        return True
    units = actor.scope.unit_ids
    if lead_unit_id in units or units & partner_unit_ids:
        return True
    return officer_person_id is not None and officer_person_id == actor.person_id


def answers_for(actor: Actor, dispatch: NeedDispatch) -> bool:
    """Only the liaison of the unit a need was dispatched to answers the dispatch."""
    return dispatch.unit_id in actor.scope.unit_ids


def is_claimant(wish: MicroWish, *, person_id: int | None, unit_id: int | None) -> bool:
    """The person or unit whose claim won the wish fulfils it."""
    return (wish.claimed_by_person_id is not None and wish.claimed_by_person_id == person_id) or (
        wish.claimed_by_unit_id is not None and wish.claimed_by_unit_id == unit_id
    )

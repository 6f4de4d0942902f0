from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlmodel import col

from backend.core.actor import Actor
from backend.core.permissions import ALL_ROLES, Rule, holds_grant_over
from backend.core.principal import Role
from backend.core.scope import Scope, visibility, visible
from backend.volunteering.models import (
    ActivitySignup,
    PartnerMerchant,
    PointsEntry,
    PointsRule,
    ServiceRecord,
    VolunteerActivity,
    VolunteerTeam,
    VolunteerTeamMember,
)

VOLUNTEERING_ROLES = ALL_ROLES - {Role.UNIT_LIAISON}

READ_VOLUNTEER_TEAMS = Rule("volunteerTeams", VOLUNTEERING_ROLES, token_scope="read:volunteering")
READ_SERVICE_RECORDS = Rule("serviceRecords", VOLUNTEERING_ROLES, token_scope="read:volunteering")


def _visible_teams(scope: Scope) -> Select[Any]:
    return select(col(VolunteerTeam.id)).where(visible(VolunteerTeam, scope))


@visibility(VolunteerTeam, read=READ_VOLUNTEER_TEAMS)
def _teams(scope: Scope) -> ColumnElement[bool]:
    return scope.in_subtrees(col(VolunteerTeam.community_id))


@visibility(VolunteerTeamMember, read=READ_VOLUNTEER_TEAMS)
def _members(scope: Scope) -> ColumnElement[bool]:
    return col(VolunteerTeamMember.team_id).in_(_visible_teams(scope))


@visibility(ServiceRecord, read=READ_SERVICE_RECORDS)
def _records(scope: Scope) -> ColumnElement[bool]:
    from backend.cobuilding.models import MicroWish, Need, Project
    from backend.people.models import Person

    # A record belongs where its team, or the need, wish or project it served, belongs.
    return or_(
        col(ServiceRecord.team_id).in_(_visible_teams(scope)),
        col(ServiceRecord.need_id).in_(select(col(Need.id)).where(visible(Need, scope))),
        col(ServiceRecord.micro_wish_id).in_(
            select(col(MicroWish.id)).where(visible(MicroWish, scope))
        ),
        col(ServiceRecord.project_id).in_(select(col(Project.id)).where(visible(Project, scope))),
        col(ServiceRecord.activity_id).in_(
            select(col(VolunteerActivity.id)).where(
                scope.in_subtrees(col(VolunteerActivity.community_id))
            )
        ),
        # Records of the subtree's own residents, also those a coordinator added by hand.
        col(ServiceRecord.person_id).in_(
            select(col(Person.id)).where(scope.in_subtrees(col(Person.community_id)))
        ),
        col(ServiceRecord.person_id).in_(own_person(scope)),
    )


# --- activities, sign-ups, check-in and points ----------------------------------------------

COORDINATORS = frozenset({Role.STREET_ADMIN, Role.VOLUNTEER_COORDINATOR})

MANAGE_VOLUNTEERING = Rule("manageVolunteering", COORDINATORS)
READ_ACTIVITIES = Rule("volunteerActivities", VOLUNTEERING_ROLES, token_scope="read:volunteering")
# Volunteers act for themselves (sign up, scan the activity's code); coordinators for others.
VOLUNTEER_SELF = Rule("volunteerSelf", ALL_ROLES, any_user=True)
READ_LEDGER = Rule("pointsLedger", VOLUNTEERING_ROLES, token_scope="read:volunteering")
READ_MERCHANTS = Rule("partnerMerchants", ALL_ROLES, token_scope="read:volunteering")


def coordinates(actor: Actor, community_path: str) -> bool:
    """A coordinator (or street administrator) over the community: sees an activity's check-in
    code, checks others in and out, and signs them up."""
    return holds_grant_over(actor.principal, COORDINATORS, community_path)


def own_person(scope: Scope) -> Any:
    from backend.accounts.models import User

    return select(col(User.person_id)).where(col(User.id) == scope.user_id)


@visibility(VolunteerActivity, read=READ_ACTIVITIES)
def _activities(scope: Scope) -> ColumnElement[bool]:
    signed_up = select(col(ActivitySignup.activity_id)).where(
        col(ActivitySignup.person_id).in_(own_person(scope))
    )
    return or_(
        scope.in_subtrees(VolunteerActivity.community_id), col(VolunteerActivity.id).in_(signed_up)
    )


@visibility(ActivitySignup, read=READ_ACTIVITIES)
def _signups(scope: Scope) -> ColumnElement[bool]:
    in_scope = select(col(VolunteerActivity.id)).where(
        scope.in_subtrees(col(VolunteerActivity.community_id))
    )
    return or_(
        col(ActivitySignup.activity_id).in_(in_scope),
        col(ActivitySignup.person_id).in_(own_person(scope)),
    )


@visibility(PointsEntry, read=READ_LEDGER)
def _ledger(scope: Scope) -> ColumnElement[bool]:
    from backend.people.models import Person

    return or_(
        col(PointsEntry.person_id).in_(select(col(Person.id)).where(visible(Person, scope))),
        col(PointsEntry.person_id).in_(own_person(scope)),
    )


@visibility(PointsRule, read=READ_ACTIVITIES)
def _rules(scope: Scope) -> ColumnElement[bool]:
    return scope.in_subtrees(PointsRule.organisation_id)


@visibility(PartnerMerchant, read=READ_MERCHANTS)
def _merchants(scope: Scope) -> ColumnElement[bool]:
    return or_(
        scope.in_subtrees(PartnerMerchant.community_id),
        col(PartnerMerchant.community_id).in_(sorted(scope.organisation_ids)),
    )

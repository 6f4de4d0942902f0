from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, or_, select

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


def _visible_teams(scope: Scope) -> object:
    return select(VolunteerTeam.id).where(visible(VolunteerTeam, scope))


@visibility(VolunteerTeam, read=READ_VOLUNTEER_TEAMS)
def _teams(scope: Scope) -> ColumnElement[bool]:
    return scope.in_subtrees(VolunteerTeam.community_id)


@visibility(VolunteerTeamMember, read=READ_VOLUNTEER_TEAMS)
def _members(scope: Scope) -> ColumnElement[bool]:
    return VolunteerTeamMember.team_id.in_(_visible_teams(scope))  # type: ignore[no-any-return]


@visibility(ServiceRecord, read=READ_SERVICE_RECORDS)
def _records(scope: Scope) -> ColumnElement[bool]:
    from backend.cobuilding.models import MicroWish, Need, Project
    from backend.people.models import Person

    # A record belongs where its team, or the need, wish or project it served, belongs.
    return or_(
        ServiceRecord.team_id.in_(_visible_teams(scope)),
        ServiceRecord.need_id.in_(select(Need.id).where(visible(Need, scope))),
        ServiceRecord.micro_wish_id.in_(select(MicroWish.id).where(visible(MicroWish, scope))),
        ServiceRecord.project_id.in_(select(Project.id).where(visible(Project, scope))),
        ServiceRecord.activity_id.in_(
            select(VolunteerActivity.id).where(scope.in_subtrees(VolunteerActivity.community_id))
        ),
        # Records of the subtree's own residents, also those a coordinator added by hand.
        ServiceRecord.person_id.in_(
            select(Person.id).where(scope.in_subtrees(Person.community_id))
        ),
        ServiceRecord.person_id.in_(own_person(scope)),
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

    return select(User.person_id).where(User.id == scope.user_id)


@visibility(VolunteerActivity, read=READ_ACTIVITIES)
def _activities(scope: Scope) -> ColumnElement[bool]:
    signed_up = select(ActivitySignup.activity_id).where(
        ActivitySignup.person_id.in_(own_person(scope))
    )
    return or_(
        scope.in_subtrees(VolunteerActivity.community_id), VolunteerActivity.id.in_(signed_up)
    )


@visibility(ActivitySignup, read=READ_ACTIVITIES)
def _signups(scope: Scope) -> ColumnElement[bool]:
    in_scope = select(VolunteerActivity.id).where(scope.in_subtrees(VolunteerActivity.community_id))
    return or_(
        ActivitySignup.activity_id.in_(in_scope), ActivitySignup.person_id.in_(own_person(scope))
    )


@visibility(PointsEntry, read=READ_LEDGER)
def _ledger(scope: Scope) -> ColumnElement[bool]:
    from backend.people.models import Person

    return or_(
        PointsEntry.person_id.in_(select(Person.id).where(visible(Person, scope))),
        PointsEntry.person_id.in_(own_person(scope)),
    )


@visibility(PointsRule, read=READ_ACTIVITIES)
def _rules(scope: Scope) -> ColumnElement[bool]:
    return scope.in_subtrees(PointsRule.organisation_id)


@visibility(PartnerMerchant, read=READ_MERCHANTS)
def _merchants(scope: Scope) -> ColumnElement[bool]:
    return or_(
        scope.in_subtrees(PartnerMerchant.community_id),
        PartnerMerchant.community_id.in_(sorted(scope.organisation_ids)),
    )

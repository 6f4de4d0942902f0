from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select
from sqlmodel import col

from backend.core.permissions import ALL_ROLES, STAFF_ROLES, Rule
from backend.core.principal import Principal
from backend.core.scope import Scope, visibility, visible
from backend.people.models import CommitteeMembership, CommitteeMembershipRole, Person
from backend.units.models import ResidentUnit, UnitStaff
from backend.units.permissions import visible_unit_ids

READ_COMMITTEE_MEMBERS = Rule("committeeMembers", ALL_ROLES, token_scope="read:members")
READ_PEOPLE = Rule("people", STAFF_ROLES, token_scope="read:people")
# Full (unmasked) personal data: only roles that contact people for their work.
READ_PERSONAL_DATA = Rule("personalData", STAFF_ROLES, token_scope="read:personal-data")


def personal_data_scope(principal: Principal) -> Scope:
    """The scope of only those grants that entitle the caller to full personal data."""
    if principal.is_token:
        return Scope.of(principal)
    entitled = tuple(g for g in principal.grants if READ_PERSONAL_DATA.allows(role=g.role))
    return Scope.of(Principal(user_id=principal.user_id, grants=entitled))


def may_read_personal_data(principal: Principal) -> bool:
    if principal.is_token:
        return READ_PERSONAL_DATA.allows(token_scopes=principal.scopes)
    return any(READ_PERSONAL_DATA.allows(role=grant.role) for grant in principal.grants)


@visibility(Person, read=READ_PEOPLE)
def _people(scope: Scope) -> ColumnElement[bool]:
    units = visible_unit_ids(scope)
    return or_(
        scope.in_subtrees(Person.community_id),
        col(Person.id).in_(
            select(col(UnitStaff.person_id)).where(col(UnitStaff.unit_id).in_(units))
        ),
        col(Person.id).in_(
            select(col(ResidentUnit.liaison_id)).where(col(ResidentUnit.id).in_(units))
        ),
        col(Person.id).in_(
            select(col(CommitteeMembership.person_id)).where(visible(CommitteeMembership, scope))
        ),
    )


@visibility(CommitteeMembership, read=READ_COMMITTEE_MEMBERS)
def _memberships(scope: Scope) -> ColumnElement[bool]:
    return or_(
        scope.in_subtrees(CommitteeMembership.community_id),
        scope.in_units(CommitteeMembership.unit_id),
    )


@visibility(CommitteeMembershipRole, read=READ_COMMITTEE_MEMBERS)
def _roles(scope: Scope) -> ColumnElement[bool]:
    memberships = select(col(CommitteeMembership.id)).where(visible(CommitteeMembership, scope))
    return col(CommitteeMembershipRole.membership_id).in_(memberships)

"""Reading rules for people and part-time committee members."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select
from sqlmodel import col

from backend.core.crypto import keyring
from backend.core.filters import ordering, text_search
from backend.core.pagination import OrderDirection
from backend.organisations.services import in_subtree
from backend.people.models import (
    CommitteeMembership,
    CommitteeMembershipRole,
    CommitteeRole,
    Person,
)
from backend.units.models import ResidentUnit


def committee_memberships_statement(
    *,
    root_id: int | None = None,
    unit_id: int | None = None,
    role: CommitteeRole | None = None,
    search: str | None = None,
    active_on: date | None = None,
    order_column: str = "term_start",
    direction: OrderDirection = OrderDirection.ASC,
) -> Select[Any]:
    statement = select(CommitteeMembership).where(col(CommitteeMembership.archived_at).is_(None))
    if root_id is not None:
        statement = statement.where(in_subtree(col(CommitteeMembership.community_id), root_id))
    if unit_id is not None:
        statement = statement.where(col(CommitteeMembership.unit_id) == unit_id)
    if role is not None:
        statement = statement.where(
            col(CommitteeMembership.id).in_(
                select(col(CommitteeMembershipRole.membership_id)).where(
                    col(CommitteeMembershipRole.role) == role
                )
            )
        )
    person_match = text_search([Person.name], search)
    unit_match = text_search([ResidentUnit.name], search)
    if person_match is not None and unit_match is not None:
        statement = statement.where(
            or_(
                col(CommitteeMembership.person_id).in_(select(col(Person.id)).where(person_match)),
                col(CommitteeMembership.unit_id).in_(
                    select(col(ResidentUnit.id)).where(unit_match)
                ),
            )
        )
    if active_on is not None:
        statement = statement.where(
            col(CommitteeMembership.term_start) <= active_on,
            col(CommitteeMembership.term_end) >= active_on,
        )
    if order_column == "person_name":
        statement = statement.join(Person, col(Person.id) == col(CommitteeMembership.person_id))
        column: Any = col(Person.name)
    else:
        column = getattr(CommitteeMembership, order_column)
    return statement.order_by(*ordering(column, direction, col(CommitteeMembership.id)))


def people_statement(
    *,
    root_id: int | None = None,
    search: str | None = None,
    mobile: str | None = None,
    id_number: str | None = None,
    party_members_only: bool = False,
) -> Select[Any]:
    statement = select(Person).where(col(Person.archived_at).is_(None))
    # Stored encrypted: exact matches go through the keyed hashes.
    if mobile is not None:
        statement = statement.where(col(Person.mobile_hash) == keyring().search_hash(mobile))
    if id_number is not None:
        statement = statement.where(col(Person.id_number_hash) == keyring().search_hash(id_number))
    if root_id is not None:
        statement = statement.where(in_subtree(col(Person.community_id), root_id))
    condition = text_search([col(Person.name)], search)
    if condition is not None:
        statement = statement.where(condition)
    if party_members_only:
        statement = statement.where(col(Person.is_party_member).is_(True))
    return statement.order_by(col(Person.name), col(Person.id))

from __future__ import annotations

from backend.core.dataloaders import ByIdLoader, ListByKeyLoader
from backend.people.models import CommitteeMembership, CommitteeMembershipRole, Person


class PersonByIdLoader(ByIdLoader[Person]):
    model = Person


class CommitteeMembershipByIdLoader(ByIdLoader[CommitteeMembership]):
    model = CommitteeMembership


class CommitteeMembershipsByCommunityLoader(ListByKeyLoader[CommitteeMembership]):
    model = CommitteeMembership
    key = "community_id"
    order_by = ("term_start", "id")


class CommitteeMembershipsByUnitLoader(ListByKeyLoader[CommitteeMembership]):
    model = CommitteeMembership
    key = "unit_id"
    order_by = ("term_start", "id")


class CommitteeMembershipsByPersonLoader(ListByKeyLoader[CommitteeMembership]):
    model = CommitteeMembership
    key = "person_id"
    order_by = ("term_start", "id")


class CommitteeRolesByMembershipLoader(ListByKeyLoader[CommitteeMembershipRole]):
    model = CommitteeMembershipRole
    key = "membership_id"
    order_by = ("role",)

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from strawberry.dataloader import DataLoader

from backend.audit.models import AuditLogEntry
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


class PersonalDataReadLogger(DataLoader[tuple[int, str], bool]):
    """Writes one audit entry per full read of a person's data, committed in one batch before
    any of the values is returned. Built per request by the context, like every loader."""

    needs_context = True

    def __init__(self, db: Any, scope: Any, context: Any) -> None:
        super().__init__(load_fn=self._write)
        self.db = db
        self.context = context

    async def _write(self, keys: Sequence[tuple[int, str]]) -> list[bool]:
        principal = self.context.principal
        entries = [
            AuditLogEntry(
                user_id=principal.user_id,
                token_id=principal.token_id,
                ip=self.context.client_ip,
                request_id=self.context.request_id,
                action="personalData.read",
                object_type="Person",
                object_id=person_id,
                changes={"field": field},
            )
            for person_id, field in keys
        ]
        await self.db.add_and_commit(entries)
        return [True] * len(keys)

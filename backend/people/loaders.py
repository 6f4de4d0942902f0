from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlmodel import col
from strawberry.dataloader import DataLoader

from backend.audit.models import AuditLogEntry
from backend.core.actor import Actor
from backend.core.dataloaders import ByIdLoader, ListByKeyLoader
from backend.core.scope import visible
from backend.people.models import CommitteeMembership, CommitteeMembershipRole, Person
from backend.people.permissions import personal_data_scope


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

    needs_actor = True

    def __init__(self, db: Any, scope: Any, actor: Actor) -> None:
        super().__init__(load_fn=self._write)
        self.db = db
        self.actor = actor

    async def _write(self, keys: Sequence[tuple[int, str]]) -> list[bool]:
        """True for each person the caller may unmask: one inside the subtrees where the
        caller holds a role entitled to personal data (a person reached through a link from
        elsewhere is not enough)."""
        scope = personal_data_scope(self.actor.principal)
        person_ids = sorted({person_id for person_id, _ in keys})
        allowed = set(
            await self.db.scalars(
                select(col(Person.id)).where(col(Person.id).in_(person_ids), visible(Person, scope))
            )
        )
        entries = [
            personal_data_entry(self.actor, "personalData.read", person_id, field)
            for person_id, field in keys
            if person_id in allowed
        ]
        if entries:
            await self.db.add_and_commit(entries)
        return [person_id in allowed for person_id, _ in keys]


def personal_data_entry(
    actor: Actor, action: str, person_id: int | None, field: str
) -> AuditLogEntry:
    return AuditLogEntry(
        user_id=actor.user_id,
        token_id=actor.token_id,
        ip=actor.client_ip,
        request_id=actor.request_id,
        action=action,
        object_type="Person",
        object_id=person_id,
        changes={"field": field},
    )


class PersonNameByIdLoader(DataLoader[int, str | None]):
    """Just the names of people, for views that show them masked (a micro-wish's resident)."""

    def __init__(self, db: Any, scope: Any) -> None:
        super().__init__(load_fn=self._load)
        self.db = db

    async def _load(self, keys: Sequence[int]) -> list[str | None]:
        rows = await self.db.rows(
            select(col(Person.id), col(Person.name)).where(col(Person.id).in_(keys))
        )
        names = {person_id: name for person_id, name in rows}
        return [names.get(key) for key in keys]

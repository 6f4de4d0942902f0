"""How other areas name and load this area's types (see backend/organisations/refs.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, cast

import strawberry
from strawberry.types import Info

from backend.core.types import load_related
from backend.people.loaders import CommitteeMembershipByIdLoader, PersonByIdLoader

if TYPE_CHECKING:
    from backend.people.types import CommitteeMembershipType, PersonType

PersonRef = Annotated["PersonType", strawberry.lazy("backend.people.types")]
MembershipRef = Annotated["CommitteeMembershipType", strawberry.lazy("backend.people.types")]


async def load_person(info: Info, person_id: int | None) -> PersonRef | None:
    return cast("PersonType | None", await load_related(info, PersonByIdLoader, person_id))


async def load_membership(info: Info, membership_id: int | None) -> MembershipRef | None:
    related = await load_related(info, CommitteeMembershipByIdLoader, membership_id)
    return cast("CommitteeMembershipType | None", related)

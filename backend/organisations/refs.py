"""How other areas name and load this area's types (see backend/core/types.py): lazy
annotations for their fields and typed loaders that build the objects through the type
registry, so their `types.py` never imports ours."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, cast

import strawberry
from strawberry.types import Info

from backend.core.actor import Actor
from backend.core.enums import labelled_enum
from backend.core.types import load_related, required
from backend.organisations.loaders import GridByIdLoader, OrganisationByIdLoader
from backend.organisations.models import OrganisationKind

if TYPE_CHECKING:
    from backend.organisations.types import GridType, OrganisationType

OrganisationRef = Annotated["OrganisationType", strawberry.lazy("backend.organisations.types")]
GridRef = Annotated["GridType", strawberry.lazy("backend.organisations.types")]

# Here rather than in types.py, so that other areas' arguments may take it.
OrganisationKindEnum = labelled_enum(OrganisationKind, name="OrganisationKind")


async def load_organisation(info: Info, organisation_id: int | None) -> OrganisationRef | None:
    related = await load_related(info, OrganisationByIdLoader, organisation_id)
    return cast("OrganisationType | None", related)


async def load_community(info: Info, community_id: int) -> OrganisationRef:
    """The community a row belongs to: it always exists, but may lie outside the scope."""
    return required(await load_organisation(info, community_id), "社区")


async def load_grid(info: Info, grid_id: int | None) -> GridRef | None:
    return cast("GridType | None", await load_related(info, GridByIdLoader, grid_id))


async def holds_over(info: Info, organisation_id: int, rule: Callable[[Actor, str], bool]) -> bool:
    """A subtree rule of `permissions.py` (`rule(actor, organisation_path)`) for the caller on
    an organisation; False when the organisation is out of the caller's sight."""
    path = await organisation_path(info, organisation_id)
    return path is not None and rule(info.context.actor, path)


async def organisation_path(info: Info, organisation_id: int) -> str | None:
    """The tree path of an organisation (for the subtree rules), None when it is out of sight."""
    row = await info.context.loader(OrganisationByIdLoader).load(organisation_id)
    return None if row is None else row.path

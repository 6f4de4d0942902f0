"""How other areas name and load this area's types (see backend/organisations/refs.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, cast

import strawberry
from strawberry.types import Info

from backend.core.types import load_related
from backend.units.loaders import ResidentUnitByIdLoader

if TYPE_CHECKING:
    from backend.units.types import ResidentUnitType

ResidentUnitRef = Annotated["ResidentUnitType", strawberry.lazy("backend.units.types")]


async def load_unit(info: Info, unit_id: int | None) -> ResidentUnitRef | None:
    return cast(
        "ResidentUnitType | None", await load_related(info, ResidentUnitByIdLoader, unit_id)
    )

"""How other areas name and load this area's types (see backend/organisations/refs.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, cast

import strawberry
from strawberry.types import Info

from backend.cobuilding.loaders import MicroWishByIdLoader, NeedByIdLoader, ProjectByIdLoader
from backend.core.types import load_related

if TYPE_CHECKING:
    from backend.cobuilding.types import MicroWishType, NeedType, ProjectType, ResourceType

NeedRef = Annotated["NeedType", strawberry.lazy("backend.cobuilding.types")]
ProjectRef = Annotated["ProjectType", strawberry.lazy("backend.cobuilding.types")]
MicroWishRef = Annotated["MicroWishType", strawberry.lazy("backend.cobuilding.types")]
ResourceRef = Annotated["ResourceType", strawberry.lazy("backend.cobuilding.types")]


async def load_need(info: Info, need_id: int | None) -> NeedRef | None:
    return cast("NeedType | None", await load_related(info, NeedByIdLoader, need_id))


async def load_project(info: Info, project_id: int | None) -> ProjectRef | None:
    return cast("ProjectType | None", await load_related(info, ProjectByIdLoader, project_id))


async def load_micro_wish(info: Info, micro_wish_id: int | None) -> MicroWishRef | None:
    related = await load_related(info, MicroWishByIdLoader, micro_wish_id)
    return cast("MicroWishType | None", related)

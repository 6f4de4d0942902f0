"""How other areas name and load this area's types (see backend/organisations/refs.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, cast

import strawberry
from strawberry.types import Info

from backend.cobuilding.loaders import MicroWishByIdLoader, NeedByIdLoader, ProjectByIdLoader
from backend.core.types import load_related

if TYPE_CHECKING:
    from backend.cobuilding.types.needs import NeedType
    from backend.cobuilding.types.projects import ProjectType
    from backend.cobuilding.types.resources import ResourceType
    from backend.cobuilding.types.wishes import MicroWishType

NeedRef = Annotated["NeedType", strawberry.lazy("backend.cobuilding.types.needs")]
ProjectRef = Annotated["ProjectType", strawberry.lazy("backend.cobuilding.types.projects")]
MicroWishRef = Annotated["MicroWishType", strawberry.lazy("backend.cobuilding.types.wishes")]
ResourceRef = Annotated["ResourceType", strawberry.lazy("backend.cobuilding.types.resources")]


async def load_need(info: Info, need_id: int | None) -> NeedRef | None:
    return cast("NeedType | None", await load_related(info, NeedByIdLoader, need_id))


async def load_project(info: Info, project_id: int | None) -> ProjectRef | None:
    return cast("ProjectType | None", await load_related(info, ProjectByIdLoader, project_id))


async def load_micro_wish(info: Info, micro_wish_id: int | None) -> MicroWishRef | None:
    related = await load_related(info, MicroWishByIdLoader, micro_wish_id)
    return cast("MicroWishType | None", related)

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlmodel import col
from strawberry.dataloader import DataLoader

from backend.cobuilding.models import (
    DispatchStatus,
    MicroWish,
    Need,
    NeedDispatch,
    Project,
    ProjectMilestone,
    ProjectPartner,
    ProjectUpdate,
    Resource,
)
from backend.core.dataloaders import ByIdLoader, ListByKeyLoader
from backend.core.scope import Scope, visible


class NeedByIdLoader(ByIdLoader[Need]):
    model = Need


class NeedsByProjectLoader(ListByKeyLoader[Need]):
    model = Need
    key = "project_id"
    order_by = ("raised_at", "id")


class ResourceByIdLoader(ByIdLoader[Resource]):
    model = Resource


class ProjectByIdLoader(ByIdLoader[Project]):
    model = Project


class PartnersByProjectLoader(ListByKeyLoader[ProjectPartner]):
    model = ProjectPartner
    key = "project_id"
    order_by = ("id",)


class MilestonesByProjectLoader(ListByKeyLoader[ProjectMilestone]):
    model = ProjectMilestone
    key = "project_id"
    order_by = ("position",)


class MicroWishByIdLoader(ByIdLoader[MicroWish]):
    model = MicroWish


class NeedDispatchByIdLoader(ByIdLoader[NeedDispatch]):
    model = NeedDispatch


class DispatchesByNeedLoader(ListByKeyLoader[NeedDispatch]):
    model = NeedDispatch
    key = "need_id"
    order_by = ("created_at", "id")


class MilestoneByIdLoader(ByIdLoader[ProjectMilestone]):
    model = ProjectMilestone


class UpdatesByProjectLoader(ListByKeyLoader[ProjectUpdate]):
    model = ProjectUpdate
    key = "project_id"
    order_by = ("created_at", "id")


class ResourcesByCommitmentLoader(ListByKeyLoader[Resource]):
    model = Resource
    key = "commitment_id"
    order_by = ("title", "id")


class ResourcesByProjectLoader(DataLoader[int, list[Resource]]):
    """The resources that went into a project: those named by the accepted dispatches of the
    needs it took on. One statement per batch."""

    def __init__(self, db: Any, scope: Scope) -> None:
        super().__init__(load_fn=self._load)
        self.db = db
        self.scope = scope

    async def _load(self, keys: Sequence[int]) -> list[list[Resource]]:
        statement = (
            select(col(Need.project_id), Resource)
            .join(NeedDispatch, col(NeedDispatch.resource_id) == Resource.id)
            .join(Need, col(Need.id) == NeedDispatch.need_id)
            .where(
                col(Need.project_id).in_(keys),
                col(NeedDispatch.status) == DispatchStatus.ACCEPTED,
                visible(Resource, self.scope),
            )
            .order_by(col(Resource.title), col(Resource.id))
        )
        grouped: dict[int, dict[int, Resource]] = defaultdict(dict)
        for project_id, resource in await self.db.rows(statement):
            grouped[project_id][resource.id] = resource
        return [list(grouped[key].values()) for key in keys]

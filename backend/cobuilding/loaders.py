from __future__ import annotations

from backend.cobuilding.models import (
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

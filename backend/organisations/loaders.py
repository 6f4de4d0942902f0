from __future__ import annotations

from backend.core.dataloaders import ByIdLoader, ListByKeyLoader
from backend.organisations.models import Grid, Organisation


class OrganisationByIdLoader(ByIdLoader[Organisation]):
    model = Organisation


class OrganisationsByParentLoader(ListByKeyLoader[Organisation]):
    model = Organisation
    key = "parent_id"
    order_by = ("name", "id")


class GridByIdLoader(ByIdLoader[Grid]):
    model = Grid


class GridsByCommunityLoader(ListByKeyLoader[Grid]):
    model = Grid
    key = "community_id"
    order_by = ("name", "id")

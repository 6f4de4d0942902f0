"""Mutations of the co-building area, one module per list: needs, resources, projects,
micro-wishes."""

from __future__ import annotations

from backend.cobuilding.mutations.needs import NeedMutations
from backend.cobuilding.mutations.projects import ProjectMutations
from backend.cobuilding.mutations.resources import ResourceMutations
from backend.cobuilding.mutations.wishes import MicroWishMutations

COBUILDING_MUTATIONS = (NeedMutations, ResourceMutations, ProjectMutations, MicroWishMutations)

"""Which resources could meet a need: ranked by how near the unit is (the need's own grid
first), whether the unit is of the kind that takes such needs (the property company for a
stairwell light or a lift), how well the resource fits the need's category, and how much of
it is left.

Only available resources of units in the need's own community are suggested, because a need
is dispatched only inside its community. Each suggestion says why it ranks where it does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlmodel import col

from backend.cobuilding.categories import category_named
from backend.cobuilding.models import (
    DispatchStatus,
    Need,
    NeedDispatch,
    Resource,
    ResourceStatus,
)
from backend.core.db import RequestDb
from backend.core.scope import Scope, visible
from backend.units.models import ResidentUnit

# Nearness and the unit's kind weigh most: a coordinator sends a stairwell light to the
# compound's property company before a well-stocked unit across the community.
SAME_GRID, UNIT_WHOSE_WORK, UNIT_THAT_HELPS = 35, 30, 15
SAME_CATEGORY, FITTING_KIND = 30, 20
MOST_FOR_CAPACITY = 5
MAX_SUGGESTIONS = 20


@dataclass(frozen=True)
class Suggestion:
    resource: Resource
    unit: ResidentUnit
    score: int
    remaining: int | None
    reasons: list[str] = field(default_factory=list)


def _rank(need: Need, resource: Resource, unit: ResidentUnit, used: int) -> Suggestion | None:
    remaining = None if resource.capacity is None else resource.capacity - used
    if remaining is not None and remaining <= 0:
        return None
    score, reasons = 0, []
    if need.grid_id is not None and unit.grid_id == need.grid_id:
        score += SAME_GRID
        reasons.append("与需求同一网格")
    else:
        reasons.append("同一社区")
    category = category_named(need.category)
    if unit.kind in category.units_whose_work:
        score += UNIT_WHOSE_WORK
        reasons.append(f"{unit.kind.label}承接{need.category}类需求")
    elif unit.kind in category.units_that_help:
        score += UNIT_THAT_HELPS
        reasons.append(f"{unit.kind.label}常协助{need.category}类需求")
    if resource.category == need.category:
        score += SAME_CATEGORY
        reasons.append(f"类别相同：{need.category}")
    elif resource.kind in category.resource_kinds:
        score += FITTING_KIND
        reasons.append(f"{resource.kind.label}常用于{need.category}类需求")
    if remaining is None:
        score += MOST_FOR_CAPACITY
        reasons.append("数量不限")
    else:
        score += min(remaining, MOST_FOR_CAPACITY)
        reasons.append(f"尚可提供 {remaining}")
    return Suggestion(resource, unit, score, remaining, reasons)


async def suggest_resources(db: RequestDb, scope: Scope, need: Need) -> list[Suggestion]:
    """Two statements whatever the number of resources: candidates with their units, and
    how much of each is already promised to accepted dispatches."""
    rows = await db.rows(
        select(Resource, ResidentUnit)
        .join(ResidentUnit, col(ResidentUnit.id) == Resource.unit_id)
        .where(
            col(Resource.community_id) == need.community_id,
            col(Resource.status) == ResourceStatus.AVAILABLE,
            col(Resource.archived_at).is_(None),
            visible(Resource, scope),
        )
    )
    ids = [resource.id for resource, _ in rows]
    used: Counter[int] = Counter()
    if ids:
        counted = await db.rows(
            select(col(NeedDispatch.resource_id), func.count())
            .where(
                col(NeedDispatch.resource_id).in_(ids),
                col(NeedDispatch.status) == DispatchStatus.ACCEPTED,
            )
            .group_by(col(NeedDispatch.resource_id))
        )
        used.update({resource_id: count for resource_id, count in counted})
    ranked = [
        suggestion
        for resource, unit in rows
        if (suggestion := _rank(need, resource, unit, used[resource.id])) is not None
    ]
    ranked.sort(key=lambda s: (-s.score, s.unit.name, s.resource.id))
    return ranked[:MAX_SUGGESTIONS]

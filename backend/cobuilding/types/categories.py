"""The usual categories of needs, resources and proposals, as the forms offer them."""

from __future__ import annotations

import strawberry

# Registers ResidentUnitKind as its GraphQL enum (with its labels) before this type uses it.
import backend.units.types  # noqa: F401
from backend.cobuilding.categories import IssueCategory
from backend.cobuilding.models import ResourceKind
from backend.units.models import ResidentUnitKind


@strawberry.type(name="IssueCategory", description="需求、资源和议题建议共用的常用类别")
class IssueCategoryType:
    name: str
    resource_kinds: list[ResourceKind] = strawberry.field(description="常能满足这类需求的资源类型")
    units_whose_work: list[ResidentUnitKind] = strawberry.field(
        description="承接这类需求的单位类型（匹配时优先）"
    )
    units_that_help: list[ResidentUnitKind] = strawberry.field(description="常协助的单位类型")

    @classmethod
    def from_category(cls, category: IssueCategory) -> IssueCategoryType:
        return cls(
            name=category.name,
            resource_kinds=sorted(category.resource_kinds, key=list(ResourceKind).index),
            units_whose_work=sorted(category.units_whose_work, key=list(ResidentUnitKind).index),
            units_that_help=sorted(category.units_that_help, key=list(ResidentUnitKind).index),
        )

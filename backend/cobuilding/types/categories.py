"""The usual categories of needs, resources and proposals, as the forms offer them."""

from __future__ import annotations

import strawberry

from backend.cobuilding.categories import IssueCategory
from backend.cobuilding.models import ResourceKind


@strawberry.type(name="IssueCategory", description="需求、资源和议题建议共用的常用类别")
class IssueCategoryType:
    name: str
    resource_kinds: list[ResourceKind] = strawberry.field(description="常能满足这类需求的资源类型")

    @classmethod
    def from_category(cls, category: IssueCategory) -> IssueCategoryType:
        return cls(
            name=category.name,
            resource_kinds=sorted(category.resource_kinds, key=list(ResourceKind).index),
        )

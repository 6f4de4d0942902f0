"""Mutations of the resources list: publish and update (a unit's liaison, or staff)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from backend.cobuilding import resources
from backend.cobuilding.models import Resource, ResourceKind, ResourceStatus
from backend.cobuilding.mutations.common import CoBuildingError
from backend.cobuilding.permissions import PUBLISH_RESOURCE
from backend.cobuilding.types.resources import ResourceType
from backend.core.changes import given, value_or_none
from backend.core.ids import load_in_scope
from backend.core.limits import limited, within
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.units.models import AgreementCommitment, ResidentUnit


@strawberry.type
class ResourcePayload:
    resource: ResourceType | None = None
    errors: list[CoBuildingError] = strawberry.field(default_factory=list)


@strawberry.input(description="发布资源：场地、资金、专业技能、人力、物资或服务")
class ResourcePublishInput:
    unit: strawberry.ID
    kind: ResourceKind
    title: str = limited(resources.TITLE_MAX)
    description: str = limited(resources.DESCRIPTION_MAX)
    category: str = limited(resources.CATEGORY_MAX)
    capacity: int | None = within(
        0, resources.MAX_CAPACITY, default=None, description="可提供的数量；不填为不限"
    )
    availability: str | None = limited(resources.AVAILABILITY_MAX, default=None)
    conditions: str | None = limited(resources.CONDITIONS_MAX, default=None, description="使用条件")
    commitment: strawberry.ID | None = strawberry.field(
        default=None, description="履行的共建协议承诺事项"
    )


@strawberry.input(
    description="修改资源：只改所填的字段；capacity、availability、conditions 传 null 表示清空"
)
class ResourceUpdateInput:
    resource: strawberry.ID
    title: strawberry.Maybe[str] = limited(resources.TITLE_MAX)
    description: strawberry.Maybe[str] = limited(resources.DESCRIPTION_MAX)
    kind: strawberry.Maybe[ResourceKind]
    category: strawberry.Maybe[str] = limited(resources.CATEGORY_MAX)
    capacity: strawberry.Maybe[int | None] = within(
        0, resources.MAX_CAPACITY, description="null 表示不限数量"
    )
    availability: strawberry.Maybe[str | None] = limited(resources.AVAILABILITY_MAX)
    conditions: strawberry.Maybe[str | None] = limited(resources.CONDITIONS_MAX)
    status: strawberry.Maybe[ResourceStatus] = strawberry.field(
        description="改为已用完（EXHAUSTED）或撤回（WITHDRAWN）"
    )


@strawberry.type
class ResourceMutations:
    @strawberry.mutation(
        description="发布资源（单位联络员或社区工作人员）", extensions=allow(PUBLISH_RESOURCE)
    )
    async def resource_publish(self, info: Info, input: ResourcePublishInput) -> ResourcePayload:
        unit = await load_in_scope(
            info, input.unit, ResidentUnit, "unit", acting_as=PUBLISH_RESOURCE
        )
        commitment = (
            await load_in_scope(info, input.commitment, AgreementCommitment, "commitment")
            if input.commitment
            else None
        )
        draft = resources.ResourceDraft(
            title=input.title,
            description=input.description,
            kind=input.kind,
            category=input.category,
            capacity=input.capacity,
            availability=input.availability,
            conditions=input.conditions,
        )
        session = info.context.db.session
        change = resources.publish_resource(session, info.context.actor, unit, draft, commitment)
        created, errors = await attempt(session, change, CoBuildingError)
        return ResourcePayload(resource=ResourceType.from_optional(created), errors=errors)

    @strawberry.mutation(description="修改或撤回资源", extensions=allow(PUBLISH_RESOURCE))
    async def resource_update(self, info: Info, input: ResourceUpdateInput) -> ResourcePayload:
        resource = await load_in_scope(
            info, input.resource, Resource, "resource", acting_as=PUBLISH_RESOURCE
        )
        changes = resources.ResourceChanges(
            title=value_or_none(input.title),
            description=value_or_none(input.description),
            kind=value_or_none(input.kind),
            category=value_or_none(input.category),
            capacity=given(input.capacity),
            availability=given(input.availability),
            conditions=given(input.conditions),
            status=value_or_none(input.status),
        )
        session = info.context.db.session
        change = resources.update_resource(session, info.context.actor, resource, changes)
        updated, errors = await attempt(session, change, CoBuildingError)
        return ResourcePayload(resource=ResourceType.from_optional(updated), errors=errors)

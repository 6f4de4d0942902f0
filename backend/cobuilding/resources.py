"""The resources list (资源清单): what a unit offers — a venue, funds, expertise, staff hours,
goods or services — with capacity, availability and conditions, published by its liaison (or
community staff) and linked to the agreement commitment it fulfils."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from backend.audit.services import diff, record, snapshot
from backend.cobuilding.errors import CoBuildingErrorCode, refuse
from backend.cobuilding.models import Resource, ResourceKind, ResourceStatus
from backend.cobuilding.needs import TEXT
from backend.core.actor import Actor
from backend.core.changes import Given
from backend.core.models import key
from backend.units.models import AgreementCommitment, CoBuildingAgreement, ResidentUnit

RESOURCE_FIELDS = ["title", "kind", "category", "capacity", "availability", "conditions", "status"]
MAX_CAPACITY = 1_000_000
TITLE_MAX, DESCRIPTION_MAX, CATEGORY_MAX = 100, 1000, 30
AVAILABILITY_MAX, CONDITIONS_MAX = 200, 500


@dataclass(frozen=True)
class ResourceDraft:
    title: str | None = None
    description: str | None = None
    kind: ResourceKind | None = None
    category: str | None = None
    capacity: int | None = None
    availability: str | None = None
    conditions: str | None = None
    status: ResourceStatus | None = None


@dataclass(frozen=True)
class ResourceChanges:
    """Only what was sent changes: None leaves a field as is; `Given(None)` clears it."""

    title: str | None = None
    description: str | None = None
    kind: ResourceKind | None = None
    category: str | None = None
    capacity: Given[int | None] | None = None
    availability: Given[str | None] | None = None
    conditions: Given[str | None] | None = None
    status: ResourceStatus | None = None


async def _check_commitment(
    session: AsyncSession, unit: ResidentUnit, commitment: AgreementCommitment | None
) -> None:
    if commitment is None:
        return
    agreement = await session.get(CoBuildingAgreement, commitment.agreement_id)
    if agreement is None or agreement.unit_id != unit.id:
        raise refuse(
            CoBuildingErrorCode.INVALID, "commitment", "只能关联本单位共建协议中的承诺事项。"
        )


def _capacity(value: int | None) -> int | None:
    if value is not None and not 0 <= value <= MAX_CAPACITY:
        raise refuse(
            CoBuildingErrorCode.OUT_OF_RANGE,
            "capacity",
            f"数量须为 0 到 {MAX_CAPACITY} 之间的整数。",
        )
    return value


async def publish_resource(
    session: AsyncSession,
    actor: Actor,
    unit: ResidentUnit,
    draft: ResourceDraft,
    commitment: AgreementCommitment | None = None,
) -> Resource:
    if draft.kind is None:
        raise refuse(CoBuildingErrorCode.REQUIRED, "kind")
    await _check_commitment(session, unit, commitment)
    resource = Resource(
        unit_id=key(unit),
        community_id=unit.community_id,
        title=TEXT.required(draft.title, "title", TITLE_MAX),
        description=TEXT.required(draft.description, "description", DESCRIPTION_MAX),
        kind=draft.kind,
        category=TEXT.required(draft.category, "category", CATEGORY_MAX),
        capacity=_capacity(draft.capacity),
        availability=TEXT.optional(draft.availability, "availability", AVAILABILITY_MAX),
        conditions=TEXT.optional(draft.conditions, "conditions", CONDITIONS_MAX),
        status=ResourceStatus.AVAILABLE,
        commitment_id=commitment.id if commitment else None,
    )
    session.add(resource)
    await session.flush()
    record(
        session,
        actor,
        "resourcePublish",
        object_type="Resource",
        object_id=resource.id,
        changes=diff({}, snapshot(resource, RESOURCE_FIELDS)),
    )
    await session.commit()
    return resource


async def update_resource(
    session: AsyncSession, actor: Actor, resource: Resource, changes: ResourceChanges
) -> Resource:
    before = snapshot(resource, RESOURCE_FIELDS)
    if changes.title is not None:
        resource.title = TEXT.required(changes.title, "title", TITLE_MAX)
    if changes.description is not None:
        resource.description = TEXT.required(changes.description, "description", DESCRIPTION_MAX)
    if changes.kind is not None:
        resource.kind = changes.kind
    if changes.category is not None:
        resource.category = TEXT.required(changes.category, "category", CATEGORY_MAX)
    if changes.capacity is not None:
        resource.capacity = _capacity(changes.capacity.value)
    if changes.availability is not None:
        resource.availability = TEXT.optional(
            changes.availability.value, "availability", AVAILABILITY_MAX
        )
    if changes.conditions is not None:
        resource.conditions = TEXT.optional(changes.conditions.value, "conditions", CONDITIONS_MAX)
    if changes.status is not None:
        resource.status = changes.status
    record(
        session,
        actor,
        "resourceUpdate",
        object_type="Resource",
        object_id=resource.id,
        changes=diff(before, snapshot(resource, RESOURCE_FIELDS)),
    )
    await session.commit()
    return resource

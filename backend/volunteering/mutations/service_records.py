"""Mutations of service records a coordinator adds or corrects by hand."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from backend.core.ids import load_in_scope
from backend.core.limits import limited
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.organisations.models import Organisation
from backend.people.models import Person
from backend.volunteering import service_records
from backend.volunteering.models import ServiceRecord, VolunteerTeam
from backend.volunteering.mutations.common import VolunteeringError, aware, optional_in_scope
from backend.volunteering.permissions import MANAGE_VOLUNTEERING
from backend.volunteering.types import ServiceRecordType


@strawberry.type
class ServiceRecordPayload:
    service_record: ServiceRecordType | None = None
    errors: list[VolunteeringError] = strawberry.field(default_factory=list)


@strawberry.input(description="补录服务记录（协调员）")
class ServiceRecordCreateInput:
    person: strawberry.ID
    community: strawberry.ID = strawberry.field(description="服务所在社区（决定积分规则）")
    started_at: datetime
    ended_at: datetime
    description: str = limited(service_records.DESCRIPTION_MAX)
    team: strawberry.ID | None = None


@strawberry.input(description="更正服务记录的时间（协调员），须说明原因；积分以冲正方式调整")
class ServiceRecordCorrectInput:
    service_record: strawberry.ID
    started_at: datetime
    ended_at: datetime
    reason: str = limited(service_records.REASON_MAX)


@strawberry.type
class ServiceRecordMutations:
    @strawberry.mutation(
        description="补录服务记录（协调员）", extensions=allow(MANAGE_VOLUNTEERING)
    )
    async def service_record_create(
        self, info: Info, input: ServiceRecordCreateInput
    ) -> ServiceRecordPayload:
        person = await load_in_scope(
            info, input.person, Person, "person", acting_as=MANAGE_VOLUNTEERING
        )
        community = await load_in_scope(
            info, input.community, Organisation, "community", acting_as=MANAGE_VOLUNTEERING
        )
        team = await optional_in_scope(info, input.team, VolunteerTeam, "team")
        draft = service_records.ServiceDraft(
            person_id=person.id,
            community_id=community.id,
            started_at=aware(input.started_at, "input.startedAt"),
            ended_at=aware(input.ended_at, "input.endedAt"),
            description=input.description,
            team_id=team.id if team else None,
        )
        session = info.context.db.session
        created, errors = await attempt(
            session,
            service_records.add_service(session, info.context.actor, draft),
            VolunteeringError,
        )
        return ServiceRecordPayload(
            service_record=ServiceRecordType.from_optional(created), errors=errors
        )

    @strawberry.mutation(
        description="更正服务记录（协调员，留痕）", extensions=allow(MANAGE_VOLUNTEERING)
    )
    async def service_record_correct(
        self, info: Info, input: ServiceRecordCorrectInput
    ) -> ServiceRecordPayload:
        service = await load_in_scope(
            info,
            input.service_record,
            ServiceRecord,
            "serviceRecord",
            acting_as=MANAGE_VOLUNTEERING,
        )
        session = info.context.db.session
        change = service_records.correct_service(
            session,
            info.context.actor,
            service,
            started_at=aware(input.started_at, "input.startedAt"),
            ended_at=aware(input.ended_at, "input.endedAt"),
            reason=input.reason,
        )
        corrected, errors = await attempt(session, change, VolunteeringError)
        return ServiceRecordPayload(
            service_record=ServiceRecordType.from_optional(corrected), errors=errors
        )

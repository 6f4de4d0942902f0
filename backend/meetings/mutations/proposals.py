"""Mutations of proposals: residents and units submit them, conveners triage them."""

from __future__ import annotations

import enum

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from backend.attachments.uploads import read_uploads
from backend.core.ids import load_in_scope
from backend.core.limits import limited
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.meetings import proposals
from backend.meetings.errors import MeetingErrorCode
from backend.meetings.models import Proposal, ProposalKind, ProposalOrigin, ProposalStatus
from backend.meetings.mutations.common import MeetingError
from backend.meetings.permissions import SUBMIT_PROPOSAL, TRIAGE_PROPOSAL
from backend.meetings.types.proposals import ProposalType
from backend.organisations.models import Organisation
from backend.units.models import ResidentUnit


@strawberry.input(description="提交议题建议或社情民意")
class ProposalSubmitInput:
    community: strawberry.ID
    kind: ProposalKind
    origin: ProposalOrigin
    category: str = limited(proposals.CATEGORY_MAX)
    title: str = limited(proposals.TITLE_MAX)
    description: str = limited(proposals.DESCRIPTION_MAX)
    source_note: str | None = limited(proposals.SOURCE_NOTE_MAX, default=None)
    unit: strawberry.ID | None = strawberry.field(default=None, description="代表哪个驻区单位提出")
    attachments: list[Upload] = strawberry.field(
        default_factory=list, description="照片或文件（图片、PDF、Word、Excel，每个不超过 5 MB）"
    )


@strawberry.type
class ProposalPayload:
    proposal: ProposalType | None = None
    errors: list[MeetingError] = strawberry.field(default_factory=list)


@strawberry.enum(description="处理议题建议的方式")
class ProposalTriageAction(enum.Enum):
    ACCEPT = "accept"
    MERGE = "merge"
    DECLINE = "decline"


TRIAGE_STATUS = {
    ProposalTriageAction.ACCEPT: ProposalStatus.ACCEPTED,
    ProposalTriageAction.MERGE: ProposalStatus.MERGED,
    ProposalTriageAction.DECLINE: ProposalStatus.DECLINED,
}


@strawberry.input(description="处理议题建议：采纳、合并到另一条，或说明理由不予采纳")
class ProposalTriageInput:
    id: strawberry.ID
    action: ProposalTriageAction
    merge_into: strawberry.ID | None = None
    reason: str | None = limited(proposals.REASON_MAX, default=None)


@strawberry.type
class ProposalMutations:
    @strawberry.mutation(description="提交议题建议或社情民意", extensions=allow(SUBMIT_PROPOSAL))
    async def proposal_submit(self, info: Info, input: ProposalSubmitInput) -> ProposalPayload:
        files = await read_uploads(input.attachments)
        community = await load_in_scope(info, input.community, Organisation, "community")
        unit_id = None
        if input.unit is not None:
            unit = await load_in_scope(info, input.unit, ResidentUnit, "unit")
            if unit.community_id != community.id:
                return ProposalPayload(errors=[_outside("unit")])
            unit_id = unit.id
        draft = proposals.ProposalDraft(
            community_id=community.id,
            kind=input.kind,
            origin=input.origin,
            category=input.category,
            title=input.title,
            description=input.description,
            source_note=input.source_note,
            unit_id=unit_id,
        )
        created, errors = await attempt(
            info.context.db.session,
            proposals.submit_proposal(info.context.db.session, info.context.actor, draft, files),
            MeetingError,
        )
        return ProposalPayload(proposal=ProposalType.from_optional(created), errors=errors)

    @strawberry.mutation(description="处理议题建议（召集人）", extensions=allow(TRIAGE_PROPOSAL))
    async def proposal_triage(self, info: Info, input: ProposalTriageInput) -> ProposalPayload:
        proposal = await load_in_scope(info, input.id, Proposal, "id", acting_as=TRIAGE_PROPOSAL)
        target = (
            await load_in_scope(
                info, input.merge_into, Proposal, "mergeInto", acting_as=TRIAGE_PROPOSAL
            )
            if input.merge_into is not None
            else None
        )
        triaged, errors = await attempt(
            info.context.db.session,
            proposals.triage_proposal(
                info.context.db.session,
                info.context.actor,
                proposal,
                status=TRIAGE_STATUS[input.action],
                merge_into=target,
                reason=input.reason,
            ),
            MeetingError,
        )
        return ProposalPayload(proposal=ProposalType.from_optional(triaged), errors=errors)


def _outside(field: str) -> MeetingError:
    return MeetingError(
        field=field, code=MeetingErrorCode.OUTSIDE_COMMUNITY, message="只能在本社区范围内操作。"
    )

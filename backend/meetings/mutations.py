from __future__ import annotations

import enum

import strawberry
from strawberry.types import Info

from backend.core.errors import DomainError
from backend.core.ids import load_in_scope
from backend.core.payloads import error_list
from backend.core.permissions import allow
from backend.meetings import proposals
from backend.meetings.errors import MeetingErrorCode
from backend.meetings.models import Proposal, ProposalKind, ProposalOrigin, ProposalStatus
from backend.meetings.permissions import SUBMIT_PROPOSAL, TRIAGE_PROPOSAL
from backend.meetings.types import ProposalType
from backend.organisations.models import Organisation
from backend.units.models import ResidentUnit


@strawberry.type(description="联席会议相关操作的错误")
class MeetingError:
    field: str | None
    code: MeetingErrorCode
    message: str


@strawberry.input(description="提交议题建议或社情民意")
class ProposalSubmitInput:
    community: strawberry.ID
    kind: ProposalKind
    origin: ProposalOrigin
    category: str
    title: str
    description: str
    source_note: str | None = None
    unit: strawberry.ID | None = strawberry.field(default=None, description="代表哪个驻区单位提出")


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
    reason: str | None = None


@strawberry.type
class MeetingMutations:
    @strawberry.mutation(description="提交议题建议或社情民意", extensions=allow(SUBMIT_PROPOSAL))
    async def proposal_submit(self, info: Info, input: ProposalSubmitInput) -> ProposalPayload:
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
        try:
            created = await proposals.submit_proposal(info.context.db.session, info.context, draft)
        except DomainError as refused:
            return ProposalPayload(errors=error_list(MeetingError, refused))
        return ProposalPayload(proposal=ProposalType.from_model(created))

    @strawberry.mutation(description="处理议题建议（召集人）", extensions=allow(TRIAGE_PROPOSAL))
    async def proposal_triage(self, info: Info, input: ProposalTriageInput) -> ProposalPayload:
        proposal = await load_in_scope(info, input.id, Proposal, "id")
        target = (
            await load_in_scope(info, input.merge_into, Proposal, "mergeInto")
            if input.merge_into is not None
            else None
        )
        try:
            triaged = await proposals.triage_proposal(
                info.context.db.session,
                info.context,
                proposal,
                status=TRIAGE_STATUS[input.action],
                merge_into=target,
                reason=input.reason,
            )
        except DomainError as refused:
            return ProposalPayload(errors=error_list(MeetingError, refused))
        return ProposalPayload(proposal=ProposalType.from_model(triaged))


def _outside(field: str) -> MeetingError:
    return MeetingError(
        field=field, code=MeetingErrorCode.OUTSIDE_COMMUNITY, message="只能在本社区范围内操作。"
    )

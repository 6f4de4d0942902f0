"""Collecting issues: proposals and public opinion submitted, then triaged by the convener."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from backend.attachments.uploads import File, add_attachments, check_files
from backend.audit.services import diff, record, snapshot
from backend.core.actor import Actor
from backend.core.models import utcnow
from backend.meetings.errors import TEXT, UPLOADS, MeetingErrorCode, refuse
from backend.meetings.models import Proposal, ProposalKind, ProposalOrigin, ProposalStatus

TRIAGE_FIELDS = ["status", "merged_into_id", "decline_reason", "triaged_by_id"]


CATEGORY_MAX = 30
TITLE_MAX = 100
DESCRIPTION_MAX = 2000
SOURCE_NOTE_MAX = 200
REASON_MAX = 500


@dataclass(frozen=True)
class ProposalDraft:
    community_id: int
    kind: ProposalKind
    origin: ProposalOrigin
    category: str
    title: str
    description: str
    source_note: str | None = None
    unit_id: int | None = None


async def submit_proposal(
    session: AsyncSession,
    actor: Actor,
    draft: ProposalDraft,
    files: list[File] = [],  # noqa: B006
) -> Proposal:
    checked = check_files(files, "attachments", UPLOADS)
    proposal = Proposal(
        community_id=draft.community_id,
        kind=draft.kind,
        origin=draft.origin,
        category=TEXT.required(draft.category, "category", CATEGORY_MAX),
        title=TEXT.required(draft.title, "title", TITLE_MAX),
        description=TEXT.required(draft.description, "description", DESCRIPTION_MAX),
        source_note=TEXT.optional(draft.source_note, "sourceNote", SOURCE_NOTE_MAX),
        unit_id=draft.unit_id,
        submitted_by_id=actor.principal.user_id,
        status=ProposalStatus.SUBMITTED,
    )
    session.add(proposal)
    await session.flush()
    add_attachments(session, checked, proposal_id=proposal.id)
    record(
        session,
        actor,
        "proposalSubmit",
        object_type="Proposal",
        object_id=proposal.id,
        changes=diff({}, snapshot(proposal, ["community_id", "kind", "title"])),
    )
    await session.commit()
    return proposal


async def triage_proposal(
    session: AsyncSession,
    actor: Actor,
    proposal: Proposal,
    *,
    status: ProposalStatus,
    merge_into: Proposal | None = None,
    reason: str | None = None,
) -> Proposal:
    if proposal.status is not ProposalStatus.SUBMITTED:
        raise refuse(MeetingErrorCode.ALREADY_TRIAGED, "id")
    before = snapshot(proposal, TRIAGE_FIELDS)
    if status is ProposalStatus.MERGED:
        if merge_into is None:
            raise refuse(MeetingErrorCode.REQUIRED, "mergeInto", "合并时须指定合并到哪条建议。")
        if merge_into.id == proposal.id or merge_into.community_id != proposal.community_id:
            raise refuse(MeetingErrorCode.INVALID, "mergeInto", "只能合并到本社区的另一条建议。")
        if merge_into.status in (ProposalStatus.MERGED, ProposalStatus.DECLINED):
            raise refuse(MeetingErrorCode.INVALID, "mergeInto", "不能合并到已合并或未采纳的建议。")
        proposal.merged_into_id = merge_into.id
    if status is ProposalStatus.DECLINED:
        proposal.decline_reason = TEXT.required(reason, "reason", REASON_MAX)
    proposal.status = status
    proposal.triaged_by_id = actor.principal.user_id
    proposal.triaged_at = utcnow()
    record(
        session,
        actor,
        "proposalTriage",
        object_type="Proposal",
        object_id=proposal.id,
        changes=diff(before, snapshot(proposal, TRIAGE_FIELDS)),
    )
    await session.commit()
    return proposal

"""Tracking to completion: action items move open → in progress → done → verified, or become
blocked. Owners (the owner unit's liaison, or the owner person) report progress with notes and
photo or file evidence; the convener verifies, or sends the item back."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from backend.attachments.uploads import File, add_attachments, check_files
from backend.audit.services import record
from backend.core.actor import Actor
from backend.core.models import key, utcnow
from backend.meetings.errors import TEXT, UPLOADS, MeetingErrorCode, refuse
from backend.meetings.models import ActionItem, ActionItemStatus, ActionProgress
from backend.meetings.permissions import owns_action
from backend.notifications.services import notify
from backend.units.models import ResidentUnit

S = ActionItemStatus
# What an owner may report, from each state.
OWNER_MOVES = {
    S.OPEN: {S.IN_PROGRESS, S.DONE, S.BLOCKED},
    S.IN_PROGRESS: {S.IN_PROGRESS, S.DONE, S.BLOCKED},
    S.BLOCKED: {S.IN_PROGRESS, S.BLOCKED},
    S.DONE: set(),
    S.VERIFIED: set(),
}
# ActionProgress.note holds this many characters; the notification body as many.
NOTE_LIMIT = 2000


async def report_progress(
    session: AsyncSession,
    actor: Actor,
    action: ActionItem,
    *,
    status: ActionItemStatus,
    note: str,
    files: list[File],
) -> ActionProgress:
    owners = action.owner_unit_id, action.owner_person_id
    if not owns_action(actor, owner_unit_id=owners[0], owner_person_id=owners[1]):
        raise refuse(MeetingErrorCode.NOT_OWNER, None)
    if status not in OWNER_MOVES[action.status]:
        raise refuse(
            MeetingErrorCode.ILLEGAL_TRANSITION,
            "status",
            f"督办事项当前为“{action.status.label}”，不能改为“{status.label}”。",
        )
    text = TEXT.optional(note, "note", NOTE_LIMIT)
    if text is None:
        raise refuse(MeetingErrorCode.REQUIRED, "note", "请说明办理进展。")
    if status is S.DONE and not files:
        raise refuse(MeetingErrorCode.REQUIRED, "evidence", "办结时请上传照片或文件作为佐证。")
    checked = check_files(files, "evidence", UPLOADS)
    return await _record(session, actor, action, status, text, checked)


async def verify(
    session: AsyncSession, actor: Actor, action: ActionItem, *, accept: bool, note: str | None
) -> ActionProgress:
    if action.status is not S.DONE:
        raise refuse(
            MeetingErrorCode.ILLEGAL_TRANSITION,
            "actionItem",
            f"督办事项当前为“{action.status.label}”，办结后才能核验。",
        )
    text = TEXT.optional(note, "note", NOTE_LIMIT) or ("核验通过。" if accept else None)
    if text is None:
        raise refuse(MeetingErrorCode.REQUIRED, "note", "退回时请说明原因。")
    await _notify_owners(session, action, accept=accept, note=text)
    return await _record(session, actor, action, S.VERIFIED if accept else S.IN_PROGRESS, text, [])


async def _notify_owners(
    session: AsyncSession, action: ActionItem, *, accept: bool, note: str
) -> None:
    """The owner person and the owner unit's liaison hear the convener's verdict."""
    owners = [action.owner_person_id] if action.owner_person_id is not None else []
    if action.owner_unit_id is not None:
        unit = await session.get(ResidentUnit, action.owner_unit_id)
        if unit is not None and unit.liaison_id is not None:
            owners.append(unit.liaison_id)
    verdict = "已核验通过" if accept else "被退回，请继续办理"
    notify(
        session,
        owners,
        kind="action_item.verified" if accept else "action_item.sent_back",
        title=f"督办事项{verdict}：{action.title}",
        body=note,
        link="/meetings/mine",
    )


async def _record(
    session: AsyncSession,
    actor: Actor,
    action: ActionItem,
    status: ActionItemStatus,
    note: str,
    files: list[tuple[File, str]],
) -> ActionProgress:
    now = utcnow()
    progress = ActionProgress(
        action_item_id=key(action),
        author_id=actor.principal.user_id,
        status_before=action.status,
        status_after=status,
        note=note,
    )
    session.add(progress)
    await session.flush()
    add_attachments(session, files, progress_id=progress.id)
    before = action.status
    action.status = status
    action.completed_at = now if status is S.DONE else action.completed_at
    action.verified_at = now if status is S.VERIFIED else None
    record(
        session,
        actor,
        "actionItemProgress",
        object_type="ActionItem",
        object_id=action.id,
        changes={"status": [before.value, status.value], "evidence": [None, len(files)]},
    )
    await session.commit()
    return progress

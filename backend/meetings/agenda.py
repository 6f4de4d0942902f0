"""Setting topics: a meeting's agenda, edited while the meeting is a draft or published, and
published in numbered versions that tell the invitees what changed.

Items come from the candidates for the agenda (candidates.py) or are written by hand. Every
change names the meeting version it edited (see lifecycle.py). Each function is one
transaction, with its audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.attachments.uploads import File, add_attachments, check_files
from backend.audit.services import diff, record, snapshot
from backend.core.actor import Actor
from backend.core.changes import Given
from backend.core.db import RequestDb
from backend.core.models import key, utcnow
from backend.meetings.candidates import Candidate, agenda_candidates
from backend.meetings.errors import TEXT, UPLOADS, MeetingErrorCode, refuse
from backend.meetings.lifecycle import check_transition, check_version, notify_invitees
from backend.meetings.models import (
    AgendaItem,
    AgendaSource,
    AgendaVersion,
    JointMeeting,
    MeetingStatus,
)
from backend.notifications.services import publish_event

EDITABLE = (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED)


def _check_editable(meeting: JointMeeting) -> None:
    if meeting.status not in EDITABLE:
        raise refuse(
            MeetingErrorCode.NOT_EDITABLE,
            "status",
            f"会议当前为“{meeting.status.label}”，议程已不能修改。",
        )


TITLE_MAX = 200
DESCRIPTION_MAX = 2000
MINUTES_MIN, MINUTES_MAX = 1, 480


@dataclass(frozen=True)
class AgendaItemDraft:
    title: str | None = None
    description: str | None = None
    candidate_key: str | None = None
    presenter_id: int | None = None
    minutes_allotted: int = 10
    documents: tuple[File, ...] = ()


def _check_minutes(minutes: int) -> None:
    if not MINUTES_MIN <= minutes <= MINUTES_MAX:
        raise refuse(
            MeetingErrorCode.INVALID,
            "minutesAllotted",
            f"每项议题的时长须在 {MINUTES_MIN}–{MINUTES_MAX} 分钟之间。",
        )


async def _candidate(
    session: AsyncSession, actor: Actor, meeting: JointMeeting, key: str
) -> Candidate:
    source_name, _, raw_id = key.partition(":")
    if source_name not in AgendaSource.__members__ or not raw_id.isdigit():
        raise refuse(MeetingErrorCode.UNKNOWN_CANDIDATE, "candidateKey")
    source, source_id = AgendaSource[source_name], int(raw_id)
    found = await agenda_candidates(
        RequestDb(session), actor.scope, meeting.organisation_id, meeting.starts_at
    )
    for candidate in found:
        if candidate.source is source and candidate.source_id == source_id:
            return candidate
    raise refuse(MeetingErrorCode.UNKNOWN_CANDIDATE, "candidateKey")


async def add_agenda_item(
    session: AsyncSession,
    actor: Actor,
    meeting: JointMeeting,
    expected_version: int,
    draft: AgendaItemDraft,
) -> AgendaItem:
    check_version(meeting, expected_version)
    _check_editable(meeting)
    _check_minutes(draft.minutes_allotted)
    documents = check_files(list(draft.documents), "documents", UPLOADS)
    description: str | None
    if draft.candidate_key:
        candidate = await _candidate(session, actor, meeting, draft.candidate_key)
        source, source_id = candidate.source, candidate.source_id
        title = TEXT.optional(draft.title, "title", TITLE_MAX) or candidate.title
        description = (
            TEXT.optional(draft.description, "description", DESCRIPTION_MAX) or candidate.reason
        )
    else:
        source, source_id = AgendaSource.MANUAL, None
        title = TEXT.required(draft.title, "title", TITLE_MAX)
        description = TEXT.optional(draft.description, "description", DESCRIPTION_MAX)
    last = await session.scalar(
        select(func.max(col(AgendaItem.position))).where(col(AgendaItem.meeting_id) == meeting.id)
    )
    item = AgendaItem(
        meeting_id=key(meeting),
        position=(last or 0) + 1,
        title=title,
        description=description,
        source=source,
        source_id=source_id,
        presenter_id=draft.presenter_id,
        minutes_allotted=draft.minutes_allotted,
    )
    session.add(item)
    meeting.version += 1
    await session.flush()
    add_attachments(session, documents, agenda_item_id=item.id)
    record(
        session,
        actor,
        "agendaItemCreate",
        object_type="AgendaItem",
        object_id=item.id,
        changes=diff(
            {}, snapshot(item, ["meeting_id", "position", "title", "source", "source_id"])
        ),
    )
    await session.commit()
    return item


@dataclass(frozen=True)
class AgendaItemChanges:
    """Only the fields that were sent: `None` leaves a field as it is."""

    title: str | None = None
    description: str | None = None
    # None leaves the presenter; Given(None) clears it.
    presenter_id: Given[int | None] | None = None
    minutes_allotted: int | None = None


ITEM_FIELDS = ["title", "description", "presenter_id", "minutes_allotted"]


async def update_agenda_item(
    session: AsyncSession,
    actor: Actor,
    meeting: JointMeeting,
    expected_version: int,
    item: AgendaItem,
    changes: AgendaItemChanges,
) -> AgendaItem:
    check_version(meeting, expected_version)
    _check_editable(meeting)
    before = snapshot(item, ITEM_FIELDS)
    if changes.title is not None:
        item.title = TEXT.required(changes.title, "title", TITLE_MAX)
    if changes.description is not None:
        item.description = TEXT.optional(changes.description, "description", DESCRIPTION_MAX)
    if changes.minutes_allotted is not None:
        _check_minutes(changes.minutes_allotted)
        item.minutes_allotted = changes.minutes_allotted
    if changes.presenter_id is not None:
        item.presenter_id = changes.presenter_id.value
    meeting.version += 1
    record(
        session,
        actor,
        "agendaItemUpdate",
        object_type="AgendaItem",
        object_id=item.id,
        changes=diff(before, snapshot(item, ITEM_FIELDS)),
    )
    await session.commit()
    return item


async def current_items(session: AsyncSession, meeting_id: int) -> list[AgendaItem]:
    statement = (
        select(AgendaItem)
        .where(col(AgendaItem.meeting_id) == meeting_id)
        .order_by(col(AgendaItem.position))
    )
    return list((await session.execute(statement)).scalars())


async def reorder_agenda(
    session: AsyncSession,
    actor: Actor,
    meeting: JointMeeting,
    expected_version: int,
    item_ids: list[int],
) -> list[AgendaItem]:
    check_version(meeting, expected_version)
    _check_editable(meeting)
    items = await current_items(session, key(meeting))
    if sorted(item_ids) != sorted(key(i) for i in items):
        raise refuse(
            MeetingErrorCode.INVALID, "itemIds", "须按新顺序列出本会议的全部议题，且不重复。"
        )
    before = [i.id for i in items]
    by_id = {i.id: i for i in items}
    # Two steps, so that no moment has two items on one position (a unique constraint).
    for offset, item in enumerate(items, start=1):
        item.position = -offset
    await session.flush()
    for position, item_id in enumerate(item_ids, start=1):
        by_id[item_id].position = position
    meeting.version += 1
    record(
        session,
        actor,
        "agendaReorder",
        object_type="JointMeeting",
        object_id=meeting.id,
        changes={"order": [before, item_ids]},
    )
    await session.commit()
    return [by_id[i] for i in item_ids]


async def remove_agenda_item(
    session: AsyncSession,
    actor: Actor,
    meeting: JointMeeting,
    expected_version: int,
    item: AgendaItem,
) -> None:
    check_version(meeting, expected_version)
    _check_editable(meeting)
    removed = snapshot(item, ["position", "title", "source", "source_id"])
    await session.delete(item)
    await session.flush()
    for position, remaining in enumerate(await current_items(session, key(meeting)), start=1):
        remaining.position = position
    meeting.version += 1
    record(
        session,
        actor,
        "agendaItemDelete",
        object_type="AgendaItem",
        object_id=item.id,
        changes=diff(removed, {}),
    )
    await session.commit()


def over_time_warning(meeting: JointMeeting, items: list[AgendaItem]) -> str | None:
    allotted = sum(i.minutes_allotted for i in items)
    length = int((meeting.ends_at - meeting.starts_at).total_seconds() // 60)
    if allotted > length:
        return f"议题共需 {allotted} 分钟，超出会议时长 {length} 分钟 {allotted - length} 分钟。"
    return None


def _agenda_snapshot(items: list[AgendaItem]) -> list[dict[str, Any]]:
    return [
        {
            "position": i.position,
            "title": i.title,
            "minutes": i.minutes_allotted,
            "presenter_id": i.presenter_id,
        }
        for i in items
    ]


def _changes(previous: list[dict[str, Any]] | None, current: list[dict[str, Any]]) -> list[str]:
    if previous is None:
        return ["首次发布议程。"]
    old = {i["title"]: i for i in previous}
    new = {i["title"]: i for i in current}
    changes = [f"新增议题：{t}" for t in new if t not in old]
    changes += [f"删除议题：{t}" for t in old if t not in new]
    changes += [
        f"调整议题：{t}（第 {old[t]['position']} 项 → 第 {new[t]['position']} 项）"
        for t in new
        if t in old and old[t]["position"] != new[t]["position"]
    ]
    return changes or ["议程内容未变。"]


async def publish_agenda(
    session: AsyncSession, actor: Actor, meeting: JointMeeting, expected_version: int
) -> AgendaVersion:
    check_version(meeting, expected_version)
    check_transition(meeting, MeetingStatus.PUBLISHED)
    items = await current_items(session, key(meeting))
    if not items:
        raise refuse(MeetingErrorCode.EMPTY_AGENDA, None)
    previous = (
        (
            await session.execute(
                select(AgendaVersion)
                .where(col(AgendaVersion.meeting_id) == meeting.id)
                .order_by(col(AgendaVersion.number).desc())
            )
        )
        .scalars()
        .first()
    )
    current = _agenda_snapshot(items)
    if previous is not None and previous.items == current:
        raise refuse(MeetingErrorCode.UNCHANGED, None)
    version = AgendaVersion(
        meeting_id=key(meeting),
        number=(previous.number + 1) if previous else 1,
        published_at=utcnow(),
        published_by_id=actor.principal.user_id,
        items=current,
        changes=_changes(previous.items if previous else None, current),
    )
    session.add(version)
    status_before = meeting.status
    meeting.status = MeetingStatus.PUBLISHED
    meeting.version += 1
    await session.flush()
    headline = "议程已发布" if version.number == 1 else f"议程已更新（第 {version.number} 版）"
    await notify_invitees(
        session, meeting, kind="meeting.agenda", title=headline, body="；".join(version.changes)
    )
    publish_event(
        session,
        "meeting.agenda_published",
        meeting.organisation_id,
        {
            "meetingId": meeting.id,
            "title": meeting.title,
            "startsAt": meeting.starts_at.isoformat(),
            "venue": meeting.venue,
            "agendaVersion": version.number,
            "items": current,
            "changes": version.changes,
        },
    )
    record(
        session,
        actor,
        "jointMeetingPublish",
        object_type="JointMeeting",
        object_id=meeting.id,
        changes={
            "status": [status_before.value, meeting.status.value],
            "agenda_version": [None, version.number],
        },
    )
    await session.commit()
    return version

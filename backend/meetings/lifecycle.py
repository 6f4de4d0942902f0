"""A meeting's life: created as a draft, its agenda published (agenda.py), then in session,
closed, and its minutes published.

draft → published → in session → closed → minutes published. Every change names the version
it edited; a stale version fails with VERSION_CONFLICT instead of overwriting someone else's
work. Each function is one transaction, with its audit entry.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.audit.services import diff, record, snapshot
from backend.core.actor import Actor
from backend.core.changes import Given
from backend.core.ids import spa_path
from backend.core.models import LOCAL_ZONE, key, utcnow
from backend.meetings.errors import TEXT, MeetingErrorCode, refuse
from backend.meetings.models import (
    AttendanceStatus,
    JointMeeting,
    MeetingAttendance,
    MeetingKind,
    MeetingStatus,
)
from backend.notifications.services import notify, publish_event
from backend.organisations.models import OrganisationKind
from backend.people.models import CommitteeMembership
from backend.units.models import ResidentUnit

MAX_MEETING_LENGTH = timedelta(hours=12)
# A joint meeting is the street's or a community's (大党委联席会议); grid branches, party groups
# and social organisations take part in one but do not convene it.
CONVENING_KINDS = (OrganisationKind.STREET_COMMITTEE, OrganisationKind.COMMUNITY_COMMITTEE)
TRANSITIONS = {
    MeetingStatus.DRAFT: {MeetingStatus.PUBLISHED},
    MeetingStatus.PUBLISHED: {MeetingStatus.PUBLISHED, MeetingStatus.IN_SESSION},
    MeetingStatus.IN_SESSION: {MeetingStatus.CLOSED},
    MeetingStatus.CLOSED: {MeetingStatus.MINUTES_PUBLISHED},
    MeetingStatus.MINUTES_PUBLISHED: {MeetingStatus.MINUTES_PUBLISHED},
}
MEETING_FIELDS = ["title", "kind", "starts_at", "ends_at", "venue", "chair_id", "status"]


def check_version(meeting: JointMeeting, expected: int) -> None:
    if meeting.version != expected:
        raise refuse(
            MeetingErrorCode.VERSION_CONFLICT,
            "version",
            f"会议已被他人修改（您编辑的是第 {expected} 版，当前是第 {meeting.version} 版），"
            "请刷新后再保存。",
        )


def check_transition(meeting: JointMeeting, target: MeetingStatus) -> None:
    if target not in TRANSITIONS[meeting.status]:
        raise refuse(
            MeetingErrorCode.ILLEGAL_TRANSITION,
            "status",
            f"会议当前为“{meeting.status.label}”，不能变为“{target.label}”。",
        )


TITLE_MAX = VENUE_MAX = 200
MINUTES_TEXT_MAX = 20_000


@dataclass(frozen=True)
class MeetingDraft:
    organisation_id: int
    organisation_kind: OrganisationKind
    kind: MeetingKind
    title: str
    starts_at: datetime
    ends_at: datetime
    venue: str
    chair_id: int | None = None
    extra_invitee_ids: tuple[int, ...] = ()


def _check_times(starts_at: datetime, ends_at: datetime) -> None:
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise refuse(MeetingErrorCode.INVALID, "startsAt", "时间须带时区。")
    if ends_at <= starts_at:
        raise refuse(MeetingErrorCode.TIME_ORDER, "endsAt")
    if ends_at - starts_at > MAX_MEETING_LENGTH:
        raise refuse(MeetingErrorCode.INVALID, "endsAt", "会议时长不能超过 12 小时。")


async def default_invitees(session: AsyncSession, community_id: int) -> dict[int, int | None]:
    """{person: unit}: the community's part-time members in office and its units' liaisons."""
    today = utcnow().date()
    invited: dict[int, int | None] = {}
    members = select(col(CommitteeMembership.person_id), col(CommitteeMembership.unit_id)).where(
        col(CommitteeMembership.community_id) == community_id,
        col(CommitteeMembership.archived_at).is_(None),
        col(CommitteeMembership.term_start) <= today,
        col(CommitteeMembership.term_end) >= today,
    )
    liaisons = select(col(ResidentUnit.liaison_id), col(ResidentUnit.id)).where(
        col(ResidentUnit.community_id) == community_id,
        col(ResidentUnit.archived_at).is_(None),
        col(ResidentUnit.liaison_id).is_not(None),
    )
    for person_id, unit_id in [
        *(await session.execute(members)).all(),
        *(await session.execute(liaisons)).all(),
    ]:
        if person_id is not None:
            invited.setdefault(person_id, unit_id)
    return invited


async def create_meeting(session: AsyncSession, actor: Actor, draft: MeetingDraft) -> JointMeeting:
    if draft.organisation_kind not in CONVENING_KINDS:
        raise refuse(
            MeetingErrorCode.INVALID, "organisation", "联席会议由街道党工委或社区党委召集。"
        )
    _check_times(draft.starts_at, draft.ends_at)
    meeting = JointMeeting(
        organisation_id=draft.organisation_id,
        kind=draft.kind,
        title=TEXT.required(draft.title, "title", TITLE_MAX),
        starts_at=draft.starts_at,
        ends_at=draft.ends_at,
        venue=TEXT.required(draft.venue, "venue", VENUE_MAX),
        chair_id=draft.chair_id,
        status=MeetingStatus.DRAFT,
        version=1,
    )
    session.add(meeting)
    await session.flush()
    invitees = await default_invitees(session, draft.organisation_id)
    for person_id in draft.extra_invitee_ids:
        invitees.setdefault(person_id, None)
    if draft.chair_id is not None:
        invitees.setdefault(draft.chair_id, None)
    session.add_all(
        MeetingAttendance(
            meeting_id=key(meeting),
            person_id=person_id,
            unit_id=unit_id,
            status=AttendanceStatus.INVITED,
        )
        for person_id, unit_id in invitees.items()
    )
    record(
        session,
        actor,
        "jointMeetingCreate",
        object_type="JointMeeting",
        object_id=meeting.id,
        changes=diff({}, snapshot(meeting, MEETING_FIELDS)),
    )
    await session.commit()
    return meeting


@dataclass(frozen=True)
class MeetingChanges:
    """Fields left as None are kept; `chair_id` given as None removes the chair."""

    title: str | None = None
    venue: str | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    chair_id: Given[int | None] | None = None


async def update_meeting(
    session: AsyncSession,
    actor: Actor,
    meeting: JointMeeting,
    expected_version: int,
    changes: MeetingChanges,
) -> JointMeeting:
    """The convener corrects a meeting before it starts: its name, time, venue and chair (主持人,
    who is invited if not yet). Invitees of a published meeting hear of a new time or venue."""
    check_version(meeting, expected_version)
    if meeting.status not in (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED):
        raise refuse(
            MeetingErrorCode.NOT_EDITABLE,
            "status",
            f"会议当前为“{meeting.status.label}”，会议信息已不能修改。",
        )
    before = snapshot(meeting, MEETING_FIELDS)
    if changes.title is not None:
        meeting.title = TEXT.required(changes.title, "title", TITLE_MAX)
    if changes.venue is not None:
        meeting.venue = TEXT.required(changes.venue, "venue", VENUE_MAX)
    if changes.starts_at is not None or changes.ends_at is not None:
        starts_at = changes.starts_at or meeting.starts_at
        ends_at = changes.ends_at or meeting.ends_at
        _check_times(starts_at, ends_at)
        # In UTC, as stored: the same moment written with another offset is no change.
        meeting.starts_at, meeting.ends_at = starts_at.astimezone(UTC), ends_at.astimezone(UTC)
    new_chair = None
    if changes.chair_id is not None:
        meeting.chair_id = changes.chair_id.value
        if meeting.chair_id is not None and await _invite(session, meeting, meeting.chair_id):
            new_chair = meeting.chair_id
    after = snapshot(meeting, MEETING_FIELDS)
    if after == before:
        return meeting
    meeting.version += 1
    record(
        session,
        actor,
        "jointMeetingUpdate",
        object_type="JointMeeting",
        object_id=meeting.id,
        changes=diff(before, after),
    )
    if meeting.status is MeetingStatus.PUBLISHED and new_chair is not None:
        notify(
            session,
            [new_chair],
            kind="meeting.chair",
            title=f"{meeting.title}：请您主持会议",
            body=f"{meeting.starts_at.astimezone(LOCAL_ZONE):%Y-%m-%d %H:%M} 开始，地点：{meeting.venue}",
            link=spa_path("/meetings", "JointMeeting", meeting.id),
        )
    moved = any(before[f] != after[f] for f in ("starts_at", "ends_at", "venue"))
    if meeting.status is MeetingStatus.PUBLISHED and moved:
        await notify_invitees(
            session,
            meeting,
            kind="meeting.changed",
            title="时间或地点变更",
            body=f"{meeting.starts_at.astimezone(LOCAL_ZONE):%Y-%m-%d %H:%M} 开始，地点：{meeting.venue}",
        )
    await session.commit()
    return meeting


async def _invite(session: AsyncSession, meeting: JointMeeting, person_id: int) -> bool:
    """Invite the person unless invited already; whether they were newly invited."""
    if await session.scalar(
        select(col(MeetingAttendance.id)).where(
            col(MeetingAttendance.meeting_id) == meeting.id,
            col(MeetingAttendance.person_id) == person_id,
        )
    ):
        return False
    session.add(
        MeetingAttendance(
            meeting_id=key(meeting),
            person_id=person_id,
            status=AttendanceStatus.INVITED,
        )
    )
    return True


async def notify_invitees(
    session: AsyncSession, meeting: JointMeeting, *, kind: str, title: str, body: str
) -> None:
    invitees = await session.scalars(
        select(col(MeetingAttendance.person_id)).where(
            col(MeetingAttendance.meeting_id) == meeting.id
        )
    )
    notify(
        session,
        list(invitees),
        kind=kind,
        title=f"{meeting.title}：{title}",
        body=body,
        link=spa_path("/meetings", "JointMeeting", meeting.id),
    )


async def start_meeting(
    session: AsyncSession, actor: Actor, meeting: JointMeeting, expected_version: int
) -> JointMeeting:
    check_version(meeting, expected_version)
    check_transition(meeting, MeetingStatus.IN_SESSION)
    meeting.status = MeetingStatus.IN_SESSION
    meeting.started_at = utcnow()
    meeting.checkin_code = secrets.token_urlsafe(12)
    meeting.version += 1
    record(
        session,
        actor,
        "jointMeetingStart",
        object_type="JointMeeting",
        object_id=meeting.id,
        changes={"status": ["published", "in_session"]},
    )
    await session.commit()
    return meeting


async def close_meeting(
    session: AsyncSession, actor: Actor, meeting: JointMeeting, expected_version: int
) -> JointMeeting:
    check_version(meeting, expected_version)
    check_transition(meeting, MeetingStatus.CLOSED)
    meeting.status = MeetingStatus.CLOSED
    meeting.closed_at = utcnow()
    meeting.checkin_code = None
    # Whoever never signed in and sent no word was absent.
    invited = select(MeetingAttendance).where(
        col(MeetingAttendance.meeting_id) == meeting.id,
        col(MeetingAttendance.status) == AttendanceStatus.INVITED,
    )
    for attendance in (await session.execute(invited)).scalars():
        attendance.status = AttendanceStatus.ABSENT
    meeting.version += 1
    record(
        session,
        actor,
        "jointMeetingClose",
        object_type="JointMeeting",
        object_id=meeting.id,
        changes={"status": ["in_session", "closed"]},
    )
    await session.commit()
    return meeting


async def publish_minutes(
    session: AsyncSession, actor: Actor, meeting: JointMeeting, expected_version: int
) -> JointMeeting:
    check_version(meeting, expected_version)
    check_transition(meeting, MeetingStatus.MINUTES_PUBLISHED)
    meeting.status = MeetingStatus.MINUTES_PUBLISHED
    meeting.version += 1
    await notify_invitees(
        session,
        meeting,
        kind="meeting.minutes",
        title="会议纪要已发布",
        body="请查阅会议纪要和督办事项。",
    )
    publish_event(
        session,
        "meeting.minutes_published",
        meeting.organisation_id,
        {"meetingId": meeting.id, "title": meeting.title},
    )
    record(
        session,
        actor,
        "jointMeetingMinutesPublish",
        object_type="JointMeeting",
        object_id=meeting.id,
        changes={"status": ["closed", "minutes_published"]},
    )
    await session.commit()
    return meeting


async def correct_minutes(
    session: AsyncSession, actor: Actor, meeting: JointMeeting, expected_version: int, text: str
) -> JointMeeting:
    """The convener's own words for the minutes (a summary, corrections); the .docx and PDF
    are rebuilt from the record and this text on the next download."""
    check_version(meeting, expected_version)
    if meeting.status not in (MeetingStatus.CLOSED, MeetingStatus.MINUTES_PUBLISHED):
        raise refuse(MeetingErrorCode.NOT_EDITABLE, "status", "会议结束后才能编辑纪要。")
    cleaned = (text or "").strip()
    if len(cleaned) > MINUTES_TEXT_MAX:
        raise refuse(
            MeetingErrorCode.TOO_LONG, "minutesText", f"纪要正文最多 {MINUTES_TEXT_MAX} 字。"
        )
    before = meeting.minutes_text
    meeting.minutes_text = cleaned or None
    meeting.version += 1
    if meeting.status is MeetingStatus.MINUTES_PUBLISHED:
        await notify_invitees(
            session,
            meeting,
            kind="meeting.minutes",
            title="会议纪要已更正",
            body="会议纪要有更正，请重新查阅。",
        )
    record(
        session,
        actor,
        "jointMeetingMinutesUpdate",
        object_type="JointMeeting",
        object_id=meeting.id,
        changes={"minutes_text": [before, meeting.minutes_text]},
    )
    await session.commit()
    return meeting

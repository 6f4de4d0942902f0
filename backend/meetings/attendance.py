"""Who attended: invitees sign themselves in through the meeting's QR link during the meeting
window, or the convener records them (present, on leave, absent or represented); and whether
the meeting has its quorum.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.audit.services import diff, record, snapshot
from backend.core.actor import Actor
from backend.core.models import LOCAL_ZONE, key, utcnow
from backend.meetings.errors import TEXT, MeetingErrorCode, refuse
from backend.meetings.models import (
    AttendanceStatus,
    JointMeeting,
    MeetingAttendance,
    MeetingStatus,
)
from backend.meetings.services import ATTENDED_STATUSES, present_count
from backend.people.models import Person

# Invitees may sign themselves in from half an hour before the start until the end.
PROXY_NAME_MAX = 50  # MeetingAttendance.proxy_name
CODE_MAX = 64  # JointMeeting.checkin_code
EARLY_SIGN_IN = timedelta(minutes=30)


@dataclass(frozen=True)
class Quorum:
    invited: int
    present: int
    required: int

    @property
    def reached(self) -> bool:
        return self.present >= self.required


def quorum(statuses: list[AttendanceStatus]) -> Quorum:
    """More than half of the invitees, present in person or by proxy."""
    invited = len(statuses)
    present = present_count(statuses)
    return Quorum(invited=invited, present=present, required=math.floor(invited / 2) + 1)


def _in_sign_in_window(meeting: JointMeeting, now: datetime) -> bool:
    return (
        meeting.status in (MeetingStatus.PUBLISHED, MeetingStatus.IN_SESSION)
        and meeting.starts_at - EARLY_SIGN_IN <= now <= meeting.ends_at
    )


async def attendance_of(
    session: AsyncSession, meeting_id: int, person_id: int
) -> MeetingAttendance | None:
    statement = select(MeetingAttendance).where(
        col(MeetingAttendance.meeting_id) == meeting_id,
        col(MeetingAttendance.person_id) == person_id,
    )
    return (await session.execute(statement)).scalars().first()


async def self_sign_in(
    session: AsyncSession, actor: Actor, meeting: JointMeeting, person_id: int | None, code: str
) -> MeetingAttendance:
    now = utcnow()
    if not _in_sign_in_window(meeting, now):
        raise refuse(
            MeetingErrorCode.OUTSIDE_WINDOW,
            None,
            f"只能在会议开始前 30 分钟至会议结束期间签到（{meeting.starts_at.astimezone(LOCAL_ZONE):%m-%d %H:%M} 开始）。",
        )
    # Compared as bytes: compare_digest refuses str with non-ASCII characters.
    if not meeting.checkin_code or not secrets.compare_digest(
        code.encode(), meeting.checkin_code.encode()
    ):
        raise refuse(MeetingErrorCode.WRONG_CODE, "code")
    attendance = await attendance_of(session, key(meeting), person_id) if person_id else None
    if attendance is None:
        raise refuse(MeetingErrorCode.NOT_INVITED, None)
    if attendance.status in ATTENDED_STATUSES:
        raise refuse(MeetingErrorCode.ALREADY_SIGNED_IN, None)
    attendance.status = AttendanceStatus.PRESENT
    attendance.signed_in_at = now
    record(
        session,
        actor,
        "attendanceSignIn",
        object_type="MeetingAttendance",
        object_id=attendance.id,
        changes={"status": ["invited", "present"]},
    )
    await session.commit()
    return attendance


async def record_attendance(
    session: AsyncSession,
    actor: Actor,
    meeting: JointMeeting,
    person: Person,
    status: AttendanceStatus,
    proxy_name: str | None,
) -> MeetingAttendance:
    """The convener records an invitee as present, on leave, absent or represented (委托)."""
    if meeting.status not in (MeetingStatus.PUBLISHED, MeetingStatus.IN_SESSION):
        raise refuse(MeetingErrorCode.NOT_IN_SESSION, None, "会议未开始或已结束，不能登记出席。")
    if status is AttendanceStatus.INVITED:
        raise refuse(MeetingErrorCode.INVALID, "status", "请选择出席、请假、缺席或委托。")
    # Other statuses keep no proxy name.
    by_proxy = status is AttendanceStatus.PROXY
    proxy = TEXT.optional(proxy_name, "proxyName", PROXY_NAME_MAX) if by_proxy else None
    if by_proxy and proxy is None:
        raise refuse(MeetingErrorCode.REQUIRED, "proxyName", "委托出席须填写受托人姓名。")
    attendance = await attendance_of(session, key(meeting), key(person))
    if attendance is None:
        # Someone not on the list came: they are added as they are recorded.
        attendance = MeetingAttendance(
            meeting_id=key(meeting),
            person_id=key(person),
            status=AttendanceStatus.INVITED,
        )
        session.add(attendance)
    before = snapshot(attendance, ["status", "proxy_name"])
    attendance.status = status
    attendance.proxy_name = proxy
    attendance.signed_in_at = utcnow() if status in ATTENDED_STATUSES else None
    await session.flush()
    record(
        session,
        actor,
        "attendanceRecord",
        object_type="MeetingAttendance",
        object_id=attendance.id,
        changes=diff(before, snapshot(attendance, ["status", "proxy_name"])),
    )
    await session.commit()
    return attendance

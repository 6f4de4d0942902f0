"""Deliberating: a meeting in session. Attendance (by the convener, or by invitees through the
meeting's QR link during the meeting window), quorum, decisions with votes, and the action
items each decision assigns. Then the meeting closes.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.audit.services import diff, record, snapshot
from backend.core.actor import Actor
from backend.core.models import key, utcnow
from backend.meetings.errors import MeetingErrorCode, refuse
from backend.meetings.lifecycle import TEXT, check_transition, check_version, notify_invitees
from backend.meetings.models import (
    ActionItem,
    ActionItemStatus,
    AgendaItem,
    AttendanceStatus,
    Decision,
    DecisionOutcome,
    JointMeeting,
    MeetingAttendance,
    MeetingStatus,
)
from backend.meetings.services import ATTENDED_STATUSES, present_count
from backend.notifications.services import publish_event
from backend.people.models import Person
from backend.units.models import ResidentUnit, UnitStaff

# Invitees may sign themselves in from half an hour before the start until the end.
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


def _in_sign_in_window(meeting: JointMeeting, now: datetime) -> bool:
    return (
        meeting.status in (MeetingStatus.PUBLISHED, MeetingStatus.IN_SESSION)
        and meeting.starts_at - EARLY_SIGN_IN <= now <= meeting.ends_at
    )


async def _attendance(
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
            f"只能在会议开始前 30 分钟至会议结束期间签到（{meeting.starts_at:%m-%d %H:%M} UTC 起）。",
        )
    if not meeting.checkin_code or not secrets.compare_digest(code, meeting.checkin_code):
        raise refuse(MeetingErrorCode.WRONG_CODE, "code")
    attendance = await _attendance(session, key(meeting), person_id) if person_id else None
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
    # MeetingAttendance.proxy_name holds 50 characters; other statuses keep no proxy name.
    by_proxy = status is AttendanceStatus.PROXY
    proxy = TEXT.optional(proxy_name, "proxyName", 50) if by_proxy else None
    if by_proxy and proxy is None:
        raise refuse(MeetingErrorCode.REQUIRED, "proxyName", "委托出席须填写受托人姓名。")
    attendance = await _attendance(session, key(meeting), key(person))
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


def _check_in_session(meeting: JointMeeting) -> None:
    if meeting.status is not MeetingStatus.IN_SESSION:
        raise refuse(
            MeetingErrorCode.NOT_IN_SESSION,
            None,
            f"会议当前为“{meeting.status.label}”，只能在会议进行中记录决议和督办事项。",
        )


@dataclass(frozen=True)
class DecisionDraft:
    outcome: DecisionOutcome
    text: str
    discussion_notes: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None


def _check_votes(draft: DecisionDraft) -> None:
    votes = (draft.votes_for, draft.votes_against, draft.votes_abstain)
    given = [v for v in votes if v is not None]
    if given and len(given) != 3:
        raise refuse(MeetingErrorCode.INVALID, "votesFor", "表决时须填写赞成、反对、弃权三项票数。")
    if any(v < 0 or v > 10_000 for v in given):
        raise refuse(MeetingErrorCode.INVALID, "votesFor", "票数须为 0 到 10000 之间的整数。")


async def record_decision(
    session: AsyncSession,
    actor: Actor,
    meeting: JointMeeting,
    item: AgendaItem,
    draft: DecisionDraft,
) -> Decision:
    _check_in_session(meeting)
    _check_votes(draft)
    text = TEXT.required(draft.text, "text", 2000)
    # AgendaItem.discussion_notes is an unbounded Text column; this keeps one entry readable.
    notes = TEXT.optional(draft.discussion_notes, "discussionNotes", 10_000)
    existing = (
        (await session.execute(select(Decision).where(col(Decision.agenda_item_id) == item.id)))
        .scalars()
        .first()
    )
    decision = existing or Decision(agenda_item_id=key(item), outcome=draft.outcome, text=text)
    before = (
        snapshot(decision, ["outcome", "text", "votes_for", "votes_against", "votes_abstain"])
        if existing
        else {}
    )
    decision.outcome, decision.text = draft.outcome, text
    decision.votes_for, decision.votes_against, decision.votes_abstain = (
        draft.votes_for,
        draft.votes_against,
        draft.votes_abstain,
    )
    item.discussion_notes = notes or item.discussion_notes
    session.add(decision)
    await session.flush()
    record(
        session,
        actor,
        "decisionRecord",
        object_type="Decision",
        object_id=decision.id,
        changes=diff(
            before,
            snapshot(decision, ["outcome", "text", "votes_for", "votes_against", "votes_abstain"]),
        ),
    )
    await session.commit()
    return decision


@dataclass(frozen=True)
class ActionDraft:
    title: str
    due_on: date
    expected_result: str | None = None
    owner_unit_id: int | None = None
    owner_person_id: int | None = None


async def _check_owner(session: AsyncSession, meeting: JointMeeting, draft: ActionDraft) -> None:
    if draft.owner_unit_id is None and draft.owner_person_id is None:
        raise refuse(MeetingErrorCode.REQUIRED, "ownerUnit", "须指定承办单位或承办人。")
    if draft.owner_unit_id is not None:
        unit = await session.get(ResidentUnit, draft.owner_unit_id)
        if unit is None or unit.community_id != meeting.organisation_id:
            raise refuse(
                MeetingErrorCode.OUTSIDE_COMMUNITY, "ownerUnit", "承办单位须是本社区的驻区单位。"
            )
    if draft.owner_person_id is not None:
        invited = await _attendance(session, key(meeting), draft.owner_person_id)
        staff = (
            await session.execute(
                select(col(UnitStaff.id))
                .join(ResidentUnit, col(ResidentUnit.id) == col(UnitStaff.unit_id))
                .where(
                    col(UnitStaff.person_id) == draft.owner_person_id,
                    col(ResidentUnit.community_id) == meeting.organisation_id,
                )
            )
        ).first()
        person = await session.get(Person, draft.owner_person_id)
        lives_here = person is not None and person.community_id == meeting.organisation_id
        if invited is None and staff is None and not lives_here:
            raise refuse(
                MeetingErrorCode.OUTSIDE_COMMUNITY,
                "ownerPerson",
                "承办人须是本社区的人员或本次会议的参会人。",
            )


async def assign_action(
    session: AsyncSession,
    actor: Actor,
    meeting: JointMeeting,
    decision: Decision,
    draft: ActionDraft,
) -> ActionItem:
    _check_in_session(meeting)
    title = TEXT.required(draft.title, "title", 200)
    expected_result = TEXT.optional(draft.expected_result, "expectedResult", 500)
    if draft.due_on < utcnow().date():
        raise refuse(MeetingErrorCode.DATE_IN_PAST, "dueOn")
    if decision.outcome not in (DecisionOutcome.ADOPTED, DecisionOutcome.ADOPTED_WITH_CHANGES):
        raise refuse(MeetingErrorCode.INVALID, "decision", "只有通过的决议才能分派督办事项。")
    await _check_owner(session, meeting, draft)
    action = ActionItem(
        decision_id=key(decision),
        title=title,
        expected_result=expected_result,
        owner_unit_id=draft.owner_unit_id,
        owner_person_id=draft.owner_person_id,
        due_on=draft.due_on,
        status=ActionItemStatus.OPEN,
    )
    session.add(action)
    await session.flush()
    record(
        session,
        actor,
        "actionItemCreate",
        object_type="ActionItem",
        object_id=action.id,
        changes=diff({}, snapshot(action, ["title", "owner_unit_id", "owner_person_id", "due_on"])),
    )
    await session.commit()
    return action


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
    if len(cleaned) > 20_000:
        raise refuse(MeetingErrorCode.TOO_LONG, "minutesText", "纪要正文最多 20000 字。")
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

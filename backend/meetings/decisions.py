"""Deciding: while a meeting is in session, each agenda item's discussion and decision (with
votes, when it came to one), and the action items an adopted decision assigns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.audit.services import diff, record, snapshot
from backend.core.actor import Actor
from backend.core.models import key, utcnow
from backend.meetings.attendance import attendance_of
from backend.meetings.errors import TEXT, MeetingErrorCode, refuse
from backend.meetings.models import (
    ActionItem,
    ActionItemStatus,
    AgendaItem,
    Decision,
    DecisionOutcome,
    JointMeeting,
    MeetingStatus,
)
from backend.people.models import Person
from backend.units.models import ResidentUnit, UnitStaff


def _check_in_session(meeting: JointMeeting) -> None:
    if meeting.status is not MeetingStatus.IN_SESSION:
        raise refuse(
            MeetingErrorCode.NOT_IN_SESSION,
            None,
            f"会议当前为“{meeting.status.label}”，只能在会议进行中记录决议和督办事项。",
        )


DECISION_TEXT_MAX = 2000
# AgendaItem.discussion_notes is an unbounded Text column; this keeps one entry readable.
DISCUSSION_NOTES_MAX = 10_000
VOTES_MAX = 10_000
ACTION_TITLE_MAX = 200
EXPECTED_RESULT_MAX = 500


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
    if any(v < 0 or v > VOTES_MAX for v in given):
        raise refuse(
            MeetingErrorCode.INVALID, "votesFor", f"票数须为 0 到 {VOTES_MAX} 之间的整数。"
        )


async def record_decision(
    session: AsyncSession,
    actor: Actor,
    meeting: JointMeeting,
    item: AgendaItem,
    draft: DecisionDraft,
) -> Decision:
    _check_in_session(meeting)
    _check_votes(draft)
    text = TEXT.required(draft.text, "text", DECISION_TEXT_MAX)
    notes = TEXT.optional(draft.discussion_notes, "discussionNotes", DISCUSSION_NOTES_MAX)
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
        invited = await attendance_of(session, key(meeting), draft.owner_person_id)
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
    title = TEXT.required(draft.title, "title", ACTION_TITLE_MAX)
    expected_result = TEXT.optional(draft.expected_result, "expectedResult", EXPECTED_RESULT_MAX)
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

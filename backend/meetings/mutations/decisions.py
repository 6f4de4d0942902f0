"""Mutations that record a meeting's decisions and assign the action items they call for."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.types import Info

from backend.core.ids import decode_optional_id, load_in_scope
from backend.core.limits import limited, within
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.core.types import required
from backend.meetings import decisions
from backend.meetings.loaders import AgendaItemByIdLoader, JointMeetingByIdLoader
from backend.meetings.models import AgendaItem, Decision, DecisionOutcome, JointMeeting
from backend.meetings.mutations.common import ActionItemPayload, MeetingError
from backend.meetings.permissions import RUN_MEETING
from backend.meetings.types.decisions import ActionItemType, DecisionType


@strawberry.input(description="记录议题的讨论和决议；表决时填写三项票数")
class DecisionRecordInput:
    item: strawberry.ID
    outcome: DecisionOutcome
    text: str = limited(decisions.DECISION_TEXT_MAX)
    discussion_notes: str | None = limited(decisions.DISCUSSION_NOTES_MAX, default=None)
    votes_for: int | None = within(0, decisions.VOTES_MAX, default=None)
    votes_against: int | None = within(0, decisions.VOTES_MAX, default=None)
    votes_abstain: int | None = within(0, decisions.VOTES_MAX, default=None)


@strawberry.type
class DecisionPayload:
    decision: DecisionType | None = None
    errors: list[MeetingError] = strawberry.field(default_factory=list)


@strawberry.input(description="决议分派督办事项：承办单位和/或承办人、期限、预期结果")
class ActionItemCreateInput:
    decision: strawberry.ID
    title: str = limited(decisions.ACTION_TITLE_MAX)
    due_on: date
    expected_result: str | None = limited(decisions.EXPECTED_RESULT_MAX, default=None)
    owner_unit: strawberry.ID | None = None
    owner_person: strawberry.ID | None = None


async def _meeting_of_item(info: Info, item: AgendaItem) -> JointMeeting:
    """The meeting of an agenda item the caller may see (the item names it, so it exists)."""
    meeting: JointMeeting | None = await info.context.loader(JointMeetingByIdLoader).load(
        item.meeting_id
    )
    return required(meeting, "会议")


@strawberry.type
class DecisionMutations:
    @strawberry.mutation(description="记录决议", extensions=allow(RUN_MEETING))
    async def decision_record(self, info: Info, input: DecisionRecordInput) -> DecisionPayload:
        item = await load_in_scope(info, input.item, AgendaItem, "item", acting_as=RUN_MEETING)
        meeting = await _meeting_of_item(info, item)
        draft = decisions.DecisionDraft(
            outcome=input.outcome,
            text=input.text,
            discussion_notes=input.discussion_notes,
            votes_for=input.votes_for,
            votes_against=input.votes_against,
            votes_abstain=input.votes_abstain,
        )
        session = info.context.db.session
        decision, errors = await attempt(
            info.context.db.session,
            decisions.record_decision(session, info.context.actor, meeting, item, draft),
            MeetingError,
        )
        return DecisionPayload(decision=DecisionType.from_optional(decision), errors=errors)

    @strawberry.mutation(description="分派督办事项", extensions=allow(RUN_MEETING))
    async def action_item_create(
        self, info: Info, input: ActionItemCreateInput
    ) -> ActionItemPayload:
        decision = await load_in_scope(
            info, input.decision, Decision, "decision", acting_as=RUN_MEETING
        )
        session = info.context.db.session
        item = await info.context.loader(AgendaItemByIdLoader).load(decision.agenda_item_id)
        meeting = await _meeting_of_item(info, required(item, "议题"))
        draft = decisions.ActionDraft(
            title=input.title,
            due_on=input.due_on,
            expected_result=input.expected_result,
            owner_unit_id=decode_optional_id(input.owner_unit, "ResidentUnit", "ownerUnit"),
            owner_person_id=decode_optional_id(input.owner_person, "Person", "ownerPerson"),
        )
        action, errors = await attempt(
            info.context.db.session,
            decisions.assign_action(session, info.context.actor, meeting, decision, draft),
            MeetingError,
        )
        return ActionItemPayload(action_item=ActionItemType.from_optional(action), errors=errors)

"""GraphQL types of what a meeting decides: its decisions, the action items they assign, and
the progress reported on those."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import ClassVar

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.accounts.loaders import UserByIdLoader
from backend.attachments.loaders import AttachmentsByProgressLoader
from backend.attachments.types import AttachmentType, load_attachments
from backend.core.enums import labelled_enum
from backend.core.prefetch import Relation, ready_or
from backend.core.types import ModelNode, ModelType, required
from backend.meetings.loaders import (
    ActionItemByIdLoader,
    ActionItemsByDecisionLoader,
    AgendaItemByIdLoader,
    DecisionByIdLoader,
    ProgressByActionItemLoader,
)
from backend.meetings.models import ActionItemStatus, DecisionOutcome
from backend.meetings.permissions import manages_meeting, owns_action
from backend.meetings.services import OPEN_ACTION_STATUSES, is_action_overdue
from backend.meetings.tracking import OWNER_MOVES
from backend.meetings.types.meetings import (
    AgendaItemType,
    JointMeetingType,
    load_meeting,
)
from backend.organisations.refs import holds_over
from backend.people.loaders import PersonByIdLoader
from backend.people.refs import PersonRef, load_person
from backend.units.loaders import ResidentUnitByIdLoader
from backend.units.refs import ResidentUnitRef, load_unit

DecisionOutcomeEnum = labelled_enum(DecisionOutcome, name="DecisionOutcome")
ActionItemStatusEnum = labelled_enum(ActionItemStatus, name="ActionItemStatus")


async def _meeting_of_decision(info: Info, decision_id: int) -> JointMeetingType:
    # decision → agenda item → meeting: one batched statement per step, not per row.
    decision = await info.context.loader(DecisionByIdLoader).load(decision_id)
    item = await info.context.loader(AgendaItemByIdLoader).load(decision.agenda_item_id)
    return await load_meeting(info, item.meeting_id)


@strawberry.type(name="Decision", description="决议：会议对一个议题的决定")
class DecisionType(ModelNode):
    by_id_loader = DecisionByIdLoader

    id: relay.NodeID[int]
    outcome: DecisionOutcome
    text: str
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    created_at: datetime
    updated_at: datetime
    agenda_item_id: strawberry.Private[int]

    @strawberry.field(description="决议结果的中文名")
    def outcome_label(self) -> str:
        return self.outcome.label

    @strawberry.field(description="所属议题")
    async def agenda_item(self, info: Info) -> AgendaItemType:
        row = await info.context.loader(AgendaItemByIdLoader).load(self.agenda_item_id)
        return required(AgendaItemType.from_optional(row), "议题")

    @strawberry.field(description="决议分派的督办事项")
    async def action_items(self, info: Info) -> list[ActionItemType]:
        rows = await info.context.loader(ActionItemsByDecisionLoader).load(self.id)
        return [ActionItemType.from_model(row) for row in rows]


@strawberry.type(
    name="ActionItem", description="督办事项：决议分派给单位或个人，有期限，跟踪到办结"
)
class ActionItemType(ModelNode):
    by_id_loader = ActionItemByIdLoader

    id: relay.NodeID[int]
    title: str
    expected_result: str | None
    due_on: date
    status: ActionItemStatus
    completed_at: datetime | None
    verified_at: datetime | None
    created_at: datetime
    updated_at: datetime
    decision_id: strawberry.Private[int]
    owner_unit_id: strawberry.Private[int | None]
    owner_person_id: strawberry.Private[int | None]

    # Loaded ahead for a page of action items that asks for them (backend/core/prefetch.py).
    relations: ClassVar[dict[str, Relation]] = {
        "owner_unit": Relation(ResidentUnitByIdLoader, "owner_unit_id"),
        "owner_person": Relation(PersonByIdLoader, "owner_person_id"),
    }

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="是否逾期：未办结且已过期限")
    def is_overdue(self) -> bool:
        return is_action_overdue(self.status, self.due_on, date.today())

    @strawberry.field(description="七天内到期且未办结")
    def is_due_soon(self) -> bool:
        today = date.today()
        soon = today + timedelta(days=7)
        return self.status in OPEN_ACTION_STATUSES and today <= self.due_on <= soon

    @strawberry.field(description="当前用户能否报告进展：责任单位的联络员或责任人，且事项未办结")
    def viewer_can_report(self, info: Info) -> bool:
        return bool(self._report_statuses(info))

    @strawberry.field(description="当前用户报告进展时可选的状态（责任方从当前状态可改为的）")
    def viewer_report_statuses(self, info: Info) -> list[ActionItemStatus]:
        return self._report_statuses(info)

    def _report_statuses(self, info: Info) -> list[ActionItemStatus]:
        owner = owns_action(
            info.context.actor,
            owner_unit_id=self.owner_unit_id,
            owner_person_id=self.owner_person_id,
        )
        moves = OWNER_MOVES[self.status] if owner else set()
        return [status for status in ActionItemStatus if status in moves]

    @strawberry.field(description="当前用户能否核验：管理作出决议的会议，且事项已办结")
    async def viewer_can_verify(self, info: Info) -> bool:
        if self.status is not ActionItemStatus.DONE:
            return False
        meeting = await _meeting_of_decision(info, self.decision_id)
        return await holds_over(info, meeting.organisation_id, manages_meeting)

    @strawberry.field(description="进展报告和核验记录（最早在前）")
    async def progress(self, info: Info) -> list[ActionProgressType]:
        rows = await info.context.loader(ProgressByActionItemLoader).load(self.id)
        return [ActionProgressType.from_model(row) for row in rows]

    @strawberry.field(description="来源决议")
    async def decision(self, info: Info) -> DecisionType:
        row = await info.context.loader(DecisionByIdLoader).load(self.decision_id)
        return required(DecisionType.from_optional(row), "决议")

    @strawberry.field(description="作出决议的会议")
    async def meeting(self, info: Info) -> JointMeetingType:
        return await _meeting_of_decision(info, self.decision_id)

    @strawberry.field(description="责任单位")
    def owner_unit(self, info: Info) -> ResidentUnitRef | None:
        return ready_or(self, "owner_unit", lambda: load_unit(info, self.owner_unit_id))

    @strawberry.field(description="责任人")
    def owner_person(self, info: Info) -> PersonRef | None:
        return ready_or(self, "owner_person", lambda: load_person(info, self.owner_person_id))


@strawberry.type(name="ActionProgress", description="督办事项的一次进展报告或核验")
class ActionProgressType(ModelType):
    id: strawberry.Private[int]
    status_before: ActionItemStatus
    status_after: ActionItemStatus
    note: str
    created_at: datetime
    author_id: strawberry.Private[int | None]

    @strawberry.field(description="报告人")
    async def author(self, info: Info) -> str | None:
        if self.author_id is None:
            return None
        user = await info.context.loader(UserByIdLoader).load(self.author_id)
        return user.display_name if user else None

    @strawberry.field(description="佐证材料")
    async def evidence(self, info: Info) -> list[AttachmentType]:
        return await load_attachments(info, AttachmentsByProgressLoader, self.id)

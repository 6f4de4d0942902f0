from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from backend.attachments.uploads import read_uploads
from backend.core.errors import NotFound
from backend.core.ids import decode_id, decode_optional_id, load_in_scope
from backend.core.models import key
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.core.types import required
from backend.meetings import deliberation, lifecycle, proposals, tracking
from backend.meetings.errors import MeetingErrorCode
from backend.meetings.loaders import AgendaItemByIdLoader, JointMeetingByIdLoader
from backend.meetings.models import (
    ActionItem,
    ActionItemStatus,
    AgendaItem,
    AttendanceStatus,
    Decision,
    DecisionOutcome,
    JointMeeting,
    MeetingKind,
    Proposal,
    ProposalKind,
    ProposalOrigin,
    ProposalStatus,
)
from backend.meetings.permissions import (
    PREPARE_MEETING,
    RUN_MEETING,
    SIGN_IN_TO_MEETING,
    SUBMIT_PROPOSAL,
    TRACK_ACTIONS,
    TRIAGE_PROPOSAL,
)
from backend.meetings.types import ActionItemType, DecisionType, JointMeetingType, ProposalType
from backend.organisations.models import Organisation
from backend.people.models import Person
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
    attachments: list[Upload] = strawberry.field(
        default_factory=list, description="照片或文件（图片、PDF、Word、Excel，每个不超过 5 MB）"
    )


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
        files = await read_uploads(input.attachments)
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
        created, errors = await attempt(
            info.context.db.session,
            proposals.submit_proposal(info.context.db.session, info.context.actor, draft, files),
            MeetingError,
        )
        return ProposalPayload(proposal=ProposalType.from_optional(created), errors=errors)

    @strawberry.mutation(description="处理议题建议（召集人）", extensions=allow(TRIAGE_PROPOSAL))
    async def proposal_triage(self, info: Info, input: ProposalTriageInput) -> ProposalPayload:
        proposal = await load_in_scope(info, input.id, Proposal, "id", acting_as=TRIAGE_PROPOSAL)
        target = (
            await load_in_scope(
                info, input.merge_into, Proposal, "mergeInto", acting_as=TRIAGE_PROPOSAL
            )
            if input.merge_into is not None
            else None
        )
        triaged, errors = await attempt(
            info.context.db.session,
            proposals.triage_proposal(
                info.context.db.session,
                info.context.actor,
                proposal,
                status=TRIAGE_STATUS[input.action],
                merge_into=target,
                reason=input.reason,
            ),
            MeetingError,
        )
        return ProposalPayload(proposal=ProposalType.from_optional(triaged), errors=errors)


def _outside(field: str) -> MeetingError:
    return MeetingError(
        field=field, code=MeetingErrorCode.OUTSIDE_COMMUNITY, message="只能在本社区范围内操作。"
    )


# --- preparing a meeting --------------------------------------------------------------------


@strawberry.input(description="新建联席会议（默认邀请社区兼职委员和驻区单位联络员）")
class JointMeetingCreateInput:
    organisation: strawberry.ID = strawberry.field(description="召集的社区（或街道）")
    kind: MeetingKind
    title: str
    starts_at: datetime
    ends_at: datetime
    venue: str
    chair: strawberry.ID | None = None
    extra_invitees: list[strawberry.ID] = strawberry.field(default_factory=list)


@strawberry.type
class JointMeetingPayload:
    meeting: JointMeetingType | None = None
    warnings: list[str] = strawberry.field(default_factory=list)
    errors: list[MeetingError] = strawberry.field(default_factory=list)


@strawberry.input(description="添加议题：引用候选议题（candidateKey），或手动填写标题")
class AgendaItemCreateInput:
    meeting: strawberry.ID
    version: int = strawberry.field(description="所编辑的会议版本")
    candidate_key: str | None = None
    title: str | None = None
    description: str | None = None
    presenter: strawberry.ID | None = None
    minutes_allotted: int = 10
    documents: list[Upload] = strawberry.field(default_factory=list, description="议题材料")


@strawberry.input(description="调整议题顺序：按新顺序列出全部议题")
class AgendaReorderInput:
    meeting: strawberry.ID
    version: int
    items: list[strawberry.ID]


@strawberry.input(description="修改议题：只改所填的字段；presenter 传 null 表示取消汇报人")
class AgendaItemUpdateInput:
    meeting: strawberry.ID
    version: int
    item: strawberry.ID
    title: strawberry.Maybe[str]
    description: strawberry.Maybe[str]
    presenter: strawberry.Maybe[strawberry.ID | None]
    minutes_allotted: strawberry.Maybe[int]


@strawberry.input(description="删除议题")
class AgendaItemDeleteInput:
    meeting: strawberry.ID
    version: int
    item: strawberry.ID


@strawberry.input(description="发布（或更新）议程，通知全体受邀人")
class JointMeetingPublishInput:
    meeting: strawberry.ID
    version: int


async def _payload(info: Info, meeting: JointMeeting) -> JointMeetingPayload:
    items = await lifecycle.current_items(info.context.db.session, key(meeting))
    warning = lifecycle.over_time_warning(meeting, items)
    return JointMeetingPayload(
        meeting=JointMeetingType.from_model(meeting), warnings=[warning] if warning else []
    )


async def _run(info: Info, change: Any) -> JointMeetingPayload | None:
    _, errors = await attempt(info.context.db.session, change, MeetingError)
    return JointMeetingPayload(errors=errors) if errors else None


@strawberry.type
class MeetingPreparationMutations:
    @strawberry.mutation(description="新建联席会议（召集人）", extensions=allow(PREPARE_MEETING))
    async def joint_meeting_create(
        self, info: Info, input: JointMeetingCreateInput
    ) -> JointMeetingPayload:
        organisation = await load_in_scope(
            info, input.organisation, Organisation, "organisation", acting_as=PREPARE_MEETING
        )
        chair = await load_in_scope(info, input.chair, Person, "chair") if input.chair else None
        extra = [
            await load_in_scope(info, p, Person, "extraInvitees") for p in input.extra_invitees
        ]
        draft = lifecycle.MeetingDraft(
            organisation_id=organisation.id,
            kind=input.kind,
            title=input.title,
            starts_at=input.starts_at,
            ends_at=input.ends_at,
            venue=input.venue,
            chair_id=chair.id if chair else None,
            extra_invitee_ids=tuple(p.id for p in extra),
        )
        session = info.context.db.session
        meeting, errors = await attempt(
            session, lifecycle.create_meeting(session, info.context.actor, draft), MeetingError
        )
        return await _payload(info, meeting) if meeting else JointMeetingPayload(errors=errors)

    @strawberry.mutation(description="添加议题", extensions=allow(PREPARE_MEETING))
    async def agenda_item_create(
        self, info: Info, input: AgendaItemCreateInput
    ) -> JointMeetingPayload:
        files = await read_uploads(input.documents)
        meeting = await load_in_scope(
            info, input.meeting, JointMeeting, "meeting", acting_as=PREPARE_MEETING
        )
        presenter = (
            await load_in_scope(info, input.presenter, Person, "presenter")
            if input.presenter
            else None
        )
        draft = lifecycle.AgendaItemDraft(
            title=input.title,
            description=input.description,
            candidate_key=input.candidate_key,
            presenter_id=presenter.id if presenter else None,
            minutes_allotted=input.minutes_allotted,
            documents=tuple(files),
        )
        session = info.context.db.session
        refused = await _run(
            info,
            lifecycle.add_agenda_item(session, info.context.actor, meeting, input.version, draft),
        )
        return refused or await _payload(info, meeting)

    @strawberry.mutation(description="调整议题顺序", extensions=allow(PREPARE_MEETING))
    async def agenda_reorder(self, info: Info, input: AgendaReorderInput) -> JointMeetingPayload:
        meeting = await load_in_scope(
            info, input.meeting, JointMeeting, "meeting", acting_as=PREPARE_MEETING
        )
        item_ids = [decode_id(item, "AgendaItem", "items") for item in input.items]
        session = info.context.db.session
        refused = await _run(
            info,
            lifecycle.reorder_agenda(session, info.context.actor, meeting, input.version, item_ids),
        )
        return refused or await _payload(info, meeting)

    @strawberry.mutation(description="修改议题", extensions=allow(PREPARE_MEETING))
    async def agenda_item_update(
        self, info: Info, input: AgendaItemUpdateInput
    ) -> JointMeetingPayload:
        meeting = await load_in_scope(
            info, input.meeting, JointMeeting, "meeting", acting_as=PREPARE_MEETING
        )
        item = await load_in_scope(info, input.item, AgendaItem, "item", acting_as=PREPARE_MEETING)
        if item.meeting_id != meeting.id:
            raise NotFound(input.item)
        presenter_id, clear_presenter = None, False
        if input.presenter is not None:
            if input.presenter.value is None:
                clear_presenter = True
            else:
                presenter = await load_in_scope(info, input.presenter.value, Person, "presenter")
                presenter_id = presenter.id
        changes = lifecycle.AgendaItemChanges(
            title=input.title.value if input.title else None,
            description=input.description.value if input.description else None,
            presenter_id=presenter_id,
            clear_presenter=clear_presenter,
            minutes_allotted=input.minutes_allotted.value if input.minutes_allotted else None,
        )
        session = info.context.db.session
        change = lifecycle.update_agenda_item(
            session, info.context.actor, meeting, input.version, item, changes
        )
        refused = await _run(info, change)
        return refused or await _payload(info, meeting)

    @strawberry.mutation(description="删除议题", extensions=allow(PREPARE_MEETING))
    async def agenda_item_delete(
        self, info: Info, input: AgendaItemDeleteInput
    ) -> JointMeetingPayload:
        meeting = await load_in_scope(
            info, input.meeting, JointMeeting, "meeting", acting_as=PREPARE_MEETING
        )
        item = await load_in_scope(info, input.item, AgendaItem, "item", acting_as=PREPARE_MEETING)
        if item.meeting_id != meeting.id:
            raise NotFound(input.item)
        session = info.context.db.session
        refused = await _run(
            info,
            lifecycle.remove_agenda_item(session, info.context.actor, meeting, input.version, item),
        )
        return refused or await _payload(info, meeting)

    @strawberry.mutation(description="发布议程并通知受邀人", extensions=allow(PREPARE_MEETING))
    async def joint_meeting_publish(
        self, info: Info, input: JointMeetingPublishInput
    ) -> JointMeetingPayload:
        meeting = await load_in_scope(
            info, input.meeting, JointMeeting, "meeting", acting_as=PREPARE_MEETING
        )
        session = info.context.db.session
        refused = await _run(
            info, lifecycle.publish_agenda(session, info.context.actor, meeting, input.version)
        )
        return refused or await _payload(info, meeting)


# --- deliberating ------------------------------------------------------------------------------


@strawberry.input(description="会议状态变更：开始、结束、发布纪要")
class JointMeetingTransitionInput:
    meeting: strawberry.ID
    version: int


@strawberry.input(description="纪要正文（会议概述、更正说明）")
class JointMeetingMinutesUpdateInput:
    meeting: strawberry.ID
    version: int
    minutes_text: str


@strawberry.input(description="召集人登记出席情况")
class AttendanceRecordInput:
    meeting: strawberry.ID
    person: strawberry.ID
    status: AttendanceStatus
    proxy_name: str | None = strawberry.field(default=None, description="委托出席时的受托人")


@strawberry.input(description="扫描会场二维码自助签到")
class AttendanceSignInInput:
    meeting: strawberry.ID
    code: str


@strawberry.input(description="记录议题的讨论和决议；表决时填写三项票数")
class DecisionRecordInput:
    item: strawberry.ID
    outcome: DecisionOutcome
    text: str
    discussion_notes: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None


@strawberry.type
class DecisionPayload:
    decision: DecisionType | None = None
    errors: list[MeetingError] = strawberry.field(default_factory=list)


@strawberry.input(description="决议分派督办事项：承办单位和/或承办人、期限、预期结果")
class ActionItemCreateInput:
    decision: strawberry.ID
    title: str
    due_on: date
    expected_result: str | None = None
    owner_unit: strawberry.ID | None = None
    owner_person: strawberry.ID | None = None


@strawberry.type
class ActionItemPayload:
    action_item: ActionItemType | None = None
    errors: list[MeetingError] = strawberry.field(default_factory=list)


async def _meeting_of_item(info: Info, item: AgendaItem) -> JointMeeting:
    """The meeting of an agenda item the caller may see (the item names it, so it exists)."""
    meeting: JointMeeting | None = await info.context.loader(JointMeetingByIdLoader).load(
        item.meeting_id
    )
    return required(meeting, "会议")


@strawberry.type
class DeliberationMutations:
    @strawberry.mutation(description="开始会议（生成签到二维码）", extensions=allow(RUN_MEETING))
    async def joint_meeting_start(
        self, info: Info, input: JointMeetingTransitionInput
    ) -> JointMeetingPayload:
        return await _transition(info, input, deliberation.start_meeting)

    @strawberry.mutation(description="结束会议", extensions=allow(RUN_MEETING))
    async def joint_meeting_close(
        self, info: Info, input: JointMeetingTransitionInput
    ) -> JointMeetingPayload:
        return await _transition(info, input, deliberation.close_meeting)

    @strawberry.mutation(description="发布会议纪要并通知受邀人", extensions=allow(RUN_MEETING))
    async def joint_meeting_minutes_publish(
        self, info: Info, input: JointMeetingTransitionInput
    ) -> JointMeetingPayload:
        return await _transition(info, input, deliberation.publish_minutes)

    @strawberry.mutation(description="编辑或更正会议纪要正文", extensions=allow(RUN_MEETING))
    async def joint_meeting_minutes_update(
        self, info: Info, input: JointMeetingMinutesUpdateInput
    ) -> JointMeetingPayload:
        meeting = await load_in_scope(
            info, input.meeting, JointMeeting, "meeting", acting_as=RUN_MEETING
        )
        change = deliberation.correct_minutes(
            info.context.db.session, info.context.actor, meeting, input.version, input.minutes_text
        )
        refused = await _run(info, change)
        return refused or await _payload(info, meeting)

    @strawberry.mutation(description="登记出席情况（召集人）", extensions=allow(RUN_MEETING))
    async def attendance_record(
        self, info: Info, input: AttendanceRecordInput
    ) -> JointMeetingPayload:
        meeting = await load_in_scope(
            info, input.meeting, JointMeeting, "meeting", acting_as=RUN_MEETING
        )
        person = await load_in_scope(info, input.person, Person, "person", acting_as=RUN_MEETING)
        session = info.context.db.session
        change = deliberation.record_attendance(
            session, info.context.actor, meeting, person, input.status, input.proxy_name
        )
        refused = await _run(info, change)
        return refused or await _payload(info, meeting)

    @strawberry.mutation(description="受邀人扫码自助签到", extensions=allow(SIGN_IN_TO_MEETING))
    async def attendance_sign_in(
        self, info: Info, input: AttendanceSignInInput
    ) -> JointMeetingPayload:
        meeting = await load_in_scope(info, input.meeting, JointMeeting, "meeting")
        session = info.context.db.session
        change = deliberation.self_sign_in(
            session, info.context.actor, meeting, info.context.actor.person_id, input.code
        )
        refused = await _run(info, change)
        return refused or await _payload(info, meeting)

    @strawberry.mutation(description="记录决议", extensions=allow(RUN_MEETING))
    async def decision_record(self, info: Info, input: DecisionRecordInput) -> DecisionPayload:
        item = await load_in_scope(info, input.item, AgendaItem, "item", acting_as=RUN_MEETING)
        meeting = await _meeting_of_item(info, item)
        draft = deliberation.DecisionDraft(
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
            deliberation.record_decision(session, info.context.actor, meeting, item, draft),
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
        draft = deliberation.ActionDraft(
            title=input.title,
            due_on=input.due_on,
            expected_result=input.expected_result,
            owner_unit_id=decode_optional_id(input.owner_unit, "ResidentUnit", "ownerUnit"),
            owner_person_id=decode_optional_id(input.owner_person, "Person", "ownerPerson"),
        )
        action, errors = await attempt(
            info.context.db.session,
            deliberation.assign_action(session, info.context.actor, meeting, decision, draft),
            MeetingError,
        )
        return ActionItemPayload(action_item=ActionItemType.from_optional(action), errors=errors)


async def _transition(
    info: Info, input: JointMeetingTransitionInput, change: Any
) -> JointMeetingPayload:
    meeting = await load_in_scope(
        info, input.meeting, JointMeeting, "meeting", acting_as=RUN_MEETING
    )
    refused = await _run(
        info, change(info.context.db.session, info.context.actor, meeting, input.version)
    )
    return refused or await _payload(info, meeting)


# --- tracking to completion --------------------------------------------------------------------


@strawberry.input(description="承办方报告进展：状态、说明，可附照片或文件")
class ActionItemProgressInput:
    action_item: strawberry.ID
    status: ActionItemStatus
    note: str
    evidence: list[Upload] = strawberry.field(default_factory=list)


@strawberry.input(description="召集人核验办结情况：通过，或退回并说明原因")
class ActionItemVerifyInput:
    action_item: strawberry.ID
    accept: bool
    note: str | None = None


@strawberry.type
class TrackingMutations:
    @strawberry.mutation(
        description="报告督办事项进展（承办单位联络员或承办人）", extensions=allow(TRACK_ACTIONS)
    )
    async def action_item_progress(
        self, info: Info, input: ActionItemProgressInput
    ) -> ActionItemPayload:
        files = await read_uploads(input.evidence)
        action = await load_in_scope(info, input.action_item, ActionItem, "actionItem")
        session = info.context.db.session
        change = tracking.report_progress(
            session,
            info.context.actor,
            action,
            status=input.status,
            note=input.note,
            files=files,
        )
        _, errors = await attempt(session, change, MeetingError)
        return ActionItemPayload(
            action_item=None if errors else ActionItemType.from_model(action), errors=errors
        )

    @strawberry.mutation(description="核验督办事项（召集人）", extensions=allow(RUN_MEETING))
    async def action_item_verify(
        self, info: Info, input: ActionItemVerifyInput
    ) -> ActionItemPayload:
        action = await load_in_scope(
            info, input.action_item, ActionItem, "actionItem", acting_as=RUN_MEETING
        )
        session = info.context.db.session
        change = tracking.verify(
            session, info.context.actor, action, accept=input.accept, note=input.note
        )
        _, errors = await attempt(session, change, MeetingError)
        return ActionItemPayload(
            action_item=None if errors else ActionItemType.from_model(action), errors=errors
        )

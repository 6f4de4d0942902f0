from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import ClassVar

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from backend.accounts.loaders import UserByIdLoader
from backend.attachments.loaders import (
    AttachmentsByAgendaItemLoader,
    AttachmentsByProgressLoader,
    AttachmentsByProposalLoader,
)
from backend.attachments.types import AttachmentType, load_attachments
from backend.core.principal import Role
from backend.core.types import ModelNode, ModelType, required
from backend.meetings.deliberation import quorum
from backend.meetings.loaders import (
    ActionItemByIdLoader,
    ActionItemsByDecisionLoader,
    AgendaItemByIdLoader,
    AgendaItemsByMeetingLoader,
    AgendaVersionsByMeetingLoader,
    AttendancesByMeetingLoader,
    DecisionByIdLoader,
    DecisionsByAgendaItemLoader,
    JointMeetingByIdLoader,
    ProgressByActionItemLoader,
    ProposalByIdLoader,
)
from backend.meetings.models import (
    ActionItemStatus,
    AgendaSource,
    AttendanceStatus,
    DecisionOutcome,
    MeetingKind,
    MeetingStatus,
    ProposalKind,
    ProposalOrigin,
    ProposalStatus,
)
from backend.meetings.permissions import manages_meeting, owns_action
from backend.meetings.services import OPEN_ACTION_STATUSES, is_action_overdue, present_count
from backend.meetings.tracking import OWNER_MOVES
from backend.organisations.refs import OrganisationRef, load_community, organisation_path
from backend.people.refs import PersonRef, load_person
from backend.units.refs import ResidentUnitRef, load_unit

MeetingKindEnum = strawberry.enum(MeetingKind, name="MeetingKind")
MeetingStatusEnum = strawberry.enum(MeetingStatus, name="MeetingStatus")
AttendanceStatusEnum = strawberry.enum(AttendanceStatus, name="AttendanceStatus")
AgendaSourceEnum = strawberry.enum(AgendaSource, name="AgendaSource")
DecisionOutcomeEnum = strawberry.enum(DecisionOutcome, name="DecisionOutcome")
ActionItemStatusEnum = strawberry.enum(ActionItemStatus, name="ActionItemStatus")


@strawberry.type(name="Quorum", description="法定人数")
class QuorumType:
    invited: int
    present: int
    required: int
    reached: bool


@strawberry.type(name="JointMeeting", description="联席会议：社区党委与驻区单位、兼职委员的会议")
class JointMeetingType(ModelNode):
    by_id_loader = JointMeetingByIdLoader

    id: relay.NodeID[int]
    title: str
    kind: MeetingKind
    starts_at: datetime
    ends_at: datetime
    venue: str
    status: MeetingStatus
    version: int = strawberry.field(description="版本号：保存时须提交所编辑的版本")
    minutes_text: str | None = strawberry.field(description="会议纪要")
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None
    organisation_id: strawberry.Private[int]
    chair_id: strawberry.Private[int | None]
    checkin_code_value: strawberry.Private[str | None]
    renamed: ClassVar[dict[str, str]] = {"checkin_code_value": "checkin_code"}

    @strawberry.field(description="会议类型的中文名")
    def kind_label(self) -> str:
        return self.kind.label

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="召集组织")
    async def organisation(self, info: Info) -> OrganisationRef:
        return await load_community(info, self.organisation_id)

    @strawberry.field(
        description="当前用户能否管理本次会议：设置议题、发布、主持、记录决议、核验督办事项"
    )
    async def viewer_can_manage(self, info: Info) -> bool:
        return await _manages_meeting_of(info, self.organisation_id)

    @strawberry.field(description="主持人")
    async def chair(self, info: Info) -> PersonRef | None:
        return await load_person(info, self.chair_id)

    @strawberry.field(description="议题（按顺序）")
    async def agenda_items(self, info: Info) -> list[AgendaItemType]:
        rows = await info.context.loader(AgendaItemsByMeetingLoader).load(self.id)
        return [AgendaItemType.from_model(row) for row in rows]

    @strawberry.field(description="已发布的议程版本（最早在前）")
    async def agenda_versions(self, info: Info) -> list[AgendaVersionType]:
        return await agenda_versions(info, self.id)

    @strawberry.field(description="议题分配时长合计（分钟）")
    async def allotted_minutes(self, info: Info) -> int:
        rows = await info.context.loader(AgendaItemsByMeetingLoader).load(self.id)
        return sum(row.minutes_allotted for row in rows)

    @strawberry.field(description="会议时长（分钟）")
    def length_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @strawberry.field(description="参会情况")
    async def attendances(self, info: Info) -> list[MeetingAttendanceType]:
        rows = await info.context.loader(AttendancesByMeetingLoader).load(self.id)
        return [MeetingAttendanceType.from_model(row) for row in rows]

    @strawberry.field(description="法定人数：过半数受邀人出席（含委托）")
    async def quorum(self, info: Info) -> QuorumType:
        rows = await info.context.loader(AttendancesByMeetingLoader).load(self.id)
        counted = quorum([row.status for row in rows])
        return QuorumType(
            invited=counted.invited,
            present=counted.present,
            required=counted.required,
            reached=counted.reached,
        )

    @strawberry.field(description="会场签到二维码中的签到码（仅召集人可见，会议开始后生成）")
    def checkin_code(self, info: Info) -> str | None:
        if info.context.principal.has_role(Role.STREET_ADMIN, Role.CONVENER):
            return self.checkin_code_value
        return None

    @strawberry.field(description="出席人数（含委托出席）")
    async def present_count(self, info: Info) -> int:
        rows = await info.context.loader(AttendancesByMeetingLoader).load(self.id)
        return present_count(row.status for row in rows)


async def _manages_meeting_of(info: Info, organisation_id: int) -> bool:
    path = await organisation_path(info, organisation_id)
    return path is not None and manages_meeting(info.context.actor, path)


async def _meeting_of_decision(info: Info, decision_id: int) -> JointMeetingType:
    # decision → agenda item → meeting: one batched statement per step, not per row.
    decision = await info.context.loader(DecisionByIdLoader).load(decision_id)
    item = await info.context.loader(AgendaItemByIdLoader).load(decision.agenda_item_id)
    return await load_meeting(info, item.meeting_id)


async def load_meeting(info: Info, meeting_id: int) -> JointMeetingType:
    row = await info.context.loader(JointMeetingByIdLoader).load(meeting_id)
    return required(JointMeetingType.from_optional(row), "会议")


@strawberry.type(name="MeetingAttendance", description="一位参会人的出席情况")
class MeetingAttendanceType(ModelType):
    status: AttendanceStatus
    proxy_name: str | None = strawberry.field(description="委托出席人姓名")
    signed_in_at: datetime | None = strawberry.field(description="签到时间")
    person_id: strawberry.Private[int]
    unit_id: strawberry.Private[int | None]

    @strawberry.field(description="出席状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="参会人")
    async def person(self, info: Info) -> PersonRef:
        return required(await load_person(info, self.person_id), "人员")

    @strawberry.field(description="代表的驻区单位")
    async def unit(self, info: Info) -> ResidentUnitRef | None:
        return await load_unit(info, self.unit_id)


@strawberry.type(name="AgendaItem", description="议题：来自需求、项目、逾期督办事项或议题建议")
class AgendaItemType(ModelNode):
    by_id_loader = AgendaItemByIdLoader

    id: relay.NodeID[int]
    position: int
    title: str
    description: str | None
    source: AgendaSource
    minutes_allotted: int = strawberry.field(description="安排的讨论时长（分钟）")
    discussion_notes: str | None = strawberry.field(description="讨论记录")
    created_at: datetime
    updated_at: datetime
    meeting_id: strawberry.Private[int]
    presenter_id: strawberry.Private[int | None]

    @strawberry.field(description="议题材料")
    async def documents(self, info: Info) -> list[AttachmentType]:
        return await load_attachments(info, AttachmentsByAgendaItemLoader, self.id)

    @strawberry.field(description="议题来源的中文名")
    def source_label(self) -> str:
        return self.source.label

    @strawberry.field(description="汇报人")
    async def presenter(self, info: Info) -> PersonRef | None:
        return await load_person(info, self.presenter_id)

    @strawberry.field(description="所属会议")
    async def meeting(self, info: Info) -> JointMeetingType:
        return await load_meeting(info, self.meeting_id)

    @strawberry.field(description="会议对本议题的决议")
    async def decision(self, info: Info) -> DecisionType | None:
        rows = await info.context.loader(DecisionsByAgendaItemLoader).load(self.id)
        return DecisionType.from_model(rows[0]) if rows else None


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
        owner = owns_action(
            info.context.actor,
            owner_unit_id=self.owner_unit_id,
            owner_person_id=self.owner_person_id,
        )
        return owner and bool(OWNER_MOVES[self.status])

    @strawberry.field(description="当前用户能否核验：管理作出决议的会议，且事项已办结")
    async def viewer_can_verify(self, info: Info) -> bool:
        if self.status is not ActionItemStatus.DONE:
            return False
        meeting = await _meeting_of_decision(info, self.decision_id)
        return await _manages_meeting_of(info, meeting.organisation_id)

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
    async def owner_unit(self, info: Info) -> ResidentUnitRef | None:
        return await load_unit(info, self.owner_unit_id)

    @strawberry.field(description="责任人")
    async def owner_person(self, info: Info) -> PersonRef | None:
        return await load_person(info, self.owner_person_id)


ProposalKindEnum = strawberry.enum(ProposalKind, name="ProposalKind")
ProposalOriginEnum = strawberry.enum(ProposalOrigin, name="ProposalOrigin")
ProposalStatusEnum = strawberry.enum(ProposalStatus, name="ProposalStatus")


@strawberry.type(name="Proposal", description="议题建议 / 社情民意")
class ProposalType(ModelNode):
    by_id_loader = ProposalByIdLoader

    id: relay.NodeID[int]
    kind: ProposalKind
    origin: ProposalOrigin
    category: str
    title: str
    description: str
    source_note: str | None = strawberry.field(description="来源说明（地点、楼栋、事件）")
    status: ProposalStatus
    decline_reason: str | None
    triaged_at: datetime | None
    created_at: datetime
    community_id: strawberry.Private[int]
    unit_id: strawberry.Private[int | None]
    merged_into_id: strawberry.Private[int | None]

    @strawberry.field(description="类型的中文名")
    def kind_label(self) -> str:
        return self.kind.label

    @strawberry.field(description="来源的中文名")
    def origin_label(self) -> str:
        return self.origin.label

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="所在社区")
    async def community(self, info: Info) -> OrganisationRef:
        return await load_community(info, self.community_id)

    @strawberry.field(description="提出建议的单位")
    async def unit(self, info: Info) -> ResidentUnitRef | None:
        return await load_unit(info, self.unit_id)

    @strawberry.field(description="附件")
    async def attachments(self, info: Info) -> list[AttachmentType]:
        return await load_attachments(info, AttachmentsByProposalLoader, self.id)

    @strawberry.field(description="合并到的建议")
    async def merged_into(self, info: Info) -> ProposalType | None:
        if self.merged_into_id is None:
            return None
        row = await info.context.loader(ProposalByIdLoader).load(self.merged_into_id)
        return ProposalType.from_optional(row)


# The GraphQL type named by a candidate's source, for its global ID.
SOURCE_TYPE_NAMES = {
    AgendaSource.PROPOSAL: "Proposal",
    AgendaSource.NEED: "Need",
    AgendaSource.PROJECT: "Project",
    AgendaSource.ACTION_ITEM: "ActionItem",
    AgendaSource.DEFERRED_ITEM: "AgendaItem",
    AgendaSource.REGISTRATION: "ResidentUnit",
    AgendaSource.AGREEMENT: "CoBuildingAgreement",
}


@strawberry.type(name="AgendaCandidate", description="建议列入下次会议的议题及理由")
class AgendaCandidateType:
    source: AgendaSource
    title: str
    reason: str
    since: date = strawberry.field(description="何时起需要讨论（到期日、提出日等）")
    source_key: strawberry.Private[int]

    @strawberry.field(description="来源的中文名")
    def source_label(self) -> str:
        return self.source.label

    @strawberry.field(description="来源对象的全局 ID（可用 node 查询）")
    def source_id(self) -> strawberry.ID:
        return strawberry.ID(
            str(relay.GlobalID(SOURCE_TYPE_NAMES[self.source], str(self.source_key)))
        )

    @strawberry.field(description="添加议题时引用此候选的键")
    def candidate_key(self) -> str:
        return f"{self.source.name}:{self.source_key}"


@strawberry.type(name="AgendaVersion", description="已发布议程的一个版本及其相对上一版的变化")
class AgendaVersionType(ModelType):
    number: int
    published_at: datetime
    changes: list[str]
    items: JSON = strawberry.field(
        description="该版本的议题：[{position, title, minutes, presenter_id}]"
    )


async def agenda_versions(info: Info, meeting_id: int) -> list[AgendaVersionType]:
    rows = await info.context.loader(AgendaVersionsByMeetingLoader).load(meeting_id)
    return [AgendaVersionType.from_model(row) for row in rows]


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

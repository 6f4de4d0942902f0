"""GraphQL types of a meeting: the meeting itself, its attendance and quorum, its agenda items,
the candidates for its agenda and the agenda's published versions."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, cast

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from backend.attachments.loaders import AttachmentsByAgendaItemLoader
from backend.attachments.types import AttachmentType, load_attachments
from backend.core.enums import labelled_enum
from backend.core.prefetch import Relation, ready_or
from backend.core.principal import Role
from backend.core.types import ModelNode, ModelType, present, required
from backend.meetings.attendance import quorum
from backend.meetings.loaders import (
    AgendaItemByIdLoader,
    AgendaItemsByMeetingLoader,
    AgendaVersionsByMeetingLoader,
    AttendancesByMeetingLoader,
    DecisionsByAgendaItemLoader,
    JointMeetingByIdLoader,
)
from backend.meetings.minutes import load_minutes, minutes_draft
from backend.meetings.models import AgendaSource, AttendanceStatus, MeetingKind, MeetingStatus
from backend.meetings.permissions import manages_meeting
from backend.meetings.services import present_count
from backend.organisations.loaders import OrganisationByIdLoader
from backend.organisations.refs import OrganisationRef, holds_over, load_community
from backend.people.loaders import PersonByIdLoader
from backend.people.refs import PersonRef, load_person
from backend.units.refs import ResidentUnitRef, load_unit

if TYPE_CHECKING:
    from backend.meetings.types.decisions import DecisionType

# Decisions are typed in their own module, which builds on this one: named lazily here.
DecisionRef = Annotated["DecisionType", strawberry.lazy("backend.meetings.types.decisions")]

MeetingKindEnum = labelled_enum(MeetingKind, name="MeetingKind")
MeetingStatusEnum = labelled_enum(MeetingStatus, name="MeetingStatus")
AttendanceStatusEnum = labelled_enum(AttendanceStatus, name="AttendanceStatus")
AgendaSourceEnum = labelled_enum(AgendaSource, name="AgendaSource")


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

    # Loaded ahead for a page of meetings that asks for them (backend/core/prefetch.py).
    relations: ClassVar[dict[str, Relation]] = {
        "organisation": Relation(OrganisationByIdLoader, "organisation_id"),
        "chair": Relation(PersonByIdLoader, "chair_id"),
    }
    renamed: ClassVar[dict[str, str]] = {"checkin_code_value": "checkin_code"}

    @strawberry.field(description="会议类型的中文名")
    def kind_label(self) -> str:
        return self.kind.label

    @strawberry.field(description="状态的中文名")
    def status_label(self) -> str:
        return self.status.label

    @strawberry.field(description="召集组织")
    def organisation(self, info: Info) -> OrganisationRef:
        return ready_or(
            self,
            "organisation",
            lambda: load_community(info, self.organisation_id),
            required_as="社区",
        )

    @strawberry.field(
        description="当前用户能否管理本次会议：设置议题、发布、主持、记录决议、核验督办事项"
    )
    async def viewer_can_manage(self, info: Info) -> bool:
        return await holds_over(info, self.organisation_id, manages_meeting)

    @strawberry.field(
        description="根据会议记录生成的纪要草稿（出席、议题、决议及表决、督办事项），供召集人修改；"
        "会议结束后、对能管理本次会议的用户提供，其他情况为空"
    )
    async def minutes_draft(self, info: Info) -> str | None:
        if self.status not in (MeetingStatus.CLOSED, MeetingStatus.MINUTES_PUBLISHED):
            return None
        if not await holds_over(info, self.organisation_id, manages_meeting):
            return None
        meeting = await info.context.loader(JointMeetingByIdLoader).load(self.id)
        if meeting is None:
            return None
        data = await info.context.db.with_session(lambda session: load_minutes(session, meeting))
        return minutes_draft(data)

    @strawberry.field(description="主持人")
    def chair(self, info: Info) -> PersonRef | None:
        return ready_or(self, "chair", lambda: load_person(info, self.chair_id))

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
    async def decision(self, info: Info) -> DecisionRef | None:
        rows = await info.context.loader(DecisionsByAgendaItemLoader).load(self.id)
        return cast("DecisionType", present(rows[0])) if rows else None


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

"""Mutations that prepare a meeting: creating it, editing its agenda, publishing the agenda."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from backend.attachments.uploads import read_uploads
from backend.core.changes import Given, value_or_none
from backend.core.errors import NotFound
from backend.core.ids import decode_id, load_in_scope
from backend.core.limits import limited, within
from backend.core.models import key
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.meetings import agenda, lifecycle
from backend.meetings.models import AgendaItem, JointMeeting, MeetingKind
from backend.meetings.mutations.common import (
    JointMeetingPayload,
    MeetingError,
    meeting_payload,
    run_change,
)
from backend.meetings.permissions import PREPARE_MEETING
from backend.organisations.models import Organisation
from backend.people.models import Person


@strawberry.input(description="新建联席会议（默认邀请社区兼职委员和驻区单位联络员）")
class JointMeetingCreateInput:
    organisation: strawberry.ID = strawberry.field(description="召集的社区（或街道）")
    kind: MeetingKind
    title: str = limited(lifecycle.TITLE_MAX)
    starts_at: datetime
    ends_at: datetime
    venue: str = limited(lifecycle.VENUE_MAX)
    chair: strawberry.ID | None = None
    extra_invitees: list[strawberry.ID] = strawberry.field(default_factory=list)


@strawberry.input(
    description="修改会议信息（开会前）：只改所填的字段；chair 传 null 表示取消主持人"
)
class JointMeetingUpdateInput:
    meeting: strawberry.ID
    version: int = strawberry.field(description="所编辑的会议版本")
    title: strawberry.Maybe[str] = limited(lifecycle.TITLE_MAX)
    starts_at: strawberry.Maybe[datetime]
    ends_at: strawberry.Maybe[datetime]
    venue: strawberry.Maybe[str] = limited(lifecycle.VENUE_MAX)
    chair: strawberry.Maybe[strawberry.ID | None] = strawberry.field(description="主持人")


@strawberry.input(description="添加议题：引用候选议题（candidateKey），或手动填写标题")
class AgendaItemCreateInput:
    meeting: strawberry.ID
    version: int = strawberry.field(description="所编辑的会议版本")
    candidate_key: str | None = limited(100, default=None)
    title: str | None = limited(agenda.TITLE_MAX, default=None)
    description: str | None = limited(agenda.DESCRIPTION_MAX, default=None)
    presenter: strawberry.ID | None = None
    minutes_allotted: int = within(agenda.MINUTES_MIN, agenda.MINUTES_MAX, default=10)
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
    title: strawberry.Maybe[str] = limited(agenda.TITLE_MAX)
    description: strawberry.Maybe[str] = limited(agenda.DESCRIPTION_MAX)
    presenter: strawberry.Maybe[strawberry.ID | None]
    minutes_allotted: strawberry.Maybe[int] = within(agenda.MINUTES_MIN, agenda.MINUTES_MAX)


@strawberry.input(description="删除议题")
class AgendaItemDeleteInput:
    meeting: strawberry.ID
    version: int
    item: strawberry.ID


@strawberry.input(description="发布（或更新）议程，通知全体受邀人")
class JointMeetingPublishInput:
    meeting: strawberry.ID
    version: int


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
            organisation_kind=organisation.kind,
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
        return (
            await meeting_payload(info, meeting) if meeting else JointMeetingPayload(errors=errors)
        )

    @strawberry.mutation(
        description="修改会议信息：名称、时间、地点、主持人", extensions=allow(PREPARE_MEETING)
    )
    async def joint_meeting_update(
        self, info: Info, input: JointMeetingUpdateInput
    ) -> JointMeetingPayload:
        meeting = await load_in_scope(
            info, input.meeting, JointMeeting, "meeting", acting_as=PREPARE_MEETING
        )
        chair_id: Given[int | None] | None = None
        if input.chair:
            chosen = input.chair.value
            chair_id = Given(
                key(await load_in_scope(info, chosen, Person, "chair")) if chosen else None
            )
        changes = lifecycle.MeetingChanges(
            title=value_or_none(input.title),
            venue=value_or_none(input.venue),
            starts_at=value_or_none(input.starts_at),
            ends_at=value_or_none(input.ends_at),
            chair_id=chair_id,
        )
        session = info.context.db.session
        change = lifecycle.update_meeting(
            session, info.context.actor, meeting, input.version, changes
        )
        refused = await run_change(info, change)
        return refused or await meeting_payload(info, meeting)

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
        draft = agenda.AgendaItemDraft(
            title=input.title,
            description=input.description,
            candidate_key=input.candidate_key,
            presenter_id=presenter.id if presenter else None,
            minutes_allotted=input.minutes_allotted,
            documents=tuple(files),
        )
        session = info.context.db.session
        refused = await run_change(
            info,
            agenda.add_agenda_item(session, info.context.actor, meeting, input.version, draft),
        )
        return refused or await meeting_payload(info, meeting)

    @strawberry.mutation(description="调整议题顺序", extensions=allow(PREPARE_MEETING))
    async def agenda_reorder(self, info: Info, input: AgendaReorderInput) -> JointMeetingPayload:
        meeting = await load_in_scope(
            info, input.meeting, JointMeeting, "meeting", acting_as=PREPARE_MEETING
        )
        item_ids = [decode_id(item, "AgendaItem", "items") for item in input.items]
        session = info.context.db.session
        refused = await run_change(
            info,
            agenda.reorder_agenda(session, info.context.actor, meeting, input.version, item_ids),
        )
        return refused or await meeting_payload(info, meeting)

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
        presenter_id: Given[int | None] | None = None
        if input.presenter:
            chosen = input.presenter.value
            presenter_id = Given(
                key(await load_in_scope(info, chosen, Person, "presenter")) if chosen else None
            )
        changes = agenda.AgendaItemChanges(
            title=value_or_none(input.title),
            description=value_or_none(input.description),
            presenter_id=presenter_id,
            minutes_allotted=value_or_none(input.minutes_allotted),
        )
        session = info.context.db.session
        change = agenda.update_agenda_item(
            session, info.context.actor, meeting, input.version, item, changes
        )
        refused = await run_change(info, change)
        return refused or await meeting_payload(info, meeting)

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
        refused = await run_change(
            info,
            agenda.remove_agenda_item(session, info.context.actor, meeting, input.version, item),
        )
        return refused or await meeting_payload(info, meeting)

    @strawberry.mutation(description="发布议程并通知受邀人", extensions=allow(PREPARE_MEETING))
    async def joint_meeting_publish(
        self, info: Info, input: JointMeetingPublishInput
    ) -> JointMeetingPayload:
        meeting = await load_in_scope(
            info, input.meeting, JointMeeting, "meeting", acting_as=PREPARE_MEETING
        )
        session = info.context.db.session
        refused = await run_change(
            info, agenda.publish_agenda(session, info.context.actor, meeting, input.version)
        )
        return refused or await meeting_payload(info, meeting)

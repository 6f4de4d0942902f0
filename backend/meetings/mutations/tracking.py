"""Mutations that track an action item to completion: owners report progress, conveners
verify."""

from __future__ import annotations

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from backend.attachments.uploads import read_uploads
from backend.core.ids import load_in_scope
from backend.core.limits import limited
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.meetings import tracking
from backend.meetings.models import ActionItem, ActionItemStatus
from backend.meetings.mutations.common import ActionItemPayload, MeetingError
from backend.meetings.permissions import RUN_MEETING, TRACK_ACTIONS
from backend.meetings.types.decisions import ActionItemType


@strawberry.input(description="承办方报告进展：状态、说明，可附照片或文件")
class ActionItemProgressInput:
    action_item: strawberry.ID
    status: ActionItemStatus
    note: str = limited(tracking.NOTE_LIMIT)
    evidence: list[Upload] = strawberry.field(default_factory=list)


@strawberry.input(description="召集人核验办结情况：通过，或退回并说明原因")
class ActionItemVerifyInput:
    action_item: strawberry.ID
    accept: bool
    note: str | None = limited(tracking.NOTE_LIMIT, default=None)


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

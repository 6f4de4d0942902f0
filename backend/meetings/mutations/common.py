"""What the meeting mutations share: the typed error, the meeting and action-item payloads, and
running one service change."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from backend.core.models import key
from backend.core.payloads import attempt
from backend.meetings import agenda
from backend.meetings.errors import MeetingErrorCode
from backend.meetings.models import JointMeeting
from backend.meetings.types.decisions import ActionItemType
from backend.meetings.types.meetings import JointMeetingType


@strawberry.type(description="联席会议相关操作的错误")
class MeetingError:
    field: str | None
    code: MeetingErrorCode
    message: str


@strawberry.type
class JointMeetingPayload:
    meeting: JointMeetingType | None = None
    warnings: list[str] = strawberry.field(default_factory=list)
    errors: list[MeetingError] = strawberry.field(default_factory=list)


@strawberry.type
class ActionItemPayload:
    action_item: ActionItemType | None = None
    errors: list[MeetingError] = strawberry.field(default_factory=list)


async def meeting_payload(info: Info, meeting: JointMeeting) -> JointMeetingPayload:
    """The meeting as it now stands, warning when its agenda runs over the meeting's length."""
    items = await agenda.current_items(info.context.db.session, key(meeting))
    warning = agenda.over_time_warning(meeting, items)
    return JointMeetingPayload(
        meeting=JointMeetingType.from_model(meeting), warnings=[warning] if warning else []
    )


async def run_change(info: Info, change: Any) -> JointMeetingPayload | None:
    """Run one service change on a meeting: the refusal as a payload, or None when it held."""
    _, errors = await attempt(info.context.db.session, change, MeetingError)
    return JointMeetingPayload(errors=errors) if errors else None

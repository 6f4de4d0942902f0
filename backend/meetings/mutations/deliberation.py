"""Mutations that run a meeting: starting and closing it, its minutes, and who attended."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from backend.core.ids import load_in_scope
from backend.core.limits import limited
from backend.core.permissions import allow
from backend.meetings import attendance, lifecycle
from backend.meetings.models import AttendanceStatus, JointMeeting
from backend.meetings.mutations.common import JointMeetingPayload, meeting_payload, run_change
from backend.meetings.permissions import RUN_MEETING, SIGN_IN_TO_MEETING
from backend.people.models import Person


@strawberry.input(description="会议状态变更：开始、结束、发布纪要")
class JointMeetingTransitionInput:
    meeting: strawberry.ID
    version: int


@strawberry.input(description="纪要正文（会议概述、更正说明）")
class JointMeetingMinutesUpdateInput:
    meeting: strawberry.ID
    version: int
    minutes_text: str = limited(lifecycle.MINUTES_TEXT_MAX)


@strawberry.input(description="召集人登记出席情况")
class AttendanceRecordInput:
    meeting: strawberry.ID
    person: strawberry.ID
    status: AttendanceStatus
    proxy_name: str | None = limited(
        attendance.PROXY_NAME_MAX, default=None, description="委托出席时的受托人"
    )


@strawberry.input(description="扫描会场二维码自助签到")
class AttendanceSignInInput:
    meeting: strawberry.ID
    code: str = limited(attendance.CODE_MAX)


@strawberry.type
class DeliberationMutations:
    @strawberry.mutation(description="开始会议（生成签到二维码）", extensions=allow(RUN_MEETING))
    async def joint_meeting_start(
        self, info: Info, input: JointMeetingTransitionInput
    ) -> JointMeetingPayload:
        return await _transition(info, input, lifecycle.start_meeting)

    @strawberry.mutation(description="结束会议", extensions=allow(RUN_MEETING))
    async def joint_meeting_close(
        self, info: Info, input: JointMeetingTransitionInput
    ) -> JointMeetingPayload:
        return await _transition(info, input, lifecycle.close_meeting)

    @strawberry.mutation(description="发布会议纪要并通知受邀人", extensions=allow(RUN_MEETING))
    async def joint_meeting_minutes_publish(
        self, info: Info, input: JointMeetingTransitionInput
    ) -> JointMeetingPayload:
        return await _transition(info, input, lifecycle.publish_minutes)

    @strawberry.mutation(description="编辑或更正会议纪要正文", extensions=allow(RUN_MEETING))
    async def joint_meeting_minutes_update(
        self, info: Info, input: JointMeetingMinutesUpdateInput
    ) -> JointMeetingPayload:
        meeting = await load_in_scope(
            info, input.meeting, JointMeeting, "meeting", acting_as=RUN_MEETING
        )
        change = lifecycle.correct_minutes(
            info.context.db.session, info.context.actor, meeting, input.version, input.minutes_text
        )
        refused = await run_change(info, change)
        return refused or await meeting_payload(info, meeting)

    @strawberry.mutation(description="登记出席情况（召集人）", extensions=allow(RUN_MEETING))
    async def attendance_record(
        self, info: Info, input: AttendanceRecordInput
    ) -> JointMeetingPayload:
        meeting = await load_in_scope(
            info, input.meeting, JointMeeting, "meeting", acting_as=RUN_MEETING
        )
        person = await load_in_scope(info, input.person, Person, "person", acting_as=RUN_MEETING)
        session = info.context.db.session
        change = attendance.record_attendance(
            session, info.context.actor, meeting, person, input.status, input.proxy_name
        )
        refused = await run_change(info, change)
        return refused or await meeting_payload(info, meeting)

    @strawberry.mutation(description="受邀人扫码自助签到", extensions=allow(SIGN_IN_TO_MEETING))
    async def attendance_sign_in(
        self, info: Info, input: AttendanceSignInInput
    ) -> JointMeetingPayload:
        meeting = await load_in_scope(info, input.meeting, JointMeeting, "meeting")
        session = info.context.db.session
        change = attendance.self_sign_in(
            session, info.context.actor, meeting, info.context.actor.person_id, input.code
        )
        refused = await run_change(info, change)
        return refused or await meeting_payload(info, meeting)


async def _transition(
    info: Info, input: JointMeetingTransitionInput, change: Any
) -> JointMeetingPayload:
    meeting = await load_in_scope(
        info, input.meeting, JointMeeting, "meeting", acting_as=RUN_MEETING
    )
    refused = await run_change(
        info, change(info.context.db.session, info.context.actor, meeting, input.version)
    )
    return refused or await meeting_payload(info, meeting)

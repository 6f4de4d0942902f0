from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field

from backend.core.models import (
    ArchivableMixin,
    AwareDateTime,
    LabelledEnum,
    TimestampMixin,
    enum_column,
)


class MeetingKind(LabelledEnum):
    REGULAR_MONTHLY = "regular_monthly", "月度例会"
    REGULAR_QUARTERLY = "regular_quarterly", "季度联席会议"
    SPECIAL = "special", "专题会议"
    COMPOUND_DELIBERATION = "compound_deliberation", "小区议事会"
    STREET_JOINT = "street_joint", "街道联席会议"


class MeetingStatus(LabelledEnum):
    DRAFT = "draft", "草稿"
    PUBLISHED = "published", "已发布议程"
    IN_SESSION = "in_session", "会议中"
    CLOSED = "closed", "已结束"
    MINUTES_PUBLISHED = "minutes_published", "纪要已发布"


class AttendanceStatus(LabelledEnum):
    INVITED = "invited", "已邀请"
    PRESENT = "present", "出席"
    ON_LEAVE = "on_leave", "请假"
    ABSENT = "absent", "缺席"
    PROXY = "proxy", "委托"


class AgendaSource(LabelledEnum):
    MANUAL = "manual", "手动添加"
    PROPOSAL = "proposal", "议题建议"
    NEED = "need", "需求"
    PROJECT = "project", "共建项目"
    ACTION_ITEM = "action_item", "督办事项"
    DEFERRED_ITEM = "deferred_item", "前次暂缓议题"
    REGISTRATION = "registration", "新报到单位"
    AGREEMENT = "agreement", "共建协议到期"


class DecisionOutcome(LabelledEnum):
    ADOPTED = "adopted", "通过"
    ADOPTED_WITH_CHANGES = "adopted_with_changes", "修改后通过"
    DEFERRED = "deferred", "暂缓"
    REJECTED = "rejected", "不通过"


class ActionItemStatus(LabelledEnum):
    OPEN = "open", "待办理"
    IN_PROGRESS = "in_progress", "办理中"
    DONE = "done", "已完成"
    VERIFIED = "verified", "已核验"
    BLOCKED = "blocked", "受阻"


class JointMeeting(TimestampMixin, ArchivableMixin, table=True):
    __tablename__ = "joint_meeting"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="time_order"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200, index=True)
    kind: MeetingKind = Field(sa_type=enum_column(MeetingKind, "meeting_kind"))
    # The organisation that convenes: a community committee, or the street for street meetings.
    organisation_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    starts_at: datetime = Field(sa_type=AwareDateTime, index=True)
    ends_at: datetime = Field(sa_type=AwareDateTime)
    venue: str = Field(max_length=200)
    chair_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    status: MeetingStatus = Field(sa_type=enum_column(MeetingStatus, "meeting_status"), index=True)
    minutes_text: str | None = Field(default=None, sa_type=sa.Text)
    # Optimistic concurrency: every save must name the version it edited.
    version: int = 1
    # The code in the meeting's sign-in QR link; set when the meeting starts.
    checkin_code: str | None = Field(default=None, max_length=64)
    started_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    closed_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class MeetingAttendance(TimestampMixin, table=True):
    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="joint_meeting.id", ondelete="CASCADE", index=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT", index=True)
    unit_id: int | None = Field(
        default=None, foreign_key="resident_unit.id", ondelete="RESTRICT", index=True
    )
    status: AttendanceStatus = Field(sa_type=enum_column(AttendanceStatus, "attendance_status"))
    proxy_name: str | None = Field(default=None, max_length=50)
    signed_in_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class AgendaItem(TimestampMixin, table=True):
    __tablename__ = "agenda_item"
    __table_args__ = (
        UniqueConstraint("meeting_id", "position"),
        CheckConstraint("(source = 'manual') = (source_id IS NULL)", name="source_matches"),
        CheckConstraint("minutes_allotted > 0 AND minutes_allotted <= 480", name="minutes"),
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="joint_meeting.id", ondelete="CASCADE", index=True)
    position: int
    title: str = Field(max_length=200)
    description: str | None = Field(default=None, max_length=2000)
    source: AgendaSource = Field(sa_type=enum_column(AgendaSource, "agenda_source"))
    # Where the item came from (a need, project, action item, ...). Sources live in several
    # tables, so this is checked by the meetings service rather than by a foreign key.
    source_id: int | None = None
    presenter_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    minutes_allotted: int = 10
    discussion_notes: str | None = Field(default=None, sa_type=sa.Text)


class Decision(TimestampMixin, table=True):
    __table_args__ = (
        CheckConstraint(
            "votes_for IS NULL OR (votes_for >= 0 AND votes_against >= 0 AND votes_abstain >= 0)",
            name="votes_positive",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(
        foreign_key="agenda_item.id", ondelete="CASCADE", unique=True, index=True
    )
    outcome: DecisionOutcome = Field(sa_type=enum_column(DecisionOutcome, "decision_outcome"))
    text: str = Field(max_length=2000)
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None


class ActionItem(TimestampMixin, ArchivableMixin, table=True):
    __tablename__ = "action_item"
    __table_args__ = (
        CheckConstraint(
            "owner_unit_id IS NOT NULL OR owner_person_id IS NOT NULL", name="has_owner"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    decision_id: int = Field(foreign_key="decision.id", ondelete="RESTRICT", index=True)
    title: str = Field(max_length=200)
    expected_result: str | None = Field(default=None, max_length=500)
    owner_unit_id: int | None = Field(
        default=None, foreign_key="resident_unit.id", ondelete="RESTRICT", index=True
    )
    owner_person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    due_on: date = Field(index=True)
    status: ActionItemStatus = Field(
        sa_type=enum_column(ActionItemStatus, "action_item_status"), index=True
    )
    completed_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    verified_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class ProposalKind(LabelledEnum):
    PROPOSAL = "proposal", "议题建议"
    PUBLIC_OPINION = "public_opinion", "社情民意"


class ProposalOrigin(LabelledEnum):
    COMMITTEE_MEMBER = "committee_member", "兼职委员"
    UNIT_LIAISON = "unit_liaison", "驻区单位联络员"
    GRID_WORKER = "grid_worker", "网格员"
    RESIDENT = "resident", "居民"
    STAFF = "staff", "社区工作人员"


class ProposalStatus(LabelledEnum):
    SUBMITTED = "submitted", "待处理"
    ACCEPTED = "accepted", "已采纳"
    MERGED = "merged", "已合并"
    DECLINED = "declined", "不予采纳"


class Proposal(TimestampMixin, ArchivableMixin, table=True):
    """议题建议 / 社情民意: collected before a meeting, triaged by the convener."""

    __table_args__ = (
        CheckConstraint("(status = 'merged') = (merged_into_id IS NOT NULL)", name="merge_target"),
        CheckConstraint(
            "status <> 'declined' OR decline_reason IS NOT NULL", name="decline_has_reason"
        ),
        CheckConstraint("merged_into_id IS NULL OR merged_into_id <> id", name="not_self_merge"),
    )

    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    kind: ProposalKind = Field(sa_type=enum_column(ProposalKind, "proposal_kind"))
    category: str = Field(max_length=30)
    title: str = Field(max_length=100)
    description: str = Field(max_length=2000)
    origin: ProposalOrigin = Field(sa_type=enum_column(ProposalOrigin, "proposal_origin"))
    # Where it comes from: a place, a building, an event the proposer names.
    source_note: str | None = Field(default=None, max_length=200)
    submitted_by_id: int | None = Field(
        default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True
    )
    unit_id: int | None = Field(
        default=None, foreign_key="resident_unit.id", ondelete="RESTRICT", index=True
    )
    status: ProposalStatus = Field(
        sa_type=enum_column(ProposalStatus, "proposal_status"), index=True
    )
    merged_into_id: int | None = Field(
        default=None, foreign_key="proposal.id", ondelete="RESTRICT", index=True
    )
    decline_reason: str | None = Field(default=None, max_length=500)
    triaged_by_id: int | None = Field(
        default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True
    )
    triaged_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class AgendaVersion(TimestampMixin, table=True):
    """Each published state of an agenda, so invitees can see what changed."""

    __tablename__ = "agenda_version"
    __table_args__ = (UniqueConstraint("meeting_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="joint_meeting.id", ondelete="CASCADE", index=True)
    number: int
    published_at: datetime = Field(sa_type=AwareDateTime)
    published_by_id: int | None = Field(
        default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True
    )
    # [{"position", "title", "presenter", "minutes"}], and what changed since the last version.
    items: list[dict[str, Any]] = Field(sa_type=sa.JSON)
    changes: list[str] = Field(sa_type=sa.JSON)


class ActionProgress(TimestampMixin, table=True):
    """A progress report on an action item by its owner, or the convener's verification."""

    __tablename__ = "action_progress"

    id: int | None = Field(default=None, primary_key=True)
    action_item_id: int = Field(foreign_key="action_item.id", ondelete="CASCADE", index=True)
    author_id: int | None = Field(
        default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True
    )
    status_before: ActionItemStatus = Field(
        sa_type=enum_column(ActionItemStatus, "progress_status_before")
    )
    status_after: ActionItemStatus = Field(
        sa_type=enum_column(ActionItemStatus, "progress_status_after")
    )
    note: str = Field(max_length=2000)

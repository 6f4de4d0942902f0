"""The three lists, needs, resources and projects, plus micro-wishes."""

from __future__ import annotations

from datetime import date, datetime

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


class NeedStatus(LabelledEnum):
    SUBMITTED = "submitted", "待受理"
    ACCEPTED = "accepted", "已受理"
    DISPATCHED = "dispatched", "已派单"
    IN_PROGRESS = "in_progress", "办理中"
    SOLVED = "solved", "已解决"
    CLOSED = "closed", "已办结"
    REJECTED = "rejected", "不予受理"
    MERGED = "merged", "已合并"


class NeedSource(LabelledEnum):
    RESIDENT = "resident", "居民自报"
    GRID_WORKER = "grid_worker", "网格员代报"
    OPINION_COLLECTOR = "opinion_collector", "社情民意收集员"
    STAFF = "staff", "社区工作人员"


class Urgency(LabelledEnum):
    LOW = "low", "一般"
    MEDIUM = "medium", "较急"
    HIGH = "high", "紧急"


class ResourceKind(LabelledEnum):
    VENUE = "venue", "场地"
    FUNDS = "funds", "资金"
    EXPERTISE = "expertise", "专业技能"
    STAFF_HOURS = "staff_hours", "人力"
    GOODS = "goods", "物资"
    SERVICE = "service", "服务"


class ResourceStatus(LabelledEnum):
    AVAILABLE = "available", "可认领"
    EXHAUSTED = "exhausted", "已用完"
    WITHDRAWN = "withdrawn", "已撤回"


class ProjectStatus(LabelledEnum):
    PLANNED = "planned", "计划中"
    IN_PROGRESS = "in_progress", "实施中"
    DONE = "done", "已完成"
    EVALUATED = "evaluated", "已评价"


class MicroWishStatus(LabelledEnum):
    PUBLISHED = "published", "待认领"
    CLAIMED = "claimed", "已认领"
    FULFILLED = "fulfilled", "已实现"
    CONFIRMED = "confirmed", "已确认"
    CANCELLED = "cancelled", "已取消"


class Need(TimestampMixin, ArchivableMixin, table=True):
    __table_args__ = (
        CheckConstraint(
            "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5", name="satisfaction"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=100, index=True)
    description: str = Field(max_length=2000)
    category: str = Field(max_length=30, index=True)
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    grid_id: int | None = Field(
        default=None, foreign_key="grid.id", ondelete="RESTRICT", index=True
    )
    urgency: Urgency = Field(sa_type=enum_column(Urgency, "urgency"))
    status: NeedStatus = Field(sa_type=enum_column(NeedStatus, "need_status"), index=True)
    source: NeedSource = Field(sa_type=enum_column(NeedSource, "need_source"))
    raised_by_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    raised_at: datetime = Field(sa_type=AwareDateTime)
    project_id: int | None = Field(
        default=None, foreign_key="project.id", ondelete="RESTRICT", index=True
    )
    solved_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    satisfaction: int | None = None
    feedback: str | None = Field(default=None, max_length=500)
    # Triage: a duplicate points at the need it repeats; a rejection says why.
    merged_into_id: int | None = Field(
        default=None, foreign_key="need.id", ondelete="RESTRICT", index=True
    )
    reject_reason: str | None = Field(default=None, max_length=500)
    triaged_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    closed_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class Resource(TimestampMixin, ArchivableMixin, table=True):
    __table_args__ = (CheckConstraint("capacity IS NULL OR capacity >= 0", name="capacity"),)

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=100, index=True)
    description: str = Field(max_length=1000)
    kind: ResourceKind = Field(sa_type=enum_column(ResourceKind, "resource_kind"))
    category: str = Field(max_length=30)
    unit_id: int = Field(foreign_key="resident_unit.id", ondelete="RESTRICT", index=True)
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    capacity: int | None = None
    availability: str | None = Field(default=None, max_length=200)
    conditions: str | None = Field(default=None, max_length=500)
    status: ResourceStatus = Field(sa_type=enum_column(ResourceStatus, "resource_status"))
    # The agreement commitment this resource fulfils (共建协议的承诺事项).
    commitment_id: int | None = Field(
        default=None, foreign_key="agreement_commitment.id", ondelete="RESTRICT", index=True
    )


class Project(TimestampMixin, ArchivableMixin, table=True):
    __table_args__ = (
        CheckConstraint("budget_cents >= 0 AND spent_cents >= 0", name="money_positive"),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="term_order"),
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=100, index=True)
    description: str = Field(max_length=2000)
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    lead_unit_id: int | None = Field(
        default=None, foreign_key="resident_unit.id", ondelete="RESTRICT", index=True
    )
    follow_up_officer_id: int | None = Field(
        default=None, foreign_key="committee_membership.id", ondelete="RESTRICT", index=True
    )
    budget_cents: int = 0
    spent_cents: int = 0
    status: ProjectStatus = Field(sa_type=enum_column(ProjectStatus, "project_status"))
    starts_on: date
    ends_on: date | None = None


class ProjectPartner(TimestampMixin, table=True):
    __tablename__ = "project_partner"
    __table_args__ = (UniqueConstraint("project_id", "unit_id"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    unit_id: int = Field(foreign_key="resident_unit.id", ondelete="RESTRICT", index=True)


class ProjectMilestone(TimestampMixin, table=True):
    __tablename__ = "project_milestone"
    __table_args__ = (UniqueConstraint("project_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    position: int
    title: str = Field(max_length=100)
    due_on: date
    done_on: date | None = None


class MicroWish(TimestampMixin, ArchivableMixin, table=True):
    __tablename__ = "micro_wish"
    __table_args__ = (
        CheckConstraint(
            "claimed_by_person_id IS NULL OR claimed_by_unit_id IS NULL", name="one_claimant"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=100, index=True)
    description: str = Field(max_length=500)
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    grid_id: int | None = Field(
        default=None, foreign_key="grid.id", ondelete="RESTRICT", index=True
    )
    beneficiary_id: int = Field(foreign_key="person.id", ondelete="RESTRICT", index=True)
    status: MicroWishStatus = Field(
        sa_type=enum_column(MicroWishStatus, "micro_wish_status"), index=True
    )
    published_at: datetime = Field(sa_type=AwareDateTime)
    claimed_by_person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    claimed_by_unit_id: int | None = Field(
        default=None, foreign_key="resident_unit.id", ondelete="RESTRICT", index=True
    )
    claimed_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    fulfilled_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    fulfilment_note: str | None = Field(default=None, max_length=500)
    confirmed_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class DispatchStatus(LabelledEnum):
    PENDING = "pending", "待接单"
    ACCEPTED = "accepted", "已接单"
    DECLINED = "declined", "已拒单"
    WITHDRAWN = "withdrawn", "已撤回"


class NeedDispatch(TimestampMixin, table=True):
    """社区下单、单位接单: the coordinator sends a need to a unit, whose liaison accepts it or
    declines it with a reason. A need has at most one dispatch waiting for an answer."""

    __tablename__ = "need_dispatch"
    __table_args__ = (
        sa.Index(
            "uq_need_dispatch_one_pending",
            "need_id",
            unique=True,
            sqlite_where=sa.text("status = 'pending'"),
            postgresql_where=sa.text("status = 'pending'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    need_id: int = Field(foreign_key="need.id", ondelete="RESTRICT", index=True)
    unit_id: int = Field(foreign_key="resident_unit.id", ondelete="RESTRICT", index=True)
    # The resource the coordinator had in mind, from the suggestions.
    resource_id: int | None = Field(
        default=None, foreign_key="resource.id", ondelete="RESTRICT", index=True
    )
    # The project the coordinator wants the need to join on acceptance; none: a new one.
    project_id: int | None = Field(
        default=None, foreign_key="project.id", ondelete="RESTRICT", index=True
    )
    status: DispatchStatus = Field(
        sa_type=enum_column(DispatchStatus, "dispatch_status"), index=True
    )
    note: str | None = Field(default=None, max_length=500)
    dispatched_by_id: int | None = Field(
        default=None, foreign_key="app_user.id", ondelete="RESTRICT"
    )
    responded_by_id: int | None = Field(
        default=None, foreign_key="app_user.id", ondelete="RESTRICT"
    )
    responded_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    decline_reason: str | None = Field(default=None, max_length=500)


class ProjectUpdate(TimestampMixin, table=True):
    """A progress report on a project, with photos; spending reported with it adds up."""

    __tablename__ = "project_update"
    __table_args__ = (CheckConstraint("spent_cents >= 0", name="spent_positive"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", ondelete="CASCADE", index=True)
    note: str = Field(max_length=2000)
    spent_cents: int = 0
    author_id: int | None = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT")

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, UniqueConstraint, event
from sqlmodel import Field, SQLModel

from backend.core.models import (
    ArchivableMixin,
    AwareDateTime,
    LabelledEnum,
    TimestampMixin,
    enum_column,
    utcnow,
)


class TeamRole(LabelledEnum):
    LEADER = "leader", "队长"
    MEMBER = "member", "队员"


class VolunteerTeam(TimestampMixin, ArchivableMixin, table=True):
    __tablename__ = "volunteer_team"
    __table_args__ = (
        UniqueConstraint("community_id", "name"),
        CheckConstraint(
            "sponsor_organisation_id IS NOT NULL OR sponsor_unit_id IS NOT NULL",
            name="has_sponsor",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, index=True)
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    leader_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    sponsor_organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete="RESTRICT", index=True
    )
    sponsor_unit_id: int | None = Field(
        default=None, foreign_key="resident_unit.id", ondelete="RESTRICT", index=True
    )
    # Comma-free list of specialties, e.g. "医疗义诊、法律咨询".
    skills: str = Field(default="", max_length=300)
    description: str | None = Field(default=None, max_length=1000)
    founded_on: date


class VolunteerTeamMember(TimestampMixin, ArchivableMixin, table=True):
    __tablename__ = "volunteer_team_member"
    __table_args__ = (UniqueConstraint("team_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="volunteer_team.id", ondelete="RESTRICT", index=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT", index=True)
    role: TeamRole = Field(sa_type=enum_column(TeamRole, "team_role"))
    joined_on: date


class ServiceRecord(TimestampMixin, ArchivableMixin, table=True):
    """Time a volunteer served; earns points."""

    __tablename__ = "service_record"
    __table_args__ = (
        CheckConstraint("ended_at > started_at", name="time_order"),
        CheckConstraint("minutes > 0 AND minutes <= 1440", name="minutes_range"),
        CheckConstraint("points >= 0", name="points_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT", index=True)
    team_id: int | None = Field(
        default=None, foreign_key="volunteer_team.id", ondelete="RESTRICT", index=True
    )
    need_id: int | None = Field(
        default=None, foreign_key="need.id", ondelete="RESTRICT", index=True
    )
    micro_wish_id: int | None = Field(
        default=None, foreign_key="micro_wish.id", ondelete="RESTRICT", index=True
    )
    project_id: int | None = Field(
        default=None, foreign_key="project.id", ondelete="RESTRICT", index=True
    )
    description: str = Field(max_length=500)
    started_at: datetime = Field(sa_type=AwareDateTime)
    ended_at: datetime = Field(sa_type=AwareDateTime)
    minutes: int
    points: int = 0
    activity_id: int | None = Field(
        default=None, foreign_key="volunteer_activity.id", ondelete="RESTRICT", index=True
    )
    # A coordinator's correction keeps the reason; the change itself is in the audit log.
    corrected_reason: str | None = Field(default=None, max_length=200)


class ActivityStatus(LabelledEnum):
    OPEN = "open", "报名中"
    CLOSED = "closed", "已结束"
    CANCELLED = "cancelled", "已取消"


class VolunteerActivity(TimestampMixin, ArchivableMixin, table=True):
    """A volunteer activity: for a need, a micro-wish or a project, or standing alone."""

    __tablename__ = "volunteer_activity"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="time_order"),
        CheckConstraint("slots > 0", name="slots_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=100, index=True)
    description: str | None = Field(default=None, max_length=1000)
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    team_id: int | None = Field(
        default=None, foreign_key="volunteer_team.id", ondelete="RESTRICT", index=True
    )
    need_id: int | None = Field(
        default=None, foreign_key="need.id", ondelete="RESTRICT", index=True
    )
    micro_wish_id: int | None = Field(
        default=None, foreign_key="micro_wish.id", ondelete="RESTRICT", index=True
    )
    project_id: int | None = Field(
        default=None, foreign_key="project.id", ondelete="RESTRICT", index=True
    )
    starts_at: datetime = Field(sa_type=AwareDateTime, index=True)
    ends_at: datetime = Field(sa_type=AwareDateTime)
    place: str = Field(max_length=200)
    slots: int
    required_skills: str = Field(default="", max_length=300)
    status: ActivityStatus = Field(sa_type=enum_column(ActivityStatus, "activity_status"))
    # Printed in the activity's QR code: volunteers check themselves in and out with it.
    checkin_code: str = Field(max_length=32, unique=True)
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT")


class ActivitySignup(TimestampMixin, table=True):
    """A volunteer's place on an activity, then their check-in and check-out."""

    __tablename__ = "activity_signup"
    __table_args__ = (
        UniqueConstraint("activity_id", "person_id"),
        # The place number makes over-subscription impossible even for simultaneous sign-ups:
        # two requests taking the last place collide on this constraint.
        UniqueConstraint("activity_id", "place_number"),
        CheckConstraint("place_number > 0", name="place_positive"),
        CheckConstraint(
            "checked_out_at IS NULL OR (checked_in_at IS NOT NULL AND checked_out_at > checked_in_at)",
            name="check_order",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    activity_id: int = Field(foreign_key="volunteer_activity.id", ondelete="RESTRICT", index=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT", index=True)
    place_number: int
    checked_in_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    checked_out_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    service_record_id: int | None = Field(
        default=None, foreign_key="service_record.id", ondelete="RESTRICT", unique=True
    )


class PointsRule(TimestampMixin, table=True):
    """How many points an hour of service earns in an organisation's subtree; the nearest
    rule above a community applies."""

    __tablename__ = "points_rule"
    __table_args__ = (CheckConstraint("points_per_hour >= 0", name="points_per_hour_positive"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(
        foreign_key="organisation.id", ondelete="RESTRICT", unique=True, index=True
    )
    points_per_hour: int


class PartnerMerchant(TimestampMixin, ArchivableMixin, table=True):
    """A shop that takes volunteer points (积分兑换)."""

    __tablename__ = "partner_merchant"
    __table_args__ = (UniqueConstraint("community_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    unit_id: int | None = Field(
        default=None, foreign_key="resident_unit.id", ondelete="RESTRICT", index=True
    )
    address: str | None = Field(default=None, max_length=200)
    offer: str | None = Field(default=None, max_length=200)


class PointsEntryKind(LabelledEnum):
    EARNED = "earned", "服务获得"
    REDEEMED = "redeemed", "兑换"
    REVERSAL = "reversal", "冲正"


class PointsEntry(SQLModel, table=True):
    """One line of a volunteer's points ledger. Append-only: a mistake is put right by a
    reversal, never by an edit. Each person's entries are numbered; `balance` is the running
    total after the entry, and can never go below zero. Two writers that read the same last
    entry collide on (person_id, sequence), so a balance is never spent twice."""

    __tablename__ = "points_entry"
    __table_args__ = (
        UniqueConstraint("person_id", "sequence"),
        CheckConstraint("balance >= 0", name="balance_not_negative"),
        CheckConstraint("sequence > 0", name="sequence_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT", index=True)
    sequence: int
    kind: PointsEntryKind = Field(sa_type=enum_column(PointsEntryKind, "points_entry_kind"))
    points: int
    balance: int
    service_record_id: int | None = Field(
        default=None, foreign_key="service_record.id", ondelete="RESTRICT", index=True
    )
    merchant_id: int | None = Field(
        default=None, foreign_key="partner_merchant.id", ondelete="RESTRICT", index=True
    )
    reverses_id: int | None = Field(
        default=None, foreign_key="points_entry.id", ondelete="RESTRICT", unique=True
    )
    # Room for the longest note the ledger builds: 志愿服务（更正后）： and a 500-character
    # service description (see points.NOTE_LIMIT).
    note: str = Field(max_length=520)
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT")
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime, nullable=False)


def _refuse_ledger_change(*_args: Any) -> None:
    raise PermissionError("The points ledger is append-only: add a reversal instead.")


event.listen(PointsEntry, "before_update", _refuse_ledger_change)
event.listen(PointsEntry, "before_delete", _refuse_ledger_change)

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field

from backend.core.models import (
    ArchivableMixin,
    AwareDateTime,
    LabelledEnum,
    TimestampMixin,
    enum_column,
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

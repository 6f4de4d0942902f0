from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field

from backend.core.models import LabelledEnum, TimestampMixin, enum_column


class EvaluationSubject(LabelledEnum):
    UNIT = "unit", "驻区单位"
    MEMBER = "member", "兼职委员"


class EvaluationGrade(LabelledEnum):
    EXCELLENT = "excellent", "优秀"
    GOOD = "good", "良好"
    PASS = "pass", "合格"
    FAIL = "fail", "不合格"


class Evaluation(TimestampMixin, table=True):
    """Periodic scoring of a unit or a member, each score explainable from the record."""

    __table_args__ = (
        UniqueConstraint("subject", "unit_id", "membership_id", "period_start"),
        CheckConstraint("period_end >= period_start", name="period_order"),
        CheckConstraint(
            "(subject = 'unit' AND unit_id IS NOT NULL AND membership_id IS NULL)"
            " OR (subject = 'member' AND membership_id IS NOT NULL AND unit_id IS NULL)",
            name="subject_matches",
        ),
        CheckConstraint(
            "attendance_score BETWEEN 0 AND 100 AND commitment_score BETWEEN 0 AND 100"
            " AND action_score BETWEEN 0 AND 100 AND need_score BETWEEN 0 AND 100"
            " AND total_score BETWEEN 0 AND 100",
            name="scores_range",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    subject: EvaluationSubject = Field(sa_type=enum_column(EvaluationSubject, "evaluation_subject"))
    unit_id: int | None = Field(
        default=None, foreign_key="resident_unit.id", ondelete="RESTRICT", index=True
    )
    membership_id: int | None = Field(
        default=None, foreign_key="committee_membership.id", ondelete="RESTRICT", index=True
    )
    period_label: str = Field(max_length=20)
    period_start: date
    period_end: date
    attendance_score: int
    commitment_score: int
    action_score: int
    need_score: int
    total_score: int
    grade: EvaluationGrade = Field(sa_type=enum_column(EvaluationGrade, "evaluation_grade"))
    notes: str | None = Field(default=None, max_length=1000)

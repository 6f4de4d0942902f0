from __future__ import annotations

from datetime import date, datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.core.enums import labelled_enum
from backend.core.types import ModelNode
from backend.evaluations.loaders import EvaluationByIdLoader
from backend.evaluations.models import EvaluationGrade, EvaluationSubject
from backend.organisations.refs import OrganisationRef, load_community
from backend.people.refs import MembershipRef, load_membership
from backend.units.refs import ResidentUnitRef, load_unit

EvaluationSubjectEnum = labelled_enum(EvaluationSubject, name="EvaluationSubject")
EvaluationGradeEnum = labelled_enum(EvaluationGrade, name="EvaluationGrade")


@strawberry.type(name="Evaluation", description="考核评议：按期对驻区单位或兼职委员逐项评分")
class EvaluationType(ModelNode):
    by_id_loader = EvaluationByIdLoader

    id: relay.NodeID[int]
    subject: EvaluationSubject
    period_label: str = strawberry.field(description="考核期，如 2024年第一季度")
    period_start: date
    period_end: date
    attendance_score: int = strawberry.field(description="参会得分（0–100）")
    commitment_score: int = strawberry.field(description="履行承诺得分（0–100）")
    action_score: int = strawberry.field(description="督办事项落实得分（0–100）")
    need_score: int = strawberry.field(description="解决需求得分（0–100）")
    total_score: int = strawberry.field(description="总分（0–100）")
    grade: EvaluationGrade
    notes: str | None
    created_at: datetime
    updated_at: datetime
    community_id: strawberry.Private[int]
    unit_id: strawberry.Private[int | None]
    membership_id: strawberry.Private[int | None]

    @strawberry.field(description="考核对象类型的中文名")
    def subject_label(self) -> str:
        return self.subject.label

    @strawberry.field(description="等次的中文名")
    def grade_label(self) -> str:
        return self.grade.label

    @strawberry.field(description="考核社区")
    async def community(self, info: Info) -> OrganisationRef:
        return await load_community(info, self.community_id)

    @strawberry.field(description="被考核的驻区单位")
    async def unit(self, info: Info) -> ResidentUnitRef | None:
        return await load_unit(info, self.unit_id)

    @strawberry.field(description="被考核的兼职委员")
    async def membership(self, info: Info) -> MembershipRef | None:
        return await load_membership(info, self.membership_id)

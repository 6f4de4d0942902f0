"""Factories of joint meetings, their agendas, decisions and action items, proposals and
evaluations."""

from __future__ import annotations

import datetime as dt

import factory

from backend.evaluations.models import Evaluation, EvaluationGrade, EvaluationSubject
from backend.factories.base import (
    BaseFactory,
)
from backend.factories.organisations import (
    CommunityFactory,
    ResidentUnitFactory,
)
from backend.meetings.models import (
    ActionItem,
    ActionItemStatus,
    AgendaItem,
    AgendaSource,
    AttendanceStatus,
    Decision,
    DecisionOutcome,
    JointMeeting,
    MeetingAttendance,
    MeetingKind,
    MeetingStatus,
    Proposal,
    ProposalKind,
    ProposalOrigin,
    ProposalStatus,
)

# --- meetings ------------------------------------------------------------------------------


class MeetingFactory(BaseFactory[JointMeeting]):
    class Meta:
        model = JointMeeting

    class Params:
        community = factory.SubFactory(CommunityFactory)

    organisation_id = factory.SelfAttribute("community.id")
    title = "2026年第一季度大党委联席会议"
    kind = MeetingKind.REGULAR_QUARTERLY
    starts_at = dt.datetime(2026, 3, 25, 1, 30, tzinfo=dt.UTC)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    venue = "社区党群服务中心二楼会议室"
    status = MeetingStatus.MINUTES_PUBLISHED


class AttendanceFactory(BaseFactory[MeetingAttendance]):
    class Meta:
        model = MeetingAttendance

    meeting_id: int
    person_id: int
    status = AttendanceStatus.PRESENT


class AgendaItemFactory(BaseFactory[AgendaItem]):
    class Meta:
        model = AgendaItem

    class Params:
        meeting = factory.SubFactory(MeetingFactory)

    meeting_id = factory.SelfAttribute("meeting.id")
    position = factory.Sequence(lambda n: n + 1)
    title = "研究老旧小区路灯改造方案"
    source = AgendaSource.MANUAL
    source_id = None
    minutes_allotted = 20


class DecisionFactory(BaseFactory[Decision]):
    class Meta:
        model = Decision

    class Params:
        agenda_item = factory.SubFactory(AgendaItemFactory)

    agenda_item_id = factory.SelfAttribute("agenda_item.id")
    outcome = DecisionOutcome.ADOPTED
    text = "同意实施，由牵头单位负责落实。"


class ActionItemFactory(BaseFactory[ActionItem]):
    class Meta:
        model = ActionItem

    class Params:
        decision = factory.SubFactory(DecisionFactory)
        owner_unit = factory.SubFactory(ResidentUnitFactory)

    decision_id = factory.SelfAttribute("decision.id")
    owner_unit_id = factory.SelfAttribute("owner_unit.id")
    title = "完成路灯改造施工"
    expected_result = "小区主干道路灯全部亮起"
    due_on = dt.date(2026, 6, 30)
    status = ActionItemStatus.OPEN


class EvaluationFactory(BaseFactory[Evaluation]):
    class Meta:
        model = Evaluation

    class Params:
        unit = factory.SubFactory(ResidentUnitFactory)

    community_id = factory.SelfAttribute("unit.community_id")
    subject = EvaluationSubject.UNIT
    unit_id = factory.SelfAttribute("unit.id")
    membership_id = None
    period_label = "2026年度"
    period_start = dt.date(2026, 1, 1)
    period_end = dt.date(2026, 12, 31)
    attendance_score = 90
    commitment_score = 85
    action_score = 80
    need_score = 88
    total_score = 86
    grade = EvaluationGrade.GOOD


class ProposalFactory(BaseFactory[Proposal]):
    class Meta:
        model = Proposal

    class Params:
        community = factory.SubFactory(CommunityFactory)

    community_id = factory.SelfAttribute("community.id")
    kind = ProposalKind.PROPOSAL
    origin = ProposalOrigin.COMMITTEE_MEMBER
    category = "环境整治"
    title = "建议在小区增设休闲座椅"
    description = "小区老人多，广场缺少座椅，建议增设。"
    status = ProposalStatus.SUBMITTED

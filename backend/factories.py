"""factory-boy factories for every table; the tests and the demo-data generator share them.

Personal data is fake but well formed: mobile numbers from Faker's zh_CN provider (11 digits,
real prefixes), 18-digit ID numbers from Dabu county (441422) with a valid check digit, and
addresses in Huliao town.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar, cast

import factory
from factory.alchemy import SQLAlchemyModelFactory
from faker import Faker
from sqlalchemy.orm import scoped_session, sessionmaker
from sqlmodel import Session

from backend.accounts.models import ApiToken, LoginSession, RoleGrant, User
from backend.accounts.passwords import hash_password
from backend.accounts.tokens import secret_hash
from backend.cobuilding.models import (
    MicroWish,
    MicroWishStatus,
    Need,
    NeedSource,
    NeedStatus,
    Project,
    ProjectMilestone,
    ProjectPartner,
    ProjectStatus,
    Resource,
    ResourceKind,
    ResourceStatus,
    Urgency,
)
from backend.core.models import key
from backend.core.principal import Role
from backend.evaluations.models import Evaluation, EvaluationGrade, EvaluationSubject
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
from backend.notifications.models import Notification
from backend.organisations.models import Grid, Organisation, OrganisationKind
from backend.organisations.services import child_path
from backend.people.models import (
    CommitteeMembership,
    CommitteeMembershipRole,
    CommitteeRole,
    Gender,
    Person,
)
from backend.units.models import (
    AgreementCommitment,
    AgreementStatus,
    CoBuildingAgreement,
    Registration,
    RegistrationKind,
    RegistrationStatus,
    ResidentUnit,
    ResidentUnitKind,
    UnitStaff,
)
from backend.volunteering.models import (
    ActivityStatus,
    ServiceRecord,
    TeamRole,
    VolunteerActivity,
    VolunteerTeam,
    VolunteerTeamMember,
)

# Bound to an engine by the tests (per database) and by the seed command.
session: scoped_session[Session] = scoped_session(sessionmaker(class_=Session))

ModelT = TypeVar("ModelT")

HULIAO = "广东省梅州市大埔县湖寮镇"
DABU_AREA_CODE = "441422"
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# Shares Faker's random generator, so factory.random.reseed_random() makes it repeatable.
fake = Faker("zh_CN")


def id_check_digit(first17: str) -> str:
    """GB 11643-1999 check digit of a resident ID number."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def make_id_number(birth_date: dt.date, sequence: int, gender: Gender) -> str:
    # The 17th digit is odd for men and even for women.
    parity = 1 if gender is Gender.MALE else 0
    serial = f"{sequence % 100:02d}{(sequence % 5) * 2 + parity}"
    first17 = f"{DABU_AREA_CODE}{birth_date:%Y%m%d}{serial}"
    return first17 + id_check_digit(first17)


def huliao_address() -> str:
    return f"{HULIAO}{fake.street_name()}{fake.random_int(1, 199)}号"


def zh(provider: str, **kwargs: Any) -> factory.Faker:
    return factory.Faker(provider, locale="zh_CN", **kwargs)


def persist(factory_class: Any) -> None:
    """Save what a factory hook added, as the factory's own persistence setting says."""
    if factory_class._meta.sqlalchemy_session_persistence == "commit":
        session.commit()
    else:
        session.flush()


class BaseFactory(SQLAlchemyModelFactory, Generic[ModelT]):
    """A factory whose `create` is typed with the model it makes, for type-checked tests.

    factory_boy's own `Factory()` call and `create` are untyped, so tests call
    `XFactory.create(...)` and get the model back.
    """

    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: session  # noqa: E731
        sqlalchemy_session_persistence = "commit"

    @classmethod
    def create(cls, **kwargs: Any) -> ModelT:
        return cast(ModelT, super().create(**kwargs))

    @classmethod
    def create_batch(cls, size: int, **kwargs: Any) -> list[ModelT]:
        return cast(list[ModelT], super().create_batch(size, **kwargs))


# --- organisations -----------------------------------------------------------------------


class OrganisationFactory(BaseFactory[Organisation]):
    class Meta:
        model = Organisation

    # Declarations, so that subclasses may give plain values or other declarations.
    name: Any = factory.Sequence(lambda n: f"第{n + 1}社区党委")
    kind = OrganisationKind.COMMUNITY_COMMITTEE
    parent_id: Any = None
    secretary_name = zh("name")
    address = factory.LazyFunction(lambda: HULIAO)

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Organisation:
        organisation: Organisation = super()._create(model_class, *args, **kwargs)
        parent = (
            session.get(Organisation, organisation.parent_id) if organisation.parent_id else None
        )
        assert organisation.id is not None
        organisation.path = child_path(parent, organisation.id)
        persist(cls)
        return organisation


class StreetFactory(OrganisationFactory):
    name = "湖寮镇党委"
    kind = OrganisationKind.STREET_COMMITTEE


class CommunityFactory(OrganisationFactory):
    class Params:
        street = factory.SubFactory(StreetFactory)

    kind = OrganisationKind.COMMUNITY_COMMITTEE
    parent_id = factory.SelfAttribute("street.id")


class PersonFactory(BaseFactory[Person]):
    class Meta:
        model = Person

    gender = factory.LazyFunction(lambda: fake.random_element([Gender.MALE, Gender.FEMALE]))
    name = factory.LazyAttribute(
        lambda o: fake.name_male() if o.gender is Gender.MALE else fake.name_female()
    )
    mobile = zh("phone_number")
    birth_date = zh("date_of_birth", minimum_age=20, maximum_age=80)
    id_number = factory.LazyAttributeSequence(
        lambda o, n: make_id_number(o.birth_date, n, o.gender)
    )
    address = factory.LazyFunction(lambda: huliao_address())
    is_party_member = False
    community_id = None


class GridFactory(BaseFactory[Grid]):
    class Meta:
        model = Grid

    class Params:
        community = factory.SubFactory(CommunityFactory)

    community_id = factory.SelfAttribute("community.id")
    name = factory.Sequence(lambda n: f"第{n + 1}网格")
    households = factory.Faker("random_int", min=150, max=300)


# --- units ---------------------------------------------------------------------------------


class ResidentUnitFactory(BaseFactory[ResidentUnit]):
    class Meta:
        model = ResidentUnit

    class Params:
        community = factory.SubFactory(CommunityFactory)

    community_id = factory.SelfAttribute("community.id")
    name = factory.Sequence(lambda n: f"大埔县第{n + 1}驻区单位")
    kind = ResidentUnitKind.AGENCY
    address = factory.LazyAttribute(lambda o: f"{HULIAO}{o.name}")
    party_organisation_name = factory.LazyAttribute(lambda o: f"{o.name}党支部")
    party_member_count = factory.Faker("random_int", min=3, max=60)


class UnitStaffFactory(BaseFactory[UnitStaff]):
    class Meta:
        model = UnitStaff

    class Params:
        unit = factory.SubFactory(ResidentUnitFactory)
        person = factory.SubFactory(PersonFactory)

    unit_id = factory.SelfAttribute("unit.id")
    person_id = factory.SelfAttribute("person.id")
    position = "工作人员"


class AgreementFactory(BaseFactory[CoBuildingAgreement]):
    class Meta:
        model = CoBuildingAgreement

    class Params:
        unit = factory.SubFactory(ResidentUnitFactory)

    unit_id = factory.SelfAttribute("unit.id")
    community_id = factory.SelfAttribute("unit.community_id")
    title = factory.LazyAttribute(lambda o: f"{o.unit.name}共驻共建协议")
    signed_on = dt.date(2026, 1, 10)
    starts_on = dt.date(2026, 1, 10)
    ends_on = dt.date(2027, 1, 9)
    status = AgreementStatus.ACTIVE


class CommitmentFactory(BaseFactory[AgreementCommitment]):
    class Meta:
        model = AgreementCommitment

    class Params:
        agreement = factory.SubFactory(AgreementFactory)

    agreement_id = factory.SelfAttribute("agreement.id")
    position = factory.Sequence(lambda n: n + 1)
    category = "志愿服务"
    description = "每季度组织党员志愿者到社区开展服务不少于一次"
    quantity = 4
    unit_of_measure = "次"


class RegistrationFactory(BaseFactory[Registration]):
    class Meta:
        model = Registration

    class Params:
        unit = factory.SubFactory(ResidentUnitFactory)

    kind = RegistrationKind.UNIT
    unit_id = factory.SelfAttribute("unit.id")
    community_id = factory.SelfAttribute("unit.community_id")
    person_id = None
    registered_on = dt.date(2026, 1, 15)
    status = RegistrationStatus.CONFIRMED


# --- people --------------------------------------------------------------------------------


class MembershipFactory(BaseFactory[CommitteeMembership]):
    class Meta:
        model = CommitteeMembership

    class Params:
        unit = factory.SubFactory(ResidentUnitFactory)
        person = factory.SubFactory(PersonFactory, is_party_member=True)
        roles: tuple[CommitteeRole, ...] = (CommitteeRole.POLICY_PUBLICIST,)

    person_id = factory.SelfAttribute("person.id")
    unit_id = factory.SelfAttribute("unit.id")
    community_id = factory.SelfAttribute("unit.community_id")
    term_start = dt.date(2024, 1, 1)
    term_end = dt.date(2028, 12, 31)
    title = "兼职委员"

    @factory.post_generation
    def with_roles(obj: CommitteeMembership, create: bool, extracted: Any, **kwargs: Any) -> None:
        roles = extracted if extracted is not None else (CommitteeRole.POLICY_PUBLICIST,)
        for role in roles:
            session.add(CommitteeMembershipRole(membership_id=key(obj), role=role))
        persist(MembershipFactory)


# --- volunteering --------------------------------------------------------------------------


class VolunteerTeamFactory(BaseFactory[VolunteerTeam]):
    class Meta:
        model = VolunteerTeam

    class Params:
        community = factory.SubFactory(CommunityFactory)

    community_id = factory.SelfAttribute("community.id")
    sponsor_organisation_id = factory.SelfAttribute("community.id")
    name = factory.Sequence(lambda n: f"红色先锋志愿服务队{n + 1}")
    skills = "政策宣传、环境整治"
    founded_on = dt.date(2025, 3, 5)


class TeamMemberFactory(BaseFactory[VolunteerTeamMember]):
    class Meta:
        model = VolunteerTeamMember

    class Params:
        team = factory.SubFactory(VolunteerTeamFactory)
        person = factory.SubFactory(PersonFactory)

    team_id = factory.SelfAttribute("team.id")
    person_id = factory.SelfAttribute("person.id")
    role = TeamRole.MEMBER
    joined_on = dt.date(2025, 3, 5)


class ServiceRecordFactory(BaseFactory[ServiceRecord]):
    class Meta:
        model = ServiceRecord

    class Params:
        person = factory.SubFactory(PersonFactory)
        team = factory.SubFactory(VolunteerTeamFactory)

    person_id = factory.SelfAttribute("person.id")
    team_id = factory.SelfAttribute("team.id")
    description = "社区环境卫生清理"
    started_at = dt.datetime(2026, 5, 1, 8, 30, tzinfo=dt.UTC)
    ended_at = factory.LazyAttribute(lambda o: o.started_at + dt.timedelta(minutes=o.minutes))
    minutes = 120
    points = factory.LazyAttribute(lambda o: o.minutes // 60 * 10)


class VolunteerActivityFactory(BaseFactory[VolunteerActivity]):
    """An activity that began an hour ago and runs two more hours: open for check-in."""

    class Meta:
        model = VolunteerActivity

    class Params:
        community = factory.SubFactory(CommunityFactory)

    community_id = factory.SelfAttribute("community.id")
    title = "龙山小区环境卫生清理"
    place = "龙山小区广场"
    starts_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=3))
    slots = 10
    status = ActivityStatus.OPEN
    checkin_code = factory.Sequence(lambda n: f"code-{n:06d}")


# --- needs, resources, projects, micro-wishes -----------------------------------------------


class NeedFactory(BaseFactory[Need]):
    class Meta:
        model = Need

    class Params:
        community = factory.SubFactory(CommunityFactory)

    community_id = factory.SelfAttribute("community.id")
    title = "楼道照明损坏"
    description = "3 号楼楼道灯坏了一个多月，老人晚上上下楼不方便。"
    category = "基础设施"
    urgency = Urgency.MEDIUM
    status = NeedStatus.SUBMITTED
    source = NeedSource.GRID_WORKER
    raised_at = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


class ResourceFactory(BaseFactory[Resource]):
    class Meta:
        model = Resource

    class Params:
        unit = factory.SubFactory(ResidentUnitFactory)

    unit_id = factory.SelfAttribute("unit.id")
    community_id = factory.SelfAttribute("unit.community_id")
    title = "会议室开放共享"
    description = "工作日晚上和周末可供社区开展活动使用，可容纳 40 人。"
    kind = ResourceKind.VENUE
    category = "场地设施"
    capacity = 40
    status = ResourceStatus.AVAILABLE


class ProjectFactory(BaseFactory[Project]):
    class Meta:
        model = Project

    class Params:
        community = factory.SubFactory(CommunityFactory)

    community_id = factory.SelfAttribute("community.id")
    title = "老旧小区路灯改造"
    description = "更换老旧小区路灯，解决夜间照明问题。"
    budget_cents = 5_000_000
    spent_cents = 1_200_000
    status = ProjectStatus.IN_PROGRESS
    starts_on = dt.date(2026, 4, 1)


class MilestoneFactory(BaseFactory[ProjectMilestone]):
    class Meta:
        model = ProjectMilestone

    class Params:
        project = factory.SubFactory(ProjectFactory)

    project_id = factory.SelfAttribute("project.id")
    position = factory.Sequence(lambda n: n + 1)
    title = "完成现场勘察"
    due_on = dt.date(2026, 5, 1)


class ProjectPartnerFactory(BaseFactory[ProjectPartner]):
    class Meta:
        model = ProjectPartner

    project_id: int
    unit_id: int


class MicroWishFactory(BaseFactory[MicroWish]):
    class Meta:
        model = MicroWish

    class Params:
        community = factory.SubFactory(CommunityFactory)
        beneficiary = factory.SubFactory(
            PersonFactory, community_id=factory.SelfAttribute("..community.id")
        )

    community_id = factory.SelfAttribute("community.id")
    beneficiary_id = factory.SelfAttribute("beneficiary.id")
    title = "想要一台收音机"
    description = "独居老人，希望有台收音机听新闻和粤剧。"
    status = MicroWishStatus.PUBLISHED
    published_at = dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.UTC)


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


def _all_factories() -> list[Any]:
    return [
        value
        for value in globals().values()
        if isinstance(value, type) and issubclass(value, BaseFactory) and value is not BaseFactory
    ]


def reset_sequences() -> None:
    """Restart every factory's sequence, so that a generated data set can be reproduced."""
    for factory_class in _all_factories():
        factory_class.reset_sequence(force=True)


@contextmanager
def bulk_mode() -> Iterator[None]:
    """Flush instead of committing after each object; the caller commits once at the end."""
    previous = {f: f._meta.sqlalchemy_session_persistence for f in _all_factories()}
    for factory_class in previous:
        factory_class._meta.sqlalchemy_session_persistence = "flush"
    try:
        yield
    finally:
        for factory_class, persistence in previous.items():
            factory_class._meta.sqlalchemy_session_persistence = persistence


# --- accounts ------------------------------------------------------------------------------

DEFAULT_PASSWORD = "Gongjian#2026"
_DEFAULT_PASSWORD_HASH = hash_password(DEFAULT_PASSWORD)


class UserFactory(BaseFactory[User]):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n + 1}")
    display_name = zh("name")
    password_hash = _DEFAULT_PASSWORD_HASH


class RoleGrantFactory(BaseFactory[RoleGrant]):
    class Meta:
        model = RoleGrant

    class Params:
        user = factory.SubFactory(UserFactory)

    user_id = factory.SelfAttribute("user.id")
    role = Role.STREET_ADMIN
    organisation_id: int
    unit_id = None


class LoginSessionFactory(BaseFactory[LoginSession]):
    """A signed-in browser whose cookie is `secret` and whose CSRF token is `csrf_token`."""

    class Meta:
        model = LoginSession
        exclude = ("secret",)

    secret = factory.Sequence(lambda n: f"session-secret-{n}")
    user_id: int
    secret_hash = factory.LazyAttribute(lambda o: secret_hash(o.secret))
    csrf_token = factory.Sequence(lambda n: f"csrf-{n}")
    expires_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    # Seen "just now" for the whole test, so that no request touches it (statement counts).
    last_seen_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))


def raw_token(token: ApiToken) -> str:
    """The full token an external system sends for a token made by ApiTokenFactory."""
    return f"gjt_{token.prefix}_secret-for-{token.prefix}"


class ApiTokenFactory(BaseFactory[ApiToken]):
    """An API token; `raw_token(token)` is what its holder sends."""

    class Meta:
        model = ApiToken

    name = factory.Sequence(lambda n: f"区级平台{n + 1}")
    prefix = factory.Sequence(lambda n: f"p{n:06d}")
    scopes = "read:units"
    organisation_id: int
    secret_hash = factory.LazyAttribute(lambda o: secret_hash(f"secret-for-{o.prefix}"))
    expires_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC) + dt.timedelta(days=30))


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


class NotificationFactory(BaseFactory[Notification]):
    class Meta:
        model = Notification

    class Params:
        person = factory.SubFactory(PersonFactory)

    person_id = factory.SelfAttribute("person.id")
    kind = "meeting.agenda"
    title = "城西社区联席会议：议程已发布"
    body = "首次发布议程。"
    link = "/meetings/1"

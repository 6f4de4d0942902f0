"""Factories of volunteering and co-building: teams, service, activities, needs, resources,
projects and micro-wishes."""

from __future__ import annotations

import datetime as dt

import factory

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
from backend.factories.base import (
    BaseFactory,
)
from backend.factories.organisations import (
    CommunityFactory,
    PersonFactory,
    ResidentUnitFactory,
)
from backend.volunteering.models import (
    ActivityStatus,
    ServiceRecord,
    TeamRole,
    VolunteerActivity,
    VolunteerTeam,
    VolunteerTeamMember,
)

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
    category = "文体活动"
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

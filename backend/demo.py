"""The demo street: Huliao town's four pilot communities (seed 002), built deterministically
with the same factory-boy factories the tests use.

A street committee over 城东, 城西, 城北 and 福坪 communities; grids of 150–300 households with
their branches, leaders and workers; 46 resident units with co-building agreements, liaisons,
registrations and (for most) a part-time committee member; a dozen volunteer teams with a year
of service records; needs, resources, projects and micro-wishes; four quarterly joint meetings
per community with minutes, decisions and action items, some still open; last year's
evaluations.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from backend.accounts.passwords import hash_password
from backend.cobuilding.categories import category_for_resource
from backend.cobuilding.models import (
    MicroWishStatus,
    NeedSource,
    NeedStatus,
    ProjectStatus,
    ResourceKind,
    Urgency,
)
from backend.core.models import key
from backend.core.principal import Role
from backend.demo_data import (
    ACTION_TITLES,
    AGENDA_TOPICS,
    COMMITMENTS,
    COMMUNITIES,
    DECISION_TEXTS,
    DEMO_COMMUNITY,
    DEMO_PASSWORD,
    DEMO_TODAY,
    DEMO_UNIT,
    DEMO_USERS,
    MERCHANTS,
    MILESTONES,
    NEED_STATUS_BY_AGE,
    NEEDS,
    PROJECTS,
    QUARTERS,
    RESOURCE_DESCRIPTIONS,
    RESOURCE_TITLES,
    TEAM_NAMES,
    TEAM_SKILLS,
    UNITS,
    WISHES,
)
from backend.evaluations.models import EvaluationGrade, EvaluationSubject
from backend.meetings.models import ActionItemStatus, AttendanceStatus, DecisionOutcome
from backend.organisations.models import Organisation, OrganisationKind
from backend.people.models import CommitteeMembership, CommitteeRole
from backend.units.models import RegistrationKind, ResidentUnit, ResidentUnitKind
from backend.volunteering.models import TeamRole

DEMO_PASSWORD_HASH = hash_password(DEMO_PASSWORD)


def build_demo_street() -> None:
    """Build the whole demo data set through the factories (bound by the caller)."""
    from factory.random import randgen

    from backend import factories as f

    builder = _Builder(f, randgen)
    builder.build()


class _Builder:
    def __init__(self, f: Any, rng: Any) -> None:
        self.f = f
        self.rng = rng
        # Data added after the first release draws from its own generator, so that what the
        # shared one produces (and tests rely on) stays the same.
        self.workflow_rng = random.Random(2026)

    # -- structure ------------------------------------------------------------------------

    def build(self) -> None:
        f = self.f
        street = f.StreetFactory.create(name="湖寮镇党委", code="HL", secretary_name=f.fake.name())
        f.OrganisationFactory.create(
            name="湖寮镇社会工作服务站",
            kind=OrganisationKind.SOCIAL_ORGANISATION,
            parent_id=street.id,
        )
        unit_names = iter(UNITS)
        team_names = iter(zip(TEAM_NAMES, TEAM_SKILLS, strict=True))
        for index, name in enumerate(COMMUNITIES):
            community = f.CommunityFactory.create(
                name=name,
                street=street,
                code=f"HL{index + 1:02d}",
                address=f"{f.HULIAO}{name.removesuffix('社区党委')}社区党群服务中心",
                phone=f"0753-55{index + 1}{self.rng.randint(1000, 9999)}",
            )
            unit_count = 12 if index < 2 else 11
            self.build_community(
                community,
                [next(unit_names) for _ in range(unit_count)],
                [next(team_names) for _ in range(3)],
            )
        self.build_demo_users(street)
        self.build_ledgers()

    def build_community(
        self, community: Any, units: list[tuple[str, str]], teams: list[tuple[str, str]]
    ) -> None:
        residents = [self.person(community) for _ in range(36)]
        grids = self.build_grids(community, residents)
        unit_rows = [self.build_unit(community, grids, name, kind) for name, kind in units]
        memberships = [m for m in (self.build_membership(community, u) for u in unit_rows) if m]
        team_rows = [self.build_team(community, unit_rows, residents, *team) for team in teams]
        projects = self.build_projects(community, unit_rows, memberships)
        self.build_needs(community, grids, residents, projects)
        for unit in unit_rows:
            self.build_resource(unit)
        self.build_wishes(community, grids, residents, unit_rows)
        self.build_service(team_rows, projects)
        self.build_meetings(community, unit_rows, memberships)
        self.build_evaluations(community, unit_rows, memberships)
        self.build_dispatches(community, unit_rows)
        self.build_activities(community, team_rows, projects)
        self.build_merchants(community, unit_rows)

    def person(self, community: Any | None, **kwargs: Any) -> Any:
        return self.f.PersonFactory.create(
            community_id=community.id if community is not None else None, **kwargs
        )

    def build_grids(self, community: Any, residents: list[Any]) -> list[Any]:
        f = self.f
        grids = []
        for number in range(1, self.rng.randint(4, 6) + 1):
            branch = f.OrganisationFactory.create(
                name=f"{community.name.removesuffix('社区党委')}第{number}网格党支部",
                kind=OrganisationKind.GRID_BRANCH,
                parent_id=community.id,
            )
            grids.append(
                f.GridFactory.create(
                    community=community,
                    name=f"第{number}网格",
                    branch_id=branch.id,
                    households=self.rng.randint(150, 300),
                    leader_id=self.rng.choice(residents).id,
                    worker_id=self.person(community, is_party_member=True).id,
                )
            )
        return grids

    # -- units ----------------------------------------------------------------------------

    def build_unit(self, community: Any, grids: list[Any], name: str, kind: str) -> Any:
        f = self.f
        liaison = self.person(None, is_party_member=True)
        unit = f.ResidentUnitFactory.create(
            community=community,
            name=name,
            kind=ResidentUnitKind(kind),
            grid_id=self.rng.choice(grids).id,
            address=f"{f.HULIAO}{f.fake.street_name()}{self.rng.randint(1, 120)}号",
            phone=f"0753-55{self.rng.randint(10000, 99999)}",
            liaison_id=liaison.id,
            party_organisation_name=_party_organisation_name(name, kind),
            party_member_count=self.rng.randint(3, 80),
        )
        f.UnitStaffFactory.create(unit=unit, person=liaison, position="联络员")
        signed = dt.date(2026, 1, self.rng.randint(5, 28))
        agreement = f.AgreementFactory.create(
            unit=unit,
            title=f"{name}与{community.name.removesuffix('党委')}共驻共建协议",
            signed_on=signed,
            starts_on=signed,
            ends_on=signed.replace(year=signed.year + 1) - dt.timedelta(days=1),
        )
        for position, commitment in enumerate(self.rng.sample(COMMITMENTS, 3), start=1):
            category, description, quantity, measure = commitment
            f.CommitmentFactory.create(
                agreement=agreement,
                position=position,
                category=category,
                description=description,
                quantity=quantity,
                unit_of_measure=measure,
            )
        f.RegistrationFactory.create(unit=unit, registered_on=signed - dt.timedelta(days=20))
        for _ in range(self.rng.randint(0, 2)):
            member = self.person(community, is_party_member=True)
            f.UnitStaffFactory.create(unit=unit, person=member, position="在职党员")
            f.RegistrationFactory.create(
                unit=unit,
                kind=RegistrationKind.PARTY_MEMBER,
                person_id=member.id,
                registered_on=signed + dt.timedelta(days=self.rng.randint(1, 200)),
            )
        return unit

    def build_membership(self, community: Any, unit: Any) -> Any | None:
        if self.rng.random() < 0.12:  # most units, not all, send a part-time member
            return None
        f = self.f
        person = self.person(None, is_party_member=True)
        f.UnitStaffFactory.create(unit=unit, person=person, position="党组织负责人")
        roles = self.rng.sample(list(CommitteeRole), self.rng.randint(1, 2))
        return f.MembershipFactory.create(
            unit=unit,
            person=person,
            term_start=dt.date(2024, 7, 1),
            term_end=dt.date(2027, 6, 30),
            with_roles=sorted(roles, key=list(CommitteeRole).index),
        )

    def build_resource(self, unit: Any) -> None:
        kind = self.rng.choice(list(ResourceKind))
        self.f.ResourceFactory.create(
            unit=unit,
            title=f"{unit.name}{RESOURCE_TITLES[kind]}",
            description=RESOURCE_DESCRIPTIONS[kind],
            kind=kind,
            category=category_for_resource(kind),
            capacity=self.rng.randint(5, 50),
            availability="工作日 9:00–17:00，节假日需提前预约",
        )

    # -- volunteering ---------------------------------------------------------------------

    def build_team(
        self, community: Any, units: list[Any], residents: list[Any], name: str, skills: str
    ) -> Any:
        f = self.f
        sponsor = self.rng.choice(units)
        leader = self.person(community, is_party_member=True)
        team = f.VolunteerTeamFactory.create(
            community=community,
            name=f"{community.name.removesuffix('社区党委')}{name}",
            sponsor_organisation_id=community.id,
            sponsor_unit_id=sponsor.id,
            leader_id=leader.id,
            skills=skills,
            description=f"由{sponsor.name}党员和社区居民组成，常态化开展{skills}等服务。",
            founded_on=dt.date(2025, self.rng.randint(1, 12), self.rng.randint(1, 28)),
        )
        f.TeamMemberFactory.create(team=team, person=leader, role=TeamRole.LEADER)
        for person in self.rng.sample(residents, self.rng.randint(6, 12)):
            f.TeamMemberFactory.create(team=team, person=person, joined_on=team.founded_on)
        return team

    def build_service(self, teams: list[Any], projects: list[Any]) -> None:
        from backend.people.models import Person
        from backend.volunteering.models import VolunteerTeamMember

        f = self.f
        for team in teams:
            members = f.session.scalars(
                select(VolunteerTeamMember).where(VolunteerTeamMember.team_id == team.id)
            ).all()
            for day in range(12):
                started = dt.datetime(2025, 12, 1, 0, 30, tzinfo=dt.UTC) + dt.timedelta(
                    days=day * 29 + self.rng.randint(0, 5)
                )
                for member in self.rng.sample(members, min(len(members), 3)):
                    person = f.session.get(Person, member.person_id)
                    minutes = self.rng.choice([60, 90, 120, 150, 180, 240])
                    f.ServiceRecordFactory.create(
                        person=person,
                        team=team,
                        description=f"{team.name.split('志愿')[0]}志愿服务活动",
                        project_id=self.rng.choice(projects).id
                        if self.rng.random() < 0.3
                        else None,
                        started_at=started,
                        minutes=minutes,
                        points=minutes // 60 * 10 + (5 if minutes % 60 else 0),
                    )

    # -- needs, projects, wishes ----------------------------------------------------------

    def build_projects(self, community: Any, units: list[Any], memberships: list[Any]) -> list[Any]:
        f = self.f
        officers = [
            m for m in memberships if _has_role(f, m, CommitteeRole.PROJECT_FOLLOW_UP_OFFICER)
        ]
        projects = []
        for number, (title, description) in enumerate(self.rng.sample(PROJECTS, 3)):
            starts = dt.date(2026, 1 + number * 3, 1)
            status = [ProjectStatus.DONE, ProjectStatus.IN_PROGRESS, ProjectStatus.PLANNED][number]
            lead = self.rng.choice(units)
            project = f.ProjectFactory.create(
                community=community,
                title=title,
                description=description,
                lead_unit_id=lead.id,
                follow_up_officer_id=(
                    self.rng.choice(officers or memberships).id if memberships else None
                ),
                budget_cents=self.rng.randint(2, 30) * 1_000_000,
                spent_cents=0,
                status=status,
                starts_on=starts,
                ends_on=starts + dt.timedelta(days=180),
            )
            project.spent_cents = project.budget_cents * [100, 45, 0][number] // 100
            for partner in self.rng.sample([u for u in units if u.id != lead.id], 2):
                f.ProjectPartnerFactory.create(project_id=project.id, unit_id=partner.id)
            for position, (label, offset) in enumerate(MILESTONES, start=1):
                due = starts + dt.timedelta(days=offset)
                done = (
                    due
                    if status is ProjectStatus.DONE
                    or (status is ProjectStatus.IN_PROGRESS and position <= 2)
                    else None
                )
                f.MilestoneFactory.create(
                    project=project, position=position, title=label, due_on=due, done_on=done
                )
            projects.append(project)
        f.session.flush()
        return projects

    def build_needs(
        self, community: Any, grids: list[Any], residents: list[Any], projects: list[Any]
    ) -> None:
        f = self.f
        for number, (title, category, description) in enumerate(self.rng.sample(NEEDS, 9)):
            raised = dt.datetime(2025, 12, 1, 1, 0, tzinfo=dt.UTC) + dt.timedelta(
                days=number * 38 + self.rng.randint(0, 20)
            )
            status = NEED_STATUS_BY_AGE[min(number, len(NEED_STATUS_BY_AGE) - 1)]
            solved = status in (NeedStatus.SOLVED, NeedStatus.CLOSED)
            f.NeedFactory.create(
                community=community,
                grid_id=self.rng.choice(grids).id,
                title=title,
                category=category,
                description=description,
                urgency=self.rng.choice(list(Urgency)),
                status=status,
                source=self.rng.choice(list(NeedSource)),
                raised_by_id=self.rng.choice(residents).id,
                raised_at=raised,
                project_id=projects[number % len(projects)].id if number < 4 else None,
                solved_at=raised + dt.timedelta(days=30) if solved else None,
                satisfaction=self.rng.randint(4, 5) if status is NeedStatus.CLOSED else None,
                feedback="问题解决得很及时，感谢社区和共建单位！"
                if status is NeedStatus.CLOSED
                else None,
            )

    def build_wishes(
        self, community: Any, grids: list[Any], residents: list[Any], units: list[Any]
    ) -> None:
        f = self.f
        for number in range(20):
            published = dt.datetime(2025, 12, 5, 2, 0, tzinfo=dt.UTC) + dt.timedelta(
                days=number * 17
            )
            status = (
                MicroWishStatus.CONFIRMED
                if number < 14
                else MicroWishStatus.CLAIMED
                if number < 17
                else MicroWishStatus.PUBLISHED
            )
            claimed = status is not MicroWishStatus.PUBLISHED
            by_unit = claimed and number % 2 == 0
            f.MicroWishFactory.create(
                community=community,
                grid_id=self.rng.choice(grids).id,
                beneficiary=self.rng.choice(residents),
                title=self.rng.choice(WISHES),
                description="家庭困难，希望得到帮助。",
                status=status,
                published_at=published,
                claimed_by_unit_id=self.rng.choice(units).id if by_unit else None,
                claimed_by_person_id=self.rng.choice(residents).id
                if claimed and not by_unit
                else None,
                claimed_at=published + dt.timedelta(days=2) if claimed else None,
                fulfilled_at=published + dt.timedelta(days=9)
                if status is MicroWishStatus.CONFIRMED
                else None,
            )

    # -- dispatch, activities, points -------------------------------------------------------

    def build_dispatches(self, community: Any, units: list[Any]) -> None:
        """Every need past triage was sent to a unit: the open ones wait for an answer, the
        ones in hand were accepted by the lead unit of their project."""
        from backend.cobuilding.models import DispatchStatus, Need, NeedDispatch, Project

        f, rng = self.f, self.workflow_rng
        needs = f.session.scalars(
            select(Need).where(col(Need.community_id) == community.id).order_by(col(Need.id))
        ).all()
        for need in needs:
            if need.status is NeedStatus.DISPATCHED:
                unit, status = rng.choice(units), DispatchStatus.PENDING
            elif need.project_id is not None:
                project = f.session.get(Project, need.project_id)
                unit = f.session.get(ResidentUnit, project.lead_unit_id)
                status = DispatchStatus.ACCEPTED
            else:
                continue
            f.session.add(
                NeedDispatch(
                    need_id=need.id,
                    unit_id=unit.id,
                    status=status,
                    note="请贵单位认领并反馈办理计划。",
                    created_at=need.raised_at + dt.timedelta(days=2),
                    responded_at=need.raised_at + dt.timedelta(days=3)
                    if status is DispatchStatus.ACCEPTED
                    else None,
                )
            )
        f.session.flush()

    def build_activities(self, community: Any, teams: list[Any], projects: list[Any]) -> None:
        """Two activities a community: next week's, open for sign-up, and one of the projects'."""
        from backend.people.models import Person
        from backend.volunteering.models import (
            ActivitySignup,
            ActivityStatus,
            VolunteerActivity,
            VolunteerTeamMember,
        )

        f, rng = self.f, self.workflow_rng
        short = community.name.removesuffix("社区党委")
        soon = dt.datetime.now(dt.UTC).replace(hour=1, minute=0, second=0, microsecond=0)
        plans = [
            (teams[0], None, f"{short}社区环境卫生清洁日", soon + dt.timedelta(days=7)),
            (teams[1], projects[1], f"{projects[1].title}志愿服务", soon + dt.timedelta(days=10)),
        ]
        for team, project, title, starts in plans:
            activity = VolunteerActivity(
                title=title,
                community_id=community.id,
                team_id=team.id,
                project_id=project.id if project else None,
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=3),
                place=f"{short}社区党群服务中心",
                slots=20,
                required_skills=team.skills,
                status=ActivityStatus.OPEN,
                checkin_code=f"demo-{community.id}-{rng.randrange(10**8):08d}",
            )
            f.session.add(activity)
            f.session.flush()
            members = f.session.scalars(
                select(col(VolunteerTeamMember.person_id)).where(
                    col(VolunteerTeamMember.team_id) == team.id
                )
            ).all()
            for place, person_id in enumerate(sorted(members)[:5], start=1):
                assert f.session.get(Person, person_id) is not None
                f.session.add(
                    ActivitySignup(
                        activity_id=key(activity), person_id=person_id, place_number=place
                    )
                )
        f.session.flush()

    def build_merchants(self, community: Any, units: list[Any]) -> None:
        from backend.volunteering.models import PartnerMerchant

        short = community.name.removesuffix("社区党委")
        for name, offer in MERCHANTS:
            self.f.session.add(
                PartnerMerchant(
                    community_id=community.id,
                    name=f"{short}{name}",
                    address=f"{self.f.HULIAO}{short}社区",
                    offer=offer,
                )
            )
        self.f.session.flush()

    def build_ledgers(self) -> None:
        """Every service record earned its points; some volunteers redeemed part of them."""
        from backend.volunteering.models import (
            PartnerMerchant,
            PointsEntry,
            PointsEntryKind,
            ServiceRecord,
        )

        f, rng = self.f, self.workflow_rng
        merchants = {
            m.community_id: m
            for m in f.session.scalars(select(PartnerMerchant).order_by(col(PartnerMerchant.id)))
        }
        records = f.session.scalars(
            select(ServiceRecord).order_by(
                col(ServiceRecord.person_id), col(ServiceRecord.started_at)
            )
        ).all()
        ledgers: dict[int, tuple[int, int]] = {}
        for record in records:
            sequence, balance = ledgers.get(record.person_id, (0, 0))
            sequence, balance = sequence + 1, balance + record.points
            f.session.add(
                PointsEntry(
                    person_id=record.person_id,
                    sequence=sequence,
                    kind=PointsEntryKind.EARNED,
                    points=record.points,
                    balance=balance,
                    service_record_id=record.id,
                    note=f"志愿服务：{record.description}",
                    created_at=record.ended_at,
                )
            )
            ledgers[record.person_id] = (sequence, balance)
        from backend.people.models import Person

        for person_id, (sequence, balance) in sorted(ledgers.items()):
            person = f.session.get(Person, person_id)
            merchant = merchants.get(person.community_id) if person else None
            if merchant is None or balance < 60 or rng.random() < 0.5:
                continue
            spent = balance // 3
            f.session.add(
                PointsEntry(
                    person_id=person_id,
                    sequence=sequence + 1,
                    kind=PointsEntryKind.REDEEMED,
                    points=-spent,
                    balance=balance - spent,
                    merchant_id=merchant.id,
                    note=f"在{merchant.name}兑换",
                )
            )
        f.session.flush()

    # -- demo users, one per role (demo mode only) --------------------------------------------

    def build_demo_users(self, street: Any) -> None:
        f = self.f
        west = f.session.scalars(
            select(Organisation).where(col(Organisation.name) == DEMO_COMMUNITY)
        ).one()
        unit = f.session.scalars(
            select(ResidentUnit).where(col(ResidentUnit.name) == DEMO_UNIT)
        ).one()
        membership = f.session.scalars(
            select(CommitteeMembership)
            .where(col(CommitteeMembership.community_id) == west.id)
            .order_by(col(CommitteeMembership.id))
        ).first()
        for username, display_name, role in DEMO_USERS:
            user = f.UserFactory.create(
                username=username,
                display_name=display_name,
                password_hash=DEMO_PASSWORD_HASH,
                is_demo=True,
                person_id=unit.liaison_id
                if role is Role.UNIT_LIAISON
                else (
                    membership.person_id if role is Role.COMMITTEE_MEMBER and membership else None
                ),
            )
            f.RoleGrantFactory.create(
                user=user,
                role=role,
                organisation_id=street.id if role is Role.STREET_ADMIN else west.id,
                unit_id=unit.id if role is Role.UNIT_LIAISON else None,
            )

    # -- meetings and evaluations -----------------------------------------------------------

    def build_meetings(self, community: Any, units: list[Any], memberships: list[Any]) -> None:
        f = self.f
        short = community.name.removesuffix("党委")
        chair = self.person(community, is_party_member=True)
        for quarter, (label, day) in enumerate(QUARTERS):
            starts = dt.datetime.combine(day, dt.time(1, 30), tzinfo=dt.UTC)  # 09:30 Beijing
            meeting = f.MeetingFactory.create(
                community=community,
                title=f"{short}大党委{label}联席会议",
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=2),
                chair_id=chair.id,
                minutes_text=f"{short}大党委{label}联席会议纪要：会议听取了共建项目进展汇报，"
                "研究了群众需求清单，对督办事项作出安排。",
            )
            for membership in memberships:
                f.AttendanceFactory.create(
                    meeting_id=meeting.id,
                    person_id=membership.person_id,
                    unit_id=membership.unit_id,
                    status=self.rng.choices(
                        [
                            AttendanceStatus.PRESENT,
                            AttendanceStatus.ON_LEAVE,
                            AttendanceStatus.ABSENT,
                        ],
                        weights=[8, 1, 1],
                    )[0],
                )
            for position, topic in enumerate(self.rng.sample(AGENDA_TOPICS, 3), start=1):
                item = f.AgendaItemFactory.create(
                    meeting=meeting,
                    position=position,
                    title=topic,
                    minutes_allotted=self.rng.choice([15, 20, 30]),
                )
                outcome = self.rng.choices(list(DecisionOutcome), weights=[6, 2, 1, 1])[0]
                decision = f.DecisionFactory.create(
                    agenda_item=item, outcome=outcome, text=DECISION_TEXTS[outcome], votes_for=None
                )
                if outcome in (DecisionOutcome.ADOPTED, DecisionOutcome.ADOPTED_WITH_CHANGES):
                    self.build_action(decision, self.rng.choice(units), day, quarter)

    def build_action(self, decision: Any, unit: Any, meeting_day: dt.date, quarter: int) -> None:
        due = meeting_day + dt.timedelta(days=self.rng.choice([30, 45, 60]))
        if due < DEMO_TODAY - dt.timedelta(days=60):
            status = ActionItemStatus.VERIFIED
        elif due < DEMO_TODAY:
            status = self.rng.choice(
                [ActionItemStatus.DONE, ActionItemStatus.IN_PROGRESS, ActionItemStatus.OPEN]
            )
        else:
            status = self.rng.choice([ActionItemStatus.OPEN, ActionItemStatus.IN_PROGRESS])
        finished = status in (ActionItemStatus.DONE, ActionItemStatus.VERIFIED)
        self.f.ActionItemFactory.create(
            decision=decision,
            owner_unit=unit,
            owner_person_id=unit.liaison_id,
            title=self.rng.choice(ACTION_TITLES),
            expected_result="按期完成并向联席会议报告办理结果",
            due_on=due,
            status=status,
            completed_at=dt.datetime.combine(due, dt.time(8), tzinfo=dt.UTC) if finished else None,
            verified_at=dt.datetime.combine(due, dt.time(9), tzinfo=dt.UTC)
            if status is ActionItemStatus.VERIFIED
            else None,
        )

    def build_evaluations(self, community: Any, units: list[Any], memberships: list[Any]) -> None:
        f = self.f
        for unit in units:
            scores = [self.rng.randint(60, 100) for _ in range(4)]
            f.EvaluationFactory.create(
                unit=unit,
                **_score_fields(scores),
                period_label="2025年度",
                period_start=dt.date(2025, 1, 1),
                period_end=dt.date(2025, 12, 31),
                notes="依据联席会议出席、承诺履行、督办事项和需求办理记录评定。",
            )
        for membership in memberships:
            scores = [self.rng.randint(60, 100) for _ in range(4)]
            f.EvaluationFactory.create(
                unit=None,
                unit_id=None,
                community_id=community.id,
                subject=EvaluationSubject.MEMBER,
                membership_id=membership.id,
                **_score_fields(scores),
                period_label="2025年度",
                period_start=dt.date(2025, 1, 1),
                period_end=dt.date(2025, 12, 31),
            )


def _score_fields(scores: list[int]) -> dict[str, Any]:
    total = round(sum(scores) / len(scores))
    grade = (
        EvaluationGrade.EXCELLENT
        if total >= 90
        else EvaluationGrade.GOOD
        if total >= 80
        else EvaluationGrade.PASS
        if total >= 60
        else EvaluationGrade.FAIL
    )
    attendance, commitment, action, need = scores
    return {
        "attendance_score": attendance,
        "commitment_score": commitment,
        "action_score": action,
        "need_score": need,
        "total_score": total,
        "grade": grade,
    }


def _has_role(f: Any, membership: Any, role: CommitteeRole) -> bool:
    from backend.people.models import CommitteeMembershipRole

    found = f.session.scalars(
        select(CommitteeMembershipRole).where(
            CommitteeMembershipRole.membership_id == membership.id,
            col(CommitteeMembershipRole.role) == role,
        )
    ).first()
    return found is not None


def _party_organisation_name(name: str, kind: str) -> str:
    if kind in ("hospital", "state_enterprise"):
        return f"{name}党总支"
    if kind == "agency":
        return f"{name}机关党支部"
    return f"{name}党支部"

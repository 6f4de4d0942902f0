"""Mutations of co-building projects: status, officer, partners and budget; milestones;
progress reports with spending and photos."""

from __future__ import annotations

import math
from datetime import date

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from backend.accounts.services import caller_person_id
from backend.cobuilding import projects
from backend.cobuilding.errors import CoBuildingErrorCode, refuse
from backend.cobuilding.models import Project, ProjectMilestone, ProjectPartner, ProjectStatus
from backend.cobuilding.mutations.common import CoBuildingError
from backend.cobuilding.permissions import MANAGE_PROJECTS, REPORT_PROJECT
from backend.cobuilding.projects import MAX_CENTS
from backend.cobuilding.types import ProjectType
from backend.core.ids import load_in_scope
from backend.core.payloads import attempt
from backend.core.permissions import STAFF_ROLES, allow
from backend.meetings.files import read_uploads
from backend.people.models import CommitteeMembership
from backend.units.models import ResidentUnit


def _cents(yuan: float | None, field: str) -> int | None:
    if yuan is None:
        return None
    if not math.isfinite(yuan) or yuan < 0 or yuan > MAX_CENTS / 100:
        raise refuse(CoBuildingErrorCode.OUT_OF_RANGE, field, "金额须为不超过 2147 万元的非负数。")
    return round(yuan * 100)


@strawberry.type
class ProjectPayload:
    project: ProjectType | None = None
    errors: list[CoBuildingError] = strawberry.field(default_factory=list)


@strawberry.input(description="修改项目：只改所填的字段")
class ProjectUpdateInput:
    project: strawberry.ID
    title: str | None = None
    status: ProjectStatus | None = strawberry.field(
        default=None, description="计划中 → 实施中 → 已完成 → 已评价"
    )
    budget: float | None = strawberry.field(default=None, description="预算（元）")
    ends_on: date | None = None
    follow_up_officer: strawberry.ID | None = strawberry.field(
        default=None, description="跟办员（担任共建项目跟办员的兼职委员）"
    )
    partners: list[strawberry.ID] | None = strawberry.field(
        default=None, description="参与单位（给出则替换原名单）"
    )


@strawberry.input(description="添加项目节点")
class ProjectMilestoneAddInput:
    project: strawberry.ID
    title: str
    due_on: date


@strawberry.input(description="报告项目进展，可附支出和照片")
class ProjectReportInput:
    project: strawberry.ID
    note: str
    spent: float = strawberry.field(default=0, description="本次支出（元）")
    photos: list[Upload] = strawberry.field(default_factory=list)


async def _may_report(info: Info, project: Project) -> bool:
    """Staff of the project's community, the lead or a partner unit's liaison, or the
    follow-up officer."""
    from sqlalchemy import select
    from sqlmodel import col

    context = info.context
    scope = context.scope_for(STAFF_ROLES)
    session = context.db.session
    if scope.paths:
        from backend.organisations.models import Organisation

        community = await session.get(Organisation, project.community_id)
        if community is not None and any(community.path.startswith(p) for p in scope.paths):
            return True
    units = set(context.scope.unit_ids)
    if project.lead_unit_id in units:
        return True
    partners = await session.scalars(
        select(col(ProjectPartner.unit_id)).where(col(ProjectPartner.project_id) == project.id)
    )
    if units & set(partners.all()):
        return True
    if project.follow_up_officer_id is not None:
        officer = await session.get(CommitteeMembership, project.follow_up_officer_id)
        person = await caller_person_id(context)
        return officer is not None and person is not None and officer.person_id == person
    return False


@strawberry.type
class ProjectMutations:
    @strawberry.mutation(description="修改项目（社区工作人员）", extensions=allow(MANAGE_PROJECTS))
    async def project_update(self, info: Info, input: ProjectUpdateInput) -> ProjectPayload:
        project = await load_in_scope(
            info, input.project, Project, "project", acting_as=MANAGE_PROJECTS
        )
        officer = (
            await load_in_scope(
                info, input.follow_up_officer, CommitteeMembership, "followUpOfficer"
            )
            if input.follow_up_officer
            else None
        )
        partners = (
            [
                await load_in_scope(info, unit, ResidentUnit, "partners")
                for unit in input.partners[:50]
            ]
            if input.partners is not None
            else None
        )
        session = info.context.db.session

        async def change() -> Project:
            changes = projects.ProjectChanges(
                title=input.title,
                status=input.status,
                budget_cents=_cents(input.budget, "budget"),
                ends_on=input.ends_on,
                officer=officer,
                partners=partners,
            )
            return await projects.update_project(session, info.context, project, changes)

        updated, errors = await attempt(session, change(), CoBuildingError)
        return ProjectPayload(project=ProjectType.from_optional(updated), errors=errors)

    @strawberry.mutation(
        description="添加项目节点（社区工作人员）", extensions=allow(MANAGE_PROJECTS)
    )
    async def project_milestone_add(
        self, info: Info, input: ProjectMilestoneAddInput
    ) -> ProjectPayload:
        project = await load_in_scope(
            info, input.project, Project, "project", acting_as=MANAGE_PROJECTS
        )
        session = info.context.db.session
        change = projects.add_milestone(session, info.context, project, input.title, input.due_on)
        added, errors = await attempt(session, change, CoBuildingError)
        return ProjectPayload(
            project=ProjectType.from_model(project) if added else None, errors=errors
        )

    @strawberry.mutation(description="标记项目节点完成", extensions=allow(REPORT_PROJECT))
    async def project_milestone_complete(
        self, info: Info, milestone: strawberry.ID, done_on: date | None = None
    ) -> ProjectPayload:
        row = await load_in_scope(info, milestone, ProjectMilestone, "milestone")
        session = info.context.db.session
        project = await session.get(Project, row.project_id)
        assert project is not None
        if not await _may_report(info, project):
            return ProjectPayload(errors=[_not_yours()])
        change = projects.complete_milestone(session, info.context, row, done_on or date.today())
        done, errors = await attempt(session, change, CoBuildingError)
        return ProjectPayload(
            project=ProjectType.from_model(project) if done else None, errors=errors
        )

    @strawberry.mutation(
        description="报告项目进展（工作人员、牵头或参与单位联络员、跟办员）",
        extensions=allow(REPORT_PROJECT),
    )
    async def project_report(self, info: Info, input: ProjectReportInput) -> ProjectPayload:
        files = await read_uploads(input.photos)
        project: Project = await load_in_scope(info, input.project, Project, "project")
        if not await _may_report(info, project):
            return ProjectPayload(errors=[_not_yours()])
        session = info.context.db.session

        async def change() -> Project:
            spent = _cents(input.spent, "spent") or 0
            await projects.report_progress(session, info.context, project, input.note, spent, files)
            return project

        reported, errors = await attempt(session, change(), CoBuildingError)
        return ProjectPayload(project=ProjectType.from_optional(reported), errors=errors)


def _not_yours() -> CoBuildingError:
    return CoBuildingError(
        field="project",
        code=CoBuildingErrorCode.NOT_OWNER,
        message="只有社区工作人员、牵头或参与单位联络员、跟办员可以报告项目进展。",
    )

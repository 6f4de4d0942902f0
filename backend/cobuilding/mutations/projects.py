"""Mutations of co-building projects: status, officer, partners and budget; milestones;
progress reports with spending and photos."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from backend.attachments.uploads import read_uploads
from backend.cobuilding import projects
from backend.cobuilding.loaders import ProjectByIdLoader
from backend.cobuilding.models import Project, ProjectMilestone, ProjectStatus
from backend.cobuilding.mutations.common import CoBuildingError
from backend.cobuilding.permissions import MANAGE_PROJECTS, REPORT_PROJECT
from backend.cobuilding.types.projects import ProjectType
from backend.core.changes import Given, given, value_or_none
from backend.core.ids import load_in_scope
from backend.core.limits import limited, within
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.people.models import CommitteeMembership
from backend.units.models import ResidentUnit


@strawberry.type
class ProjectPayload:
    project: ProjectType | None = None
    errors: list[CoBuildingError] = strawberry.field(default_factory=list)


@strawberry.input(description="修改项目：只改所填的字段；endsOn、followUpOfficer 传 null 表示清空")
class ProjectUpdateInput:
    project: strawberry.ID
    title: strawberry.Maybe[str] = limited(projects.TITLE_MAX)
    status: strawberry.Maybe[ProjectStatus] = strawberry.field(
        description="计划中 → 实施中 → 已完成 → 已评价"
    )
    budget: strawberry.Maybe[float] = within(0, projects.MAX_YUAN, description="预算（元）")
    ends_on: strawberry.Maybe[date | None]
    follow_up_officer: strawberry.Maybe[strawberry.ID | None] = strawberry.field(
        description="跟办员（担任共建项目跟办员的兼职委员）"
    )
    partners: strawberry.Maybe[list[strawberry.ID]] = strawberry.field(
        description="参与单位（给出则替换原名单）"
    )


@strawberry.input(description="添加项目节点")
class ProjectMilestoneAddInput:
    project: strawberry.ID
    title: str = limited(projects.TITLE_MAX)
    due_on: date


@strawberry.input(description="报告项目进展，可附支出和照片")
class ProjectReportInput:
    project: strawberry.ID
    note: str = limited(projects.REPORT_NOTE_MAX)
    spent: float = within(0, projects.MAX_YUAN, default=0, description="本次支出（元）")
    photos: list[Upload] = strawberry.field(default_factory=list)


@strawberry.type
class ProjectMutations:
    @strawberry.mutation(description="修改项目（社区工作人员）", extensions=allow(MANAGE_PROJECTS))
    async def project_update(self, info: Info, input: ProjectUpdateInput) -> ProjectPayload:
        project = await load_in_scope(
            info, input.project, Project, "project", acting_as=MANAGE_PROJECTS
        )
        officer: Given[CommitteeMembership | None] | None = None
        if input.follow_up_officer:
            officer_id = input.follow_up_officer.value
            officer = Given(
                await load_in_scope(info, officer_id, CommitteeMembership, "followUpOfficer")
                if officer_id
                else None
            )
        partners = (
            [
                await load_in_scope(info, unit, ResidentUnit, "partners")
                for unit in input.partners.value
            ]
            if input.partners
            else None
        )
        session = info.context.db.session
        changes = projects.ProjectChanges(
            title=value_or_none(input.title),
            status=value_or_none(input.status),
            budget_yuan=value_or_none(input.budget),
            ends_on=given(input.ends_on),
            officer=officer,
            partners=partners,
        )
        change = projects.update_project(session, info.context.actor, project, changes)
        updated, errors = await attempt(session, change, CoBuildingError)
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
        change = projects.add_milestone(
            session, info.context.actor, project, input.title, input.due_on
        )
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
        change = projects.complete_milestone(
            session, info.context.actor, row, done_on or date.today()
        )
        done, errors = await attempt(session, change, CoBuildingError)
        project = (
            await info.context.loader(ProjectByIdLoader).load(row.project_id) if done else None
        )
        return ProjectPayload(project=ProjectType.from_optional(project), errors=errors)

    @strawberry.mutation(
        description="报告项目进展（工作人员、牵头或参与单位联络员、跟办员）",
        extensions=allow(REPORT_PROJECT),
    )
    async def project_report(self, info: Info, input: ProjectReportInput) -> ProjectPayload:
        files = await read_uploads(input.photos)
        project: Project = await load_in_scope(info, input.project, Project, "project")
        session = info.context.db.session
        change = projects.report_progress(
            session, info.context.actor, project, input.note, input.spent, files
        )
        reported, errors = await attempt(session, change, CoBuildingError)
        return ProjectPayload(
            project=ProjectType.from_model(project) if reported else None, errors=errors
        )

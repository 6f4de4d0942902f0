"""Co-building projects (项目清单): a lead unit, partners, a follow-up officer (a part-time
member with the 共建项目跟办员 role), a budget and what was spent, milestones with due dates,
and progress reports with photos. The status runs planned → in progress → done → evaluated;
"late" is computed from the milestones (see services.is_project_late)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.attachments.uploads import File, add_attachments, check_files
from backend.audit.services import diff, record, snapshot
from backend.cobuilding.errors import UPLOADS, CoBuildingErrorCode, refuse
from backend.cobuilding.models import (
    Project,
    ProjectMilestone,
    ProjectPartner,
    ProjectStatus,
    ProjectUpdate,
)
from backend.cobuilding.needs import TEXT
from backend.cobuilding.permissions import may_report_on
from backend.core.actor import Actor
from backend.core.changes import Given
from backend.core.models import key
from backend.organisations.models import Organisation
from backend.people.models import CommitteeMembership, CommitteeMembershipRole, CommitteeRole
from backend.units.models import ResidentUnit

P = ProjectStatus
NEXT_STATUS = {
    P.PLANNED: {P.IN_PROGRESS},
    P.IN_PROGRESS: {P.DONE},
    P.DONE: {P.EVALUATED, P.IN_PROGRESS},
    P.EVALUATED: set(),
}
# The money columns are 32-bit integers of fen: at most 21,474,836.47 yuan.
MAX_CENTS = 2**31 - 1
MAX_YUAN_SAID = "2147 万元"
PROJECT_FIELDS = ["title", "status", "budget_cents", "follow_up_officer_id", "ends_on"]
MAX_PARTNERS = 50
TITLE_MAX, REPORT_NOTE_MAX = 100, 2000
MAX_YUAN = MAX_CENTS / 100


@dataclass(frozen=True)
class ProjectChanges:
    """Only what was sent changes: None leaves a field as is; `Given(None)` clears it."""

    title: str | None = None
    status: ProjectStatus | None = None
    budget_yuan: float | None = None
    ends_on: Given[date | None] | None = None
    officer: Given[CommitteeMembership | None] | None = None
    partners: list[ResidentUnit] | None = None


def cents(yuan: float, field: str, what: str, *, room: int = MAX_CENTS) -> int:
    """Yuan as whole fen, refused when negative, not finite, finer than a fen or past what the
    column holds."""
    if not math.isfinite(yuan) or yuan < 0 or round(yuan * 100) > room:
        raise refuse(
            CoBuildingErrorCode.OUT_OF_RANGE,
            field,
            f"{what}须为非负金额，累计不超过 {MAX_YUAN_SAID}。",
        )
    fen = round(yuan * 100)
    # A third decimal would be rounded away: refused instead, so no amount changes silently.
    if abs(yuan * 100 - fen) > 1e-6:
        raise refuse(CoBuildingErrorCode.OUT_OF_RANGE, field, f"{what}最多精确到分（两位小数）。")
    return fen


async def _require_reporter(session: AsyncSession, actor: Actor, project: Project) -> None:
    community = await session.get(Organisation, project.community_id)
    partners = await session.scalars(
        select(col(ProjectPartner.unit_id)).where(col(ProjectPartner.project_id) == project.id)
    )
    officer = (
        await session.get(CommitteeMembership, project.follow_up_officer_id)
        if project.follow_up_officer_id is not None
        else None
    )
    allowed = community is not None and may_report_on(
        actor,
        lead_unit_id=project.lead_unit_id,
        community_path=community.path,
        partner_unit_ids=set(partners.all()),
        officer_person_id=officer.person_id if officer else None,
    )
    if not allowed:
        raise refuse(
            CoBuildingErrorCode.NOT_OWNER,
            "project",
            "只有社区工作人员、牵头或参与单位联络员、跟办员可以报告项目进展。",
        )


async def _require_officer(
    session: AsyncSession, project: Project, officer: CommitteeMembership
) -> None:
    if officer.community_id != project.community_id:
        raise refuse(CoBuildingErrorCode.OUTSIDE_COMMUNITY, "followUpOfficer")
    has_role = await session.scalar(
        select(func.count()).where(
            col(CommitteeMembershipRole.membership_id) == officer.id,
            col(CommitteeMembershipRole.role) == CommitteeRole.PROJECT_FOLLOW_UP_OFFICER,
        )
    )
    if not has_role:
        raise refuse(
            CoBuildingErrorCode.INVALID,
            "followUpOfficer",
            "跟办员须是担任“共建项目跟办员”的兼职委员。",
        )


async def update_project(
    session: AsyncSession, actor: Actor, project: Project, changes: ProjectChanges
) -> Project:
    before = snapshot(project, PROJECT_FIELDS)
    if changes.title is not None:
        project.title = TEXT.required(changes.title, "title", TITLE_MAX)
    if changes.status is not None and changes.status is not project.status:
        if changes.status not in NEXT_STATUS[project.status]:
            raise refuse(
                CoBuildingErrorCode.ILLEGAL_TRANSITION,
                "status",
                f"项目当前为“{project.status.label}”，不能改为“{changes.status.label}”。",
            )
        project.status = changes.status
    if changes.budget_yuan is not None:
        project.budget_cents = cents(changes.budget_yuan, "budget", "预算")
    if changes.ends_on is not None:
        ends_on = changes.ends_on.value
        if ends_on is not None and ends_on < project.starts_on:
            raise refuse(CoBuildingErrorCode.INVALID, "endsOn", "结束日期不能早于开始日期。")
        project.ends_on = ends_on
    if changes.officer is not None:
        officer = changes.officer.value
        if officer is not None:
            await _require_officer(session, project, officer)
        project.follow_up_officer_id = None if officer is None else officer.id
    if changes.partners is not None:
        await _set_partners(session, project, changes.partners)
    record(
        session,
        actor,
        "projectUpdate",
        object_type="Project",
        object_id=project.id,
        changes=diff(before, snapshot(project, PROJECT_FIELDS)),
    )
    await session.commit()
    return project


async def _set_partners(session: AsyncSession, project: Project, units: list[ResidentUnit]) -> None:
    if len({key(unit) for unit in units}) > MAX_PARTNERS:
        raise refuse(CoBuildingErrorCode.INVALID, "partners", f"参与单位最多 {MAX_PARTNERS} 个。")
    if any(unit.community_id != project.community_id for unit in units):
        raise refuse(
            CoBuildingErrorCode.OUTSIDE_COMMUNITY, "partners", "参与单位须是本社区的驻区单位。"
        )
    wanted = {key(unit) for unit in units if unit.id != project.lead_unit_id}
    existing = {
        partner.unit_id: partner
        for partner in (
            await session.scalars(
                select(ProjectPartner).where(col(ProjectPartner.project_id) == project.id)
            )
        ).all()
    }
    for unit_id, partner in existing.items():
        if unit_id not in wanted:
            await session.delete(partner)
    session.add_all(
        ProjectPartner(project_id=key(project), unit_id=unit_id)
        for unit_id in sorted(wanted - set(existing))
    )


async def add_milestone(
    session: AsyncSession, actor: Actor, project: Project, title: str, due_on: date
) -> ProjectMilestone:
    last = await session.scalar(
        select(func.max(ProjectMilestone.position)).where(
            col(ProjectMilestone.project_id) == project.id
        )
    )
    if due_on < project.starts_on:
        raise refuse(CoBuildingErrorCode.INVALID, "dueOn", "节点日期不能早于项目开始日期。")
    milestone = ProjectMilestone(
        project_id=key(project),
        position=(last or 0) + 1,
        title=TEXT.required(title, "title", TITLE_MAX),
        due_on=due_on,
    )
    session.add(milestone)
    await session.flush()
    record(
        session,
        actor,
        "projectMilestoneAdd",
        object_type="Project",
        object_id=project.id,
        changes={"milestone": [None, milestone.title], "due_on": [None, due_on.isoformat()]},
    )
    await session.commit()
    return milestone


async def complete_milestone(
    session: AsyncSession, actor: Actor, milestone: ProjectMilestone, done_on: date
) -> ProjectMilestone:
    project = await session.get(Project, milestone.project_id)
    assert project is not None  # a milestone's project is never deleted
    await _require_reporter(session, actor, project)
    if milestone.done_on is not None:
        raise refuse(CoBuildingErrorCode.ILLEGAL_TRANSITION, "milestone", "该节点已完成。")
    if done_on > date.today():
        raise refuse(CoBuildingErrorCode.INVALID, "doneOn", "完成日期不能晚于今天。")
    milestone.done_on = done_on
    record(
        session,
        actor,
        "projectMilestoneComplete",
        object_type="Project",
        object_id=milestone.project_id,
        changes={
            "milestone": [milestone.title, milestone.title],
            "done_on": [None, done_on.isoformat()],
        },
    )
    await session.commit()
    return milestone


async def report_progress(
    session: AsyncSession,
    actor: Actor,
    project: Project,
    note: str,
    spent_yuan: float,
    files: list[File],
) -> ProjectUpdate:
    await _require_reporter(session, actor, project)
    if project.status not in (P.PLANNED, P.IN_PROGRESS):
        raise refuse(
            CoBuildingErrorCode.ILLEGAL_TRANSITION,
            "project",
            "只有计划中或实施中的项目可以报告进展。",
        )
    spent_cents = cents(spent_yuan, "spent", "支出", room=MAX_CENTS - project.spent_cents)
    photos = check_files(files, "photos", UPLOADS)
    report = ProjectUpdate(
        project_id=key(project),
        note=TEXT.required(note, "note", REPORT_NOTE_MAX),
        spent_cents=spent_cents,
        author_id=actor.principal.user_id,
    )
    session.add(report)
    await session.flush()
    add_attachments(session, photos, project_update_id=report.id)
    before = project.spent_cents
    # Added in SQL: two reports sent at the same moment both count.
    await session.execute(
        update(Project)
        .where(col(Project.id) == project.id)
        .values(spent_cents=col(Project.spent_cents) + spent_cents)
        .execution_options(synchronize_session=False)
    )
    await session.refresh(project, ["spent_cents"])
    if project.status is P.PLANNED:
        project.status = P.IN_PROGRESS
    record(
        session,
        actor,
        "projectReport",
        object_type="Project",
        object_id=project.id,
        changes={"spent_cents": [before, project.spent_cents], "photos": [None, len(files)]},
    )
    await session.commit()
    return report

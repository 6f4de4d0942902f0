"""Residents order, the community dispatches, units accept (群众点单、社区下单、单位接单).

A need is raised (by a resident, through a grid worker or a public-opinion collector, or by
staff), triaged (accepted, merged into the need it repeats, or rejected with a reason),
dispatched to a unit of its community, accepted by that unit's liaison — becoming a project
or joining one — or declined with a reason, solved, and closed with the resident's feedback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.attachments.uploads import File, add_attachments, check_files
from backend.audit.services import diff, record, snapshot
from backend.cobuilding.errors import UPLOADS, CoBuildingErrorCode, refuse
from backend.cobuilding.models import (
    DispatchStatus,
    Need,
    NeedDispatch,
    NeedSource,
    NeedStatus,
    Project,
    ProjectPartner,
    ProjectStatus,
    Resource,
    Urgency,
)
from backend.cobuilding.permissions import answers_for
from backend.core.actor import Actor
from backend.core.db import add_unique, rows_changed
from backend.core.models import key, utcnow
from backend.core.scope import Scope
from backend.core.text import TextRules, excerpt
from backend.notifications.services import notify
from backend.organisations.models import Grid, Organisation
from backend.units.models import ResidentUnit

TRIAGE_FIELDS = ["status", "merged_into_id", "reject_reason"]
# A project made when a unit accepts a dispatch is titled like any project (Project.title).
TITLE_MAX, DESCRIPTION_MAX, CATEGORY_MAX = 100, 2000, 30
REASON_MAX = NOTE_MAX = FEEDBACK_MAX = 500
SATISFACTION_MIN, SATISFACTION_MAX = 1, 5


TEXT = TextRules(refuse, CoBuildingErrorCode.REQUIRED, CoBuildingErrorCode.TOO_LONG)


def _require_status(need: Need, *allowed: NeedStatus, field: str = "need") -> None:
    if need.status not in allowed:
        raise refuse(
            CoBuildingErrorCode.ILLEGAL_TRANSITION,
            field,
            f"需求当前为“{need.status.label}”，不能进行此操作。",
        )


async def community_for_need(
    session: AsyncSession, actor: Actor, community_id: int
) -> Organisation | None:
    """The community a need is raised in, inside the actor's subtrees. Found by subtree rather
    than by table visibility, so that a district platform's token needs only `write:needs`,
    not `read:organisations`."""
    found: Organisation | None = await session.scalar(
        select(Organisation).where(
            col(Organisation.id) == community_id, need_communities(actor.scope)
        )
    )
    return found


def need_communities(scope: Scope) -> ColumnElement[bool]:
    """The organisations a need may be raised in: those in the scope's subtrees."""
    return scope.in_subtrees(Organisation.id)


async def grid_of(session: AsyncSession, community_id: int, grid_id: int) -> Grid | None:
    grid: Grid | None = await session.scalar(
        select(Grid).where(col(Grid.id) == grid_id, col(Grid.community_id) == community_id)
    )
    return grid


@dataclass(frozen=True)
class NeedDraft:
    community_id: int
    title: str
    description: str
    category: str
    urgency: Urgency
    source: NeedSource
    grid: Grid | None = None
    raised_by_id: int | None = None


async def submit_need(
    session: AsyncSession, actor: Actor, draft: NeedDraft, files: list[File]
) -> Need:
    if draft.grid is not None and draft.grid.community_id != draft.community_id:
        raise refuse(CoBuildingErrorCode.OUTSIDE_COMMUNITY, "grid", "网格不属于该社区。")
    photos = check_files(files, "photos", UPLOADS)
    need = Need(
        community_id=draft.community_id,
        grid_id=draft.grid.id if draft.grid else None,
        title=TEXT.required(draft.title, "title", TITLE_MAX),
        description=TEXT.required(draft.description, "description", DESCRIPTION_MAX),
        category=TEXT.required(draft.category, "category", CATEGORY_MAX),
        urgency=draft.urgency,
        source=draft.source,
        raised_by_id=draft.raised_by_id,
        raised_at=utcnow(),
        status=NeedStatus.SUBMITTED,
    )
    session.add(need)
    await session.flush()
    add_attachments(session, photos, need_id=need.id)
    record(
        session,
        actor,
        "needSubmit",
        object_type="Need",
        object_id=need.id,
        changes=diff({}, snapshot(need, ["community_id", "title", "source", "urgency"])),
    )
    await session.commit()
    return need


async def triage_need(
    session: AsyncSession,
    actor: Actor,
    need: Need,
    *,
    status: NeedStatus,
    merge_into: Need | None = None,
    reason: str | None = None,
) -> Need:
    # Simultaneous triages (a merge of A into B and of B into A) take turns on the row.
    await session.refresh(need, with_for_update=True)
    if need.status is not NeedStatus.SUBMITTED:
        raise refuse(CoBuildingErrorCode.ALREADY_TRIAGED, "need")
    before = snapshot(need, TRIAGE_FIELDS)
    if status is NeedStatus.MERGED:
        if merge_into is None:
            raise refuse(
                CoBuildingErrorCode.REQUIRED, "mergeInto", "合并时须指定重复的是哪条需求。"
            )
        if merge_into.id == need.id or merge_into.community_id != need.community_id:
            raise refuse(CoBuildingErrorCode.INVALID, "mergeInto", "只能合并到本社区的另一条需求。")
        if merge_into.status in (NeedStatus.MERGED, NeedStatus.REJECTED):
            raise refuse(
                CoBuildingErrorCode.INVALID, "mergeInto", "不能合并到已合并或不予受理的需求。"
            )
        need.merged_into_id = merge_into.id
    if status is NeedStatus.REJECTED:
        need.reject_reason = TEXT.required(reason, "reason", REASON_MAX)
    need.status = status
    need.triaged_at = utcnow()
    record(
        session,
        actor,
        "needTriage",
        object_type="Need",
        object_id=need.id,
        changes=diff(before, snapshot(need, TRIAGE_FIELDS)),
    )
    await session.commit()
    return need


async def dispatch_need(
    session: AsyncSession,
    actor: Actor,
    need: Need,
    unit: ResidentUnit,
    *,
    resource: Resource | None = None,
    project: Project | None = None,
    note: str | None = None,
) -> NeedDispatch:
    if need.status is NeedStatus.DISPATCHED:
        raise refuse(CoBuildingErrorCode.ALREADY_DISPATCHED, "need")
    _require_status(need, NeedStatus.ACCEPTED)
    if unit.community_id != need.community_id:
        raise refuse(
            CoBuildingErrorCode.OUTSIDE_COMMUNITY, "unit", "只能派给需求所在社区的驻区单位。"
        )
    if resource is not None and resource.unit_id != unit.id:
        raise refuse(CoBuildingErrorCode.INVALID, "resource", "所选资源不是该单位提供的。")
    if project is not None:
        _joinable(project, need)
    dispatch = NeedDispatch(
        need_id=key(need),
        unit_id=key(unit),
        resource_id=resource.id if resource else None,
        project_id=project.id if project else None,
        status=DispatchStatus.PENDING,
        note=TEXT.optional(note, "note", NOTE_MAX),
        dispatched_by_id=actor.principal.user_id,
    )
    need.status = NeedStatus.DISPATCHED
    # A second coordinator may dispatch the same need at the same moment.
    await add_unique(session, dispatch, refuse(CoBuildingErrorCode.ALREADY_DISPATCHED, "need"))
    if unit.liaison_id is not None:
        notify(
            session,
            [unit.liaison_id],
            kind="need.dispatched",
            title=f"社区派单：{need.title}",
            body=dispatch.note or excerpt(need.description, 200),
            link="/cobuilding/inbox",
        )
    record(
        session,
        actor,
        "needDispatch",
        object_type="Need",
        object_id=need.id,
        changes={
            "status": [NeedStatus.ACCEPTED.value, NeedStatus.DISPATCHED.value],
            "unit": [None, unit.id],
        },
    )
    await session.commit()
    return dispatch


def _joinable(project: Project, need: Need) -> None:
    if project.community_id != need.community_id:
        raise refuse(CoBuildingErrorCode.OUTSIDE_COMMUNITY, "project", "只能加入本社区的共建项目。")
    if project.status not in (ProjectStatus.PLANNED, ProjectStatus.IN_PROGRESS):
        raise refuse(CoBuildingErrorCode.INVALID, "project", "只能加入计划中或实施中的项目。")


async def _claim_dispatch(
    session: AsyncSession, dispatch: NeedDispatch, status: DispatchStatus, actor: Actor
) -> None:
    """Answer a pending dispatch exactly once, however many answers arrive at the same time."""
    changed = await rows_changed(
        session,
        update(NeedDispatch)
        .where(
            col(NeedDispatch.id) == dispatch.id, col(NeedDispatch.status) == DispatchStatus.PENDING
        )
        .values(status=status, responded_at=utcnow(), responded_by_id=actor.principal.user_id)
        .execution_options(synchronize_session=False),
    )
    if changed != 1:
        raise refuse(CoBuildingErrorCode.ALREADY_RESPONDED, "dispatch")
    await session.refresh(dispatch)


def _answerable(actor: Actor, dispatch: NeedDispatch) -> None:
    if dispatch.status is not DispatchStatus.PENDING:
        raise refuse(CoBuildingErrorCode.ALREADY_RESPONDED, "dispatch")
    if not answers_for(actor, dispatch):
        raise refuse(CoBuildingErrorCode.NOT_OWNER, "dispatch")


async def accept_dispatch(
    session: AsyncSession,
    actor: Actor,
    dispatch: NeedDispatch,
    need: Need,
    project_title: str | None = None,
) -> Project:
    """The accepted need joins the project named in the dispatch, or becomes a new project
    led by the accepting unit."""
    _answerable(actor, dispatch)
    project = await session.get(Project, dispatch.project_id) if dispatch.project_id else None
    if project is not None:
        _joinable(project, need)
    else:
        project = Project(
            title=TEXT.required(project_title or need.title, "projectTitle", TITLE_MAX),
            description=need.description,
            community_id=need.community_id,
            lead_unit_id=dispatch.unit_id,
            status=ProjectStatus.PLANNED,
            starts_on=date.today(),
        )
        session.add(project)
    await _claim_dispatch(session, dispatch, DispatchStatus.ACCEPTED, actor)
    await session.flush()
    if project.lead_unit_id != dispatch.unit_id:
        await _add_partner(session, project, dispatch.unit_id)
    need.status = NeedStatus.IN_PROGRESS
    need.project_id = project.id
    record(
        session,
        actor,
        "needDispatchRespond",
        object_type="Need",
        object_id=need.id,
        changes={
            "status": [NeedStatus.DISPATCHED.value, NeedStatus.IN_PROGRESS.value],
            "project_id": [None, project.id],
        },
    )
    await session.commit()
    return project


async def _add_partner(session: AsyncSession, project: Project, unit_id: int) -> None:
    from sqlalchemy import select

    existing = await session.scalar(
        select(ProjectPartner).where(
            col(ProjectPartner.project_id) == project.id, col(ProjectPartner.unit_id) == unit_id
        )
    )
    if existing is None:
        session.add(ProjectPartner(project_id=key(project), unit_id=unit_id))


async def decline_dispatch(
    session: AsyncSession, actor: Actor, dispatch: NeedDispatch, need: Need, reason: str | None
) -> NeedDispatch:
    _answerable(actor, dispatch)
    cleaned = TEXT.required(reason, "reason", REASON_MAX)
    await _claim_dispatch(session, dispatch, DispatchStatus.DECLINED, actor)
    dispatch.decline_reason = cleaned
    # Back in the coordinator's queue, to be dispatched elsewhere.
    need.status = NeedStatus.ACCEPTED
    record(
        session,
        actor,
        "needDispatchRespond",
        object_type="Need",
        object_id=need.id,
        changes={
            "status": [NeedStatus.DISPATCHED.value, NeedStatus.ACCEPTED.value],
            "declined": [None, cleaned],
        },
    )
    await session.commit()
    return dispatch


async def solve_need(session: AsyncSession, actor: Actor, need: Need) -> Need:
    _require_status(need, NeedStatus.IN_PROGRESS)
    need.status = NeedStatus.SOLVED
    need.solved_at = utcnow()
    record(
        session,
        actor,
        "needSolve",
        object_type="Need",
        object_id=need.id,
        changes={"status": [NeedStatus.IN_PROGRESS.value, NeedStatus.SOLVED.value]},
    )
    await session.commit()
    return need


async def close_need(
    session: AsyncSession, actor: Actor, need: Need, *, satisfaction: int, feedback: str | None
) -> Need:
    _require_status(need, NeedStatus.SOLVED)
    if not SATISFACTION_MIN <= satisfaction <= SATISFACTION_MAX:
        raise refuse(
            CoBuildingErrorCode.OUT_OF_RANGE,
            "satisfaction",
            f"满意度须为 {SATISFACTION_MIN} 到 {SATISFACTION_MAX} 分。",
        )
    need.satisfaction = satisfaction
    need.feedback = TEXT.optional(feedback, "feedback", FEEDBACK_MAX)
    need.status = NeedStatus.CLOSED
    need.closed_at = utcnow()
    record(
        session,
        actor,
        "needClose",
        object_type="Need",
        object_id=need.id,
        changes={
            "status": [NeedStatus.SOLVED.value, NeedStatus.CLOSED.value],
            "satisfaction": [None, satisfaction],
        },
    )
    await session.commit()
    return need


async def withdraw_dispatch(
    session: AsyncSession, actor: Actor, dispatch: NeedDispatch, need: Need
) -> NeedDispatch:
    """A unit that does not answer does not hold the need forever: the coordinator takes the
    dispatch back, and the need waits to be dispatched again."""
    if dispatch.status is not DispatchStatus.PENDING:
        raise refuse(CoBuildingErrorCode.ALREADY_RESPONDED, "dispatch", "该派单已答复，不能撤回。")
    await _claim_dispatch(session, dispatch, DispatchStatus.WITHDRAWN, actor)
    need.status = NeedStatus.ACCEPTED
    record(
        session,
        actor,
        "needDispatchWithdraw",
        object_type="Need",
        object_id=need.id,
        changes={"status": [NeedStatus.DISPATCHED.value, NeedStatus.ACCEPTED.value]},
    )
    await session.commit()
    return dispatch

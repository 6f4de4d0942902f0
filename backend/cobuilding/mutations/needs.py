"""Mutations of the needs workflow: raise, triage, dispatch, answer, solve, close."""

from __future__ import annotations

import enum

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from backend.attachments.uploads import read_uploads
from backend.cobuilding import needs
from backend.cobuilding.loaders import NeedByIdLoader
from backend.cobuilding.models import (
    Need,
    NeedDispatch,
    NeedSource,
    NeedStatus,
    Project,
    Resource,
    Urgency,
)
from backend.cobuilding.mutations.common import CoBuildingError
from backend.cobuilding.permissions import ANSWER_DISPATCH, HANDLE_NEEDS, SUBMIT_NEED
from backend.cobuilding.types.needs import NeedDispatchType, NeedType
from backend.cobuilding.types.projects import ProjectType
from backend.core.errors import NotFound
from backend.core.ids import decode_id, load_in_scope
from backend.core.limits import limited, within
from backend.core.models import key
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.core.types import required
from backend.organisations.models import Grid, Organisation
from backend.people.models import Person
from backend.units.models import ResidentUnit


@strawberry.type
class NeedPayload:
    need: NeedType | None = None
    errors: list[CoBuildingError] = strawberry.field(default_factory=list)


@strawberry.type
class NeedDispatchPayload:
    dispatch: NeedDispatchType | None = None
    need: NeedType | None = None
    project: ProjectType | None = strawberry.field(default=None, description="接单后承接的项目")
    errors: list[CoBuildingError] = strawberry.field(default_factory=list)


@strawberry.input(description="登记一条群众需求（群众点单）")
class NeedSubmitInput:
    community: strawberry.ID
    title: str = limited(needs.TITLE_MAX)
    description: str = limited(needs.DESCRIPTION_MAX)
    category: str = limited(needs.CATEGORY_MAX, description="需求类别，如养老服务、环境卫生")
    urgency: Urgency = Urgency.MEDIUM
    source: NeedSource = strawberry.field(
        description="居民自报、网格员代报、社情民意收集员或工作人员"
    )
    grid: strawberry.ID | None = None
    raised_by: strawberry.ID | None = strawberry.field(default=None, description="提出需求的居民")
    photos: list[Upload] = strawberry.field(
        default_factory=list, description="现场照片（图片或文档，每个不超过 5 MB）"
    )


@strawberry.enum(description="受理需求的方式")
class NeedTriageAction(enum.Enum):
    ACCEPT = "accept"
    MERGE = "merge"
    REJECT = "reject"


TRIAGE_STATUS = {
    NeedTriageAction.ACCEPT: NeedStatus.ACCEPTED,
    NeedTriageAction.MERGE: NeedStatus.MERGED,
    NeedTriageAction.REJECT: NeedStatus.REJECTED,
}


@strawberry.input(description="受理需求：受理、作为重复需求合并，或说明理由不予受理")
class NeedTriageInput:
    need: strawberry.ID
    action: NeedTriageAction
    merge_into: strawberry.ID | None = None
    reason: str | None = limited(needs.REASON_MAX, default=None)


@strawberry.input(description="社区下单：把已受理的需求派给本社区的驻区单位")
class NeedDispatchInput:
    need: strawberry.ID
    unit: strawberry.ID
    resource: strawberry.ID | None = strawberry.field(default=None, description="推荐的资源")
    project: strawberry.ID | None = strawberry.field(
        default=None, description="接单后加入的已有项目；不填则接单单位新建项目"
    )
    note: str | None = limited(needs.NOTE_MAX, default=None)


@strawberry.input(
    description="单位接单或拒单；接单时新建项目（projectTitle）或加入已有项目（project）"
)
class NeedDispatchRespondInput:
    dispatch: strawberry.ID
    accept: bool
    reason: str | None = limited(
        needs.REASON_MAX, default=None, description="拒单理由（拒单时必填）"
    )
    project_title: str | None = limited(
        needs.TITLE_MAX, default=None, description="新建项目的名称，默认取需求标题"
    )


@strawberry.input(description="办结需求时记录群众的评价")
class NeedCloseInput:
    need: strawberry.ID
    satisfaction: int = within(
        needs.SATISFACTION_MIN, needs.SATISFACTION_MAX, description="满意度 1–5 分"
    )
    feedback: str | None = limited(needs.FEEDBACK_MAX, default=None)


async def _community_and_grid(
    info: Info, community: strawberry.ID, grid: strawberry.ID | None
) -> tuple[Organisation, Grid | None]:
    """The community a need is raised in, inside the caller's subtrees. Looked up by subtree
    rather than by table visibility, so that a district platform's token needs only
    `write:needs`, not `read:organisations`."""
    session = info.context.db.session
    actor = info.context.actor.acting_in(SUBMIT_NEED.roles)
    found = await needs.community_for_need(
        session, actor, decode_id(community, "Organisation", "community")
    )
    if found is None:
        raise NotFound(community)
    if grid is None:
        return found, None
    found_grid = await needs.grid_of(session, key(found), decode_id(grid, "Grid", "grid"))
    if found_grid is None:
        raise NotFound(grid)
    return found, found_grid


async def _need(info: Info, value: strawberry.ID, argument: str = "need") -> Need:
    row: Need = await load_in_scope(info, value, Need, argument, acting_as=HANDLE_NEEDS)
    return row


@strawberry.type
class NeedMutations:
    @strawberry.mutation(description="登记群众需求", extensions=allow(SUBMIT_NEED))
    async def need_submit(self, info: Info, input: NeedSubmitInput) -> NeedPayload:
        files = await read_uploads(input.photos)
        community, grid = await _community_and_grid(info, input.community, input.grid)
        person = (
            await load_in_scope(info, input.raised_by, Person, "raisedBy")
            if input.raised_by
            else None
        )
        draft = needs.NeedDraft(
            community_id=key(community),
            title=input.title,
            description=input.description,
            category=input.category,
            urgency=input.urgency,
            source=input.source,
            grid=grid,
            raised_by_id=person.id if person else None,
        )
        session = info.context.db.session
        created, errors = await attempt(
            session, needs.submit_need(session, info.context.actor, draft, files), CoBuildingError
        )
        return NeedPayload(need=NeedType.from_optional(created), errors=errors)

    @strawberry.mutation(description="受理需求（社区工作人员）", extensions=allow(HANDLE_NEEDS))
    async def need_triage(self, info: Info, input: NeedTriageInput) -> NeedPayload:
        need = await _need(info, input.need)
        target = await _need(info, input.merge_into, "mergeInto") if input.merge_into else None
        session = info.context.db.session
        change = needs.triage_need(
            session,
            info.context.actor,
            need,
            status=TRIAGE_STATUS[input.action],
            merge_into=target,
            reason=input.reason,
        )
        triaged, errors = await attempt(session, change, CoBuildingError)
        return NeedPayload(need=NeedType.from_optional(triaged), errors=errors)

    @strawberry.mutation(description="社区下单：派给驻区单位", extensions=allow(HANDLE_NEEDS))
    async def need_dispatch(self, info: Info, input: NeedDispatchInput) -> NeedDispatchPayload:
        need = await _need(info, input.need)
        unit = await load_in_scope(info, input.unit, ResidentUnit, "unit", acting_as=HANDLE_NEEDS)
        resource = (
            await load_in_scope(info, input.resource, Resource, "resource", acting_as=HANDLE_NEEDS)
            if input.resource
            else None
        )
        project = (
            await load_in_scope(info, input.project, Project, "project", acting_as=HANDLE_NEEDS)
            if input.project
            else None
        )
        session = info.context.db.session
        change = needs.dispatch_need(
            session,
            info.context.actor,
            need,
            unit,
            resource=resource,
            project=project,
            note=input.note,
        )
        dispatch, errors = await attempt(session, change, CoBuildingError)
        return NeedDispatchPayload(
            dispatch=NeedDispatchType.from_optional(dispatch),
            need=NeedType.from_model(need) if dispatch else None,
            errors=errors,
        )

    @strawberry.mutation(
        description="单位接单或拒单（驻区单位联络员）", extensions=allow(ANSWER_DISPATCH)
    )
    async def need_dispatch_respond(
        self, info: Info, input: NeedDispatchRespondInput
    ) -> NeedDispatchPayload:
        dispatch = await load_in_scope(
            info, input.dispatch, NeedDispatch, "dispatch", acting_as=ANSWER_DISPATCH
        )
        session = info.context.db.session
        need = required(await info.context.loader(NeedByIdLoader).load(dispatch.need_id), "需求")
        if not input.accept:
            declined, errors = await attempt(
                session,
                needs.decline_dispatch(session, info.context.actor, dispatch, need, input.reason),
                CoBuildingError,
            )
            return NeedDispatchPayload(
                dispatch=NeedDispatchType.from_optional(declined),
                need=NeedType.from_model(need) if declined else None,
                errors=errors,
            )
        project, errors = await attempt(
            session,
            needs.accept_dispatch(session, info.context.actor, dispatch, need, input.project_title),
            CoBuildingError,
        )
        return NeedDispatchPayload(
            dispatch=NeedDispatchType.from_model(dispatch) if project else None,
            need=NeedType.from_model(need) if project else None,
            project=ProjectType.from_optional(project),
            errors=errors,
        )

    @strawberry.mutation(
        description="撤回尚未答复的派单（社区工作人员）", extensions=allow(HANDLE_NEEDS)
    )
    async def need_dispatch_withdraw(
        self, info: Info, dispatch: strawberry.ID
    ) -> NeedDispatchPayload:
        row = await load_in_scope(info, dispatch, NeedDispatch, "dispatch", acting_as=HANDLE_NEEDS)
        session = info.context.db.session
        need = required(await info.context.loader(NeedByIdLoader).load(row.need_id), "需求")
        withdrawn, errors = await attempt(
            session,
            needs.withdraw_dispatch(session, info.context.actor, row, need),
            CoBuildingError,
        )
        return NeedDispatchPayload(
            dispatch=NeedDispatchType.from_optional(withdrawn),
            need=NeedType.from_model(need) if withdrawn else None,
            errors=errors,
        )

    @strawberry.mutation(description="需求已解决（社区工作人员）", extensions=allow(HANDLE_NEEDS))
    async def need_solve(self, info: Info, need: strawberry.ID) -> NeedPayload:
        row = await _need(info, need)
        session = info.context.db.session
        solved, errors = await attempt(
            session, needs.solve_need(session, info.context.actor, row), CoBuildingError
        )
        return NeedPayload(need=NeedType.from_optional(solved), errors=errors)

    @strawberry.mutation(
        description="办结需求并记录群众评价（社区工作人员）", extensions=allow(HANDLE_NEEDS)
    )
    async def need_close(self, info: Info, input: NeedCloseInput) -> NeedPayload:
        row = await _need(info, input.need)
        session = info.context.db.session
        change = needs.close_need(
            session,
            info.context.actor,
            row,
            satisfaction=input.satisfaction,
            feedback=input.feedback,
        )
        closed, errors = await attempt(session, change, CoBuildingError)
        return NeedPayload(need=NeedType.from_optional(closed), errors=errors)

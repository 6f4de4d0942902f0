"""Mutations of the organisation tree (street administrators): add, edit, move, archive and
restore an organisation below the street."""

from __future__ import annotations

from collections.abc import Awaitable

import strawberry
from strawberry.types import Info

from backend.core.changes import Given, given, value_or_none
from backend.core.ids import load_in_scope
from backend.core.limits import limited, within
from backend.core.models import key
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.organisations import grids, tree
from backend.organisations.errors import OrganisationErrorCode
from backend.organisations.models import Grid, Organisation, OrganisationKind
from backend.organisations.permissions import MANAGE_TREE
from backend.organisations.types import GridType, OrganisationType
from backend.people.models import Person


@strawberry.type(description="组织架构操作的错误")
class OrganisationError:
    field: str | None
    code: OrganisationErrorCode
    message: str


@strawberry.type
class OrganisationPayload:
    organisation: OrganisationType | None = None
    errors: list[OrganisationError] = strawberry.field(default_factory=list)


@strawberry.input(description="新建下级组织：社区党委、网格党支部、党小组或社会组织")
class OrganisationCreateInput:
    parent: strawberry.ID = strawberry.field(description="上级组织")
    kind: OrganisationKind
    name: str = limited(tree.NAME_MAX)
    code: str | None = limited(tree.CODE_MAX, default=None, description="组织代码")
    address: str | None = limited(tree.ADDRESS_MAX, default=None)
    secretary_name: str | None = limited(tree.SECRETARY_MAX, default=None, description="书记")
    phone: str | None = limited(tree.PHONE_MAX, default=None)


@strawberry.input(description="修改组织信息：只改所填的字段；可选项传 null 表示清空")
class OrganisationUpdateInput:
    id: strawberry.ID
    name: strawberry.Maybe[str] = limited(tree.NAME_MAX)
    code: strawberry.Maybe[str | None] = limited(tree.CODE_MAX)
    address: strawberry.Maybe[str | None] = limited(tree.ADDRESS_MAX)
    secretary_name: strawberry.Maybe[str | None] = limited(tree.SECRETARY_MAX)
    phone: strawberry.Maybe[str | None] = limited(tree.PHONE_MAX)


@strawberry.input(description="把组织（连同其下级）移到另一个上级组织之下")
class OrganisationMoveInput:
    id: strawberry.ID
    parent: strawberry.ID


@strawberry.type
class GridPayload:
    grid: GridType | None = None
    errors: list[OrganisationError] = strawberry.field(default_factory=list)


@strawberry.input(description="新建网格")
class GridCreateInput:
    community: strawberry.ID = strawberry.field(description="所属社区党委")
    name: str = limited(grids.NAME_MAX)
    households: int = within(grids.HOUSEHOLDS_MIN, grids.HOUSEHOLDS_MAX, default=0)
    branch: strawberry.ID | None = strawberry.field(default=None, description="网格党支部")
    leader: strawberry.ID | None = strawberry.field(default=None, description="网格长")
    worker: strawberry.ID | None = strawberry.field(default=None, description="网格员")


@strawberry.input(description="修改网格：只改所填的字段；branch、leader、worker 传 null 表示清空")
class GridUpdateInput:
    id: strawberry.ID
    name: strawberry.Maybe[str] = limited(grids.NAME_MAX)
    households: strawberry.Maybe[int] = within(grids.HOUSEHOLDS_MIN, grids.HOUSEHOLDS_MAX)
    branch: strawberry.Maybe[strawberry.ID | None]
    leader: strawberry.Maybe[strawberry.ID | None]
    worker: strawberry.Maybe[strawberry.ID | None]


async def _person_id(info: Info, value: strawberry.ID | None, argument: str) -> int | None:
    if value is None:
        return None
    return key(await load_in_scope(info, value, Person, argument, acting_as=MANAGE_TREE))


async def _given_person(
    info: Info, maybe: strawberry.Maybe[strawberry.ID | None], argument: str
) -> Given[int | None] | None:
    return None if maybe is None else Given(await _person_id(info, maybe.value, argument))


async def _grid_payload(info: Info, change: Awaitable[Grid]) -> GridPayload:
    changed, errors = await attempt(info.context.db.session, change, OrganisationError)
    return GridPayload(grid=GridType.from_optional(changed), errors=errors)


async def _payload(info: Info, change: Awaitable[Organisation]) -> OrganisationPayload:
    changed, errors = await attempt(info.context.db.session, change, OrganisationError)
    return OrganisationPayload(organisation=OrganisationType.from_optional(changed), errors=errors)


async def _managed(info: Info, value: strawberry.ID, argument: str) -> Organisation:
    organisation: Organisation = await load_in_scope(
        info, value, Organisation, argument, acting_as=MANAGE_TREE
    )
    return organisation


@strawberry.type
class OrganisationMutations:
    @strawberry.mutation(description="新建下级组织（街道管理员）", extensions=allow(MANAGE_TREE))
    async def organisation_create(
        self, info: Info, input: OrganisationCreateInput
    ) -> OrganisationPayload:
        parent = await _managed(info, input.parent, "parent")
        draft = tree.OrganisationDraft(
            name=input.name,
            kind=input.kind,
            code=input.code,
            address=input.address,
            secretary_name=input.secretary_name,
            phone=input.phone,
        )
        session, actor = info.context.db.session, info.context.actor
        return await _payload(info, tree.create_organisation(session, actor, parent, draft))

    @strawberry.mutation(description="修改组织信息（街道管理员）", extensions=allow(MANAGE_TREE))
    async def organisation_update(
        self, info: Info, input: OrganisationUpdateInput
    ) -> OrganisationPayload:
        organisation = await _managed(info, input.id, "id")
        changes = tree.OrganisationChanges(
            name=input.name.value if input.name else None,
            code=given(input.code),
            address=given(input.address),
            secretary_name=given(input.secretary_name),
            phone=given(input.phone),
        )
        session, actor = info.context.db.session, info.context.actor
        return await _payload(info, tree.update_organisation(session, actor, organisation, changes))

    @strawberry.mutation(description="调整组织的上级（街道管理员）", extensions=allow(MANAGE_TREE))
    async def organisation_move(
        self, info: Info, input: OrganisationMoveInput
    ) -> OrganisationPayload:
        organisation = await _managed(info, input.id, "id")
        parent = await _managed(info, input.parent, "parent")
        session, actor = info.context.db.session, info.context.actor
        return await _payload(info, tree.move_organisation(session, actor, organisation, parent))

    @strawberry.mutation(description="归档组织（街道管理员）", extensions=allow(MANAGE_TREE))
    async def organisation_archive(self, info: Info, id: strawberry.ID) -> OrganisationPayload:
        organisation = await _managed(info, id, "id")
        session, actor = info.context.db.session, info.context.actor
        return await _payload(info, tree.archive_organisation(session, actor, organisation))

    @strawberry.mutation(
        description="恢复已归档的组织（街道管理员）", extensions=allow(MANAGE_TREE)
    )
    async def organisation_restore(self, info: Info, id: strawberry.ID) -> OrganisationPayload:
        organisation = await _managed(info, id, "id")
        session, actor = info.context.db.session, info.context.actor
        return await _payload(info, tree.restore_organisation(session, actor, organisation))

    @strawberry.mutation(description="新建网格（街道管理员）", extensions=allow(MANAGE_TREE))
    async def grid_create(self, info: Info, input: GridCreateInput) -> GridPayload:
        community = await _managed(info, input.community, "community")
        branch = await _managed(info, input.branch, "branch") if input.branch else None
        draft = grids.GridDraft(
            name=input.name,
            households=input.households,
            branch=branch,
            leader_id=await _person_id(info, input.leader, "leader"),
            worker_id=await _person_id(info, input.worker, "worker"),
        )
        session, actor = info.context.db.session, info.context.actor
        return await _grid_payload(info, grids.create_grid(session, actor, community, draft))

    @strawberry.mutation(description="修改网格（街道管理员）", extensions=allow(MANAGE_TREE))
    async def grid_update(self, info: Info, input: GridUpdateInput) -> GridPayload:
        grid = await load_in_scope(info, input.id, Grid, "id", acting_as=MANAGE_TREE)
        branch: Given[Organisation | None] | None = None
        if input.branch is not None:
            chosen = input.branch.value
            branch = Given(await _managed(info, chosen, "branch") if chosen else None)
        changes = grids.GridChanges(
            name=value_or_none(input.name),
            households=value_or_none(input.households),
            branch=branch,
            leader_id=await _given_person(info, input.leader, "leader"),
            worker_id=await _given_person(info, input.worker, "worker"),
        )
        session, actor = info.context.db.session, info.context.actor
        return await _grid_payload(info, grids.update_grid(session, actor, grid, changes))

    @strawberry.mutation(description="归档网格（街道管理员）", extensions=allow(MANAGE_TREE))
    async def grid_archive(self, info: Info, id: strawberry.ID) -> GridPayload:
        grid = await load_in_scope(info, id, Grid, "id", acting_as=MANAGE_TREE)
        session, actor = info.context.db.session, info.context.actor
        return await _grid_payload(info, grids.archive_grid(session, actor, grid))

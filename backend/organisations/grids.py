"""Grids (网格) of a community: a street administrator adds, edits and archives them, with
their households, grid branch, grid leader (网格长) and grid worker (网格员)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.audit.services import diff, record, snapshot
from backend.cobuilding.models import Need
from backend.core.actor import Actor
from backend.core.changes import Given
from backend.core.db import add_unique
from backend.core.models import key, utcnow
from backend.organisations.errors import TEXT, OrganisationErrorCode, refuse
from backend.organisations.models import Grid, Organisation, OrganisationKind
from backend.organisations.tree import FINISHED_NEEDS
from backend.units.models import ResidentUnit

E = OrganisationErrorCode
NAME_MAX = 100  # Grid.name
HOUSEHOLDS_MIN, HOUSEHOLDS_MAX = 0, 2000  # the table's check
FIELDS = ["name", "households", "branch_id", "leader_id", "worker_id", "archived_at"]


@dataclass(frozen=True)
class GridDraft:
    name: str
    households: int = 0
    branch: Organisation | None = None
    leader_id: int | None = None
    worker_id: int | None = None


@dataclass(frozen=True)
class GridChanges:
    """Fields left as None are kept; branch, leader and worker given as None are cleared."""

    name: str | None = None
    households: int | None = None
    branch: Given[Organisation | None] | None = None
    leader_id: Given[int | None] | None = None
    worker_id: Given[int | None] | None = None


def _check_households(households: int) -> None:
    if not HOUSEHOLDS_MIN <= households <= HOUSEHOLDS_MAX:
        raise refuse(
            E.INVALID, "households", f"户数须在 {HOUSEHOLDS_MIN} 到 {HOUSEHOLDS_MAX} 之间。"
        )


def _check_branch(community_id: int, branch: Organisation | None) -> None:
    if branch is None:
        return
    if branch.kind is not OrganisationKind.GRID_BRANCH or branch.parent_id != community_id:
        raise refuse(E.WRONG_PARENT, "branch", "网格党支部须是本社区的网格党支部。")
    if branch.archived_at is not None:
        raise refuse(E.ARCHIVED, "branch", f"“{branch.name}”已归档。")


def _duplicate(community: Organisation) -> Exception:
    return refuse(E.DUPLICATE, "name", f"“{community.name}”已有同名网格。")


async def create_grid(
    session: AsyncSession, actor: Actor, community: Organisation, draft: GridDraft
) -> Grid:
    if community.kind is not OrganisationKind.COMMUNITY_COMMITTEE:
        raise refuse(E.WRONG_PARENT, "community", "网格设在社区党委之下。")
    if community.archived_at is not None:
        raise refuse(E.ARCHIVED, "community", f"“{community.name}”已归档。")
    _check_households(draft.households)
    _check_branch(key(community), draft.branch)
    grid = Grid(
        name=TEXT.required(draft.name, "name", NAME_MAX),
        community_id=key(community),
        households=draft.households,
        branch_id=draft.branch.id if draft.branch else None,
        leader_id=draft.leader_id,
        worker_id=draft.worker_id,
    )
    await add_unique(session, grid, _duplicate(community))
    record(
        session,
        actor,
        "gridCreate",
        object_type="Grid",
        object_id=grid.id,
        changes=diff({}, snapshot(grid, FIELDS)),
    )
    await session.commit()
    return grid


async def update_grid(
    session: AsyncSession, actor: Actor, grid: Grid, changes: GridChanges
) -> Grid:
    if grid.archived_at is not None:
        raise refuse(E.ARCHIVED, None, f"网格“{grid.name}”已归档。")
    # Read before any change: a read would flush it, and a name clash would surface untyped.
    community = await session.get(Organisation, grid.community_id)
    assert community is not None  # a grid's community is never deleted
    before = snapshot(grid, FIELDS)
    if changes.name is not None:
        grid.name = TEXT.required(changes.name, "name", NAME_MAX)
    if changes.households is not None:
        _check_households(changes.households)
        grid.households = changes.households
    if changes.branch is not None:
        _check_branch(grid.community_id, changes.branch.value)
        grid.branch_id = changes.branch.value.id if changes.branch.value else None
    if changes.leader_id is not None:
        grid.leader_id = changes.leader_id.value
    if changes.worker_id is not None:
        grid.worker_id = changes.worker_id.value
    after = snapshot(grid, FIELDS)
    if after == before:
        return grid
    await add_unique(session, grid, _duplicate(community))
    record(
        session,
        actor,
        "gridUpdate",
        object_type="Grid",
        object_id=grid.id,
        changes=diff(before, after),
    )
    await session.commit()
    return grid


async def archive_grid(session: AsyncSession, actor: Actor, grid: Grid) -> Grid:
    if grid.archived_at is not None:
        raise refuse(E.ARCHIVED, None, f"网格“{grid.name}”已归档。")
    units = await session.scalar(
        select(func.count()).where(
            col(ResidentUnit.grid_id) == grid.id, col(ResidentUnit.archived_at).is_(None)
        )
    )
    needs = await session.scalar(
        select(func.count()).where(
            col(Need.grid_id) == grid.id, col(Need.status).not_in(FINISHED_NEEDS)
        )
    )
    hanging = [
        f"{number} 个{what}"
        for what, number in (("驻区单位", units), ("未办结的需求", needs))
        if number
    ]
    if hanging:
        raise refuse(
            E.NOT_EMPTY,
            None,
            f"网格“{grid.name}”内还有 {'、'.join(hanging)}，请先调整网格或办结后再归档。",
        )
    before = snapshot(grid, FIELDS)
    grid.archived_at = utcnow()
    record(
        session,
        actor,
        "gridArchive",
        object_type="Grid",
        object_id=grid.id,
        changes=diff(before, snapshot(grid, FIELDS)),
    )
    await session.commit()
    return grid

"""Micro-wishes (微心愿): published for a resident, claimed by a member, volunteer or unit —
exactly one claim wins, however many arrive at once — fulfilled with evidence, confirmed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.attachments.uploads import File, add_attachments, check_files
from backend.audit.services import record
from backend.cobuilding.errors import UPLOADS, CoBuildingErrorCode, refuse
from backend.cobuilding.models import MicroWish, MicroWishStatus
from backend.cobuilding.needs import TEXT
from backend.cobuilding.permissions import is_claimant
from backend.core.actor import Actor
from backend.core.db import rows_changed
from backend.core.models import utcnow
from backend.organisations.models import Grid
from backend.units.models import ResidentUnit

W = MicroWishStatus
TITLE_MAX, DESCRIPTION_MAX, NOTE_MAX = 100, 500, 500


@dataclass(frozen=True)
class WishDraft:
    community_id: int
    beneficiary_id: int
    title: str
    description: str
    grid: Grid | None = None


async def publish_wish(session: AsyncSession, actor: Actor, draft: WishDraft) -> MicroWish:
    if draft.grid is not None and draft.grid.community_id != draft.community_id:
        raise refuse(CoBuildingErrorCode.OUTSIDE_COMMUNITY, "grid", "网格不属于该社区。")
    wish = MicroWish(
        community_id=draft.community_id,
        grid_id=draft.grid.id if draft.grid else None,
        beneficiary_id=draft.beneficiary_id,
        title=TEXT.required(draft.title, "title", TITLE_MAX),
        description=TEXT.required(draft.description, "description", DESCRIPTION_MAX),
        status=W.PUBLISHED,
        published_at=utcnow(),
    )
    session.add(wish)
    await session.flush()
    record(
        session,
        actor,
        "microWishPublish",
        object_type="MicroWish",
        object_id=wish.id,
        changes={"title": [None, wish.title]},
    )
    await session.commit()
    return wish


@dataclass(frozen=True)
class Claimant:
    """A person claims for themself; a unit liaison may claim for the unit."""

    person_id: int | None = None
    unit_id: int | None = None


async def claimant(
    session: AsyncSession, actor: Actor, wish: MicroWish, *, for_unit: bool
) -> Claimant:
    """Who the actor claims as: themself, or the one unit they are liaison for in the
    wish's community."""
    if not for_unit:
        return Claimant(person_id=actor.person_id)
    for unit_id in sorted(actor.scope.unit_ids):
        unit = await session.get(ResidentUnit, unit_id)
        if unit is not None and unit.community_id == wish.community_id:
            return Claimant(unit_id=unit_id)
    return Claimant()


async def claim_wish(
    session: AsyncSession, actor: Actor, wish: MicroWish, claimant: Claimant
) -> MicroWish:
    if claimant.person_id is None and claimant.unit_id is None:
        raise refuse(CoBuildingErrorCode.NOT_OWNER, "wish", "您的账号未关联人员信息，无法认领。")
    # One conditional UPDATE: of simultaneous claims, only the first finds it still published.
    changed = await rows_changed(
        session,
        update(MicroWish)
        .where(col(MicroWish.id) == wish.id, col(MicroWish.status) == W.PUBLISHED)
        .values(
            status=W.CLAIMED,
            claimed_by_person_id=claimant.person_id if claimant.unit_id is None else None,
            claimed_by_unit_id=claimant.unit_id,
            claimed_at=utcnow(),
        )
        .execution_options(synchronize_session=False),
    )
    if changed != 1:
        await session.rollback()
        raise refuse(CoBuildingErrorCode.ALREADY_CLAIMED, "wish")
    record(
        session,
        actor,
        "microWishClaim",
        object_type="MicroWish",
        object_id=wish.id,
        changes={"status": [W.PUBLISHED.value, W.CLAIMED.value]},
    )
    await session.commit()
    await session.refresh(wish)
    return wish


async def fulfil_wish(
    session: AsyncSession,
    actor: Actor,
    wish: MicroWish,
    claimant: Claimant,
    note: str | None,
    files: list[File],
) -> MicroWish:
    if wish.status is not W.CLAIMED:
        raise refuse(
            CoBuildingErrorCode.ILLEGAL_TRANSITION, "wish", f"微心愿当前为“{wish.status.label}”。"
        )
    if not is_claimant(wish, person_id=claimant.person_id, unit_id=claimant.unit_id):
        raise refuse(CoBuildingErrorCode.NOT_OWNER, "wish", "只有认领人可以登记实现情况。")
    if not files:
        raise refuse(CoBuildingErrorCode.REQUIRED, "evidence", "请上传照片或文件作为实现的佐证。")
    evidence = check_files(files, "evidence", UPLOADS)
    wish.fulfilment_note = TEXT.optional(note, "note", NOTE_MAX)
    wish.status = W.FULFILLED
    wish.fulfilled_at = utcnow()
    add_attachments(session, evidence, micro_wish_id=wish.id)
    record(
        session,
        actor,
        "microWishFulfil",
        object_type="MicroWish",
        object_id=wish.id,
        changes={"status": [W.CLAIMED.value, W.FULFILLED.value], "evidence": [None, len(files)]},
    )
    await session.commit()
    return wish


async def confirm_wish(session: AsyncSession, actor: Actor, wish: MicroWish) -> MicroWish:
    if wish.status is not W.FULFILLED:
        raise refuse(
            CoBuildingErrorCode.ILLEGAL_TRANSITION,
            "wish",
            f"微心愿当前为“{wish.status.label}”，实现后才能确认。",
        )
    wish.status = W.CONFIRMED
    wish.confirmed_at = utcnow()
    record(
        session,
        actor,
        "microWishConfirm",
        object_type="MicroWish",
        object_id=wish.id,
        changes={"status": [W.FULFILLED.value, W.CONFIRMED.value]},
    )
    await session.commit()
    return wish

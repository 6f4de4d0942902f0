"""Changes to the organisation tree: a street administrator adds, renames, moves, archives and
restores the organisations below the street (communities, grid branches, party groups, social
organisations). Which kind sits under which is `ALLOWED_PARENT_KINDS`; a move rewrites the
materialised paths of the whole subtree in one statement, inside the mutation's transaction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.audit.services import diff, record, snapshot
from backend.cobuilding.models import Need, NeedStatus
from backend.core.actor import Actor
from backend.core.changes import Given
from backend.core.db import add_unique
from backend.core.models import key, utcnow
from backend.meetings.models import ActionItem, ActionItemStatus, AgendaItem, Decision, JointMeeting
from backend.organisations.errors import TEXT, OrganisationErrorCode, refuse
from backend.organisations.models import ALLOWED_PARENT_KINDS, Grid, Organisation, OrganisationKind
from backend.organisations.services import child_path, subtree_ids
from backend.units.models import ResidentUnit

E = OrganisationErrorCode
NAME_MAX, ADDRESS_MAX, SECRETARY_MAX, PHONE_MAX, CODE_MAX = 100, 200, 50, 20, 32
FIELDS = ["name", "kind", "parent_id", "code", "address", "secretary_name", "phone", "archived_at"]
FINISHED_NEEDS = (NeedStatus.CLOSED, NeedStatus.REJECTED, NeedStatus.MERGED)
FINISHED_ACTIONS = (ActionItemStatus.DONE, ActionItemStatus.VERIFIED)


@dataclass(frozen=True)
class OrganisationDraft:
    name: str
    kind: OrganisationKind
    code: str | None = None
    address: str | None = None
    secretary_name: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class OrganisationChanges:
    """Fields left as None are kept; the optional ones given as None are cleared."""

    name: str | None = None
    code: Given[str | None] | None = None
    address: Given[str | None] | None = None
    secretary_name: Given[str | None] | None = None
    phone: Given[str | None] | None = None


def _check_parent(kind: OrganisationKind, parent: Organisation) -> None:
    if parent.archived_at is not None:
        raise refuse(E.ARCHIVED, "parent", f"上级组织“{parent.name}”已归档。")
    if parent.kind not in ALLOWED_PARENT_KINDS[kind]:
        raise refuse(E.WRONG_PARENT, "parent", f"{kind.label}不能设在{parent.kind.label}之下。")


def _check_live(organisation: Organisation) -> None:
    if organisation.archived_at is not None:
        raise refuse(E.ARCHIVED, None, f"“{organisation.name}”已归档，请先恢复。")


async def _check_code_free(session: AsyncSession, code: str | None, own_id: int | None) -> None:
    """The organisation code (e.g. a party organisation's code) is unique across the street."""
    if code is None:
        return
    taken = await session.scalar(
        select(col(Organisation.name)).where(
            col(Organisation.code) == code, col(Organisation.id) != (own_id or 0)
        )
    )
    if taken is not None:
        raise refuse(E.DUPLICATE, "code", f"组织代码“{code}”已由“{taken}”使用。")


def _duplicate(parent: Organisation | None) -> Exception:
    where = f"“{parent.name}”下" if parent else "顶层"
    return refuse(E.DUPLICATE, "name", f"{where}已有同名组织。")


async def create_organisation(
    session: AsyncSession, actor: Actor, parent: Organisation, draft: OrganisationDraft
) -> Organisation:
    _check_parent(draft.kind, parent)
    organisation = Organisation(
        name=TEXT.required(draft.name, "name", NAME_MAX),
        kind=draft.kind,
        parent_id=key(parent),
        code=TEXT.optional(draft.code, "code", CODE_MAX),
        address=TEXT.optional(draft.address, "address", ADDRESS_MAX),
        secretary_name=TEXT.optional(draft.secretary_name, "secretaryName", SECRETARY_MAX),
        phone=TEXT.optional(draft.phone, "phone", PHONE_MAX),
    )
    await _check_code_free(session, organisation.code, None)
    await add_unique(session, organisation, _duplicate(parent))
    organisation.path = child_path(parent, key(organisation))
    record(
        session,
        actor,
        "organisationCreate",
        object_type="Organisation",
        object_id=organisation.id,
        changes=diff({}, snapshot(organisation, FIELDS)),
    )
    await session.commit()
    return organisation


async def update_organisation(
    session: AsyncSession, actor: Actor, organisation: Organisation, changes: OrganisationChanges
) -> Organisation:
    _check_live(organisation)
    # Reads come before any change: a read would flush a half-made change (a clash on a unique
    # column would then surface there, untyped, instead of in add_unique below).
    parent = (
        await session.get(Organisation, organisation.parent_id) if organisation.parent_id else None
    )
    if changes.code is not None:
        code = TEXT.optional(changes.code.value, "code", CODE_MAX)
        await _check_code_free(session, code, organisation.id)
    before = snapshot(organisation, FIELDS)
    if changes.name is not None:
        organisation.name = TEXT.required(changes.name, "name", NAME_MAX)
    if changes.code is not None:
        organisation.code = code
    optional = [
        ("address", "address", ADDRESS_MAX, changes.address),
        ("secretary_name", "secretaryName", SECRETARY_MAX, changes.secretary_name),
        ("phone", "phone", PHONE_MAX, changes.phone),
    ]
    for attribute, field, limit, given in optional:
        if given is not None:
            setattr(organisation, attribute, TEXT.optional(given.value, field, limit))
    after = snapshot(organisation, FIELDS)
    if after == before:
        return organisation
    await add_unique(session, organisation, _duplicate(parent))
    record(
        session,
        actor,
        "organisationUpdate",
        object_type="Organisation",
        object_id=organisation.id,
        changes=diff(before, after),
    )
    await session.commit()
    return organisation


async def move_organisation(
    session: AsyncSession, actor: Actor, organisation: Organisation, parent: Organisation
) -> Organisation:
    """Under another parent, with every path below it rewritten in the same transaction."""
    _check_live(organisation)
    if parent.path.startswith(organisation.path):
        raise refuse(E.WRONG_PARENT, "parent", "不能移到自身或其下级组织之下。")
    _check_parent(organisation.kind, parent)
    if organisation.parent_id == parent.id:
        return organisation
    await _check_no_grids_follow(session, organisation)
    before = snapshot(organisation, FIELDS)
    old_path, new_path = organisation.path, child_path(parent, key(organisation))
    organisation.parent_id = key(parent)
    await add_unique(session, organisation, _duplicate(parent))
    await session.execute(
        update(Organisation)
        .where(col(Organisation.path).startswith(old_path))
        .values(path=literal(new_path) + func.substr(col(Organisation.path), len(old_path) + 1))
        .execution_options(synchronize_session="fetch")
    )
    await session.refresh(organisation)
    record(
        session,
        actor,
        "organisationMove",
        object_type="Organisation",
        object_id=organisation.id,
        changes=diff(before, snapshot(organisation, FIELDS)),
    )
    await session.commit()
    return organisation


async def _check_no_grids_follow(session: AsyncSession, branch: Organisation) -> None:
    """A grid branch leads grids of its own community: it leaves only once they have another."""
    grids = list(
        await session.scalars(
            select(col(Grid.name)).where(
                col(Grid.branch_id) == branch.id, col(Grid.archived_at).is_(None)
            )
        )
    )
    if grids:
        raise refuse(
            E.NOT_EMPTY,
            "parent",
            f"“{branch.name}”仍是网格“{'、'.join(grids[:3])}”的党支部，请先在网格中改选后再调整上级。",
        )


async def _what_hangs_below(session: AsyncSession, organisation: Organisation) -> list[str]:
    """What must be archived, moved or finished first, as Chinese phrases with counts."""
    below = subtree_ids(key(organisation))
    children = list(
        await session.scalars(
            select(col(Organisation.name)).where(
                col(Organisation.parent_id) == organisation.id,
                col(Organisation.archived_at).is_(None),
            )
        )
    )
    counts = {
        "驻区单位": select(func.count()).where(
            col(ResidentUnit.community_id).in_(below), col(ResidentUnit.archived_at).is_(None)
        ),
        # A community's grids, and those a grid branch below leads.
        "网格": select(func.count()).where(
            or_(col(Grid.community_id).in_(below), col(Grid.branch_id).in_(below)),
            col(Grid.archived_at).is_(None),
        ),
        "未办结的需求": select(func.count()).where(
            col(Need.community_id).in_(below), col(Need.status).not_in(FINISHED_NEEDS)
        ),
        "未完成的督办事项": select(func.count())
        .select_from(ActionItem)
        .join(Decision, col(Decision.id) == col(ActionItem.decision_id))
        .join(AgendaItem, col(AgendaItem.id) == col(Decision.agenda_item_id))
        .join(JointMeeting, col(JointMeeting.id) == col(AgendaItem.meeting_id))
        .where(
            col(JointMeeting.organisation_id).in_(below),
            col(ActionItem.status).not_in(FINISHED_ACTIONS),
        ),
    }
    found = []
    if children:
        named = "、".join(children[:3]) + ("等" if len(children) > 3 else "")
        found.append(f"{len(children)} 个下级组织（{named}）")
    for what, statement in counts.items():
        number = int(await session.scalar(statement) or 0)
        if number:
            found.append(f"{number} 个{what}")
    return found


async def archive_organisation(
    session: AsyncSession, actor: Actor, organisation: Organisation
) -> Organisation:
    if organisation.archived_at is not None:
        raise refuse(E.ARCHIVED, None)
    if organisation.parent_id is None:
        raise refuse(E.INVALID, None, "街道党工委是组织架构的根，不能归档。")
    hanging = await _what_hangs_below(session, organisation)
    if hanging:
        raise refuse(
            E.NOT_EMPTY,
            None,
            f"“{organisation.name}”下还有 {'、'.join(hanging)}，请先归档、移走或办结后再归档。",
        )
    before = snapshot(organisation, FIELDS)
    organisation.archived_at = utcnow()
    record(
        session,
        actor,
        "organisationArchive",
        object_type="Organisation",
        object_id=organisation.id,
        changes=diff(before, snapshot(organisation, FIELDS)),
    )
    await session.commit()
    return organisation


async def restore_organisation(
    session: AsyncSession, actor: Actor, organisation: Organisation
) -> Organisation:
    if organisation.archived_at is None:
        return organisation
    parent = (
        await session.get(Organisation, organisation.parent_id) if organisation.parent_id else None
    )
    if parent is not None and parent.archived_at is not None:
        raise refuse(E.ARCHIVED, "parent", f"上级组织“{parent.name}”已归档，请先恢复它。")
    before = snapshot(organisation, FIELDS)
    organisation.archived_at = None
    record(
        session,
        actor,
        "organisationRestore",
        object_type="Organisation",
        object_id=organisation.id,
        changes=diff(before, snapshot(organisation, FIELDS)),
    )
    await session.commit()
    return organisation

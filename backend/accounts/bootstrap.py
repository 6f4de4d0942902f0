"""The first street administrator of a new installation (`python -m backend create-admin`).

A street that installs the product starts from an empty database: this makes its street working
committee (the root of the organisation tree) when there is none of that name, and an account
with the street administrator role over it, so that everything else is done in the app.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.accounts.models import RoleGrant, User
from backend.accounts.passwords import hash_password, password_problem
from backend.audit.services import record
from backend.core.actor import SYSTEM
from backend.core.models import key, utcnow
from backend.core.principal import Role
from backend.organisations.models import Organisation, OrganisationKind
from backend.organisations.services import child_path

USERNAME_MAX = 50  # User.username
STREET_NAME_MAX = 100  # Organisation.name


class BootstrapRefused(Exception):
    """Why the administrator was not created, in Chinese, for the command line."""


@dataclass(frozen=True)
class CreatedAdmin:
    user: User
    street: Organisation
    street_created: bool


async def create_admin(
    session: AsyncSession,
    *,
    username: str,
    display_name: str,
    street_name: str,
    password: str,
    new_street: bool = False,
) -> CreatedAdmin:
    username, street_name = username.strip(), street_name.strip()
    display_name = display_name.strip() or username
    _check(username, display_name, street_name, password)
    if await session.scalar(select(col(User.id)).where(col(User.username) == username)):
        raise BootstrapRefused(f"用户名“{username}”已存在，未做任何修改。")
    street, created = await _street(session, street_name, new_street)
    user = User(
        username=username,
        display_name=display_name,
        password_hash=hash_password(password),
        # The password was typed at the server: it is the administrator's own, not an initial one.
        password_changed_at=utcnow(),
    )
    session.add(user)
    await session.flush()
    session.add(RoleGrant(user_id=key(user), role=Role.STREET_ADMIN, organisation_id=key(street)))
    record(
        session,
        SYSTEM,
        "createAdmin",
        object_type="User",
        object_id=user.id,
        changes={"username": [None, username], "role": [None, Role.STREET_ADMIN.label]},
        user_id=user.id,
    )
    await session.commit()
    return CreatedAdmin(user, street, created)


def _check(username: str, display_name: str, street_name: str, password: str) -> None:
    if not username or len(username) > USERNAME_MAX:
        raise BootstrapRefused(f"用户名须为 1 到 {USERNAME_MAX} 个字。")
    if len(display_name) > USERNAME_MAX:
        raise BootstrapRefused(f"姓名最多 {USERNAME_MAX} 个字。")
    if not street_name or len(street_name) > STREET_NAME_MAX:
        raise BootstrapRefused(f"街道党工委名称须为 1 到 {STREET_NAME_MAX} 个字。")
    problem = password_problem(password, username=username)
    if problem:
        raise BootstrapRefused(problem)


async def _street(session: AsyncSession, name: str, new: bool) -> tuple[Organisation, bool]:
    """The street working committee of this name; a new root when there is none, and, beside an
    existing street, only when asked (a mistyped name must not start a second, empty tree)."""
    found = (
        await session.scalars(
            select(Organisation).where(
                col(Organisation.name) == name, col(Organisation.parent_id).is_(None)
            )
        )
    ).first()
    if found is not None:
        if found.kind is not OrganisationKind.STREET_COMMITTEE:
            raise BootstrapRefused(f"“{name}”不是街道党工委。")
        return found, False
    others = list(
        await session.scalars(
            select(col(Organisation.name)).where(col(Organisation.parent_id).is_(None))
        )
    )
    if others and not new:
        raise BootstrapRefused(
            f"没有名为“{name}”的街道；已有“{'、'.join(others)}”。"
            "如确需另建一个街道，请加 --new-street，未做任何修改。"
        )
    street = Organisation(name=name, kind=OrganisationKind.STREET_COMMITTEE)
    session.add(street)
    await session.flush()
    street.path = child_path(None, key(street))
    record(
        session,
        SYSTEM,
        "createAdmin",
        object_type="Organisation",
        object_id=street.id,
        changes={"name": [None, name], "kind": [None, street.kind.label]},
    )
    return street, True

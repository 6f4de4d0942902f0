"""Users, their role grants over the organisation tree, sign-in sessions and API tokens."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field

from backend.core.models import AwareDateTime, TimestampMixin, enum_column
from backend.core.principal import Role


class User(TimestampMixin, table=True):
    __tablename__ = "app_user"
    __table_args__ = (CheckConstraint("failed_logins >= 0", name="failed_logins_positive"),)

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=50, unique=True)
    # The mobile number also signs in; stored as a keyed hash only (see backend/core/crypto.py).
    mobile_hash: str | None = Field(default=None, max_length=64, unique=True)
    display_name: str = Field(max_length=50)
    password_hash: str = Field(max_length=200)
    person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    is_active: bool = True
    is_demo: bool = False
    failed_logins: int = 0
    # After repeated failures the next attempt must wait; after more the account locks.
    next_attempt_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    locked_until: datetime | None = Field(default=None, sa_type=AwareDateTime)
    last_login_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    password_changed_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class RoleGrant(TimestampMixin, table=True):
    """A role over a subtree of the organisation tree, or, for a unit liaison, over one unit."""

    __tablename__ = "role_grant"
    __table_args__ = (
        UniqueConstraint("user_id", "role", "organisation_id", "unit_id"),
        CheckConstraint(
            "(role = 'unit_liaison') = (unit_id IS NOT NULL)", name="unit_only_for_liaison"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", ondelete="CASCADE", index=True)
    role: Role = Field(sa_type=enum_column(Role, "role"))
    organisation_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    unit_id: int | None = Field(
        default=None, foreign_key="resident_unit.id", ondelete="RESTRICT", index=True
    )


class LoginSession(TimestampMixin, table=True):
    """A signed-in browser. The cookie holds a random secret; only its hash is stored."""

    __tablename__ = "login_session"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", ondelete="CASCADE", index=True)
    secret_hash: str = Field(max_length=64, unique=True)
    csrf_token: str = Field(max_length=64)
    expires_at: datetime = Field(sa_type=AwareDateTime)
    last_seen_at: datetime = Field(sa_type=AwareDateTime)
    ip: str | None = Field(default=None, max_length=64)
    user_agent: str | None = Field(default=None, max_length=300)
    ended_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


class ApiToken(TimestampMixin, table=True):
    """A token for an external system: scopes, a subtree, an expiry. Secret stored as a hash."""

    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    prefix: str = Field(max_length=16, unique=True)
    secret_hash: str = Field(max_length=64)
    # Space-separated, e.g. "read:units read:meetings".
    scopes: str = Field(max_length=500)
    organisation_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    expires_at: datetime = Field(sa_type=AwareDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    last_used_ip: str | None = Field(default=None, max_length=64)
    # Query-cost points spent in the current hour (see backend/core/cost.py).
    budget_window_start: datetime | None = Field(default=None, sa_type=AwareDateTime)
    budget_used: int = 0
    created_by_id: int | None = Field(
        default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True
    )

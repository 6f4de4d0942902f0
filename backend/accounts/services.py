"""Sign-in, sessions, API tokens and the principal behind a request.

Each public function is one transaction: it commits what it changed, or raises DomainError
having changed nothing (failed sign-in counters excepted: they must persist).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import anyio
from sqlalchemy import bindparam, case, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.accounts import passwords, tokens
from backend.accounts.errors import MESSAGES, AccountErrorCode
from backend.accounts.models import ApiToken, LoginSession, RoleGrant, User
from backend.audit.services import diff, record, snapshot
from backend.core.actor import Actor
from backend.core.crypto import keyring
from backend.core.db import RequestDb
from backend.core.errors import DomainError, ErrorCode, PublicError
from backend.core.models import key, utcnow
from backend.core.principal import Grant, Principal
from backend.organisations.models import Organisation

SESSION_LIFETIME = timedelta(hours=12)
# Touch a session's last_seen_at / a token's last_used_at at most this often.
TOUCH_INTERVAL = timedelta(minutes=1)
SLOW_DOWN_AFTER = 3  # failures before each further attempt must wait
LOCK_AFTER = 6  # failures before the account locks
LOCK_DURATION = timedelta(minutes=15)


def _error(
    code: AccountErrorCode, field: str | None = None, message: str | None = None
) -> DomainError:
    return DomainError(field, code, message or MESSAGES[code])


@dataclass(frozen=True)
class SignedIn:
    user: User
    session_secret: str
    csrf_token: str
    expires_at: datetime


async def _find_user(session: AsyncSession, identifier: str) -> User | None:
    mobile_hash = keyring().search_hash(identifier)
    statement = select(User).where(
        or_(col(User.username) == identifier, col(User.mobile_hash) == mobile_hash)
    )
    return (await session.execute(statement)).scalars().first()


# The wait before the next attempt, by the number of failures so far.
WAIT_AFTER_FAILURES = {
    count: timedelta(seconds=2 ** (count - SLOW_DOWN_AFTER + 1))
    for count in range(SLOW_DOWN_AFTER, LOCK_AFTER)
}


async def _claim_attempt(session: AsyncSession, user_id: int, now: datetime) -> bool:
    """Count an attempt as failed before the password is checked, in one statement, so that
    parallel attempts cannot outrun the counter; False when the account must wait or is
    locked. A correct password then clears the count."""
    count = col(User.failed_logins) + 1
    locks = count >= LOCK_AFTER
    statement = (
        update(User)
        .where(
            col(User.id) == user_id,
            or_(col(User.locked_until).is_(None), col(User.locked_until) <= now),
            or_(col(User.next_attempt_at).is_(None), col(User.next_attempt_at) <= now),
        )
        .values(
            failed_logins=case((locks, 0), else_=count),
            locked_until=case((locks, now + LOCK_DURATION), else_=None),
            next_attempt_at=case(
                *((count == n, now + wait) for n, wait in WAIT_AFTER_FAILURES.items()),
                else_=None,
            ),
        )
        .returning(col(User.id))
        .execution_options(synchronize_session=False)
    )
    claimed = (await session.execute(statement)).first() is not None
    await session.commit()
    return claimed


def _throttled(user: User, now: datetime) -> DomainError:
    if user.locked_until and now < user.locked_until:
        minutes = int((user.locked_until - now).total_seconds() // 60) + 1
        return _error(
            AccountErrorCode.LOCKED,
            message=f"登录失败次数过多，账户已锁定，请 {minutes} 分钟后再试。",
        )
    seconds = int(((user.next_attempt_at or now) - now).total_seconds()) + 1
    return _error(AccountErrorCode.TRY_LATER, message=f"尝试过于频繁，请 {seconds} 秒后再试。")


async def _verify(password_hash: str | None, password: str) -> bool:
    # argon2 takes a fifth of a second on purpose: off the event loop, so others are served.
    return await anyio.to_thread.run_sync(passwords.verify_password, password_hash, password)


async def _password_attempt(
    session: AsyncSession, actor: Actor, user: User, password: str, action: str
) -> None:
    """Check a user's password under the attempt limits; raises unless it is right."""
    now = utcnow()
    if not await _claim_attempt(session, key(user), now):
        await _verify(None, password)  # the same time as any other refusal
        await session.refresh(user)
        raise _throttled(user, now)
    if not await _verify(user.password_hash, password):
        await session.refresh(user)
        record(
            session,
            actor,
            f"{action}.failed",
            object_type="User",
            object_id=user.id,
            user_id=user.id,
            changes={"failed_logins": user.failed_logins},
        )
        await session.commit()
        raise _error(AccountErrorCode.INVALID_CREDENTIALS)
    await session.refresh(user)
    user.failed_logins = 0
    user.next_attempt_at = None
    user.locked_until = None


# A username or a mobile number; anything longer cannot be either.
IDENTIFIER_MAX = 100


async def sign_in(
    session: AsyncSession,
    actor: Actor,
    identifier: str,
    password: str,
    *,
    user_agent: str | None = None,
    allow_demo_users: bool = False,
) -> SignedIn:
    if not identifier.strip():
        raise _error(AccountErrorCode.REQUIRED, "username")
    if not password:
        raise _error(AccountErrorCode.REQUIRED, "password")
    if len(identifier) > IDENTIFIER_MAX or len(password) > passwords.MAX_LENGTH:
        raise _error(AccountErrorCode.INVALID_CREDENTIALS)
    user = await _find_user(session, identifier.strip())
    if user is None:
        await _verify(None, password)  # the same time as a wrong password
        raise _error(AccountErrorCode.INVALID_CREDENTIALS)
    await _password_attempt(session, actor, user, password, "sessionCreate")
    # Demo users' passwords are public: outside demo mode they cannot sign in.
    if not user.is_active or (user.is_demo and not allow_demo_users):
        await session.commit()
        raise _error(AccountErrorCode.INACTIVE)
    now = utcnow()
    user.last_login_at = now
    secret, csrf = tokens.new_secret(), secrets.token_urlsafe(24)
    login = LoginSession(
        user_id=key(user),
        secret_hash=tokens.secret_hash(secret),
        csrf_token=csrf,
        expires_at=now + SESSION_LIFETIME,
        last_seen_at=now,
        ip=actor.client_ip,
        user_agent=(user_agent or "")[:300] or None,
    )
    session.add(login)
    record(session, actor, "sessionCreate", object_type="User", object_id=user.id, user_id=user.id)
    await session.commit()
    return SignedIn(user=user, session_secret=secret, csrf_token=csrf, expires_at=login.expires_at)


async def sign_out(session: AsyncSession, session_id: int) -> None:
    login = await session.get(LoginSession, session_id)
    if login is not None and login.ended_at is None:
        login.ended_at = utcnow()
        await session.commit()


async def change_password(
    session: AsyncSession,
    actor: Actor,
    user_id: int,
    current: str,
    new: str,
    *,
    keep_session_id: int | None,
) -> None:
    user = await session.get(User, user_id)
    if user is None:
        raise _error(AccountErrorCode.NOT_FOUND)
    problem = passwords.password_problem(new, username=user.username)
    if problem:
        raise _error(AccountErrorCode.WEAK_PASSWORD, "newPassword", problem)
    try:
        await _password_attempt(session, actor, user, current, "passwordChange")
    except DomainError as refused:
        if refused.code is AccountErrorCode.INVALID_CREDENTIALS:
            raise _error(
                AccountErrorCode.INVALID_CREDENTIALS, "currentPassword", "当前密码不正确。"
            ) from refused
        raise
    user.password_hash = passwords.hash_password(new)
    user.password_changed_at = utcnow()
    # Every other signed-in browser must sign in again with the new password.
    others = select(LoginSession).where(
        col(LoginSession.user_id) == user_id,
        col(LoginSession.ended_at).is_(None),
        col(LoginSession.id) != keep_session_id,
    )
    for other in (await session.execute(others)).scalars():
        other.ended_at = user.password_changed_at
    record(
        session,
        actor,
        "passwordChange",
        object_type="User",
        object_id=user.id,
        changes={"password_changed_at": [None, user.password_changed_at.isoformat()]},
    )
    await session.commit()


# --- the principal behind a request -------------------------------------------------------


@dataclass(frozen=True)
class Authenticated:
    principal: Principal
    session_id: int | None = None
    csrf_token: str | None = None


async def principal_for_user(session: AsyncSession, user_id: int) -> Principal:
    person_id = (
        await session.execute(select(col(User.person_id)).where(col(User.id) == user_id))
    ).scalar()
    return Principal(user_id=user_id, person_id=person_id, grants=await _grants(session, user_id))


async def _grants(session: AsyncSession, user_id: int) -> tuple[Grant, ...]:
    statement = (
        select(RoleGrant, col(Organisation.path))
        .join(Organisation, col(Organisation.id) == col(RoleGrant.organisation_id))
        .where(col(RoleGrant.user_id) == user_id)
        .order_by(col(RoleGrant.id))
    )
    rows = (await session.execute(statement)).all()
    return tuple(
        Grant(
            role=grant.role,
            organisation_id=grant.organisation_id,
            organisation_path=path,
            unit_id=grant.unit_id,
        )
        for grant, path in rows
    )


# Built once: every signed-in request runs it, and building it costs more than running it.
SESSION_LOOKUP = (
    select(
        col(LoginSession.id),
        col(LoginSession.user_id),
        col(User.person_id),
        col(LoginSession.csrf_token),
        col(LoginSession.last_seen_at),
        col(RoleGrant.role),
        col(RoleGrant.organisation_id),
        col(RoleGrant.unit_id),
        col(Organisation.path),
    )
    .join(User, col(User.id) == col(LoginSession.user_id))
    .outerjoin(RoleGrant, col(RoleGrant.user_id) == col(User.id))
    .outerjoin(Organisation, col(Organisation.id) == col(RoleGrant.organisation_id))
    .where(
        col(LoginSession.secret_hash) == bindparam("secret_hash"),
        col(LoginSession.ended_at).is_(None),
        col(LoginSession.expires_at) > bindparam("now"),
        col(User.is_active).is_(True),
    )
    .order_by(col(RoleGrant.id))
)


async def authenticate_session(db: RequestDb, secret: str) -> Authenticated | None:
    """One statement: the live session, its user, and the user's grants with their subtrees.
    Read as plain rows (on SQLite from the reader: a request that only reads then never
    opens the session's connection at all)."""
    now = utcnow()
    parameters = {"secret_hash": tokens.secret_hash(secret), "now": now}
    rows = await db.core_rows(SESSION_LOOKUP, parameters)
    if not rows:
        return None
    first = rows[0]
    if now - first.last_seen_at > TOUCH_INTERVAL:
        await db.session.execute(
            update(LoginSession).where(LoginSession.id == first.id).values(last_seen_at=now)
        )
        await db.session.commit()
    grants = tuple(
        Grant(
            role=row.role,
            organisation_id=row.organisation_id,
            organisation_path=row.path,
            unit_id=row.unit_id,
        )
        for row in rows
        if row.role is not None
    )
    principal = Principal(user_id=first.user_id, person_id=first.person_id, grants=grants)
    return Authenticated(principal=principal, session_id=first.id, csrf_token=first.csrf_token)


async def authenticate_token(
    session: AsyncSession, raw: str, ip: str | None
) -> Authenticated | None:
    parts = tokens.split_api_token(raw)
    if parts is None:
        return None
    prefix, secret = parts
    statement = (
        select(ApiToken, col(Organisation.path))
        .join(Organisation, col(Organisation.id) == col(ApiToken.organisation_id))
        .where(col(ApiToken.prefix) == prefix)
    )
    row = (await session.execute(statement)).first()
    if row is None:
        return None
    token, path = row
    now = utcnow()
    if not tokens.same_hash(token.secret_hash, secret):
        return None
    if token.revoked_at is not None:
        raise PublicError("API 令牌已被吊销。", ErrorCode.UNAUTHENTICATED)
    if token.expires_at <= now:
        raise PublicError("API 令牌已过期。", ErrorCode.UNAUTHENTICATED)
    if token.last_used_at is None or now - token.last_used_at > TOUCH_INTERVAL:
        token.last_used_at = now
        token.last_used_ip = ip
        await session.commit()
    principal = Principal(
        token_id=token.id,
        scopes=frozenset(token.scopes.split()),
        token_paths=(path,),
    )
    return Authenticated(principal=principal)


# --- API tokens -------------------------------------------------------------------------------

MAX_TOKEN_LIFETIME = timedelta(days=366)
TOKEN_NAME_MAX = 100


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str


def _check_token_input(name: str, scopes: list[str], expires_at: datetime, now: datetime) -> None:
    if not name.strip():
        raise _error(AccountErrorCode.REQUIRED, "name")
    if len(name) > TOKEN_NAME_MAX:
        raise _error(AccountErrorCode.INVALID, "name", f"名称最多 {TOKEN_NAME_MAX} 个字。")
    unknown = sorted(set(scopes) - set(tokens.API_SCOPES))
    if not scopes or unknown:
        message = (
            "请至少选择一项授权范围。" if not scopes else f"未知的授权范围：{'、'.join(unknown)}。"
        )
        raise _error(AccountErrorCode.INVALID, "scopes", message)
    if expires_at.tzinfo is None:
        raise _error(AccountErrorCode.INVALID, "expiresAt", "到期时间须带时区。")
    if expires_at <= now:
        raise _error(AccountErrorCode.INVALID, "expiresAt", "到期时间必须晚于现在。")
    if expires_at > now + MAX_TOKEN_LIFETIME:
        raise _error(AccountErrorCode.INVALID, "expiresAt", "令牌有效期最长一年。")


async def create_api_token(
    session: AsyncSession,
    actor: Actor,
    *,
    name: str,
    scopes: list[str],
    organisation_id: int,
    expires_at: datetime,
) -> IssuedToken:
    now = utcnow()
    _check_token_input(name, scopes, expires_at, now)
    prefix, secret, full = tokens.new_api_token()
    token = ApiToken(
        name=name.strip(),
        prefix=prefix,
        secret_hash=tokens.secret_hash(secret),
        scopes=" ".join(sorted(set(scopes))),
        organisation_id=organisation_id,
        expires_at=expires_at,
        created_by_id=actor.principal.user_id,
    )
    session.add(token)
    await session.flush()
    record(
        session,
        actor,
        "apiTokenCreate",
        object_type="ApiToken",
        object_id=token.id,
        changes=diff({}, snapshot(token, ["name", "scopes", "organisation_id", "expires_at"])),
    )
    await session.commit()
    return IssuedToken(token=token, secret=full)


async def revoke_api_token(session: AsyncSession, actor: Actor, token: ApiToken) -> ApiToken:
    if token.revoked_at is not None:
        raise _error(AccountErrorCode.ALREADY_REVOKED, "id")
    token.revoked_at = utcnow()
    record(
        session,
        actor,
        "apiTokenRevoke",
        object_type="ApiToken",
        object_id=token.id,
        changes={"revoked_at": [None, token.revoked_at.isoformat()]},
    )
    await session.commit()
    return token

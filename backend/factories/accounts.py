"""Factories of users, grants, sign-in sessions, API tokens and notifications."""

from __future__ import annotations

import datetime as dt

import factory

from backend.accounts.models import ApiToken, LoginSession, RoleGrant, User
from backend.accounts.passwords import hash_password
from backend.accounts.tokens import secret_hash
from backend.core.principal import Role
from backend.factories.base import (
    BaseFactory,
    zh,
)
from backend.factories.organisations import (
    PersonFactory,
)
from backend.notifications.models import Notification

# --- accounts ------------------------------------------------------------------------------

DEFAULT_PASSWORD = "Gongjian#2026"
_DEFAULT_PASSWORD_HASH = hash_password(DEFAULT_PASSWORD)


class UserFactory(BaseFactory[User]):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n + 1}")
    display_name = zh("name")
    password_hash = _DEFAULT_PASSWORD_HASH


class RoleGrantFactory(BaseFactory[RoleGrant]):
    class Meta:
        model = RoleGrant

    class Params:
        user = factory.SubFactory(UserFactory)

    user_id = factory.SelfAttribute("user.id")
    role = Role.STREET_ADMIN
    organisation_id: int
    unit_id = None


class LoginSessionFactory(BaseFactory[LoginSession]):
    """A signed-in browser whose cookie is `secret` and whose CSRF token is `csrf_token`."""

    class Meta:
        model = LoginSession
        exclude = ("secret",)

    secret = factory.Sequence(lambda n: f"session-secret-{n}")
    user_id: int
    secret_hash = factory.LazyAttribute(lambda o: secret_hash(o.secret))
    csrf_token = factory.Sequence(lambda n: f"csrf-{n}")
    expires_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    # Seen "just now" for the whole test, so that no request touches it (statement counts).
    last_seen_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))


def raw_token(token: ApiToken) -> str:
    """The full token an external system sends for a token made by ApiTokenFactory."""
    return f"gjt_{token.prefix}_secret-for-{token.prefix}"


class ApiTokenFactory(BaseFactory[ApiToken]):
    """An API token; `raw_token(token)` is what its holder sends."""

    class Meta:
        model = ApiToken

    name = factory.Sequence(lambda n: f"区级平台{n + 1}")
    prefix = factory.Sequence(lambda n: f"p{n:06d}")
    scopes = "read:units"
    organisation_id: int
    secret_hash = factory.LazyAttribute(lambda o: secret_hash(f"secret-for-{o.prefix}"))
    expires_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC) + dt.timedelta(days=30))


class NotificationFactory(BaseFactory[Notification]):
    class Meta:
        model = Notification

    class Params:
        person = factory.SubFactory(PersonFactory)

    person_id = factory.SelfAttribute("person.id")
    kind = "meeting.agenda"
    title = "城西社区联席会议：议程已发布"
    body = "首次发布议程。"
    link = "/meetings/1"

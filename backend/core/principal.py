"""Who is calling: a signed-in user with role grants, an API token with scopes, or nobody."""

from __future__ import annotations

from dataclasses import dataclass, field

from backend.core.models import LabelledEnum


class Role(LabelledEnum):
    STREET_ADMIN = "street_admin", "街道管理员"
    CONVENER = "convener", "联席会议召集人"
    VOLUNTEER_COORDINATOR = "volunteer_coordinator", "志愿服务协调员"
    UNIT_LIAISON = "unit_liaison", "驻区单位联络员"
    COMMITTEE_MEMBER = "committee_member", "兼职委员"


@dataclass(frozen=True)
class Grant:
    role: Role
    organisation_id: int
    # Materialised path of the organisation ("/1/4/"): the grant covers that subtree.
    organisation_path: str
    unit_id: int | None = None


@dataclass(frozen=True)
class Principal:
    user_id: int | None = None
    # The person behind the signed-in user (a liaison, member or volunteer), if any.
    person_id: int | None = None
    token_id: int | None = None
    grants: tuple[Grant, ...] = ()
    scopes: frozenset[str] = field(default_factory=frozenset)
    # Subtree paths an API token is limited to.
    token_paths: tuple[str, ...] = ()

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None or self.token_id is not None

    @property
    def is_token(self) -> bool:
        return self.token_id is not None

    def has_role(self, *roles: Role) -> bool:
        return any(grant.role in roles for grant in self.grants)

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes


ANONYMOUS = Principal()

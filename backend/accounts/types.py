from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.accounts.errors import AccountErrorCode
from backend.accounts.loaders import ApiTokenByIdLoader
from backend.core.principal import Role
from backend.core.types import ModelNode
from backend.organisations.refs import OrganisationRef, load_organisation
from backend.units.refs import ResidentUnitRef, load_unit

RoleEnum = strawberry.enum(Role, name="Role", description="用户角色")


@strawberry.type(description="账户操作的错误")
class AccountError:
    field: str | None
    code: AccountErrorCode
    message: str


@strawberry.type(name="RoleGrant", description="用户在某个组织（或单位）范围内的角色")
class RoleGrantType:
    role: Role
    organisation_id: strawberry.Private[int]
    unit_id: strawberry.Private[int | None]

    @strawberry.field(description="角色的中文名")
    def role_label(self) -> str:
        return self.role.label

    @strawberry.field(description="角色所覆盖的组织（含下级）")
    async def organisation(self, info: Info) -> OrganisationRef | None:
        return await load_organisation(info, self.organisation_id)

    @strawberry.field(description="联络员负责的单位")
    async def unit(self, info: Info) -> ResidentUnitRef | None:
        return await load_unit(info, self.unit_id)


@strawberry.type(name="Me", description="当前登录的用户")
class MeType:
    id: strawberry.ID
    username: str
    display_name: str
    roles: list[RoleGrantType]
    csrf_token: str | None = strawberry.field(
        description="使用登录会话发送变更请求时，放在 X-CSRF-Token 请求头中"
    )


@strawberry.type(name="ApiToken", description="外部系统的 API 令牌（密钥只在创建时显示一次）")
class ApiTokenType(ModelNode):
    by_id_loader = ApiTokenByIdLoader

    id: relay.NodeID[int]
    name: str
    prefix: str
    expires_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None
    last_used_ip: str | None
    created_at: datetime
    scopes_text: strawberry.Private[str]
    organisation_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, row: Any) -> ApiTokenType:
        return cls(
            id=row.id,
            name=row.name,
            prefix=row.prefix,
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
            last_used_at=row.last_used_at,
            last_used_ip=row.last_used_ip,
            created_at=row.created_at,
            scopes_text=row.scopes,
            organisation_id=row.organisation_id,
        )

    @strawberry.field(description="授权范围，如 read:units")
    def scopes(self) -> list[str]:
        return self.scopes_text.split()

    @strawberry.field(description="可访问的组织范围（含下级）")
    async def organisation(self, info: Info) -> OrganisationRef | None:
        return await load_organisation(info, self.organisation_id)

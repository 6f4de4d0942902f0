from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from backend.accounts.access import ViewerAction, organisations_for
from backend.accounts.errors import AccountErrorCode
from backend.accounts.loaders import ApiTokenByIdLoader
from backend.core.enums import labelled_enum
from backend.core.principal import Role
from backend.core.types import ModelNode, present
from backend.organisations.models import OrganisationKind
from backend.organisations.refs import OrganisationRef, load_organisation
from backend.units.refs import ResidentUnitRef, load_unit

RoleEnum = labelled_enum(Role, name="Role", description="用户角色")
ViewerActionEnum = labelled_enum(
    ViewerAction, name="ViewerAction", description="表单在所选组织中执行的操作"
)


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


@strawberry.type(
    name="ViewerAccess",
    description="当前用户可用的功能，由服务器按权限规则计算（backend/accounts/access.py）",
)
class ViewerAccessType:
    can_read_organisations: bool = strawberry.field(description="查看组织架构与网格")
    can_read_units: bool = strawberry.field(description="查看驻区单位")
    can_read_members: bool = strawberry.field(description="查看兼职委员")
    can_read_volunteering: bool = strawberry.field(description="查看志愿服务队与服务记录")
    can_read_cobuilding: bool = strawberry.field(description="查看资源、项目与微心愿")
    can_read_needs: bool = strawberry.field(description="查看需求看板")
    can_handle_needs: bool = strawberry.field(description="受理、派单、办结需求")
    can_answer_dispatches: bool = strawberry.field(description="为本单位接单或拒单")
    can_publish_resources: bool = strawberry.field(description="发布和修改资源")
    can_manage_volunteering: bool = strawberry.field(description="管理志愿活动、服务队与积分")
    can_read_meetings: bool = strawberry.field(description="查看联席会议、议题建议与督办事项")
    can_manage_meetings: bool = strawberry.field(description="召集会议、设置议题、处理建议")
    can_read_evaluations: bool = strawberry.field(description="查看考核评议")
    can_admin: bool = strawberry.field(description="系统管理")
    can_manage_tokens: bool = strawberry.field(description="管理 API 令牌")
    can_read_audit_log: bool = strawberry.field(description="查看审计日志")


@strawberry.type(name="Me", description="当前登录的用户")
class MeType:
    id: strawberry.ID
    username: str
    display_name: str
    roles: list[RoleGrantType]
    access: ViewerAccessType = strawberry.field(description="可用的功能（菜单与操作按钮据此显示）")
    csrf_token: str | None = strawberry.field(
        description="使用登录会话发送变更请求时，放在 X-CSRF-Token 请求头中"
    )
    liaison_unit_id: strawberry.Private[int | None]

    @strawberry.field(description="可在其中执行该操作的组织（表单的组织选项），街道在前")
    async def organisations_for(
        self, info: Info, action: ViewerAction, kind: OrganisationKind | None = None
    ) -> list[OrganisationRef]:
        rows = await organisations_for(info.context.db.session, info.context.actor, action, kind)
        return [present(row) for row in rows]

    @strawberry.field(description="只担任驻区单位联络员的用户所负责的单位（其页面据此打开）")
    async def liaison_unit(self, info: Info) -> ResidentUnitRef | None:
        return await load_unit(info, self.liaison_unit_id)


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

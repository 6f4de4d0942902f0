from __future__ import annotations

import strawberry
from sqlalchemy import select
from sqlmodel import col
from strawberry import relay
from strawberry.types import Info

from backend.accounts.access import liaison_unit_id, viewer_access
from backend.accounts.models import ApiToken, User
from backend.accounts.permissions import MANAGE_TOKENS, NODE, VIEWER
from backend.accounts.types import ApiTokenType, MeType, RoleGrantType, ViewerAccessType
from backend.core.ids import resolve_node
from backend.core.pagination import Connection, PageArgs, paginate
from backend.core.permissions import allow


async def load_me(info: Info) -> MeType | None:
    principal = info.context.principal
    if principal.user_id is None:
        return None
    user = await info.context.db.session.get(User, principal.user_id)
    if user is None:
        return None
    return MeType(
        id=strawberry.ID(str(relay.GlobalID("User", str(user.id)))),
        username=user.username,
        display_name=user.display_name,
        roles=[
            RoleGrantType(role=g.role, organisation_id=g.organisation_id, unit_id=g.unit_id)
            for g in principal.grants
        ],
        access=ViewerAccessType(**viewer_access(principal)),
        csrf_token=info.context.csrf_token,
        liaison_unit_id=liaison_unit_id(principal),
    )


@strawberry.type
class AccountQueries:
    @strawberry.field(description="当前登录的用户；未登录时为空", extensions=allow(VIEWER))
    async def me(self, info: Info) -> MeType | None:
        return await load_me(info)

    @strawberry.field(description="按全局 ID 取任一对象", extensions=allow(NODE))
    async def node(self, info: Info, id: strawberry.ID) -> relay.Node:
        return await resolve_node(info, id)

    @strawberry.field(description="API 令牌（街道管理员）", extensions=allow(MANAGE_TOKENS))
    async def api_tokens(
        self,
        info: Info,
        include_revoked: bool = False,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ApiTokenType]:
        statement = select(ApiToken)
        if not include_revoked:
            statement = statement.where(col(ApiToken.revoked_at).is_(None))
        statement = statement.order_by(col(ApiToken.created_at).desc(), col(ApiToken.id).desc())
        return await paginate(
            info, statement, PageArgs(first, after, last, before), ApiTokenType.from_model
        )

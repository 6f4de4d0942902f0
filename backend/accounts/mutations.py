from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from backend.accounts import passwords, services, tokens
from backend.accounts.auth import SESSION_COOKIE, adopt_session, is_https
from backend.accounts.models import ApiToken
from backend.accounts.permissions import MANAGE_TOKENS, SIGN_IN, SIGNED_IN
from backend.accounts.queries import load_me
from backend.accounts.types import AccountError, ApiTokenType, MeType
from backend.core.errors import DomainError, NotFound
from backend.core.ids import decode_id, load_in_scope
from backend.core.limits import limited
from backend.core.payloads import error_list
from backend.core.permissions import allow
from backend.organisations.loaders import OrganisationByIdLoader


@strawberry.input(description="登录：用户名或手机号，加密码")
class SessionCreateInput:
    username: str = limited(services.IDENTIFIER_MAX)
    password: str = limited(passwords.MAX_LENGTH)


@strawberry.type
class SessionCreatePayload:
    me: MeType | None = None
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class SessionEndPayload:
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.input(description="修改密码")
class PasswordChangeInput:
    current_password: str = limited(passwords.MAX_LENGTH)
    new_password: str = limited(passwords.MAX_LENGTH)


@strawberry.type
class PasswordChangePayload:
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.input(description="创建 API 令牌")
class ApiTokenCreateInput:
    name: str = limited(services.TOKEN_NAME_MAX)
    scopes: list[str] = limited(max(map(len, tokens.API_SCOPES)), items=len(tokens.API_SCOPES))
    organisation: strawberry.ID = strawberry.field(description="令牌可访问的组织（含下级）")
    expires_at: datetime


@strawberry.type
class ApiTokenCreatePayload:
    api_token: ApiTokenType | None = None
    secret: str | None = strawberry.field(default=None, description="完整令牌，只显示这一次")
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class ApiTokenRevokePayload:
    api_token: ApiTokenType | None = None
    errors: list[AccountError] = strawberry.field(default_factory=list)


@strawberry.type
class AccountMutations:
    @strawberry.mutation(description="登录（设置会话 Cookie）", extensions=allow(SIGN_IN))
    async def session_create(self, info: Info, input: SessionCreateInput) -> SessionCreatePayload:
        context = info.context
        try:
            signed_in = await services.sign_in(
                context.db.session,
                context.actor,
                input.username,
                input.password,
                user_agent=context.request.headers.get("user-agent"),
                allow_demo_users=context.settings.demo_data,
            )
        except DomainError as refused:
            return SessionCreatePayload(errors=error_list(AccountError, refused))
        context.response.set_cookie(
            SESSION_COOKIE,
            signed_in.session_secret,
            max_age=int(services.SESSION_LIFETIME.total_seconds()),
            httponly=True,
            samesite="lax",
            secure=is_https(context.request),
            path="/",
        )
        await adopt_session(context, signed_in)
        return SessionCreatePayload(me=await load_me(info))

    @strawberry.mutation(description="退出登录", extensions=allow(SIGNED_IN))
    async def session_end(self, info: Info) -> SessionEndPayload:
        context = info.context
        if context.session_id is not None:
            await services.sign_out(context.db.session, context.session_id)
        context.response.delete_cookie(SESSION_COOKIE, path="/")
        return SessionEndPayload()

    @strawberry.mutation(description="修改自己的密码", extensions=allow(SIGNED_IN))
    async def password_change(
        self, info: Info, input: PasswordChangeInput
    ) -> PasswordChangePayload:
        context = info.context
        try:
            await services.change_password(
                context.db.session,
                context.actor,
                context.principal.user_id,
                input.current_password,
                input.new_password,
                keep_session_id=context.session_id,
            )
        except DomainError as refused:
            return PasswordChangePayload(errors=error_list(AccountError, refused))
        return PasswordChangePayload()

    @strawberry.mutation(description="创建 API 令牌（街道管理员）", extensions=allow(MANAGE_TOKENS))
    async def api_token_create(
        self, info: Info, input: ApiTokenCreateInput
    ) -> ApiTokenCreatePayload:
        context = info.context
        organisation_id = decode_id(input.organisation, "Organisation", "input.organisation")
        organisation = await context.loader(OrganisationByIdLoader).load(organisation_id)
        if organisation is None or not context.scope.administers(organisation.path):
            raise NotFound(input.organisation)
        try:
            issued = await services.create_api_token(
                context.db.session,
                context.actor,
                name=input.name,
                scopes=input.scopes,
                organisation_id=organisation_id,
                expires_at=input.expires_at,
            )
        except DomainError as refused:
            return ApiTokenCreatePayload(errors=error_list(AccountError, refused))
        return ApiTokenCreatePayload(
            api_token=ApiTokenType.from_model(issued.token), secret=issued.secret
        )

    @strawberry.mutation(description="吊销 API 令牌（街道管理员）", extensions=allow(MANAGE_TOKENS))
    async def api_token_revoke(self, info: Info, id: strawberry.ID) -> ApiTokenRevokePayload:
        context = info.context
        token = await load_in_scope(info, id, ApiToken, "id")
        try:
            revoked = await services.revoke_api_token(context.db.session, context.actor, token)
        except DomainError as refused:
            return ApiTokenRevokePayload(errors=error_list(AccountError, refused))
        return ApiTokenRevokePayload(api_token=ApiTokenType.from_model(revoked))

"""Mutations of points: redemption at partner merchants, merchants, and the points rule."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from backend.core.ids import load_in_scope
from backend.core.limits import limited, within
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.organisations.models import Organisation
from backend.people.models import Person
from backend.units.models import ResidentUnit
from backend.volunteering import merchants
from backend.volunteering.models import PartnerMerchant
from backend.volunteering.mutations.common import VolunteeringError, optional_in_scope
from backend.volunteering.permissions import MANAGE_VOLUNTEERING
from backend.volunteering.types import PartnerMerchantType, PointsEntryType


@strawberry.type
class PointsRedeemPayload:
    entry: PointsEntryType | None = None
    errors: list[VolunteeringError] = strawberry.field(default_factory=list)


@strawberry.type
class PartnerMerchantPayload:
    merchant: PartnerMerchantType | None = None
    errors: list[VolunteeringError] = strawberry.field(default_factory=list)


@strawberry.type
class PointsRulePayload:
    points_per_hour: int | None = None
    errors: list[VolunteeringError] = strawberry.field(default_factory=list)


@strawberry.input(description="在合作商家兑换积分")
class PointsRedeemInput:
    person: strawberry.ID
    merchant: strawberry.ID
    points: int = within(1, None)
    note: str | None = limited(merchants.NOTE_MAX, default=None)


@strawberry.input(description="登记积分兑换合作商家")
class PartnerMerchantCreateInput:
    community: strawberry.ID
    name: str = limited(merchants.NAME_MAX)
    address: str | None = limited(merchants.ADDRESS_MAX, default=None)
    offer: str | None = limited(merchants.OFFER_MAX, default=None)
    unit: strawberry.ID | None = None


@strawberry.input(description="设定组织范围内每小时服务的积分（下级社区沿用最近的上级规则）")
class PointsRuleSetInput:
    organisation: strawberry.ID
    points_per_hour: int = within(0, merchants.MAX_POINTS_PER_HOUR)


@strawberry.type
class PointsMutations:
    @strawberry.mutation(description="兑换积分（协调员）", extensions=allow(MANAGE_VOLUNTEERING))
    async def points_redeem(self, info: Info, input: PointsRedeemInput) -> PointsRedeemPayload:
        person = await load_in_scope(
            info, input.person, Person, "person", acting_as=MANAGE_VOLUNTEERING
        )
        merchant = await load_in_scope(
            info, input.merchant, PartnerMerchant, "merchant", acting_as=MANAGE_VOLUNTEERING
        )
        session = info.context.db.session
        change = merchants.redeem(
            session, info.context.actor, person.id, merchant, input.points, input.note
        )
        entry, errors = await attempt(session, change, VolunteeringError)
        return PointsRedeemPayload(entry=PointsEntryType.from_optional(entry), errors=errors)

    @strawberry.mutation(description="登记积分兑换合作商家", extensions=allow(MANAGE_VOLUNTEERING))
    async def partner_merchant_create(
        self, info: Info, input: PartnerMerchantCreateInput
    ) -> PartnerMerchantPayload:
        community = await load_in_scope(
            info, input.community, Organisation, "community", acting_as=MANAGE_VOLUNTEERING
        )
        draft = merchants.MerchantDraft(
            name=input.name,
            address=input.address,
            offer=input.offer,
            unit=await optional_in_scope(info, input.unit, ResidentUnit, "unit"),
        )
        session = info.context.db.session
        change = merchants.create_merchant(session, info.context.actor, community, draft)
        created, errors = await attempt(session, change, VolunteeringError)
        return PartnerMerchantPayload(
            merchant=PartnerMerchantType.from_optional(created), errors=errors
        )

    @strawberry.mutation(
        description="设定积分规则（每小时积分）", extensions=allow(MANAGE_VOLUNTEERING)
    )
    async def points_rule_set(self, info: Info, input: PointsRuleSetInput) -> PointsRulePayload:
        organisation = await load_in_scope(
            info, input.organisation, Organisation, "organisation", acting_as=MANAGE_VOLUNTEERING
        )
        session = info.context.db.session
        change = merchants.set_points_rule(
            session, info.context.actor, organisation, input.points_per_hour
        )
        rate, errors = await attempt(session, change, VolunteeringError)
        return PointsRulePayload(points_per_hour=rate, errors=errors)

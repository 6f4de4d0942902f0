"""Mutations of micro-wishes: publish, claim, fulfil with evidence, confirm."""

from __future__ import annotations

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from backend.attachments.uploads import read_uploads
from backend.cobuilding import wishes
from backend.cobuilding.models import MicroWish
from backend.cobuilding.mutations.common import CoBuildingError
from backend.cobuilding.permissions import CLAIM_WISH, HANDLE_NEEDS, PUBLISH_WISH
from backend.cobuilding.types.wishes import MicroWishType
from backend.core.ids import load_in_scope
from backend.core.limits import limited
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.organisations.models import Grid, Organisation
from backend.people.models import Person


@strawberry.type
class MicroWishPayload:
    wish: MicroWishType | None = None
    errors: list[CoBuildingError] = strawberry.field(default_factory=list)


@strawberry.input(description="发布微心愿（心愿人姓名对外脱敏显示）")
class MicroWishPublishInput:
    community: strawberry.ID
    beneficiary: strawberry.ID = strawberry.field(description="心愿人")
    title: str = limited(wishes.TITLE_MAX)
    description: str = limited(wishes.DESCRIPTION_MAX)
    grid: strawberry.ID | None = None


@strawberry.input(description="认领微心愿：本人认领，或单位联络员以单位名义认领（forUnit）")
class MicroWishClaimInput:
    wish: strawberry.ID
    for_unit: bool = False


@strawberry.input(description="登记微心愿已实现，附照片或文件")
class MicroWishFulfilInput:
    wish: strawberry.ID
    note: str | None = limited(wishes.NOTE_MAX, default=None)
    evidence: list[Upload] = strawberry.field(default_factory=list)


async def _claimant(info: Info, wish: MicroWish, for_unit: bool) -> wishes.Claimant:
    return await wishes.claimant(
        info.context.db.session, info.context.actor, wish, for_unit=for_unit
    )


@strawberry.type
class MicroWishMutations:
    @strawberry.mutation(description="发布微心愿", extensions=allow(PUBLISH_WISH))
    async def micro_wish_publish(
        self, info: Info, input: MicroWishPublishInput
    ) -> MicroWishPayload:
        community = await load_in_scope(
            info, input.community, Organisation, "community", acting_as=PUBLISH_WISH
        )
        beneficiary = await load_in_scope(info, input.beneficiary, Person, "beneficiary")
        grid = await load_in_scope(info, input.grid, Grid, "grid") if input.grid else None
        draft = wishes.WishDraft(
            community_id=community.id,
            beneficiary_id=beneficiary.id,
            title=input.title,
            description=input.description,
            grid=grid,
        )
        session = info.context.db.session
        wish, errors = await attempt(
            session, wishes.publish_wish(session, info.context.actor, draft), CoBuildingError
        )
        return MicroWishPayload(wish=MicroWishType.from_optional(wish), errors=errors)

    @strawberry.mutation(
        description="认领微心愿（同时认领时只有一人成功）", extensions=allow(CLAIM_WISH)
    )
    async def micro_wish_claim(self, info: Info, input: MicroWishClaimInput) -> MicroWishPayload:
        wish = await load_in_scope(info, input.wish, MicroWish, "wish")
        claimant = await _claimant(info, wish, input.for_unit)
        session = info.context.db.session
        claimed, errors = await attempt(
            session, wishes.claim_wish(session, info.context.actor, wish, claimant), CoBuildingError
        )
        return MicroWishPayload(wish=MicroWishType.from_optional(claimed), errors=errors)

    @strawberry.mutation(description="登记微心愿已实现（认领人）", extensions=allow(CLAIM_WISH))
    async def micro_wish_fulfil(self, info: Info, input: MicroWishFulfilInput) -> MicroWishPayload:
        files = await read_uploads(input.evidence)
        wish = await load_in_scope(info, input.wish, MicroWish, "wish")
        claimant = await _claimant(info, wish, wish.claimed_by_unit_id is not None)
        session = info.context.db.session
        change = wishes.fulfil_wish(session, info.context.actor, wish, claimant, input.note, files)
        fulfilled, errors = await attempt(session, change, CoBuildingError)
        return MicroWishPayload(wish=MicroWishType.from_optional(fulfilled), errors=errors)

    @strawberry.mutation(
        description="确认微心愿已实现（社区工作人员）", extensions=allow(HANDLE_NEEDS)
    )
    async def micro_wish_confirm(self, info: Info, wish: strawberry.ID) -> MicroWishPayload:
        row = await load_in_scope(info, wish, MicroWish, "wish", acting_as=HANDLE_NEEDS)
        session = info.context.db.session
        confirmed, errors = await attempt(
            session, wishes.confirm_wish(session, info.context.actor, row), CoBuildingError
        )
        return MicroWishPayload(wish=MicroWishType.from_optional(confirmed), errors=errors)

"""What every volunteering mutation shares: the typed error and input decoding."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

import strawberry
from strawberry.types import Info

from backend.core.errors import InvalidArgument
from backend.core.ids import load_in_scope
from backend.volunteering.errors import VolunteeringErrorCode
from backend.volunteering.permissions import MANAGE_VOLUNTEERING

RowT = TypeVar("RowT")


@strawberry.type(description="志愿服务与积分相关操作的错误")
class VolunteeringError:
    field: str | None
    code: VolunteeringErrorCode
    message: str


def aware(value: datetime, argument: str) -> datetime:
    if value.tzinfo is None:
        raise InvalidArgument(argument, f"参数 {argument} 须带时区。")
    return value


async def optional_in_scope(
    info: Info, value: strawberry.ID | None, model: type[RowT], argument: str
) -> RowT | None:
    """The row an optional input ID names, within the coordinator's grants."""
    if value is None:
        return None
    row: RowT = await load_in_scope(info, value, model, argument, acting_as=MANAGE_VOLUNTEERING)
    return row

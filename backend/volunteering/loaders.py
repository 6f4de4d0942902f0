from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlmodel import col
from strawberry.dataloader import DataLoader

from backend.core.dataloaders import ByIdLoader, ListByKeyLoader
from backend.core.scope import Scope, visible
from backend.volunteering.models import (
    ActivitySignup,
    PartnerMerchant,
    PointsEntry,
    ServiceRecord,
    VolunteerActivity,
    VolunteerTeam,
    VolunteerTeamMember,
)


class VolunteerTeamByIdLoader(ByIdLoader[VolunteerTeam]):
    model = VolunteerTeam


class VolunteerTeamMembersByTeamLoader(ListByKeyLoader[VolunteerTeamMember]):
    model = VolunteerTeamMember
    key = "team_id"
    order_by = ("role", "joined_on", "id")


class ServiceRecordByIdLoader(ByIdLoader[ServiceRecord]):
    model = ServiceRecord


class ServiceMinutesByTeamLoader(DataLoader[int, int]):
    """Total minutes served per team: one grouped SUM per batch, 0 for a team with none."""

    def __init__(self, db: Any, scope: Scope) -> None:
        super().__init__(load_fn=self._load)
        self.db = db
        self.scope = scope

    async def _load(self, keys: Sequence[int]) -> list[int]:
        team_id = col(ServiceRecord.team_id)
        statement = (
            select(team_id, func.sum(ServiceRecord.minutes))
            .where(
                team_id.in_(keys),
                col(ServiceRecord.archived_at).is_(None),
                visible(ServiceRecord, self.scope),
            )
            .group_by(team_id)
        )
        by_team = {team: int(total) for team, total in await self.db.rows(statement)}
        return [by_team.get(key, 0) for key in keys]


class VolunteerActivityByIdLoader(ByIdLoader[VolunteerActivity]):
    model = VolunteerActivity


class SignupsByActivityLoader(ListByKeyLoader[ActivitySignup]):
    model = ActivitySignup
    key = "activity_id"
    order_by = ("place_number",)


class SignupByIdLoader(ByIdLoader[ActivitySignup]):
    model = ActivitySignup


class PointsEntryByIdLoader(ByIdLoader[PointsEntry]):
    model = PointsEntry


class PartnerMerchantByIdLoader(ByIdLoader[PartnerMerchant]):
    model = PartnerMerchant

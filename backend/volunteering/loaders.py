from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Bundle
from sqlmodel import col
from strawberry.dataloader import DataLoader

from backend.core.dataloaders import ByIdLoader, ListByKeyLoader
from backend.volunteering.models import ServiceRecord, VolunteerTeam, VolunteerTeamMember


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

    def __init__(self, db: Any) -> None:
        super().__init__(load_fn=self._load)
        self.db = db

    async def _load(self, keys: Sequence[int]) -> list[int]:
        # A Bundle makes each (team, total) pair one scalar, which is all RequestDb returns.
        team_id = col(ServiceRecord.team_id)
        totals: Bundle[Any] = Bundle("totals", team_id, func.sum(ServiceRecord.minutes))
        statement = (
            select(totals)
            .where(team_id.in_(keys), col(ServiceRecord.archived_at).is_(None))
            .group_by(team_id)
        )
        by_team = {team: int(total) for team, total in await self.db.scalars(statement)}
        return [by_team.get(key, 0) for key in keys]

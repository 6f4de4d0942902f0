"""Volunteer teams: a leader, a sponsoring organisation or unit, skills, and a roster."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from backend.audit.services import record
from backend.core.actor import Actor
from backend.core.db import add_unique
from backend.core.models import key, utcnow
from backend.units.models import ResidentUnit
from backend.volunteering.errors import TEXT, VolunteeringErrorCode, refuse
from backend.volunteering.models import TeamRole, VolunteerTeam, VolunteerTeamMember
from backend.volunteering.services import joined_skills

NAME_MAX, DESCRIPTION_MAX = 100, 1000


@dataclass(frozen=True)
class TeamDraft:
    community_id: int
    name: str
    skills: list[str]
    description: str | None = None
    leader_id: int | None = None
    sponsor_unit: ResidentUnit | None = None


async def create_team(session: AsyncSession, actor: Actor, draft: TeamDraft) -> VolunteerTeam:
    if draft.sponsor_unit is not None and draft.sponsor_unit.community_id != draft.community_id:
        raise refuse(VolunteeringErrorCode.OUTSIDE_COMMUNITY, "sponsorUnit")
    team = VolunteerTeam(
        community_id=draft.community_id,
        name=TEXT.required(draft.name, "name", NAME_MAX),
        skills=joined_skills(draft.skills, "skills"),
        description=TEXT.optional(draft.description, "description", DESCRIPTION_MAX),
        leader_id=draft.leader_id,
        sponsor_unit_id=draft.sponsor_unit.id if draft.sponsor_unit else None,
        sponsor_organisation_id=None if draft.sponsor_unit else draft.community_id,
        founded_on=date.today(),
    )
    await add_unique(
        session, team, refuse(VolunteeringErrorCode.INVALID, "name", "本社区已有同名服务队。")
    )
    if draft.leader_id is not None:
        session.add(
            VolunteerTeamMember(
                team_id=key(team),
                person_id=draft.leader_id,
                role=TeamRole.LEADER,
                joined_on=date.today(),
            )
        )
    record(
        session,
        actor,
        "volunteerTeamCreate",
        object_type="VolunteerTeam",
        object_id=team.id,
        changes={"name": [None, team.name]},
    )
    await session.commit()
    return team


async def add_member(
    session: AsyncSession, actor: Actor, team: VolunteerTeam, person_id: int
) -> VolunteerTeamMember:
    existing = await session.scalar(
        select(VolunteerTeamMember).where(
            col(VolunteerTeamMember.team_id) == team.id,
            col(VolunteerTeamMember.person_id) == person_id,
        )
    )
    if existing is not None and existing.archived_at is None:
        raise refuse(VolunteeringErrorCode.INVALID, "person", "已是该服务队队员。")
    if existing is not None:
        existing.archived_at = None
        member = existing
    else:
        member = VolunteerTeamMember(
            team_id=key(team),
            person_id=person_id,
            role=TeamRole.MEMBER,
            joined_on=date.today(),
        )
        session.add(member)
    await session.flush()
    record(
        session,
        actor,
        "volunteerTeamMemberAdd",
        object_type="VolunteerTeam",
        object_id=team.id,
        changes={"person": [None, person_id]},
    )
    await session.commit()
    return member


async def remove_member(
    session: AsyncSession, actor: Actor, team: VolunteerTeam, person_id: int
) -> VolunteerTeam:
    """Members leave the roster but stay in the history (their service records remain)."""
    member = await session.scalar(
        select(VolunteerTeamMember).where(
            col(VolunteerTeamMember.team_id) == team.id,
            col(VolunteerTeamMember.person_id) == person_id,
            col(VolunteerTeamMember.archived_at).is_(None),
        )
    )
    if member is None:
        raise refuse(VolunteeringErrorCode.INVALID, "person", "该人员不是服务队队员。")
    member.archived_at = utcnow()
    record(
        session,
        actor,
        "volunteerTeamMemberRemove",
        object_type="VolunteerTeam",
        object_id=team.id,
        changes={"person": [person_id, None]},
    )
    await session.commit()
    return team

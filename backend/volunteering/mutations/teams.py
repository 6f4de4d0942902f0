"""Mutations of volunteer teams and their rosters."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from backend.core.ids import load_in_scope
from backend.core.limits import limited
from backend.core.payloads import attempt
from backend.core.permissions import allow
from backend.organisations.models import Organisation
from backend.people.models import Person
from backend.units.models import ResidentUnit
from backend.volunteering import teams
from backend.volunteering.models import VolunteerTeam
from backend.volunteering.mutations.common import VolunteeringError, optional_in_scope
from backend.volunteering.permissions import MANAGE_VOLUNTEERING
from backend.volunteering.services import SKILL_MAX, SKILLS_MAX
from backend.volunteering.types import VolunteerTeamType


@strawberry.type
class VolunteerTeamPayload:
    team: VolunteerTeamType | None = None
    errors: list[VolunteeringError] = strawberry.field(default_factory=list)


@strawberry.input(description="成立志愿服务队")
class VolunteerTeamCreateInput:
    community: strawberry.ID
    name: str = limited(teams.NAME_MAX)
    skills: list[str] = limited(SKILL_MAX, items=SKILLS_MAX, default_factory=list)
    description: str | None = limited(teams.DESCRIPTION_MAX, default=None)
    leader: strawberry.ID | None = None
    sponsor_unit: strawberry.ID | None = strawberry.field(
        default=None, description="发起单位；不填则由社区发起"
    )


@strawberry.input(description="服务队增减队员")
class VolunteerTeamMemberInput:
    team: strawberry.ID
    person: strawberry.ID


@strawberry.type
class TeamMutations:
    @strawberry.mutation(
        description="成立志愿服务队（协调员）", extensions=allow(MANAGE_VOLUNTEERING)
    )
    async def volunteer_team_create(
        self, info: Info, input: VolunteerTeamCreateInput
    ) -> VolunteerTeamPayload:
        community = await load_in_scope(
            info, input.community, Organisation, "community", acting_as=MANAGE_VOLUNTEERING
        )
        leader = (
            await load_in_scope(info, input.leader, Person, "leader", acting_as=MANAGE_VOLUNTEERING)
            if input.leader
            else None
        )
        sponsor = await optional_in_scope(info, input.sponsor_unit, ResidentUnit, "sponsorUnit")
        draft = teams.TeamDraft(
            community_id=community.id,
            name=input.name,
            skills=input.skills,
            description=input.description,
            leader_id=leader.id if leader else None,
            sponsor_unit=sponsor,
        )
        session = info.context.db.session
        team, errors = await attempt(
            session, teams.create_team(session, info.context.actor, draft), VolunteeringError
        )
        return VolunteerTeamPayload(team=VolunteerTeamType.from_optional(team), errors=errors)

    @strawberry.mutation(description="添加队员（协调员）", extensions=allow(MANAGE_VOLUNTEERING))
    async def volunteer_team_member_add(
        self, info: Info, input: VolunteerTeamMemberInput
    ) -> VolunteerTeamPayload:
        team: VolunteerTeam = await load_in_scope(
            info, input.team, VolunteerTeam, "team", acting_as=MANAGE_VOLUNTEERING
        )
        person = await load_in_scope(
            info, input.person, Person, "person", acting_as=MANAGE_VOLUNTEERING
        )
        session = info.context.db.session
        added, errors = await attempt(
            session,
            teams.add_member(session, info.context.actor, team, person.id),
            VolunteeringError,
        )
        return VolunteerTeamPayload(
            team=VolunteerTeamType.from_model(team) if added else None, errors=errors
        )

    @strawberry.mutation(description="移出队员（协调员）", extensions=allow(MANAGE_VOLUNTEERING))
    async def volunteer_team_member_remove(
        self, info: Info, input: VolunteerTeamMemberInput
    ) -> VolunteerTeamPayload:
        team: VolunteerTeam = await load_in_scope(
            info, input.team, VolunteerTeam, "team", acting_as=MANAGE_VOLUNTEERING
        )
        person = await load_in_scope(
            info, input.person, Person, "person", acting_as=MANAGE_VOLUNTEERING
        )
        session = info.context.db.session
        change = teams.remove_member(session, info.context.actor, team, person.id)
        removed, errors = await attempt(session, change, VolunteeringError)
        return VolunteerTeamPayload(team=VolunteerTeamType.from_optional(removed), errors=errors)

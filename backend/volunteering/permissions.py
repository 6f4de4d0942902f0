from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select

from backend.core.permissions import ALL_ROLES, Rule
from backend.core.principal import Role
from backend.core.scope import Scope, visibility, visible
from backend.volunteering.models import ServiceRecord, VolunteerTeam, VolunteerTeamMember

VOLUNTEERING_ROLES = ALL_ROLES - {Role.UNIT_LIAISON}

READ_VOLUNTEER_TEAMS = Rule("volunteerTeams", VOLUNTEERING_ROLES, token_scope="read:volunteering")
READ_SERVICE_RECORDS = Rule("serviceRecords", VOLUNTEERING_ROLES, token_scope="read:volunteering")


def _visible_teams(scope: Scope) -> object:
    return select(VolunteerTeam.id).where(visible(VolunteerTeam, scope))


@visibility(VolunteerTeam, token_scope="read:volunteering")
def _teams(scope: Scope) -> ColumnElement[bool]:
    return scope.in_subtrees(VolunteerTeam.community_id)


@visibility(VolunteerTeamMember, token_scope="read:volunteering")
def _members(scope: Scope) -> ColumnElement[bool]:
    return VolunteerTeamMember.team_id.in_(_visible_teams(scope))  # type: ignore[no-any-return]


@visibility(ServiceRecord, token_scope="read:volunteering")
def _records(scope: Scope) -> ColumnElement[bool]:
    from backend.cobuilding.models import MicroWish, Need, Project

    # A record belongs where its team, or the need, wish or project it served, belongs.
    return or_(
        ServiceRecord.team_id.in_(_visible_teams(scope)),
        ServiceRecord.need_id.in_(select(Need.id).where(visible(Need, scope))),
        ServiceRecord.micro_wish_id.in_(select(MicroWish.id).where(visible(MicroWish, scope))),
        ServiceRecord.project_id.in_(select(Project.id).where(visible(Project, scope))),
    )

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select

from backend.cobuilding.models import (
    MicroWish,
    Need,
    Project,
    ProjectMilestone,
    ProjectPartner,
    Resource,
)
from backend.core.permissions import ALL_ROLES, Rule
from backend.core.principal import Role
from backend.core.scope import Scope, visibility, visible

NEED_ROLES = ALL_ROLES - {Role.UNIT_LIAISON}

READ_NEEDS = Rule("needs", NEED_ROLES, token_scope="read:cobuilding")
READ_RESOURCES = Rule("resources", ALL_ROLES, token_scope="read:cobuilding")
READ_PROJECTS = Rule("projects", ALL_ROLES, token_scope="read:cobuilding")
READ_MICRO_WISHES = Rule("microWishes", NEED_ROLES, token_scope="read:cobuilding")


@visibility(Need, token_scope="read:cobuilding")
def _needs(scope: Scope) -> ColumnElement[bool]:
    return scope.in_subtrees(Need.community_id)


@visibility(Resource, token_scope="read:cobuilding")
def _resources(scope: Scope) -> ColumnElement[bool]:
    return or_(scope.in_subtrees(Resource.community_id), scope.in_units(Resource.unit_id))


@visibility(Project, token_scope="read:cobuilding")
def _projects(scope: Scope) -> ColumnElement[bool]:
    partnered = select(ProjectPartner.project_id).where(scope.in_units(ProjectPartner.unit_id))
    return or_(
        scope.in_subtrees(Project.community_id),
        scope.in_units(Project.lead_unit_id),
        Project.id.in_(partnered),
    )


def _visible_projects(scope: Scope) -> object:
    return select(Project.id).where(visible(Project, scope))


@visibility(ProjectMilestone, token_scope="read:cobuilding")
def _milestones(scope: Scope) -> ColumnElement[bool]:
    return ProjectMilestone.project_id.in_(_visible_projects(scope))  # type: ignore[no-any-return]


@visibility(ProjectPartner, token_scope="read:cobuilding")
def _partners(scope: Scope) -> ColumnElement[bool]:
    return ProjectPartner.project_id.in_(_visible_projects(scope))  # type: ignore[no-any-return]


@visibility(MicroWish, token_scope="read:cobuilding")
def _wishes(scope: Scope) -> ColumnElement[bool]:
    return scope.in_subtrees(MicroWish.community_id)

from __future__ import annotations

from sqlalchemy import ColumnElement, or_
from sqlmodel import col

from backend.core.actor import Actor
from backend.core.permissions import ALL_ROLES, Rule, holds_grant_over
from backend.core.principal import Role
from backend.core.scope import Scope, visibility
from backend.organisations.models import Grid, Organisation

# A unit liaison answers for one unit and does not browse the organisation tree.
TREE_ROLES = ALL_ROLES - {Role.UNIT_LIAISON}

READ_ORGANISATIONS = Rule("organisations", TREE_ROLES, token_scope="read:organisations")
READ_GRIDS = Rule("grids", TREE_ROLES, token_scope="read:organisations")
# The street's own administrators shape its tree, within the subtree they administer: the
# organisations changed, and the parents moved under, are loaded in that scope.
MANAGE_TREE = Rule("manageOrganisations", frozenset({Role.STREET_ADMIN}))


def manages_tree(actor: Actor, organisation_path: str) -> bool:
    """Whether the caller may change this organisation (the SPA's `viewerCanManage`); the
    mutations reach the same verdict by loading it in the scope of MANAGE_TREE."""
    return holds_grant_over(actor.principal, MANAGE_TREE.roles, organisation_path)


@visibility(Organisation, read=READ_ORGANISATIONS)
def _organisations(scope: Scope) -> ColumnElement[bool]:
    own_community = col(Organisation.id).in_(sorted(scope.organisation_ids))
    return or_(scope.in_subtrees(Organisation.id), own_community)


@visibility(Grid, read=READ_GRIDS)
def _grids(scope: Scope) -> ColumnElement[bool]:
    return scope.in_subtrees(Grid.community_id)

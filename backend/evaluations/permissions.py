from __future__ import annotations

from sqlalchemy import ColumnElement, or_

from backend.core.permissions import ALL_ROLES, Rule
from backend.core.principal import Role
from backend.core.scope import Scope, visibility
from backend.evaluations.models import Evaluation

EVALUATION_ROLES = ALL_ROLES - {Role.COMMITTEE_MEMBER}

READ_EVALUATIONS = Rule("evaluations", EVALUATION_ROLES, token_scope="read:evaluations")


@visibility(Evaluation, read=READ_EVALUATIONS)
def _evaluations(scope: Scope) -> ColumnElement[bool]:
    return or_(scope.in_subtrees(Evaluation.community_id), scope.in_units(Evaluation.unit_id))

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlmodel import col

from backend.core.permissions import ALL_ROLES, Rule
from backend.core.scope import Scope, visibility, visible
from backend.units.models import (
    AgreementCommitment,
    CoBuildingAgreement,
    Registration,
    ResidentUnit,
    UnitStaff,
)

READ_UNITS = Rule("residentUnits", ALL_ROLES, token_scope="read:units")


def visible_unit_ids(scope: Scope) -> Select[Any]:
    return select(col(ResidentUnit.id)).where(visible(ResidentUnit, scope))


@visibility(ResidentUnit, read=READ_UNITS)
def _units(scope: Scope) -> ColumnElement[bool]:
    return or_(
        scope.in_subtrees(col(ResidentUnit.community_id)), scope.in_units(col(ResidentUnit.id))
    )


@visibility(UnitStaff, read=READ_UNITS)
def _staff(scope: Scope) -> ColumnElement[bool]:
    return col(UnitStaff.unit_id).in_(visible_unit_ids(scope))


@visibility(CoBuildingAgreement, read=READ_UNITS)
def _agreements(scope: Scope) -> ColumnElement[bool]:
    return or_(
        scope.in_subtrees(CoBuildingAgreement.community_id),
        scope.in_units(CoBuildingAgreement.unit_id),
    )


@visibility(AgreementCommitment, read=READ_UNITS)
def _commitments(scope: Scope) -> ColumnElement[bool]:
    agreements = select(col(CoBuildingAgreement.id)).where(visible(CoBuildingAgreement, scope))
    return col(AgreementCommitment.agreement_id).in_(agreements)


@visibility(Registration, read=READ_UNITS)
def _registrations(scope: Scope) -> ColumnElement[bool]:
    return or_(
        scope.in_subtrees(col(Registration.community_id)), scope.in_units(col(Registration.unit_id))
    )

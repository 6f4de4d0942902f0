from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select

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


def visible_unit_ids(scope: Scope) -> ColumnElement[bool]:
    return select(ResidentUnit.id).where(visible(ResidentUnit, scope))  # type: ignore[no-any-return]


@visibility(ResidentUnit, read=READ_UNITS)
def _units(scope: Scope) -> ColumnElement[bool]:
    return or_(scope.in_subtrees(ResidentUnit.community_id), scope.in_units(ResidentUnit.id))


@visibility(UnitStaff, read=READ_UNITS)
def _staff(scope: Scope) -> ColumnElement[bool]:
    return UnitStaff.unit_id.in_(visible_unit_ids(scope))  # type: ignore[no-any-return]


@visibility(CoBuildingAgreement, read=READ_UNITS)
def _agreements(scope: Scope) -> ColumnElement[bool]:
    return or_(
        scope.in_subtrees(CoBuildingAgreement.community_id),
        scope.in_units(CoBuildingAgreement.unit_id),
    )


@visibility(AgreementCommitment, read=READ_UNITS)
def _commitments(scope: Scope) -> ColumnElement[bool]:
    agreements = select(CoBuildingAgreement.id).where(visible(CoBuildingAgreement, scope))
    return AgreementCommitment.agreement_id.in_(agreements)  # type: ignore[no-any-return]


@visibility(Registration, read=READ_UNITS)
def _registrations(scope: Scope) -> ColumnElement[bool]:
    return or_(scope.in_subtrees(Registration.community_id), scope.in_units(Registration.unit_id))

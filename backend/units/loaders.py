from __future__ import annotations

from backend.core.dataloaders import ByIdLoader, ListByKeyLoader
from backend.units.models import (
    AgreementCommitment,
    CoBuildingAgreement,
    Registration,
    ResidentUnit,
    UnitStaff,
)


class ResidentUnitByIdLoader(ByIdLoader[ResidentUnit]):
    model = ResidentUnit


class ResidentUnitsByCommunityLoader(ListByKeyLoader[ResidentUnit]):
    model = ResidentUnit
    key = "community_id"
    order_by = ("name", "id")


class CoBuildingAgreementByIdLoader(ByIdLoader[CoBuildingAgreement]):
    model = CoBuildingAgreement


class CoBuildingAgreementsByUnitLoader(ListByKeyLoader[CoBuildingAgreement]):
    model = CoBuildingAgreement
    key = "unit_id"
    order_by = ("starts_on", "id")


class CommitmentsByAgreementLoader(ListByKeyLoader[AgreementCommitment]):
    model = AgreementCommitment
    key = "agreement_id"
    order_by = ("position",)


class RegistrationByIdLoader(ByIdLoader[Registration]):
    model = Registration


class RegistrationsByUnitLoader(ListByKeyLoader[Registration]):
    model = Registration
    key = "unit_id"
    order_by = ("registered_on", "id")


class UnitStaffByUnitLoader(ListByKeyLoader[UnitStaff]):
    model = UnitStaff
    key = "unit_id"
    order_by = ("id",)


class AgreementCommitmentByIdLoader(ByIdLoader[AgreementCommitment]):
    model = AgreementCommitment

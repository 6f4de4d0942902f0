from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field

from backend.core.models import ArchivableMixin, LabelledEnum, TimestampMixin, enum_column


class ResidentUnitKind(LabelledEnum):
    AGENCY = "agency", "机关单位"
    SCHOOL = "school", "学校"
    HOSPITAL = "hospital", "医院"
    STATE_ENTERPRISE = "state_enterprise", "国有企业"
    PRIVATE_ENTERPRISE = "private_enterprise", "非公企业"
    SOCIAL_ORGANISATION = "social_organisation", "社会组织"
    PROPERTY_COMPANY = "property_company", "物业公司"
    OWNERS_COMMITTEE = "owners_committee", "业主委员会"


class AgreementStatus(LabelledEnum):
    DRAFT = "draft", "草拟"
    ACTIVE = "active", "生效中"
    EXPIRED = "expired", "已到期"
    TERMINATED = "terminated", "已终止"


class RegistrationKind(LabelledEnum):
    UNIT = "unit", "单位报到"
    PARTY_MEMBER = "party_member", "党员报到"


class RegistrationStatus(LabelledEnum):
    PENDING = "pending", "待确认"
    CONFIRMED = "confirmed", "已报到"
    WITHDRAWN = "withdrawn", "已撤回"


class ResidentUnit(TimestampMixin, ArchivableMixin, table=True):
    __tablename__ = "resident_unit"
    __table_args__ = (
        UniqueConstraint("community_id", "name"),
        CheckConstraint("party_member_count >= 0", name="party_member_count_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, index=True)
    kind: ResidentUnitKind = Field(sa_type=enum_column(ResidentUnitKind, "resident_unit_kind"))
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    grid_id: int | None = Field(
        default=None, foreign_key="grid.id", ondelete="RESTRICT", index=True
    )
    address: str = Field(max_length=200)
    phone: str | None = Field(default=None, max_length=20)
    liaison_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    # The unit's own party organisation (e.g. 县人民医院党总支), outside the community tree.
    party_organisation_name: str | None = Field(default=None, max_length=100)
    party_member_count: int = 0


class UnitStaff(TimestampMixin, ArchivableMixin, table=True):
    """People who work for a unit and act for it in the community."""

    __tablename__ = "unit_staff"
    __table_args__ = (UniqueConstraint("unit_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="resident_unit.id", ondelete="RESTRICT", index=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT", index=True)
    position: str | None = Field(default=None, max_length=50)


class CoBuildingAgreement(TimestampMixin, ArchivableMixin, table=True):
    __tablename__ = "co_building_agreement"
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="term_order"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="resident_unit.id", ondelete="RESTRICT", index=True)
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    title: str = Field(max_length=200)
    signed_on: date
    starts_on: date
    ends_on: date
    status: AgreementStatus = Field(sa_type=enum_column(AgreementStatus, "agreement_status"))


class AgreementCommitment(TimestampMixin, table=True):
    """One line of what the unit promises under an agreement."""

    __tablename__ = "agreement_commitment"
    __table_args__ = (
        UniqueConstraint("agreement_id", "position"),
        CheckConstraint("quantity IS NULL OR quantity > 0", name="quantity_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    agreement_id: int = Field(
        foreign_key="co_building_agreement.id", ondelete="CASCADE", index=True
    )
    position: int
    category: str = Field(max_length=50)
    description: str = Field(max_length=500)
    quantity: int | None = None
    unit_of_measure: str | None = Field(default=None, max_length=20)


class Registration(TimestampMixin, ArchivableMixin, table=True):
    """双报到: a unit registers with the community where it sits, a party member where they live."""

    __table_args__ = (
        CheckConstraint(
            "(kind = 'unit' AND unit_id IS NOT NULL AND person_id IS NULL)"
            " OR (kind = 'party_member' AND person_id IS NOT NULL)",
            name="subject_matches_kind",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: RegistrationKind = Field(sa_type=enum_column(RegistrationKind, "registration_kind"))
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    unit_id: int | None = Field(
        default=None, foreign_key="resident_unit.id", ondelete="RESTRICT", index=True
    )
    person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    registered_on: date
    status: RegistrationStatus = Field(
        sa_type=enum_column(RegistrationStatus, "registration_status")
    )

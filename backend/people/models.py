from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import CheckConstraint, UniqueConstraint, event
from sqlmodel import Field

from backend.core.crypto import EncryptedString, keyring
from backend.core.models import ArchivableMixin, LabelledEnum, TimestampMixin, enum_column


class Gender(LabelledEnum):
    MALE = "male", "男"
    FEMALE = "female", "女"


class CommitteeRole(LabelledEnum):
    POLICY_PUBLICIST = "policy_publicist", "政策宣讲员"
    COMMUNITY_ADVISOR = "community_advisor", "社区工作参议员"
    PROJECT_FOLLOW_UP_OFFICER = "project_follow_up_officer", "共建项目跟办员"
    OPINION_COLLECTOR = "opinion_collector", "社情民意收集员"


class Person(TimestampMixin, ArchivableMixin, table=True):
    """Anyone the product knows: resident, party member, unit staff, volunteer.

    Holds personal information (PIPL): the API masks mobile and ID numbers by default.
    """

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=50, index=True)
    gender: Gender = Field(sa_type=enum_column(Gender, "gender"))
    # Encrypted at rest; exact-match search goes through the keyed hashes beside them.
    mobile: str = Field(sa_type=EncryptedString)
    mobile_hash: str = Field(default="", max_length=64, index=True)
    id_number: str | None = Field(default=None, sa_type=EncryptedString)
    id_number_hash: str | None = Field(default=None, max_length=64, unique=True)
    birth_date: date | None = None
    address: str | None = Field(default=None, max_length=200)
    is_party_member: bool = False
    # The community the person lives in, if any (units' staff may live elsewhere).
    community_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete="RESTRICT", index=True
    )


class CommitteeMembership(TimestampMixin, ArchivableMixin, table=True):
    """A person from a resident unit serving a term as a part-time member (兼职委员)."""

    __tablename__ = "committee_membership"
    __table_args__ = (
        UniqueConstraint("person_id", "community_id", "term_start"),
        CheckConstraint("term_end >= term_start", name="term_order"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT", index=True)
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    unit_id: int | None = Field(
        default=None, foreign_key="resident_unit.id", ondelete="RESTRICT", index=True
    )
    term_start: date
    term_end: date
    title: str | None = Field(default=None, max_length=50)


class CommitteeMembershipRole(TimestampMixin, table=True):
    __tablename__ = "committee_membership_role"
    __table_args__ = (UniqueConstraint("membership_id", "role"),)

    id: int | None = Field(default=None, primary_key=True)
    membership_id: int = Field(
        foreign_key="committee_membership.id", ondelete="CASCADE", index=True
    )
    role: CommitteeRole = Field(sa_type=enum_column(CommitteeRole, "committee_role"))


@event.listens_for(Person, "before_insert")
@event.listens_for(Person, "before_update")
def _hash_personal_data(_mapper: Any, _connection: Any, person: Person) -> None:
    person.mobile_hash = keyring().search_hash(person.mobile)
    person.id_number_hash = keyring().search_hash(person.id_number) if person.id_number else None

from __future__ import annotations

from sqlalchemy import CheckConstraint, String, UniqueConstraint
from sqlmodel import Field

from backend.core.models import ArchivableMixin, LabelledEnum, TimestampMixin, enum_column


class OrganisationKind(LabelledEnum):
    STREET_COMMITTEE = "street_committee", "街道党工委"
    COMMUNITY_COMMITTEE = "community_committee", "社区党委"
    GRID_BRANCH = "grid_branch", "网格党支部"
    PARTY_GROUP = "party_group", "党小组"
    SOCIAL_ORGANISATION = "social_organisation", "社会组织"


# Which kinds may sit under which: the tree is street > community > grid branch / party group.
ALLOWED_PARENT_KINDS: dict[OrganisationKind, set[OrganisationKind | None]] = {
    OrganisationKind.STREET_COMMITTEE: {None},
    OrganisationKind.COMMUNITY_COMMITTEE: {OrganisationKind.STREET_COMMITTEE},
    OrganisationKind.GRID_BRANCH: {OrganisationKind.COMMUNITY_COMMITTEE},
    OrganisationKind.PARTY_GROUP: {
        OrganisationKind.COMMUNITY_COMMITTEE,
        OrganisationKind.GRID_BRANCH,
    },
    OrganisationKind.SOCIAL_ORGANISATION: {
        OrganisationKind.STREET_COMMITTEE,
        OrganisationKind.COMMUNITY_COMMITTEE,
    },
}


class Organisation(TimestampMixin, ArchivableMixin, table=True):
    __table_args__ = (
        UniqueConstraint("parent_id", "name"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, index=True)
    kind: OrganisationKind = Field(sa_type=enum_column(OrganisationKind, "organisation_kind"))
    parent_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete="RESTRICT", index=True
    )
    # Materialised path of ancestor ids ("/1/4/"), so a subtree is one indexed prefix match.
    path: str = Field(default="/", sa_type=String(255), index=True)
    code: str | None = Field(default=None, max_length=32, unique=True)
    address: str | None = Field(default=None, max_length=200)
    secretary_name: str | None = Field(default=None, max_length=50)
    phone: str | None = Field(default=None, max_length=20)


class Grid(TimestampMixin, ArchivableMixin, table=True):
    __table_args__ = (
        UniqueConstraint("community_id", "name"),
        CheckConstraint("households >= 0 AND households <= 2000", name="households_range"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    community_id: int = Field(foreign_key="organisation.id", ondelete="RESTRICT", index=True)
    branch_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete="RESTRICT", index=True
    )
    households: int = Field(default=0)
    leader_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    worker_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )

"""Shared pieces of every table: naming convention, timestamps, archiving, enum columns."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any, Self, overload
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

# Named constraints keep Alembic's batch mode (SQLite) and PostgreSQL migrations identical.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Times are stored in UTC; people read them in the streets' own time.
LOCAL_ZONE = ZoneInfo("Asia/Shanghai")


def utcnow() -> datetime:
    return datetime.now(UTC)


class AwareDateTime(sa.TypeDecorator[datetime]):
    """TIMESTAMP WITH TIME ZONE that always comes back timezone-aware (UTC), also from SQLite,
    which stores no offset."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a timezone-aware column")
        # SQLite keeps no offset: store every instant as UTC so that it reads back the same.
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class TimestampMixin(SQLModel):
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime, nullable=False)
    updated_at: datetime = Field(
        default_factory=utcnow,
        sa_type=AwareDateTime,
        nullable=False,
        sa_column_kwargs={"onupdate": utcnow},
    )


class ArchivableMixin(SQLModel):
    """Records that history refers to are archived, never deleted."""

    archived_at: datetime | None = Field(default=None, sa_type=AwareDateTime)


def enum_column(enum_cls: type[enum.Enum], name: str) -> Any:
    """A VARCHAR column with a CHECK constraint: portable, and no native PostgreSQL enum type
    to migrate whenever a value is added."""
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class LabelledEnum(enum.StrEnum):
    """A string enum whose members carry their Chinese label for the UI."""

    label: str

    # `Cls(value)` looks a member up by its value (through EnumMeta); only the member
    # definitions pass the label. Saying so keeps lookups type-checked.
    @overload
    def __new__(cls, value: str) -> Self: ...
    @overload
    def __new__(cls, value: str, label: str) -> Self: ...
    def __new__(cls, value: str, label: str | None = None) -> Self:
        if label is None:
            raise TypeError(f"{cls.__name__} member {value!r} needs a label")
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


def key(row: Any) -> int:
    """The primary key of a row that has been flushed (SQLModel types `id` as optional)."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no primary key yet: flush it first")
    return int(row.id)

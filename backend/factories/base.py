"""What every factory shares: the session, the fake-data helpers, the typed base class and the
bulk mode of the demo generator.

Personal data is fake but well formed: mobile numbers from Faker's zh_CN provider (11 digits,
real prefixes), 18-digit ID numbers from Dabu county (441422) with a valid check digit, and
addresses in Huliao town.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar, cast

import factory
from factory.alchemy import SQLAlchemyModelFactory
from faker import Faker
from sqlalchemy.orm import scoped_session, sessionmaker
from sqlmodel import Session

from backend.core.identifiers import id_check_digit
from backend.people.models import (
    Gender,
)

# Bound to an engine by the tests (per database) and by the seed command.
session: scoped_session[Session] = scoped_session(sessionmaker(class_=Session))

ModelT = TypeVar("ModelT")

HULIAO = "广东省梅州市大埔县湖寮镇"
DABU_AREA_CODE = "441422"
# Shares Faker's random generator, so factory.random.reseed_random() makes it repeatable.
fake = Faker("zh_CN")


def make_id_number(birth_date: dt.date, sequence: int, gender: Gender) -> str:
    # The 17th digit is odd for men and even for women.
    parity = 1 if gender is Gender.MALE else 0
    serial = f"{sequence % 100:02d}{(sequence % 5) * 2 + parity}"
    first17 = f"{DABU_AREA_CODE}{birth_date:%Y%m%d}{serial}"
    return first17 + id_check_digit(first17)


def huliao_address() -> str:
    return f"{HULIAO}{fake.street_name()}{fake.random_int(1, 199)}号"


def zh(provider: str, **kwargs: Any) -> factory.Faker:
    return factory.Faker(provider, locale="zh_CN", **kwargs)


def persist(factory_class: Any) -> None:
    """Save what a factory hook added, as the factory's own persistence setting says."""
    if factory_class._meta.sqlalchemy_session_persistence == "commit":
        session.commit()
    else:
        session.flush()


class BaseFactory(SQLAlchemyModelFactory, Generic[ModelT]):
    """A factory whose `create` is typed with the model it makes, for type-checked tests.

    factory_boy's own `Factory()` call and `create` are untyped, so tests call
    `XFactory.create(...)` and get the model back.
    """

    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: session  # noqa: E731
        sqlalchemy_session_persistence = "commit"

    @classmethod
    def create(cls, **kwargs: Any) -> ModelT:
        return cast(ModelT, super().create(**kwargs))

    @classmethod
    def create_batch(cls, size: int, **kwargs: Any) -> list[ModelT]:
        return cast(list[ModelT], super().create_batch(size, **kwargs))


def _all_factories() -> list[Any]:
    """Every factory class (the package imports all of them)."""
    found: list[Any] = []
    pending: list[Any] = list(BaseFactory.__subclasses__())
    while pending:
        factory_class = pending.pop()
        found.append(factory_class)
        pending.extend(factory_class.__subclasses__())
    return found


def reset_sequences() -> None:
    """Restart every factory's sequence, so that a generated data set can be reproduced."""
    for factory_class in _all_factories():
        factory_class.reset_sequence(force=True)


@contextmanager
def bulk_mode() -> Iterator[None]:
    """Flush instead of committing after each object; the caller commits once at the end."""
    previous = {f: f._meta.sqlalchemy_session_persistence for f in _all_factories()}
    for factory_class in previous:
        factory_class._meta.sqlalchemy_session_persistence = "flush"
    try:
        yield
    finally:
        for factory_class, persistence in previous.items():
            factory_class._meta.sqlalchemy_session_persistence = persistence

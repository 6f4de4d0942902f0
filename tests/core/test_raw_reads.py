"""SQLite's reader runs statements built once without SQLAlchemy's execution path
(backend/core/raw.py): every row and every value comes out as SQLAlchemy gives them, enums,
dates and times, decrypted personal data and NULLs included, and listeners still see each
statement."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy import Engine, bindparam, event, func, select
from sqlalchemy.exc import OperationalError
from sqlmodel import col

from backend.cobuilding.models import Need, NeedStatus
from backend.core import raw
from backend.core.db import create_reader_engine
from backend.core.principal import Role
from backend.core.settings import Settings
from backend.factories import CommunityFactory, NeedFactory, PersonFactory, ResidentUnitFactory
from backend.people.models import Person
from tests.client import GraphQLClient
from tests.helpers import gid


@pytest.fixture
def reader(settings: Settings, sync_engine: Engine) -> Any:
    engine = create_reader_engine(settings)
    if engine is None:
        pytest.skip("the reader is SQLite's")
    yield engine
    engine.dispose()


def _both(reader: Engine, statement: Any, parameters: dict[str, Any]) -> tuple[list[Any], Any]:
    with reader.connect() as connection:
        expected = [tuple(row) for row in connection.execute(statement, parameters)]
    ran = raw.run(reader, statement, {**parameters})
    return expected, ran


def test_rows_and_values_are_those_sqlalchemy_gives(reader: Engine) -> None:
    people = [PersonFactory.create(address=None), PersonFactory.create()]
    needs = [NeedFactory.create(status=s) for s in (NeedStatus.SUBMITTED, NeedStatus.SOLVED)]

    # Keys as one JSON list, against the same keys as SQLAlchemy's IN list.
    by_keys = select(Person).where(col(Person.id).in_(raw.json_key_list()))
    ran = raw.run(reader, by_keys, {"keys": [p.id for p in people]})
    listed_keys = select(Person).where(col(Person.id).in_([p.id for p in people]))
    expected, _ = _both(reader, listed_keys, {})
    assert [tuple(row) for row in ran] == expected
    assert {row.mobile for row in ran} == {p.mobile for p in people}  # decrypted
    assert None in {row.address for row in ran}

    # A literal IN list, an enum, a date and time, a bound parameter and an aggregate.
    listed = (
        select(col(Need.id), col(Need.status), col(Need.raised_at))
        .where(
            col(Need.status).in_([NeedStatus.SUBMITTED, NeedStatus.ACCEPTED]),
            col(Need.community_id) == bindparam("community"),
        )
        .order_by(col(Need.id))
    )
    expected, ran = _both(reader, listed, {"community": needs[0].community_id})
    assert [tuple(row) for row in ran] == expected
    assert ran[0].status is NeedStatus.SUBMITTED
    assert ran[0].raised_at == needs[0].raised_at

    counted = select(func.count()).select_from(Need)
    expected, ran = _both(reader, counted, {})
    assert [tuple(row) for row in ran] == expected == [(2,)]


def test_listeners_see_each_statement(reader: Engine) -> None:
    seen: list[str] = []
    event.listen(reader, "before_cursor_execute", lambda *args: seen.append(args[2]))
    raw.run(reader, select(func.count()).select_from(Person), {})
    assert len(seen) == 1 and seen[0].startswith("SELECT count(*)")


async def test_a_database_locked_for_the_reader_is_read_through_the_session(
    gql: GraphQLClient, reader: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's reader waits only briefly for a lock (a checkpoint); the request then reads
    through its session, which waits as long as its busy timeout allows, and answers as
    usual: the session lookup and the compiled read path alike."""
    community = CommunityFactory.create()
    ResidentUnitFactory.create(community=community)
    gql.sign_in(Role.STREET_ADMIN, community)
    query = "query D($c: ID!) { node(id: $c) { ... on Organisation { name residentUnits"
    query += " { totalCount edges { node { name liaison { name } } } } } } }"
    variables = {"c": gid("Organisation", community.id)}
    expected = await gql.data(query, variables)

    locked: list[str] = []

    def busy(_engine: Engine, statement: Any, _parameters: dict[str, Any]) -> list[Any]:
        locked.append(str(statement)[:20])
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(raw, "run", busy)
    assert await gql.data(query, variables) == expected
    assert len(locked) >= 2  # the session lookup and the compiled path both met the lock


def test_a_missing_parameter_or_a_list_parameter_is_refused(reader: Engine) -> None:
    needs_person = select(col(Person.name)).where(col(Person.id) == bindparam("person"))
    with pytest.raises(ValueError, match="person"):
        raw.run(reader, needs_person, {})
    expanding = select(col(Person.name)).where(col(Person.id).in_(bindparam("ids", expanding=True)))
    with pytest.raises(ValueError, match="list"):
        raw.run(reader, expanding, {"ids": [1]})

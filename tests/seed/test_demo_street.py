"""The demo street: deterministic, plausible, with well-formed personal data."""

from __future__ import annotations

import hashlib
import re

import pytest
from sqlalchemy import ColumnElement, Engine, func, inspect, select
from sqlmodel import SQLModel, col

from backend.core.settings import Settings
from backend.factories import id_check_digit
from backend.models import (
    ActionItem,
    CommitteeMembership,
    JointMeeting,
    Organisation,
    Person,
    ResidentUnit,
    VolunteerTeam,
)
from backend.organisations.models import OrganisationKind
from backend.seed import seed, seed_if_empty
from tests.conftest import empty_all_tables

MOBILE = re.compile(r"^1(3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$")


def count(engine: Engine, model: type[SQLModel], *conditions: ColumnElement[bool]) -> int:
    with engine.connect() as connection:
        statement = select(func.count()).select_from(model)
        for condition in conditions:
            statement = statement.where(condition)
        return int(connection.execute(statement).scalar_one())


@pytest.fixture
def seeded(settings: Settings, sync_engine: Engine) -> Engine:
    assert seed_if_empty(settings) is True
    return sync_engine


def test_demo_street_has_the_shape_of_seed_002(seeded: Engine, settings: Settings) -> None:
    communities = OrganisationKind.COMMUNITY_COMMITTEE
    with seeded.connect() as connection:
        names = connection.execute(
            select(col(Organisation.name)).where(col(Organisation.kind) == communities)
        ).scalars()
        community_names = sorted(names)

    assert community_names == sorted(
        ["城东社区党委", "城西社区党委", "城北社区党委", "福坪社区党委"]
    )
    assert count(seeded, ResidentUnit) == 46
    assert 35 <= count(seeded, CommitteeMembership) < 46  # most units, not all
    assert count(seeded, VolunteerTeam) == 12
    assert count(seeded, JointMeeting) == 16  # four quarterly meetings per community
    assert count(seeded, ActionItem, col(ActionItem.status).in_(["open", "in_progress"])) > 0
    assert seed_if_empty(settings) is False  # never loaded twice


def test_personal_data_is_fake_but_well_formed(seeded: Engine) -> None:
    with seeded.connect() as connection:
        people = connection.execute(
            select(col(Person.name), col(Person.mobile), col(Person.id_number))
        ).all()

    assert len(people) > 200
    for name, mobile, id_number in people:
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name), name
        assert MOBILE.match(mobile), mobile
        assert id_number is not None, name
        assert id_number.startswith("441422") and len(id_number) == 18
        assert id_check_digit(id_number[:17]) == id_number[17], id_number


def _fingerprint(engine: Engine) -> str:
    """A digest of the generated content, leaving out the creation timestamps."""
    digest = hashlib.sha256()
    with engine.connect() as connection:
        for model in (Person, ResidentUnit, CommitteeMembership, ActionItem, JointMeeting):
            table = inspect(model).local_table
            columns = [c for c in table.columns if c.name not in ("created_at", "updated_at")]
            rows = connection.execute(select(*columns).order_by(table.c.id)).all()
            digest.update(repr(rows).encode())
    return digest.hexdigest()


def test_the_generator_is_deterministic(seeded: Engine, settings: Settings) -> None:
    first = _fingerprint(seeded)
    empty_all_tables(seeded)
    seed(settings)

    assert _fingerprint(seeded) == first


def test_every_ledger_adds_up_and_every_dispatched_need_has_its_dispatch(seeded: Engine) -> None:
    from backend.cobuilding.models import DispatchStatus, Need, NeedDispatch, NeedStatus
    from backend.volunteering.models import PointsEntry, ServiceRecord

    with seeded.connect() as connection:
        entries = connection.execute(
            select(
                col(PointsEntry.person_id), col(PointsEntry.points), col(PointsEntry.balance)
            ).order_by(col(PointsEntry.person_id), col(PointsEntry.sequence))
        ).all()
        earned = connection.execute(select(func.sum(col(ServiceRecord.points)))).scalar_one()
        pending = connection.execute(
            select(func.count())
            .select_from(NeedDispatch)
            .join(Need, col(Need.id) == col(NeedDispatch.need_id))
            .where(col(NeedDispatch.status) == DispatchStatus.PENDING)
        ).scalar_one()
    running: dict[int, int] = {}
    for person_id, points, balance in entries:
        running[person_id] = running.get(person_id, 0) + points
        assert balance == running[person_id] >= 0
    assert sum(p for _, p, _ in entries if p > 0) == earned
    assert pending == count(seeded, Need, col(Need.status) == NeedStatus.DISPATCHED)


def test_needs_and_resources_use_the_one_list_of_categories(seeded: Engine) -> None:
    from backend.cobuilding.categories import BY_NAME
    from backend.cobuilding.models import Need, Resource

    with seeded.connect() as connection:
        used = set(connection.scalars(select(col(Need.category)).distinct()))
        used |= set(connection.scalars(select(col(Resource.category)).distinct()))

    assert used and used <= set(BY_NAME)

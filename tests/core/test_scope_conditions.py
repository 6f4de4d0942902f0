"""A table's visibility condition is built once per scope and reused by every request of that
scope; another scope gets its own, and the rows each finds are its own."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import col

from backend.cobuilding.models import Need
from backend.core.models import key
from backend.core.principal import Grant, Principal, Role
from backend.core.scope import Scope, visible
from backend.factories import CommunityFactory, NeedFactory, session
from backend.organisations.models import Organisation


def _convener_of(community: Organisation) -> Scope:
    grant = Grant(
        role=Role.CONVENER, organisation_id=key(community), organisation_path=community.path
    )
    return Scope.of(Principal(user_id=1, grants=(grant,)))


def test_each_scope_reuses_its_condition_and_finds_its_own_rows() -> None:
    west, east = (
        CommunityFactory.create(name="城西社区党委"),
        CommunityFactory.create(name="城东社区党委"),
    )
    NeedFactory.create(community=west, title="城西的需求")
    NeedFactory.create(community=east, title="城东的需求")
    in_west, in_east = _convener_of(west), _convener_of(east)

    assert visible(Need, in_west) is visible(Need, _convener_of(west))
    assert visible(Need, in_east) is not visible(Need, in_west)
    for scope, title in ((in_west, "城西的需求"), (in_east, "城东的需求")):
        found = session.scalars(select(col(Need.title)).where(visible(Need, scope))).all()
        assert found == [title]

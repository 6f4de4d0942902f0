"""The compiled read path (backend/core/compiled/) answers every benchmarked view exactly as
the resolvers do, byte for byte and in the same field order, for every role and for API
tokens of narrow and wide scopes, on SQLite and on PostgreSQL; and it is the path that does
answer the views it knows. A query it does not know, or a caller it may not serve, gets the
resolvers' answer, errors included."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from functools import partial
from typing import Any

import pytest
from sqlalchemy import Engine, event, select
from sqlmodel import col
from starlette.applications import Starlette

from backend.cobuilding.models import Need
from backend.core.compiled import extension, pages, plan
from backend.core.compiled.run import Run
from backend.core.pagination import Window
from backend.core.principal import Role
from backend.factories import (
    ApiTokenFactory,
    CommunityFactory,
    NeedFactory,
    PersonFactory,
    ResidentUnitFactory,
    raw_token,
    session,
)
from backend.organisations.models import Organisation
from backend.units.models import ResidentUnit
from bench.__main__ import community_id
from tests.client import AUTH_STATEMENTS, CountStatements, GraphQLClient
from tests.core.test_benchmarked_views import _views, demo_street  # noqa: F401 (fixture)
from tests.helpers import gid


@pytest.fixture
def compiled_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The queries the compiled path answered (rather than handing them to the resolvers)."""
    answered: list[str] = []
    execute = Run.execute

    async def counting(self: Run) -> dict[str, Any]:
        data = await execute(self)
        answered.append(self.plan.operation.name.value if self.plan.operation.name else "")
        return data

    monkeypatch.setattr(Run, "execute", counting)
    return answered


class Paths:
    def __init__(self, gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gql = gql
        self.monkeypatch = monkeypatch

    async def both(self, query: str, variables: dict[str, Any]) -> tuple[str, str]:
        compiled = await self.gql.execute(query, variables)
        with self.resolvers_only():
            resolvers = await self.gql.execute(query, variables)
        return _text(compiled), _text(resolvers)

    def resolvers_only(self) -> Any:
        monkeypatch = self.monkeypatch

        class Off:
            def __enter__(self) -> None:
                monkeypatch.setattr(extension, "plan_for", lambda *_args: None)

            def __exit__(self, *_exc: object) -> None:
                monkeypatch.setattr(extension, "plan_for", plan.plan_for)

        return Off()


def _text(answer: dict[str, Any]) -> str:
    return json.dumps(answer, ensure_ascii=False)


def _callers(
    engine: Engine,
) -> Iterator[tuple[str, tuple[Role, Organisation, ResidentUnit | None]]]:
    street = session.scalars(
        select(Organisation).where(col(Organisation.parent_id).is_(None))
    ).one()
    # The community the views are about.
    community = session.get(Organisation, community_id(engine))
    assert community is not None
    unit = session.scalars(
        select(ResidentUnit).where(col(ResidentUnit.community_id) == community.id)
    ).first()
    yield "street admin", (Role.STREET_ADMIN, street, None)
    yield "convener", (Role.CONVENER, community, None)
    yield "coordinator", (Role.VOLUNTEER_COORDINATOR, community, None)
    yield "member", (Role.COMMITTEE_MEMBER, community, None)
    yield "liaison", (Role.UNIT_LIAISON, community, unit)


async def test_both_paths_answer_every_view_alike_for_every_role_and_token(
    gql: GraphQLClient,
    demo_street: Engine,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    compiled_runs: list[str],
) -> None:
    paths = Paths(gql, monkeypatch)
    views = _views(demo_street)
    for who, (role, organisation, unit) in _callers(demo_street):
        gql.sign_in(role, organisation, unit=unit) if unit else gql.sign_in(role, organisation)
        for name, (query, variables) in views.items():
            compiled, resolvers = await paths.both(query, variables)
            assert compiled == resolvers, f"{name} as {who}"
    # The administrator's directory, candidates, board and ledger came from the compiled path.
    assert {"UnitDirectory", "Candidates", "Board", "Ledger"} <= set(compiled_runs)

    street = session.scalars(
        select(Organisation).where(col(Organisation.parent_id).is_(None))
    ).one()
    for scopes in ("read:units", "read:cobuilding", "read:units read:people read:cobuilding"):
        token = ApiTokenFactory.create(organisation_id=street.id, scopes=scopes)
        gql.use_token(raw_token(token))
        for name, (query, variables) in views.items():
            compiled, resolvers = await paths.both(query, variables)
            assert compiled == resolvers, f"{name} with {scopes}"


async def test_what_the_plan_does_not_know_goes_to_the_resolvers(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch, compiled_runs: list[str]
) -> None:
    organisation = CommunityFactory.create()
    for _ in range(3):
        NeedFactory.create(community=organisation, raised_by_id=PersonFactory.create().id)
    gql.sign_in(Role.STREET_ADMIN, organisation)
    paths = Paths(gql, monkeypatch)
    community = {"c": gid("Organisation", organisation.id)}
    unknown = {
        # a field with an argument, an async field, a directive, a bad cursor, a bad ID
        "Full": "query Full($c: ID!) { needs(filter: {organisation: $c}, first: 3) {"
        " edges { node { raisedBy { mobile(full: true) } } } } }",
        "Async": "query Async($c: ID!) { needs(filter: {organisation: $c}, first: 3) {"
        " edges { node { viewerCanHandle } } } }",
        "Skip": "query Skip($c: ID!) { needs(filter: {organisation: $c}, first: 3) {"
        " totalCount @skip(if: true) } }",
        "Cursor": 'query Cursor($c: ID!) { needs(filter: {organisation: $c}, after: "x") {'
        " totalCount } }",
        "Missing": 'query Missing { node(id: "T3JnYW5pc2F0aW9uOjk5OTk5") {'
        " ... on Organisation { name } } }",
    }
    for name, query in unknown.items():
        variables = community if "$c" in query else {}
        compiled, resolvers = await paths.both(query, variables)
        assert compiled == resolvers, name
    assert compiled_runs == []


def test_composed_statements_are_keyed_by_the_statements_themselves() -> None:
    """A page composed from a statement that is gone is never handed to another statement
    that happens to take its place in memory (another scope's, another filter's)."""
    window = Window(offset=0, limit=5)
    first = select(Need).where(col(Need.id) == 1)
    composed = pages.cached(("page", first, window), partial(pages._page, first, window))
    del first
    gc.collect()
    for key in range(2, 50):
        later = select(Need).where(col(Need.id) == key)
        again = pages.cached(("page", later, window), partial(pages._page, later, window))
        assert again is not composed


async def test_a_query_holds_at_most_one_connection_of_the_pool(
    gql: GraphQLClient, app: Starlette
) -> None:
    community = CommunityFactory.create()
    ResidentUnitFactory.create(community=community)
    gql.sign_in(Role.STREET_ADMIN, community)
    pool = app.state.database.engine.sync_engine.pool
    held = [0]
    most = [0]

    def checkout(*_args: Any) -> None:
        held[0] += 1
        most[0] = max(most[0], held[0])

    def checkin(*_args: Any) -> None:
        held[0] -= 1

    event.listen(pool, "checkout", checkout)
    event.listen(pool, "checkin", checkin)
    try:
        query = "query Q($c: ID!) { me { username } node(id: $c) { ... on Organisation {"
        query += " name residentUnits { totalCount } } } }"
        await gql.data(query, {"c": gid("Organisation", community.id)})
    finally:
        event.remove(pool, "checkout", checkout)
        event.remove(pool, "checkin", checkin)
    assert most[0] <= 1


async def test_to_one_relations_are_read_with_their_objects(
    gql: GraphQLClient,
    monkeypatch: pytest.MonkeyPatch,
    compiled_runs: list[str],
    count_statements: CountStatements,
) -> None:
    """A to-one relation costs no statement of its own: it is joined to the statement of
    its objects, and is null where the loader would answer null (no row, or a table the
    caller may not read), on the compiled path as on the resolvers'."""
    community = CommunityFactory.create()
    liaison = PersonFactory.create(community_id=community.id)
    ResidentUnitFactory.create(community=community, name="甲单位", liaison_id=liaison.id)
    ResidentUnitFactory.create(community=community, name="乙单位", liaison_id=None)
    paths = Paths(gql, monkeypatch)
    query = "query Liaisons($c: ID!) { node(id: $c) { ... on Organisation {"
    query += " residentUnits { edges { node { name liaison { name } } } } } } }"
    variables = {"c": gid("Organisation", community.id)}

    gql.sign_in(Role.STREET_ADMIN, community)
    with count_statements() as counted:
        compiled = await gql.data(query, variables)
    # the session, the community, its units with their liaisons
    assert counted.count == AUTH_STATEMENTS + 2
    units = compiled["node"]["residentUnits"]["edges"]
    by_name = {u["node"]["name"]: u["node"]["liaison"] for u in units}
    assert by_name == {"甲单位": {"name": liaison.name}, "乙单位": None}
    answered, resolvers = await paths.both(query, variables)
    assert answered == resolvers

    # A token that may read units but not people: every liaison is null.
    scopes = "read:organisations read:units"
    token = ApiTokenFactory.create(organisation_id=community.id, scopes=scopes)
    gql.use_token(raw_token(token))
    answered, resolvers = await paths.both(query, variables)
    assert answered == resolvers
    assert '"liaison": null' in answered and liaison.name not in answered
    assert compiled_runs == ["Liaisons"] * 3

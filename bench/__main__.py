"""Benchmark: the unit directory of one community through the GraphQL API, against the same
data fetched with hand-written SQL and serialised with json, in the same run. The API is timed
signed in (the demo administrator's session cookie), and again with the same principal handed
over without any credential lookup, to show what authentication adds.

    python -m bench [--database-url URL] [--repeat N] [--extra-units N]

It builds a fresh database with the demo street, measures, then adds `--extra-units` units
(with members and roles) to the community and measures again, to show that the number of SQL
statements does not grow with the number of rows. It prints times, the GraphQL/SQL ratio,
peak memory per request, and the statement count of each side.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine, event, text
from strawberry import relay

from backend.core.app import create_app
from backend.core.db import create_sync_engine
from backend.core.migrate import upgrade_database
from backend.core.principal import Grant, Principal, Role
from backend.core.settings import ROOT, Settings
from backend.demo import DEMO_PASSWORD
from backend.seed import seed
from bench import candidates, workflow

COMMUNITY = "城西社区党委"

DIRECTORY_QUERY = """
query UnitDirectory($community: ID!) {
  node(id: $community) {
    ... on Organisation {
      name
      residentUnits(first: 100) {
        totalCount
        edges { node {
          id name kind address
          liaison { name mobile }
          committeeMembers { termStart termEnd person { name mobile } roles }
        } }
      }
    }
  }
}
"""

DIRECTORY_SQL = text(
    """
    SELECT u.id, u.name, u.kind, u.address, l.name AS liaison_name, l.mobile AS liaison_mobile,
           m.id AS membership_id, m.term_start, m.term_end, p.name AS member_name,
           p.mobile AS member_mobile, r.role
    FROM resident_unit u
    LEFT JOIN person l ON l.id = u.liaison_id
    LEFT JOIN committee_membership m ON m.unit_id = u.id AND m.archived_at IS NULL
    LEFT JOIN person p ON p.id = m.person_id
    LEFT JOIN committee_membership_role r ON r.membership_id = m.id
    WHERE u.community_id = :community AND u.archived_at IS NULL
    ORDER BY u.name, u.id, m.term_start, m.id, r.role
    LIMIT 100000
    """
)


@dataclass
class Measure:
    median_ms: float
    p95_ms: float
    peak_kib: float
    statements: int


def mask(mobile: str | None) -> str | None:
    return None if mobile is None else mobile[:3] + "****" + mobile[-4:]


def directory_by_sql(engine: Engine, community_id: int) -> str:
    """The hand-written baseline: one query, grouped in Python, dumped with json."""
    units: dict[int, dict[str, Any]] = {}
    members: dict[int, dict[str, Any]] = {}
    with engine.connect() as connection:
        for row in connection.execute(DIRECTORY_SQL, {"community": community_id}):
            unit = units.get(row.id)
            if unit is None:
                unit = units[row.id] = {
                    "id": str(relay.GlobalID("ResidentUnit", str(row.id))),
                    "name": row.name,
                    "kind": row.kind.upper(),
                    "address": row.address,
                    "liaison": {"name": row.liaison_name, "mobile": mask(row.liaison_mobile)},
                    "committeeMembers": [],
                }
            if row.membership_id is None:
                continue
            member = members.get(row.membership_id)
            if member is None:
                member = members[row.membership_id] = {
                    "termStart": str(row.term_start),
                    "termEnd": str(row.term_end),
                    "person": {"name": row.member_name, "mobile": mask(row.member_mobile)},
                    "roles": [],
                }
                unit["committeeMembers"].append(member)
            if row.role is not None:
                member["roles"].append(row.role.upper())
    edges = [{"node": unit} for unit in units.values()]
    return json.dumps(
        {"data": {"node": {"residentUnits": {"totalCount": len(edges), "edges": edges}}}},
        ensure_ascii=False,
    )


class StatementCounter:
    def __init__(self, engine: Engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, *_args: Any) -> None:
        self.count += 1

    def take(self) -> int:
        count, self.count = self.count, 0
        return count


Runner = Callable[[], Awaitable[Any]]


async def measure_interleaved(
    runs: dict[str, tuple[Runner, StatementCounter]], repeat: int
) -> dict[str, Measure]:
    """Time several ways of getting the same data, one request of each in turn, so that a
    machine busy with something else slows them all alike."""
    statements: dict[str, int] = {}
    peaks: dict[str, float] = {}
    for name, (run, counter) in runs.items():
        await run()  # warm caches: parsed query, prepared statements, connection pool
        counter.take()
        await run()
        statements[name] = counter.take()
        tracemalloc.start()
        await run()
        peaks[name] = tracemalloc.get_traced_memory()[1] / 1024
        tracemalloc.stop()
    timings: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, (run, _counter) in runs.items():
            started = time.perf_counter()
            await run()
            timings[name].append((time.perf_counter() - started) * 1000)
    return {
        name: Measure(
            median_ms=statistics.median(values),
            p95_ms=sorted(values)[int(len(values) * 0.95) - 1],
            peak_kib=peaks[name],
            statements=statements[name],
        )
        for name, values in timings.items()
    }


def add_units(settings: Settings, community_id: int, count: int) -> None:
    import sys

    sys.path.insert(0, str(ROOT))
    from backend import factories
    from backend.organisations.models import Organisation
    from backend.people.models import CommitteeRole

    engine = create_sync_engine(settings)
    factories.session.configure(bind=engine)
    with factories.bulk_mode():
        community = factories.session.get(Organisation, community_id)
        for n in range(count):
            unit = factories.ResidentUnitFactory.create(
                community=community, name=f"压测单位{n:04d}"
            )
            factories.MembershipFactory.create(
                unit=unit,
                with_roles=[CommitteeRole.POLICY_PUBLICIST, CommitteeRole.OPINION_COLLECTOR],
            )
    factories.session.commit()
    factories.session.remove()
    engine.dispose()


def community_id(engine: Engine) -> int:
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT id FROM organisation WHERE name = :name"), {"name": COMMUNITY}
        ).scalar_one()
    return int(found)


@dataclass
class Round:
    signed_in: Measure
    no_lookup: Measure
    sql: Measure
    units: int


async def _street_admin_principal(settings: Settings) -> Principal:
    """The demo street administrator's principal, built once (no per-request lookup)."""
    engine = create_sync_engine(settings)
    with engine.connect() as connection:
        user_id, organisation_id, path = connection.execute(
            text(
                "SELECT u.id, o.id, o.path FROM app_user u JOIN role_grant g ON g.user_id = u.id"
                " JOIN organisation o ON o.id = g.organisation_id WHERE u.username = 'admin'"
            )
        ).one()
    engine.dispose()
    grant = Grant(role=Role.STREET_ADMIN, organisation_id=organisation_id, organisation_path=path)
    return Principal(user_id=user_id, grants=(grant,))


@asynccontextmanager
async def graphql_runner(
    settings: Settings, query: str, variables: dict[str, Any], fixed: Principal | None = None
) -> AsyncIterator[tuple[Runner, StatementCounter, list[dict[str, Any]]]]:
    """A query through the ASGI app: signed in with the demo administrator's session cookie,
    or (`fixed`) with that principal handed over without any credential lookup. The last
    response's data is kept in the list it yields."""

    async def handed_over(_request: Any, context: Any) -> None:
        context.principal = fixed

    app = (
        create_app(settings, prepare_database=False, authenticator=handed_over)
        if fixed is not None
        else create_app(settings, prepare_database=False)
    )
    counter = StatementCounter(app.state.database.engine.sync_engine)
    last: list[dict[str, Any]] = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        if fixed is None:
            await _sign_in(client)

        async def via_graphql() -> None:
            response = await client.post("/graphql", json={"query": query, "variables": variables})
            body = response.json()
            assert "errors" not in body, body
            last[:] = [body["data"]]

        yield via_graphql, counter, last
    await app.state.database.dispose()


async def _sign_in(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        json={
            "query": "mutation($u: String!, $p: String!) { sessionCreate(input: {username: $u,"
            " password: $p}) { errors { message } } }",
            "variables": {"u": "admin", "p": DEMO_PASSWORD},
        },
    )
    assert response.json()["data"]["sessionCreate"]["errors"] == [], response.text


async def run_round(settings: Settings, key: int, repeat: int) -> Round:
    principal = await _street_admin_principal(settings)
    sql_engine = create_sync_engine(settings)

    async def via_sql() -> None:
        directory_by_sql(sql_engine, key)

    variables = {"community": str(relay.GlobalID("Organisation", str(key)))}
    async with (
        graphql_runner(settings, DIRECTORY_QUERY, variables) as (
            signed_in,
            signed_in_counter,
            data,
        ),
        graphql_runner(settings, DIRECTORY_QUERY, variables, principal) as (
            handed_over,
            handed_over_counter,
            _,
        ),
    ):
        measured = await measure_interleaved(
            {
                "signed_in": (signed_in, signed_in_counter),
                "no_lookup": (handed_over, handed_over_counter),
                "sql": (via_sql, StatementCounter(sql_engine)),
            },
            repeat,
        )
    sql_engine.dispose()
    return Round(
        signed_in=measured["signed_in"],
        no_lookup=measured["no_lookup"],
        sql=measured["sql"],
        units=data[0]["node"]["residentUnits"]["totalCount"],
    )


def report(label: str, result: Round) -> None:
    api, sql, bare = result.signed_in, result.sql, result.no_lookup
    print(
        f"{label:<7} {result.units:>4} units | graphql signed in {api.median_ms:7.2f} ms"
        f" (p95 {api.p95_ms:6.2f}), {api.peak_kib:6.0f} KiB, {api.statements} statements"
        f" | sql {sql.median_ms:6.2f} ms, {sql.peak_kib:5.0f} KiB, {sql.statements} statement"
        f" | ratio time {api.median_ms / sql.median_ms:5.1f}x, memory"
        f" {api.peak_kib / sql.peak_kib:4.1f}x"
    )
    print(
        f"{'':<7} {'':>4}       | authentication: {api.median_ms:.2f} ms signed in vs"
        f" {bare.median_ms:.2f} ms with the principal handed over ({bare.statements}"
        f" statements): {(api.median_ms / bare.median_ms - 1) * 100:+.1f}%"
    )


async def main_async(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as workdir:
        url = args.database_url or f"sqlite:///{Path(workdir) / 'bench.db'}"
        settings = Settings(database_url=url, demo_data=True)
        upgrade_database(settings)
        seed(settings)
        engine = create_sync_engine(settings)
        key = community_id(engine)
        engine.dispose()
        print(f"unit directory of {COMMUNITY} on {url.split(':')[0]}, {args.repeat} runs each")
        small = await run_round(settings, key, args.repeat)
        report("demo", small)
        add_units(settings, key, args.extra_units)
        large = await run_round(settings, key, args.repeat)
        report("scaled", large)
        constant = small.signed_in.statements == large.signed_in.statements
        print(
            f"graphql statement count {'does not grow' if constant else 'GROWS'} with rows:"
            f" {small.signed_in.statements} for {small.units} units,"
            f" {large.signed_in.statements} for {large.units} units"
        )
        print(f"\nagendaCandidates for {COMMUNITY} before {candidates.BEFORE:%Y-%m-%d}")
        steady = await candidates.run(
            settings, key, args.repeat, measure_interleaved, graphql_runner
        )
        print(f"\nneeds board and a volunteer's ledger in {COMMUNITY}")
        flat = await workflow.run(settings, key, args.repeat, measure_interleaved, graphql_runner)
    return 0 if constant and steady and flat else 1


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--extra-units", type=int, default=88)
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    raise SystemExit(main())

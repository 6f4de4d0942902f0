"""Benchmark: the unit directory of one community through the GraphQL API, against the same
data fetched with hand-written SQL and serialised with json, in the same run.

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
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine, event, text
from strawberry import relay

from backend.core.app import create_app
from backend.core.db import create_sync_engine
from backend.core.migrate import upgrade_database
from backend.core.settings import ROOT, Settings
from backend.seed import seed

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


async def measure(
    run: Callable[[], Awaitable[Any]], counter: StatementCounter, repeat: int
) -> Measure:
    await run()  # warm caches: parsed query, prepared statements, connection pool
    counter.take()
    await run()
    statements = counter.take()
    tracemalloc.start()
    await run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        await run()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return Measure(
        median_ms=statistics.median(timings),
        p95_ms=timings[int(len(timings) * 0.95) - 1],
        peak_kib=peak / 1024,
        statements=statements,
    )


def add_units(settings: Settings, community_id: int, count: int) -> None:
    import sys

    sys.path.insert(0, str(ROOT))
    from backend.organisations.models import Organisation
    from backend.people.models import CommitteeRole
    from tests import factories

    engine = create_sync_engine(settings)
    factories.session.configure(bind=engine)
    with factories.bulk_mode():
        community = factories.session.get(Organisation, community_id)
        for n in range(count):
            unit = factories.ResidentUnitFactory(community=community, name=f"压测单位{n:04d}")
            factories.MembershipFactory(
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


async def run_round(settings: Settings, key: int, repeat: int) -> tuple[Measure, Measure, int]:
    app = create_app(settings, prepare_database=False)
    api_counter = StatementCounter(app.state.database.engine.sync_engine)
    sql_engine = create_sync_engine(settings)
    sql_counter = StatementCounter(sql_engine)
    variables = {"community": str(relay.GlobalID("Organisation", str(key)))}
    transport = httpx.ASGITransport(app=app)
    units = 0
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

        async def via_graphql() -> None:
            nonlocal units
            response = await client.post(
                "/graphql", json={"query": DIRECTORY_QUERY, "variables": variables}
            )
            body = response.json()
            assert "errors" not in body, body
            units = body["data"]["node"]["residentUnits"]["totalCount"]

        async def via_sql() -> None:
            directory_by_sql(sql_engine, key)

        api = await measure(via_graphql, api_counter, repeat)
        sql = await measure(via_sql, sql_counter, repeat)
    await app.state.database.dispose()
    sql_engine.dispose()
    return api, sql, units


def report(label: str, units: int, api: Measure, sql: Measure) -> None:
    ratio = api.median_ms / sql.median_ms
    print(
        f"{label:<10} {units:>4} units | graphql {api.median_ms:7.2f} ms (p95 {api.p95_ms:6.2f}),"
        f" {api.peak_kib:7.0f} KiB, {api.statements} statements"
        f" | sql {sql.median_ms:6.2f} ms, {sql.peak_kib:6.0f} KiB, {sql.statements} statement"
        f" | time ratio {ratio:5.1f}x, memory ratio {api.peak_kib / sql.peak_kib:5.1f}x"
    )


async def main_async(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as workdir:
        url = args.database_url or f"sqlite:///{Path(workdir) / 'bench.db'}"
        settings = Settings(database_url=url, demo_data=False)
        upgrade_database(settings)
        seed(settings)
        engine = create_sync_engine(settings)
        key = community_id(engine)
        engine.dispose()
        print(f"unit directory of {COMMUNITY} on {url.split(':')[0]}, {args.repeat} runs each")
        api_small, sql_small, small_units = await run_round(settings, key, args.repeat)
        report("demo", small_units, api_small, sql_small)
        add_units(settings, key, args.extra_units)
        api_large, sql_large, large_units = await run_round(settings, key, args.repeat)
        report("scaled", large_units, api_large, sql_large)
    constant = api_small.statements == api_large.statements
    print(
        f"graphql statement count {'does not grow' if constant else 'GROWS'} with rows:"
        f" {api_small.statements} for {small_units} units, {api_large.statements} for"
        f" {large_units} units"
    )
    return 0 if constant else 1


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--extra-units", type=int, default=88)
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    raise SystemExit(main())

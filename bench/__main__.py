"""Benchmark: each view through the GraphQL API against the same data read with hand-written
SQL and serialised with json, in the same run, on SQLite and then on PostgreSQL
(127.0.0.1:5432) when it answers.

    python -m bench [--database-url URL] [--repeat N] [--extra-units N] [--quick]

On a fresh database with the demo street it measures `{ __typename }` signed in against a bare
strawberry schema (the app's fixed cost per request); the unit directory of one community,
signed in and with the principal handed over without any credential lookup (what
authentication adds); `agendaCandidates`; the needs board and a volunteer's ledger. Each view
is measured again after more rows are added, to show that the number of SQL statements does
not grow with the number of rows. It prints times, the GraphQL/SQL ratio, peak memory per
request, and the statement count of each side.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from strawberry import relay

from backend import factories
from backend.core.db import create_sync_engine
from backend.core.migrate import upgrade_database
from backend.core.principal import Grant, Principal, Role
from backend.core.settings import Settings
from backend.organisations.models import Organisation
from backend.people.models import CommitteeRole
from backend.seed import seed
from bench import candidates, concurrency, databases, fixed_cost, workflow
from bench.harness import Measure, StatementCounter, graphql_runner, measure_interleaved

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


def add_units(settings: Settings, community_id: int, count: int) -> None:
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


async def bench_database(url: str, args: argparse.Namespace) -> bool:
    """Every view on one database; whether the statement counts stayed flat as rows grew."""
    settings = Settings(database_url=url, demo_data=True)
    upgrade_database(settings)
    seed(settings)
    engine = create_sync_engine(settings)
    key = community_id(engine)
    engine.dispose()
    print(f"== {url.split(':')[0].split('+')[0]}, {args.repeat} runs each ==\n")
    await fixed_cost.run(settings, args.repeat)
    print(f"\nunit directory of {COMMUNITY}")
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
    steady = await candidates.run(settings, key, args.repeat)
    print(f"\nneeds board and a volunteer's ledger in {COMMUNITY}")
    flat = await workflow.run(settings, key, args.repeat)
    if not args.quick:
        print(f"\nthe unit directory of {COMMUNITY} ({large.units} units) over HTTP")
        variables = {"community": str(relay.GlobalID("Organisation", str(key)))}
        await concurrency.run(url, DIRECTORY_QUERY, variables, args.repeat)
    return constant and steady and flat


async def main_async(args: argparse.Namespace) -> int:
    if args.database_url:
        return 0 if await bench_database(args.database_url, args) else 1
    kinds = ["sqlite", "postgresql"] if databases.postgresql_answers() else ["sqlite"]
    if len(kinds) == 1:
        print("(no PostgreSQL answers on 127.0.0.1:5432: SQLite only)\n")
    flat = True
    for kind in kinds:
        with (
            tempfile.TemporaryDirectory() as workdir,
            databases.fresh_database(kind, Path(workdir)) as url,
        ):
            flat = await bench_database(url, args) and flat
        print()
    return 0 if flat else 1


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument(
        "--database-url",
        default=None,
        help="default: a fresh SQLite file, then a scratch database on 127.0.0.1:5432",
    )
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--extra-units", type=int, default=88)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="20 runs each and no HTTP round: under a minute, for development",
    )
    args = parser.parse_args()
    if args.quick:
        args.repeat = min(args.repeat, 20)
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    raise SystemExit(main())

"""The coordinator's needs board (six status columns, twenty cards each) and a volunteer's
points ledger, through the API next to hand-written SQL serialised with json; then with many
more needs and ledger lines, to show that the statement count stays the same."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Engine, text
from strawberry import relay

from backend import factories
from backend.cobuilding.models import NeedStatus
from backend.core.db import create_sync_engine
from backend.core.settings import Settings
from backend.organisations.models import Organisation
from backend.people.models import Person
from backend.volunteering.models import PointsEntry, PointsEntryKind
from bench.harness import Measure, api_against_sql

STATUSES = ("submitted", "accepted", "dispatched", "in_progress", "solved", "closed")
CARD = """totalCount edges { node {
  id title category status urgency source raisedAt
  grid { name } project { title } photos { filename url }
  dispatches { status unit { name } } } }"""
BOARD_QUERY = (
    "query Board($c: ID!) {"
    + "".join(
        f" {s}: needs(filter: {{organisation: $c, status: {s.upper()}}}, first: 20) {{ {CARD} }}"
        for s in STATUSES
    )
    + " }"
)
LEDGER_QUERY = """
query Ledger($person: ID!) {
  pointsLedger(person: $person) {
    balance earned spent minutes
    entries(first: 20) { totalCount edges { node { sequence kind points balance note createdAt } } }
    serviceRecords(first: 20) { totalCount edges { node { description startedAt minutes points } } }
  }
}
"""

BOARD_PAGE = text(
    "SELECT n.id, n.title, n.category, n.status, n.urgency, n.source, n.raised_at,"
    " g.name AS grid, p.title AS project FROM need n"
    " LEFT JOIN grid g ON g.id = n.grid_id LEFT JOIN project p ON p.id = n.project_id"
    " WHERE n.community_id = :c AND n.status = :s AND n.archived_at IS NULL"
    " ORDER BY n.raised_at DESC, n.id DESC LIMIT 20"
)
BOARD_COUNTS = text(
    "SELECT status, COUNT(*) FROM need WHERE community_id = :c AND archived_at IS NULL"
    " GROUP BY status"
)


def _in(ids: list[int]) -> str:
    return ",".join(str(i) for i in ids) or "NULL"


def board_by_sql(engine: Engine, community_id: int) -> str:
    with engine.connect() as connection:
        counts: dict[str, int] = dict(
            connection.execute(BOARD_COUNTS, {"c": community_id}).tuples().all()
        )
        pages = {
            s: connection.execute(BOARD_PAGE, {"c": community_id, "s": s}).mappings().all()
            for s in STATUSES
        }
        ids = _in([row["id"] for rows in pages.values() for row in rows])
        photos: dict[int, list[dict[str, str]]] = {}
        for need_id, attachment_id, filename in connection.execute(
            text(f"SELECT need_id, id, filename FROM attachment WHERE need_id IN ({ids})")
        ):
            photos.setdefault(need_id, []).append(
                {"filename": filename, "url": f"/attachments/{attachment_id}"}
            )
        dispatches: dict[int, list[dict[str, Any]]] = {}
        for need_id, status, unit in connection.execute(
            text(
                "SELECT d.need_id, d.status, u.name FROM need_dispatch d"
                f" JOIN resident_unit u ON u.id = d.unit_id WHERE d.need_id IN ({ids})"
                " ORDER BY d.created_at, d.id"
            )
        ):
            dispatches.setdefault(need_id, []).append({"status": status, "unit": {"name": unit}})
    board = {
        s: {
            "totalCount": counts.get(s, 0),
            "edges": [
                {
                    "node": {
                        **{k: str(v) for k, v in row.items() if k not in ("grid", "project")},
                        "grid": {"name": row["grid"]} if row["grid"] else None,
                        "project": {"title": row["project"]} if row["project"] else None,
                        "photos": photos.get(row["id"], []),
                        "dispatches": dispatches.get(row["id"], []),
                    }
                }
                for row in pages[s]
            ],
        }
        for s in STATUSES
    }
    return json.dumps({"data": board}, ensure_ascii=False)


def ledger_by_sql(engine: Engine, person_id: int) -> str:
    with engine.connect() as connection:
        earned, spent, count = connection.execute(
            text(
                "SELECT COALESCE(SUM(CASE WHEN points > 0 THEN points ELSE 0 END), 0),"
                " COALESCE(SUM(CASE WHEN points < 0 THEN points ELSE 0 END), 0), COUNT(*)"
                " FROM points_entry WHERE person_id = :p"
            ),
            {"p": person_id},
        ).one()
        minutes, records = connection.execute(
            text(
                "SELECT COALESCE(SUM(minutes), 0), COUNT(*) FROM service_record"
                " WHERE person_id = :p AND archived_at IS NULL"
            ),
            {"p": person_id},
        ).one()
        entries = connection.execute(
            text(
                "SELECT sequence, kind, points, balance, note, created_at FROM points_entry"
                " WHERE person_id = :p ORDER BY sequence DESC LIMIT 20"
            ),
            {"p": person_id},
        ).mappings()
        entry_nodes = [{"node": {k: str(v) for k, v in row.items()}} for row in entries]
        services = connection.execute(
            text(
                "SELECT description, started_at, minutes, points FROM service_record"
                " WHERE person_id = :p AND archived_at IS NULL"
                " ORDER BY started_at DESC, id DESC LIMIT 20"
            ),
            {"p": person_id},
        ).mappings()
        service_nodes = [{"node": {k: str(v) for k, v in row.items()}} for row in services]
    ledger = {
        "balance": earned + spent,
        "earned": earned,
        "spent": -spent,
        "minutes": minutes,
        "entries": {"totalCount": count, "edges": entry_nodes},
        "serviceRecords": {"totalCount": records, "edges": service_nodes},
    }
    return json.dumps({"data": {"pointsLedger": ledger}}, ensure_ascii=False)


def busiest_volunteer(engine: Engine, community_id: int) -> int:
    with engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT e.person_id FROM points_entry e JOIN person p ON p.id = e.person_id"
                " WHERE p.community_id = :c GROUP BY e.person_id"
                " ORDER BY COUNT(*) DESC, e.person_id LIMIT 1"
            ),
            {"c": community_id},
        ).scalar_one()
    return int(found)


def add_records(settings: Settings, community_id: int, person_id: int, count: int) -> None:
    """More needs in every status, and a longer ledger for the volunteer."""

    engine = create_sync_engine(settings)
    factories.session.configure(bind=engine)
    with factories.bulk_mode():
        community = factories.session.get(Organisation, community_id)
        person = factories.session.get(Person, person_id)
        last = factories.session.execute(
            text("SELECT MAX(sequence), MAX(balance) FROM points_entry WHERE person_id = :p"),
            {"p": person_id},
        ).one()
        sequence = int(last[0] or 0)
        balance = (
            factories.session.execute(
                text("SELECT balance FROM points_entry WHERE person_id = :p AND sequence = :s"),
                {"p": person_id, "s": sequence},
            ).scalar_one_or_none()
            or 0
        )
        statuses = [NeedStatus(s) for s in STATUSES]
        start = dt.datetime(2027, 1, 1, 1, 0, tzinfo=dt.UTC)
        for n in range(count):
            factories.NeedFactory.create(
                community=community, title=f"压测需求{n}", status=statuses[n % len(statuses)]
            )
            record = factories.ServiceRecordFactory.create(
                person=person,
                team=None,
                team_id=None,
                started_at=start + dt.timedelta(days=n),
                minutes=60,
                points=10,
            )
            sequence, balance = sequence + 1, balance + 10
            factories.session.add(
                PointsEntry(
                    person_id=person_id,
                    sequence=sequence,
                    kind=PointsEntryKind.EARNED,
                    points=10,
                    balance=balance,
                    service_record_id=record.id,
                    note="压测服务",
                )
            )
    factories.session.commit()
    factories.session.remove()
    engine.dispose()


def _line(label: str, what: str, api: Measure, sql: Measure) -> None:
    print(
        f"{label:<7} {what:<16} | graphql {api.median_ms:7.2f} ms, {api.peak_kib:6.0f} KiB,"
        f" {api.statements} statements | sql {sql.median_ms:6.2f} ms, {sql.peak_kib:5.0f} KiB,"
        f" {sql.statements} statements | ratio time {api.median_ms / sql.median_ms:5.1f}x,"
        f" memory {api.peak_kib / sql.peak_kib:4.1f}x"
    )


async def run(settings: Settings, key: int, repeat: int) -> bool:
    engine = create_sync_engine(settings)
    person = busiest_volunteer(engine, key)
    engine.dispose()
    board_vars = {"c": str(relay.GlobalID("Organisation", str(key)))}
    ledger_vars = {"person": str(relay.GlobalID("Person", str(person)))}

    def board(sql_engine: Engine) -> str:
        return board_by_sql(sql_engine, key)

    def ledger(sql_engine: Engine) -> str:
        return ledger_by_sql(sql_engine, person)

    rounds: dict[str, list[tuple[Measure, Measure]]] = {"needs board": [], "volunteer ledger": []}
    for label in ("demo", "scaled"):
        if label == "scaled":
            add_records(settings, key, person, 200)
        for what, query, variables, by_sql in (
            ("needs board", BOARD_QUERY, board_vars, board),
            ("volunteer ledger", LEDGER_QUERY, ledger_vars, ledger),
        ):
            api, sql, _ = await api_against_sql(settings, query, variables, by_sql, repeat)
            _line(label, what, api, sql)
            rounds[what].append((api, sql))
    # Loaders batch per tick, so the six columns of the board may share a batch or not: the
    # count may vary a little between rounds, but must not grow with the number of rows.
    steady = all(large[0].statements <= small[0].statements for small, large in rounds.values())
    for what, (small, large) in rounds.items():
        grows = large[0].statements > small[0].statements
        print(
            f"{what}: graphql statement count {'GROWS' if grows else 'does not grow'}"
            f" ({small[0].statements} before, {large[0].statements} after adding 200 records)"
        )
    return steady

"""agendaCandidates for one community through the API, next to the same seven lists read with
hand-written SQL and serialised with json; then with many more records, to show that the
statement count stays the same."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Engine, text
from strawberry import relay

from backend import factories
from backend.core.db import create_sync_engine
from backend.core.settings import Settings
from backend.meetings.models import ProposalStatus
from backend.organisations.models import Organisation
from bench.harness import Measure, api_against_sql

BEFORE = dt.datetime(2026, 12, 17, 1, 30, tzinfo=dt.UTC)
QUERY = """
query Candidates($community: ID!, $before: DateTime) {
  agendaCandidates(community: $community, before: $before) { source sourceId title reason since }
}
"""
OPEN_MEETINGS = "('draft', 'published', 'in_session')"
CLOSED_MEETINGS = "('closed', 'minutes_published')"
# One statement per source, as a convener's analyst would write them by hand.
SOURCES = {
    "PROPOSAL": "SELECT id, title, created_at AS since FROM proposal WHERE community_id = :c"
    " AND status = 'accepted' AND archived_at IS NULL",
    "NEED": "SELECT id, title, raised_at AS since FROM need WHERE community_id = :c"
    " AND status IN ('submitted', 'accepted') AND project_id IS NULL AND archived_at IS NULL"
    " AND raised_at <= :need_cutoff",
    "PROJECT": "SELECT p.id, p.title, MIN(m.due_on) AS since FROM project p"
    " LEFT JOIN project_milestone m ON m.project_id = p.id AND m.done_on IS NULL"
    " AND m.due_on < :day WHERE p.community_id = :c AND p.archived_at IS NULL"
    " AND p.status IN ('planned', 'in_progress') GROUP BY p.id, p.title, p.status"
    " HAVING MIN(m.due_on) IS NOT NULL OR p.status = 'planned'",
    "ACTION_ITEM": "SELECT a.id, a.title, a.due_on AS since FROM action_item a"
    " JOIN decision d ON d.id = a.decision_id JOIN agenda_item i ON i.id = d.agenda_item_id"
    " JOIN joint_meeting j ON j.id = i.meeting_id WHERE j.organisation_id = :c"
    " AND a.status IN ('open', 'in_progress', 'blocked') AND a.archived_at IS NULL"
    " AND a.due_on <= :day",
    "DEFERRED_ITEM": "SELECT i.id, i.title, j.starts_at AS since FROM agenda_item i"
    " JOIN decision d ON d.agenda_item_id = i.id JOIN joint_meeting j ON j.id = i.meeting_id"
    f" WHERE j.organisation_id = :c AND j.status IN {CLOSED_MEETINGS} AND d.outcome = 'deferred'"
    " AND NOT EXISTS (SELECT 1 FROM agenda_item l WHERE l.source = 'deferred_item'"
    " AND l.source_id = i.id)",
    "REGISTRATION": "SELECT r.unit_id AS id, u.name AS title, r.registered_on AS since"
    " FROM registration r JOIN resident_unit u ON u.id = r.unit_id WHERE r.community_id = :c"
    " AND r.kind = 'unit' AND r.status = 'confirmed' AND r.archived_at IS NULL"
    f" AND r.registered_on >= (SELECT MAX(starts_at) FROM joint_meeting WHERE organisation_id = :c"
    f" AND status IN {CLOSED_MEETINGS} AND starts_at < :before)",
    "AGREEMENT": "SELECT id, title, ends_on AS since FROM co_building_agreement"
    " WHERE community_id = :c AND status = 'active' AND archived_at IS NULL"
    " AND ends_on <= :expiry",
}
SCHEDULED = (
    "SELECT i.source, i.source_id FROM agenda_item i JOIN joint_meeting j ON j.id = i.meeting_id"
    f" WHERE j.organisation_id = :c AND j.status IN {OPEN_MEETINGS} AND i.source_id IS NOT NULL"
)


def candidates_by_sql(engine: Engine, community_id: int) -> str:
    parameters = {
        "c": community_id,
        "day": BEFORE.date(),
        "before": BEFORE,
        "need_cutoff": BEFORE - dt.timedelta(days=30),
        "expiry": BEFORE.date() + dt.timedelta(days=60),
    }
    found = []
    with engine.connect() as connection:
        scheduled = {(s.upper(), i) for s, i in connection.execute(text(SCHEDULED), parameters)}
        for source, sql in SOURCES.items():
            for row in connection.execute(text(sql), parameters):
                if (source, row.id) not in scheduled:
                    found.append(
                        {
                            "source": source,
                            "id": row.id,
                            "title": row.title,
                            "since": str(row.since)[:10],
                        }
                    )
    return json.dumps(found, ensure_ascii=False)


def add_records(settings: Settings, community_id: int, count: int) -> None:
    """More needs and accepted proposals: the candidate lists grow, the statements must not."""

    engine = create_sync_engine(settings)
    factories.session.configure(bind=engine)
    with factories.bulk_mode():
        community = factories.session.get(Organisation, community_id)
        for n in range(count):
            factories.NeedFactory.create(
                community=community,
                title=f"压测需求{n}",
                raised_at=BEFORE - dt.timedelta(days=60 + n % 30),
            )
            factories.ProposalFactory.create(
                community=community, title=f"压测建议{n}", status=ProposalStatus.ACCEPTED
            )
    factories.session.commit()
    factories.session.remove()
    engine.dispose()


async def _round(settings: Settings, key: int, repeat: int) -> tuple[Measure, Measure, int]:
    variables = {
        "community": str(relay.GlobalID("Organisation", str(key))),
        "before": BEFORE.isoformat(),
    }

    def by_sql(engine: Engine) -> str:
        return candidates_by_sql(engine, key)

    api, sql, data = await api_against_sql(settings, QUERY, variables, by_sql, repeat)
    return api, sql, len(data["agendaCandidates"])


def _line(label: str, api: Measure, sql: Measure, count: int) -> None:
    print(
        f"{label:<7} {count:>4} candidates | graphql {api.median_ms:7.2f} ms, {api.peak_kib:6.0f} KiB,"
        f" {api.statements} statements | sql {sql.median_ms:6.2f} ms, {sql.peak_kib:5.0f} KiB,"
        f" {sql.statements} statements | ratio time {api.median_ms / sql.median_ms:5.1f}x,"
        f" memory {api.peak_kib / sql.peak_kib:4.1f}x"
    )


async def run(settings: Settings, key: int, repeat: int) -> bool:
    api, sql, count = await _round(settings, key, repeat)
    _line("demo", api, sql, count)
    add_records(settings, key, 200)
    api_large, sql_large, count_large = await _round(settings, key, repeat)
    _line("scaled", api_large, sql_large, count_large)
    steady: bool = api.statements == api_large.statements
    print(
        f"graphql statement count {'does not grow' if steady else 'GROWS'} with records:"
        f" {api.statements} for {count} candidates, {api_large.statements} for {count_large}"
    )
    return steady

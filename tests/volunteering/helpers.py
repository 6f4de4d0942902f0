"""Queries and helpers shared by the volunteer-service tests (activities, service records,
points)."""

from __future__ import annotations

import datetime as dt

ERRORS = "errors { field code message }"
LEDGER = """query L($person: ID!) { pointsLedger(person: $person) {
  balance earned spent minutes hours
  entries { nodes { sequence kind points balance note } }
  serviceRecords { totalCount } } }"""
RECORD = f"""mutation R($input: ServiceRecordCreateInput!) {{ serviceRecordCreate(input: $input) {{
  serviceRecord {{ minutes points }} {ERRORS} }} }}"""
REDEEM = f"""mutation X($input: PointsRedeemInput!) {{ pointsRedeem(input: $input) {{
  entry {{ points balance kindLabel }} {ERRORS} }} }}"""
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def iso(value: dt.datetime) -> str:
    return value.isoformat()

from __future__ import annotations

from backend.__main__ import SCHEMA_PATH, export_schema_text


def test_committed_schema_graphql_matches_the_code() -> None:
    committed = SCHEMA_PATH.read_text(encoding="utf-8")

    assert committed == export_schema_text(), (
        "schema.graphql is out of date: run `make schema` (python -m backend export-schema) "
        "and `make codegen`, then commit both."
    )

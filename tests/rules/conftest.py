"""The pure domain rules are plain functions: no database, no app, one run each.

`tests/conftest.py` makes every test use an autouse `db` fixture that builds a database (once on
SQLite and once on PostgreSQL, through the parametrised `backend_name`). Overriding it here with
a fixture of the same name that needs nothing keeps these tests off any database, and so they are
collected once rather than once per database.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def db() -> None:
    """No database for the pure rules."""

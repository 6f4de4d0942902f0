"""Statements run again and again on SQLite's reader, without SQLAlchemy's execution path.

SQLAlchemy's execution of an already compiled, cached statement still costs several times
what SQLite takes to answer it: the compiled-cache lookup, building the execution context,
processing the parameters, and wrapping every row. The compiled read path and the session
lookup run the same few statements (built once per scope) over and over, so each is compiled
once here, with its SQL text, the order of its parameters, their bind processors and the
result processors of its columns; running it is then one `cursor.execute` and one
`fetchall`, every value converted exactly as SQLAlchemy converts it (enums, dates,
decryption).

Only statements whose parameters are plain values qualify (no expanding IN lists): a list
of keys is passed as one JSON text (`json_key_list`).
"""

from __future__ import annotations

import json
import sqlite3
from collections import namedtuple
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, bindparam, literal_column, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import func
from sqlalchemy.types import TypeEngine

MAX_COMPILED = 4096

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Compiled:
    sql: str
    parameters: tuple[str, ...]
    bind_processors: tuple[Processor, ...]
    defaults: dict[str, Any]
    # Parameters the caller must give (SQLAlchemy refuses a statement without them).
    required: frozenset[str]
    row: type[Any]
    result_processors: tuple[Processor, ...]

    def values(self, given: dict[str, Any]) -> tuple[Any, ...]:
        missing = self.required - given.keys()
        if missing:
            raise ValueError(f"no value for the parameters {sorted(missing)}")
        merged = {**self.defaults, **as_json_lists(given)}
        return tuple(
            processor(merged[name]) if processor is not None else merged[name]
            for name, processor in zip(self.parameters, self.bind_processors, strict=True)
        )

    def rows(self, fetched: Sequence[tuple[Any, ...]]) -> list[Any]:
        processors = self.result_processors
        make = self.row._make
        if not any(processors):
            return [make(row) for row in fetched]
        return [
            make(p(v) if p is not None else v for p, v in zip(processors, row, strict=True))
            for row in fetched
        ]


_COMPILED: dict[Any, _Compiled] = {}


def json_key_list() -> Any:
    """What `column.in_(…)` takes for a list of keys bound as one JSON text named `keys`."""
    return select(literal_column("value")).select_from(func.json_each(bindparam("keys")))


def as_json_lists(given: dict[str, Any]) -> dict[str, Any]:
    """The parameters as this module binds them: a list of keys as one JSON text."""
    return {
        name: json.dumps(value) if isinstance(value, list) else value
        for name, value in given.items()
    }


# Statements built once and run again and again (`scoped_statement`), by whether they select
# only columns (no ORM entity, whose rows would be model instances): the ones `RequestDb`
# runs here when it reads from SQLite's reader. Any other statement keeps SQLAlchemy's path,
# whose compiled cache serves statements built anew for every request.
_REUSED: dict[Any, bool] = {}


def reused(statement: Any) -> Any:
    """Mark a statement as built once, to be run again and again."""
    descriptions = getattr(statement, "column_descriptions", None)
    if len(_REUSED) >= MAX_COMPILED:
        _REUSED.clear()
    _REUSED[statement] = descriptions is not None and all(
        isinstance(d.get("type"), TypeEngine) for d in descriptions
    )
    return statement


def runs_here(statement: Any) -> bool:
    return _REUSED.get(statement, False)


def run(engine: Engine, statement: Any, parameters: dict[str, Any]) -> list[Any]:
    """The statement's rows, with attribute access by column name, like SQLAlchemy's."""
    compiled = _COMPILED.get(statement)
    if compiled is None:
        compiled = _compile(engine, statement)
        if len(_COMPILED) >= MAX_COMPILED:
            _COMPILED.clear()
        _COMPILED[statement] = compiled
    values = compiled.values(parameters)
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None  # a checked-out pysqlite connection
        cursor = driver.cursor()
        # Listeners see the statement as they would through SQLAlchemy (the statement
        # counts of the tests and the benchmark, SQL logging).
        for listener in connection.dispatch.before_cursor_execute:
            listener(connection, cursor, compiled.sql, values, None, False)
        try:
            cursor.execute(compiled.sql, values)
            fetched = cursor.fetchall()
        except sqlite3.Error as failed:
            # As SQLAlchemy reports it (a locked database is an OperationalError).
            raise DBAPIError.instance(compiled.sql, values, failed, sqlite3.Error) from failed
        finally:
            cursor.close()
    return compiled.rows(fetched)


def _compile(engine: Engine, statement: Any) -> _Compiled:
    dialect = engine.dialect
    compiled: Any = statement.compile(dialect=dialect)
    if compiled.escaped_bind_names:
        raise ValueError("parameters with escaped names are left to SQLAlchemy")
    required = frozenset(bind.key for bind in compiled.binds.values() if bind.required)
    if any(bind.expanding and bind.required for bind in compiled.binds.values()):
        # Its list would be bound as one value: a list of keys goes in as `json_key_list`.
        raise ValueError("a list parameter is left to SQLAlchemy")
    # Literal IN lists (a status among several) are expanded once, as SQLAlchemy would on
    # every execution; the parameters the caller gives are filled in at each run.
    expanded = compiled._process_parameters_for_postcompile(compiled.construct_params(_check=False))
    names = tuple(expanded.positiontup or ())
    processors = expanded.processors
    columns = compiled._result_columns
    keys = [column[0] for column in columns]
    return _Compiled(
        sql=expanded.statement,
        parameters=names,
        bind_processors=tuple(processors.get(name) for name in names),
        defaults={k: v for k, v in expanded.parameters.items() if k not in required},
        required=required,
        row=namedtuple("Row", keys),
        result_processors=tuple(
            column[3]._cached_result_processor(dialect, None) for column in columns
        ),
    )

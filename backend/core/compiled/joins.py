"""To-one relations read with the rows of the objects that hold them.

A to-one relation (`liaison` of a unit, `grid` of a need) is read through its `ByIdLoader`:
a row by primary key, for any key, when the caller may read the table at all. The same rows
come from a LEFT OUTER JOIN on that key in the statement that reads the objects themselves,
so the relation costs no statement of its own: a view reads one statement per level of lists
instead of one per relation. The joined table is an alias whose columns are labelled
`joined_<n>_<column>`; a table the caller may not read is not joined, and the relation is
None for every object, as its loader answers.

Only the statements the compiled path builds from a model's rows take joins (a relation's
list, a page, `node(id)`); a relation reached another way loads through its loader.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import Select

from backend.core.compiled.registry import Fallback
from backend.core.scope import Scope, readable


@dataclass(eq=False)
class Join:
    """The to-one `field` of the objects, read from the row of `model` whose id is in the
    objects' `column`."""

    field: Any  # the `Related` plan of the field
    model: Any
    column: str

    @property
    def shape(self) -> tuple[Any, str]:
        return (self.model, self.column)

    @cached_property
    def columns(self) -> tuple[str, ...]:
        return tuple(column.key for column in self.model.__table__.c)

    @cached_property
    def _row(self) -> Any:
        return namedtuple("JoinedRow", self.columns)

    def values(self, n: int, rows: Sequence[Any]) -> list[Any]:
        """The field's value for each row of a statement whose `n`-th join this is."""
        labels = tuple(f"joined_{n}_{column}" for column in self.columns)
        key = f"joined_{n}_id"
        make = self._row._make
        from_model = self.field.target.from_model
        return [
            None
            if getattr(row, key, None) is None
            else from_model(make(getattr(row, label) for label in labels))
            for row in rows
        ]


Joins = tuple[Join, ...]


def shape_of(joins: Joins) -> tuple[tuple[Any, str], ...]:
    """What the statement depends on: equal for equal joins of different plans."""
    return tuple(join.shape for join in joins)


def with_joins(statement: Any, model: Any, joins: Joins, scope: Scope) -> Any:
    """The statement of `model`'s rows with the rows its joins read, side by side."""
    if not joins:
        return statement
    table = model.__table__
    if not isinstance(statement, Select) or table not in statement.get_final_froms():
        # Not a plain SELECT of the model's rows: no run of this query can join.
        raise Fallback(always=True)
    for n, join in enumerate(joins):
        if not readable(join.model, scope):
            continue
        joined = join.model.__table__.alias(f"joined_{n}")
        statement = statement.outerjoin_from(
            table, joined, joined.c.id == table.c[join.column]
        ).add_columns(*(column.label(f"joined_{n}_{column.key}") for column in joined.c))
    return statement

"""Which to-one relations of a plan's objects are read with the objects' own rows
(`joins.py`): decided once per plan, for the fields that build objects from rows of a
model (a relation's list, a page, `node(id)`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from strawberry.types.base import get_object_definition

from backend.core.compiled.fields import FieldPlan, ObjectPlan, Related
from backend.core.compiled.joins import Join, Joins
from backend.core.dataloaders import ByIdLoader


def joins_of(origin: type[Any], plans: Sequence[ObjectPlan], loader: Any = None) -> Joins:
    """Mark the to-one relations of the objects that `plans` plan (objects of the node type
    `origin`, read as rows of its model) to be read with those rows, and say which they
    are. A joined relation's own to-one relations load through their loaders."""
    by_id = getattr(origin, "by_id_loader", None)
    if by_id is None or getattr(loader, "row_key", None) is not None:
        return ()  # rows that are not the model's own (a loader selecting other columns)
    table = by_id.model.__table__
    renamed: dict[str, str] = getattr(origin, "renamed", {})
    joins: list[Join] = []
    for plan in plans:
        for planned in plan.fields:
            if not to_one(planned):
                continue
            assert isinstance(planned, Related)
            column = renamed.get(planned.relation.key, planned.relation.key)
            if column not in table.c:
                continue
            for nested in planned.joins:
                nested.field.joined = False
            planned.joined, planned.joins = True, ()
            joins.append(Join(field=planned, model=planned.relation.loader.model, column=column))
    return tuple(joins)


def to_one(planned: FieldPlan) -> bool:
    return (
        isinstance(planned, Related)
        and not planned.relation.many
        and planned.relation.shape is None
        and planned.target is not None
        and issubclass(planned.relation.loader, ByIdLoader)
    )


def node_plans(connection: ObjectPlan, node_type: type[Any]) -> list[ObjectPlan]:
    """The plans of a connection's nodes: `edges { node { … } }` and `nodes { … }`."""
    name = get_object_definition(node_type, strict=True).name
    found: list[ObjectPlan] = []
    for planned in connection.fields:
        child = getattr(planned, "child", None)
        if child is None:
            continue
        if child.type_name == name:
            found.append(child)
            continue
        for inner in child.fields:
            node = getattr(inner, "child", None)
            if node is not None and node.type_name == name:
                found.append(node)
    return found

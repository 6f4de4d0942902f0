"""The schema carries each `LabelledEnum` member's Chinese label as its value's description: the
SPA generates its selects and filters from these (frontend/src/graphql/enumLabels.ts)."""

from __future__ import annotations

from graphql import GraphQLEnumType
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.enum import StrawberryEnumDefinition

from backend.core.models import LabelledEnum
from backend.core.schema import schema


def _labelled_enums() -> dict[str, tuple[GraphQLEnumType, type[LabelledEnum]]]:
    found: dict[str, tuple[GraphQLEnumType, type[LabelledEnum]]] = {}
    for name, graphql_type in schema._schema.type_map.items():
        if not isinstance(graphql_type, GraphQLEnumType) or name.startswith("__"):
            continue
        definition = (graphql_type.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
        assert isinstance(definition, StrawberryEnumDefinition), name
        wrapped = definition.wrapped_cls
        if isinstance(wrapped, type) and issubclass(wrapped, LabelledEnum):
            found[name] = (graphql_type, wrapped)
    return found


def test_every_labelled_enum_value_is_described_by_its_label() -> None:
    enums = _labelled_enums()
    assert {"MeetingStatus", "NeedStatus", "Role", "CommitteeRole"} <= enums.keys()

    for name, (graphql_type, cls) in enums.items():
        assert set(graphql_type.values) == {m.name for m in cls}, name
        for member in cls:
            assert graphql_type.values[member.name].description == member.label, (
                f"{name}.{member.name} is not described by its label “{member.label}”: "
                "expose the enum with backend.core.enums.labelled_enum"
            )

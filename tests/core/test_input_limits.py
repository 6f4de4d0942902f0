"""Every text and number a client can send carries its limit in the schema (`@maxLength`,
`@maxItems`, `@range`): external systems read it there and the SPA's forms are generated from it
(frontend/src/graphql/inputLimits.ts). The services refuse what is past it with a field error;
the tests of each area hold those refusals."""

from __future__ import annotations

from graphql import (
    DirectiveNode,
    InputObjectTypeDefinitionNode,
    InputValueDefinitionNode,
    ListTypeNode,
    NamedTypeNode,
    NonNullTypeNode,
    ObjectTypeDefinitionNode,
    TypeNode,
    parse,
)

from backend.core.schema import schema

# Exact keys, not text: a longer value matches nothing and nothing is stored.
EXACT_KEYS = {
    "AuditLogFilter.action",
    "AuditLogFilter.objectType",
    "EvaluationFilter.periodLabel",
    "NeedFilter.category",
    "PersonFilter.mobile",
    "PersonFilter.idNumber",
}
# The version a client last read, compared for equality (optimistic locking): any other number
# is a conflict, not an out-of-range value.
VERSION_FIELDS = "version"


def _named(type_node: TypeNode) -> tuple[str, bool]:
    """The type's name and whether it is a list."""
    is_list = False
    while not isinstance(type_node, NamedTypeNode):
        is_list = is_list or isinstance(type_node, ListTypeNode)
        assert isinstance(type_node, NonNullTypeNode | ListTypeNode)
        type_node = type_node.type
    return type_node.name.value, is_list


def _directives(value: InputValueDefinitionNode) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for directive in value.directives or ():
        assert isinstance(directive, DirectiveNode)
        found[directive.name.value] = {
            arg.name.value: getattr(arg.value, "value", "null") for arg in directive.arguments or ()
        }
    return found


def _inputs() -> list[tuple[str, InputValueDefinitionNode]]:
    """Every field of every input type, and every argument of a mutation, by its path."""
    document = parse(schema.as_str())
    values: list[tuple[str, InputValueDefinitionNode]] = []
    for definition in document.definitions:
        if isinstance(definition, InputObjectTypeDefinitionNode):
            owner = definition.name.value
            values += [(f"{owner}.{f.name.value}", f) for f in definition.fields or ()]
        if isinstance(definition, ObjectTypeDefinitionNode) and definition.name.value == "Mutation":
            for field in definition.fields or ():
                values += [
                    (f"Mutation.{field.name.value}({a.name.value})", a)
                    for a in field.arguments or ()
                ]
    return values


def _limits() -> dict[str, str]:
    listing: dict[str, str] = {}
    for path, value in _inputs():
        name, is_list = _named(value.type)
        directives = _directives(value)
        if name == "String":
            length = directives.get("maxLength", {}).get("chars")
            items = directives.get("maxItems", {}).get("count") if is_list else ""
            listing[path] = f"{length} chars" + (f" × {items} items" if is_list else "")
        elif name in ("Int", "Float"):
            bounds = directives.get("range")
            listing[path] = f"{bounds['min']}..{bounds['max']}" if bounds else "None"
    return listing


def test_every_text_input_has_its_limit() -> None:
    listing = _limits()
    text = {path: limit for path, limit in listing.items() if "chars" in limit}

    missing = [path for path, limit in text.items() if "None" in limit and path not in EXACT_KEYS]

    assert missing == [], f"text inputs without @maxLength (or, for lists, @maxItems): {missing}"
    # The listing itself, for review: the figures every form of the SPA uses.
    assert len(text) > 80
    assert text["NeedSubmitInput.title"] == "100 chars"
    assert text["VolunteerTeamCreateInput.skills"] == "20 chars × 12 items"
    assert text["JointMeetingMinutesUpdateInput.minutesText"] == "20000 chars"


def test_every_number_input_has_its_range() -> None:
    numbers = {path: limit for path, limit in _limits().items() if "chars" not in limit}

    missing = [
        path
        for path, limit in numbers.items()
        if limit == "None" and path.rsplit(".", 1)[-1] != VERSION_FIELDS
    ]

    assert missing == [], f"number inputs without @range: {missing}"
    assert numbers["AgendaItemCreateInput.minutesAllotted"] == "1..480"
    assert numbers["NeedCloseInput.satisfaction"] == "1..5"

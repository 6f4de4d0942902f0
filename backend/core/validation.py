"""Limits on a query's shape: depth, aliases and fields once fragments are expanded.

Each fragment is measured once and its measure reused wherever it is spread, so a small query
whose fragments spread each other many times (a "fragment bomb") is refused after a few
microseconds of work instead of being expanded. The messages are in Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)

from backend.core.errors import ErrorCode

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_FIELDS = 2_000


@dataclass(frozen=True)
class Shape:
    depth: int = 0
    aliases: int = 0
    fields: int = 0

    def beside(self, other: Shape) -> Shape:
        return Shape(
            max(self.depth, other.depth), self.aliases + other.aliases, self.fields + other.fields
        )


class _Measure:
    def __init__(self, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self.fragments = fragments
        self.memo: dict[str, Shape] = {}
        self.visiting: set[str] = set()

    def selection_set(self, selection_set: SelectionSetNode | None) -> Shape:
        shape = Shape()
        for selection in selection_set.selections if selection_set else ():
            shape = shape.beside(self._selection(selection))
        return shape

    def _selection(self, selection: Any) -> Shape:
        if isinstance(selection, FieldNode):
            inner = self.selection_set(selection.selection_set)
            depth = inner.depth + 1 if selection.selection_set else 0
            return Shape(depth, inner.aliases + (1 if selection.alias else 0), inner.fields + 1)
        if isinstance(selection, InlineFragmentNode):
            return self.selection_set(selection.selection_set)
        if isinstance(selection, FragmentSpreadNode):
            return self._fragment(selection.name.value)
        return Shape()

    def _fragment(self, name: str) -> Shape:
        if name in self.memo:
            return self.memo[name]
        fragment = self.fragments.get(name)
        if fragment is None or name in self.visiting:
            return Shape()  # unknown or cyclic: graphql-core's own rules report these
        self.visiting.add(name)
        shape = self.selection_set(fragment.selection_set)
        self.visiting.discard(name)
        self.memo[name] = shape
        return shape


def _error(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": ErrorCode.INVALID_QUERY.value})


class QueryShapeLimits(ValidationRule):
    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        definitions = context.document.definitions
        fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
        measure = _Measure(fragments)
        for operation in definitions:
            if isinstance(operation, OperationDefinitionNode):
                self._check(measure.selection_set(operation.selection_set))

    def _check(self, shape: Shape) -> None:
        if shape.depth > MAX_DEPTH:
            self.report_error(_error(f"查询嵌套过深（{shape.depth} 层），最多 {MAX_DEPTH} 层。"))
        if shape.aliases > MAX_ALIASES:
            self.report_error(_error(f"别名过多（{shape.aliases} 个），最多 {MAX_ALIASES} 个。"))
        if shape.fields > MAX_FIELDS:
            self.report_error(
                _error(f"查询展开后字段过多（{shape.fields} 个），最多 {MAX_FIELDS} 个。")
            )

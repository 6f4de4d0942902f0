"""What a caller may see, as SQL conditions: deny by default.

A `Scope` is derived from the principal: whole organisation subtrees (street administrators,
conveners, coordinators, members, API tokens), single units (a unit liaison's own unit) and
single organisations seen for context (a liaison's community). Each table registers how its rows
relate to that scope (`@visibility(Model, token_scope=...)` in the area's permissions.py).
`paginate()`, list loaders and `node(id)` apply the condition, so a row outside the scope is
"not found" there. A to-one relation of a row the caller may see (a unit's liaison, a meeting's
chair) is followed without the row condition, only the table's token scope: seeing the row
means seeing what it names. A table with no registered rule is invisible to everyone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, false, or_, select

from backend.core.principal import Principal, Role


@dataclass(frozen=True)
class Scope:
    paths: tuple[str, ...] = ()
    # Subtrees the caller administers (street administrators): tokens, audit log.
    admin_paths: tuple[str, ...] = ()
    unit_ids: frozenset[int] = frozenset()
    organisation_ids: frozenset[int] = frozenset()
    # None for users (roles decide); for an API token, the scopes it was given.
    token_scopes: frozenset[str] | None = None
    # The signed-in user, for rows that belong to one person (notifications).
    user_id: int | None = None

    @classmethod
    def of(cls, principal: Principal) -> Scope:
        if principal.is_token:
            return cls(paths=principal.token_paths, token_scopes=principal.scopes)
        paths, admin_paths, units, organisations = [], [], set(), set()
        for grant in principal.grants:
            if grant.role is Role.UNIT_LIAISON:
                units.add(grant.unit_id)
                organisations.add(grant.organisation_id)
            else:
                paths.append(grant.organisation_path)
            if grant.role is Role.STREET_ADMIN:
                admin_paths.append(grant.organisation_path)
        return cls(
            paths=tuple(paths),
            admin_paths=tuple(admin_paths),
            unit_ids=frozenset(u for u in units if u is not None),
            organisation_ids=frozenset(organisations),
            user_id=principal.user_id,
        )

    def in_subtrees(self, column: Any) -> ColumnElement[bool]:
        """`column` (an organisation id) lies in one of the scope's subtrees."""
        return _in_paths(column, self.paths)

    def administers(self, organisation_path: str) -> bool:
        return any(organisation_path.startswith(path) for path in self.admin_paths)

    def in_administered_subtrees(self, column: Any) -> ColumnElement[bool]:
        return _in_paths(column, self.admin_paths)

    def in_units(self, column: Any) -> ColumnElement[bool]:
        if not self.unit_ids:
            return false()
        condition: ColumnElement[bool] = column.in_(sorted(self.unit_ids))
        return condition

    def allows_token_scope(self, token_scope: str) -> bool:
        return self.token_scopes is None or token_scope in self.token_scopes


def _in_paths(column: Any, paths: tuple[str, ...]) -> ColumnElement[bool]:
    from backend.organisations.models import Organisation

    if not paths:
        return false()
    inside = or_(*(Organisation.path.startswith(path) for path in paths))
    condition: ColumnElement[bool] = column.in_(select(Organisation.id).where(inside))
    return condition


VisibilityRule = Callable[[Scope], ColumnElement[bool]]


@dataclass
class _Registration:
    rule: VisibilityRule
    token_scope: str


_rules: dict[type[Any], _Registration] = {}


def visibility(model: type[Any], *, token_scope: str) -> Callable[[VisibilityRule], VisibilityRule]:
    """Register how rows of `model` are matched to a scope, and the API-token scope to read it."""

    def register(rule: VisibilityRule) -> VisibilityRule:
        _rules[model] = _Registration(rule=rule, token_scope=token_scope)
        return rule

    return register


def readable(model: type[Any], scope: Scope) -> bool:
    """The caller may read this kind of row at all (tables without a rule: nobody; API
    tokens: only with the table's scope)."""
    registration = _rules.get(model)
    return registration is not None and scope.allows_token_scope(registration.token_scope)


def visible(model: type[Any], scope: Scope) -> ColumnElement[bool]:
    """The rows of `model` the caller may find: in lists, nested lists and `node(id)`."""
    if not readable(model, scope):
        return false()
    return _rules[model].rule(scope)


def registered_models() -> set[type[Any]]:
    return set(_rules)

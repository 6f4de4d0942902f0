"""What a caller may see, as SQL conditions: deny by default.

A `Scope` is derived from the principal: whole organisation subtrees (street administrators,
conveners, coordinators, members, API tokens), single units (a unit liaison's own unit) and
single organisations seen for context (a liaison's community). Each table registers its read
rule, the same `Rule` that guards its root list, and how its rows relate to a scope
(`@visibility(Model, read=READ_…)` in the area's permissions.py). The condition is built from
only the grants of the roles that rule allows, so the root list, `node(id)` and every nested
list see the same rows: a member refused `people` finds no person through `node(id)` either.
`paginate()`, list loaders and `node(id)` apply it, so a row outside the scope is "not found"
there. A to-one relation of a row the caller may see (a unit's liaison, a meeting's chair) is
followed without the row condition, only the table's token scope: seeing the row means seeing
what it names. A table with no registered rule is invisible to everyone.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, false, or_, select
from sqlmodel import col

from backend.core import raw
from backend.core.principal import Grant, Principal, Role

if TYPE_CHECKING:
    from backend.core.permissions import Rule


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
    # The grants the scope was built from, to narrow it to the roles of a read rule.
    grants: tuple[Grant, ...] = ()

    @classmethod
    def of(cls, principal: Principal) -> Scope:
        if principal.is_token:
            return cls(paths=principal.token_paths, token_scopes=principal.scopes)
        return cls.of_grants(principal.grants, user_id=principal.user_id)

    @classmethod
    def of_grants(cls, grants: tuple[Grant, ...], *, user_id: int | None) -> Scope:
        paths, admin_paths, units, organisations = [], [], set(), set()
        for grant in grants:
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
            user_id=user_id,
            grants=grants,
        )

    def limited_to(self, roles: frozenset[Role]) -> Scope:
        """Only the grants of `roles` (the user's own rows stay; tokens keep their scope)."""
        if self.token_scopes is not None:
            return self
        return _limited(self, roles)

    def covers(self, organisation_path: str) -> bool:
        """A grant of the scope covers the organisation with this path (its subtree holds it)."""
        return any(organisation_path.startswith(path) for path in self.paths)

    def in_subtrees(self, column: Any) -> ColumnElement[bool]:
        """`column` (an organisation id) lies in one of the scope's subtrees."""
        return _in_paths(column, self.paths)

    def administers(self, organisation_path: str) -> bool:
        """An administered subtree (a street administrator's) holds this organisation."""
        return any(organisation_path.startswith(path) for path in self.admin_paths)

    def in_administered_subtrees(self, column: Any) -> ColumnElement[bool]:
        return _in_paths(column, self.admin_paths)

    def in_units(self, column: Any) -> ColumnElement[bool]:
        if not self.unit_ids:
            return false()
        condition: ColumnElement[bool] = column.in_(sorted(self.unit_ids))
        return condition

    def allows_token_scope(self, token_scope: str | None) -> bool:
        if self.token_scopes is None:
            return True
        return token_scope == ANY_TOKEN_SCOPE or token_scope in self.token_scopes


# A read rule's token scope that any token passes; its rows are limited by what they belong to.
ANY_TOKEN_SCOPE = "*"


@lru_cache(maxsize=4096)
def _limited(scope: Scope, roles: frozenset[Role]) -> Scope:
    kept = tuple(grant for grant in scope.grants if grant.role in roles)
    if len(kept) == len(scope.grants):
        return scope
    return replace(Scope.of_grants(kept, user_id=scope.user_id), user_id=scope.user_id)


def _in_paths(column: Any, paths: tuple[str, ...]) -> ColumnElement[bool]:
    from backend.organisations.models import Organisation

    if not paths:
        return false()
    inside = or_(*(col(Organisation.path).startswith(path) for path in paths))
    condition: ColumnElement[bool] = column.in_(select(col(Organisation.id)).where(inside))
    return condition


VisibilityRule = Callable[[Scope], ColumnElement[bool]]


@dataclass
class _Registration:
    condition: VisibilityRule
    read: Rule


_rules: dict[type[Any], _Registration] = {}


def visibility(model: type[Any], *, read: Rule) -> Callable[[VisibilityRule], VisibilityRule]:
    """Register the read rule of `model` (the roles and API-token scope that may read it, the
    rule of its root list) and how its rows are matched to a scope."""

    def register(condition: VisibilityRule) -> VisibilityRule:
        _rules[model] = _Registration(condition=condition, read=read)
        return condition

    return register


def readable(model: type[Any], scope: Scope) -> bool:
    """The caller may read this kind of row at all (tables without a rule: nobody; API
    tokens: only with the table's scope)."""
    registration = _rules.get(model)
    return registration is not None and scope.allows_token_scope(registration.read.token_scope)


# Built conditions by table and scope. A condition depends on nothing else (no clock, no
# request), and building one costs more than running the statement it goes into (the
# attachments' condition nests the conditions of six owner tables); the same few scopes ask
# again and again. Bounded: when full it starts over.
_CONDITIONS: dict[tuple[type[Any], Scope], ColumnElement[bool]] = {}
MAX_CACHED_CONDITIONS = 4096


def visible(model: type[Any], scope: Scope) -> ColumnElement[bool]:
    """The rows of `model` the caller may find: in lists, nested lists and `node(id)`, from
    the grants of the roles its read rule allows."""
    key = (model, scope)
    condition = _CONDITIONS.get(key)
    if condition is None:
        condition = _build_condition(model, scope)
        if len(_CONDITIONS) >= MAX_CACHED_CONDITIONS:
            _CONDITIONS.clear()
        _CONDITIONS[key] = condition
    return condition


_STATEMENTS: dict[tuple[Hashable, Scope], Any] = {}


def scoped_statement(name: Hashable, scope: Scope, build: Callable[[Scope], Any]) -> Any:
    """A statement that depends only on the scope (its other values are bound parameters),
    built once per scope: building a statement with its visibility conditions and its cache
    key costs more than SQLite takes to run it. Bounded like the conditions."""
    key = (name, scope)
    statement = _STATEMENTS.get(key)
    if statement is None:
        if len(_STATEMENTS) >= MAX_CACHED_CONDITIONS:
            _STATEMENTS.clear()
        statement = _STATEMENTS[key] = raw.reused(build(scope))
    return statement


def _build_condition(model: type[Any], scope: Scope) -> ColumnElement[bool]:
    if not readable(model, scope):
        return false()
    registration = _rules[model]
    return registration.condition(scope.limited_to(registration.read.roles))


def read_rule(model: type[Any]) -> Rule | None:
    registration = _rules.get(model)
    return registration.read if registration else None


def registered_models() -> set[type[Any]]:
    return set(_rules)

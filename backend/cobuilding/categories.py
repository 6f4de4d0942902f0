"""The categories of what residents raise, one list for needs, resources and proposals (议题建议),
so that a resource is found for a need of its own category and a proposal and a need about the
same thing carry the same word. Each category names the kinds of resource that usually meet it
and the kinds of unit whose work it is or who often help; matching ranks by these.

The API takes any category text (a street may have its own); these are the usual ones, offered
by the forms and served as `issueCategories`.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.cobuilding.models import ResourceKind
from backend.units.models import ResidentUnitKind

K = ResourceKind
U = ResidentUnitKind


@dataclass(frozen=True)
class IssueCategory:
    name: str
    resource_kinds: frozenset[ResourceKind]
    units_whose_work: frozenset[ResidentUnitKind]
    units_that_help: frozenset[ResidentUnitKind]


def _category(
    name: str,
    kinds: set[ResourceKind],
    whose_work: set[ResidentUnitKind],
    helps: set[ResidentUnitKind],
) -> IssueCategory:
    return IssueCategory(name, frozenset(kinds), frozenset(whose_work), frozenset(helps))


CATEGORIES: tuple[IssueCategory, ...] = (
    _category(
        "基础设施",
        {K.FUNDS, K.EXPERTISE, K.GOODS},
        {U.PROPERTY_COMPANY},
        {U.OWNERS_COMMITTEE, U.STATE_ENTERPRISE},
    ),
    _category(
        "物业管理",
        {K.SERVICE, K.STAFF_HOURS, K.EXPERTISE},
        {U.PROPERTY_COMPANY},
        {U.OWNERS_COMMITTEE},
    ),
    _category(
        "环境卫生",
        {K.STAFF_HOURS, K.SERVICE, K.FUNDS},
        {U.PROPERTY_COMPANY},
        {U.AGENCY, U.OWNERS_COMMITTEE},
    ),
    _category("交通出行", {K.VENUE, K.STAFF_HOURS}, {U.AGENCY}, {U.STATE_ENTERPRISE}),
    _category(
        "养老服务",
        {K.SERVICE, K.STAFF_HOURS, K.VENUE, K.GOODS},
        {U.HOSPITAL, U.SOCIAL_ORGANISATION},
        {U.AGENCY},
    ),
    _category(
        "教育助学",
        {K.VENUE, K.EXPERTISE, K.FUNDS, K.STAFF_HOURS},
        {U.SCHOOL},
        {U.SOCIAL_ORGANISATION},
    ),
    _category(
        "文体活动",
        {K.VENUE, K.GOODS, K.FUNDS},
        {U.SCHOOL, U.SOCIAL_ORGANISATION},
        {U.STATE_ENTERPRISE},
    ),
    _category(
        "安全生产",
        {K.EXPERTISE, K.FUNDS, K.GOODS},
        {U.AGENCY},
        {U.PROPERTY_COMPANY, U.STATE_ENTERPRISE},
    ),
    _category("法律服务", {K.EXPERTISE, K.SERVICE}, {U.AGENCY}, {U.SOCIAL_ORGANISATION}),
    _category("其他", set(), set(), set()),
)
BY_NAME = {category.name: category for category in CATEGORIES}
# A category typed by the street itself matches on its name alone.
UNLISTED = _category("", set(), set(), set())


def category_named(name: str) -> IssueCategory:
    return BY_NAME.get(name, UNLISTED)


def category_for_resource(kind: ResourceKind) -> str:
    """The first usual category a resource of this kind meets (for resources made without one)."""
    return next(c.name for c in CATEGORIES if kind in c.resource_kinds)

"""The co-building rules on their own: when a milestone is overdue and a project late (and how
its status then reads), and how a resource is scored against a need."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from backend.cobuilding.categories import category_named
from backend.cobuilding.matching import (
    FITTING_KIND,
    MOST_FOR_CAPACITY,
    SAME_CATEGORY,
    SAME_GRID,
    UNIT_THAT_HELPS,
    UNIT_WHOSE_WORK,
    _rank,
)
from backend.cobuilding.models import (
    Need,
    NeedSource,
    NeedStatus,
    ProjectMilestone,
    ProjectStatus,
    Resource,
    ResourceKind,
    ResourceStatus,
    Urgency,
)
from backend.cobuilding.services import (
    ACTIVE_PROJECT_STATUSES,
    LATE_LABEL,
    is_milestone_overdue,
    is_project_late,
    project_status_label,
)
from backend.units.models import ResidentUnit, ResidentUnitKind

P = ProjectStatus
K = ResourceKind
TODAY = date(2024, 6, 15)
YESTERDAY = TODAY - timedelta(days=1)
TOMORROW = TODAY + timedelta(days=1)
LAST_WEEK = TODAY - timedelta(days=7)


def milestone(due_on: date, done_on: date | None = None, position: int = 1) -> ProjectMilestone:
    return ProjectMilestone(
        project_id=1, position=position, title=f"节点{position}", due_on=due_on, done_on=done_on
    )


# --- milestones ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due_on", "done_on", "overdue"),
    [
        pytest.param(LAST_WEEK, None, True, id="not done, due last week"),
        pytest.param(YESTERDAY, None, True, id="not done, due yesterday"),
        pytest.param(TODAY, None, False, id="not done, due today: still on time"),
        pytest.param(TOMORROW, None, False, id="not done, due tomorrow"),
        pytest.param(YESTERDAY, LAST_WEEK, False, id="done early"),
        pytest.param(YESTERDAY, YESTERDAY, False, id="done on the due day"),
        pytest.param(LAST_WEEK, TODAY, False, id="done late: done, so no longer overdue"),
        pytest.param(TOMORROW, TODAY, False, id="done before it was due"),
    ],
)
def test_a_milestone_is_overdue_when_not_done_after_its_due_day(
    due_on: date, done_on: date | None, overdue: bool
) -> None:
    assert is_milestone_overdue(due_on, done_on, TODAY) is overdue


@pytest.mark.parametrize(
    ("due_on", "today", "overdue"),
    [
        (date(2023, 12, 31), date(2024, 1, 1), True),
        (date(2024, 2, 29), date(2024, 3, 1), True),
        (date(2024, 2, 29), date(2024, 2, 29), False),
    ],
)
def test_milestone_overdue_across_calendar_boundaries(
    due_on: date, today: date, overdue: bool
) -> None:
    assert is_milestone_overdue(due_on, None, today) is overdue


# --- projects --------------------------------------------------------------------------------


def test_only_planned_and_running_projects_can_be_late() -> None:
    assert set(ACTIVE_PROJECT_STATUSES) == {P.PLANNED, P.IN_PROGRESS}
    assert set(ProjectStatus) - set(ACTIVE_PROJECT_STATUSES) == {P.DONE, P.EVALUATED}


@pytest.mark.parametrize(
    ("status", "late"),
    [(P.PLANNED, True), (P.IN_PROGRESS, True), (P.DONE, False), (P.EVALUATED, False)],
)
def test_a_project_with_an_overdue_milestone_is_late_only_while_active(
    status: ProjectStatus, late: bool
) -> None:
    milestones = [milestone(LAST_WEEK, LAST_WEEK, 1), milestone(YESTERDAY, None, 2)]
    assert is_project_late(status, milestones, TODAY) is late


@pytest.mark.parametrize("status", [P.PLANNED, P.IN_PROGRESS])
@pytest.mark.parametrize(
    "milestones",
    [
        pytest.param([], id="no milestones"),
        pytest.param([milestone(TODAY)], id="one due today"),
        pytest.param([milestone(TOMORROW), milestone(TODAY, position=2)], id="none due yet"),
        pytest.param(
            [milestone(LAST_WEEK, TODAY), milestone(YESTERDAY, TODAY, 2)], id="all done, late"
        ),
        pytest.param([milestone(YESTERDAY, LAST_WEEK), milestone(TOMORROW, None, 2)], id="on time"),
    ],
)
def test_an_active_project_without_an_overdue_milestone_is_not_late(
    status: ProjectStatus, milestones: list[ProjectMilestone]
) -> None:
    assert is_project_late(status, milestones, TODAY) is False


def test_one_overdue_milestone_among_many_makes_the_project_late() -> None:
    milestones = [
        milestone(LAST_WEEK, LAST_WEEK, 1),
        milestone(TOMORROW, None, 2),
        milestone(YESTERDAY, None, 3),
        milestone(TOMORROW + timedelta(days=30), None, 4),
    ]
    assert is_project_late(P.IN_PROGRESS, milestones, TODAY)
    # The day before, the third was due that very day: not yet late.
    assert not is_project_late(P.IN_PROGRESS, milestones, YESTERDAY)


def test_is_project_late_takes_any_iterable_of_milestones() -> None:
    def loaded() -> Iterator[ProjectMilestone]:
        yield milestone(TOMORROW, None, 1)
        yield milestone(YESTERDAY, None, 2)

    assert is_project_late(P.PLANNED, loaded(), TODAY)


@pytest.mark.parametrize(
    ("status", "label"),
    [(P.PLANNED, "计划中"), (P.IN_PROGRESS, "实施中"), (P.DONE, "已完成"), (P.EVALUATED, "已评价")],
)
def test_a_project_on_time_reads_as_its_status(status: ProjectStatus, label: str) -> None:
    assert project_status_label(status, late=False) == label


@pytest.mark.parametrize("status", [P.PLANNED, P.IN_PROGRESS])
def test_a_late_project_reads_as_late(status: ProjectStatus) -> None:
    assert LATE_LABEL == "已延期"
    assert project_status_label(status, late=True) == "已延期"


@pytest.mark.parametrize(
    ("status", "label"),
    [(P.PLANNED, "已延期"), (P.IN_PROGRESS, "已延期"), (P.DONE, "已完成"), (P.EVALUATED, "已评价")],
)
def test_the_label_of_a_project_with_an_overdue_milestone(
    status: ProjectStatus, label: str
) -> None:
    # A finished project keeps its status even if a milestone was never ticked off.
    late = is_project_late(status, [milestone(YESTERDAY)], TODAY)
    assert project_status_label(status, late) == label


# --- matching scores -------------------------------------------------------------------------

CARE = "养老服务"  # a category whose fitting kinds are SERVICE, STAFF_HOURS, VENUE, GOODS
LAW = "法律服务"  # fitting kinds: EXPERTISE, SERVICE


def need(category: str = CARE, grid_id: int | None = 7) -> Need:
    return Need(
        id=1,
        title="老人助餐",
        description="独居老人午餐无人照料",
        category=category,
        community_id=1,
        grid_id=grid_id,
        urgency=Urgency.MEDIUM,
        status=NeedStatus.ACCEPTED,
        source=NeedSource.RESIDENT,
        raised_at=datetime(2024, 6, 1, tzinfo=UTC),
    )


def resource(
    kind: ResourceKind = K.SERVICE, category: str = CARE, capacity: int | None = None
) -> Resource:
    return Resource(
        id=1,
        title="资源",
        description="驻区单位提供",
        kind=kind,
        category=category,
        unit_id=1,
        community_id=1,
        capacity=capacity,
        status=ResourceStatus.AVAILABLE,
    )


def unit(
    grid_id: int | None = 7, kind: ResidentUnitKind = ResidentUnitKind.PRIVATE_ENTERPRISE
) -> ResidentUnit:
    # By default a kind of unit no category calls for: its kind adds nothing.
    return ResidentUnit(
        id=1,
        name="县人民医院",
        kind=kind,
        community_id=1,
        grid_id=grid_id,
        address="人民路 1 号",
    )


def test_the_weights_put_nearness_and_the_units_kind_before_the_resources_fit() -> None:
    assert (SAME_GRID, UNIT_WHOSE_WORK, UNIT_THAT_HELPS) == (35, 30, 15)
    assert (SAME_CATEGORY, FITTING_KIND, MOST_FOR_CAPACITY) == (30, 20, 5)
    # the unit next door whose work it is, with a fitting resource, before a unit elsewhere
    # whose resource is of the very category
    assert SAME_GRID + UNIT_WHOSE_WORK + FITTING_KIND > UNIT_WHOSE_WORK + SAME_CATEGORY + 5
    assert K.SERVICE in category_named(CARE).resource_kinds
    assert K.VENUE not in category_named(LAW).resource_kinds
    assert category_named("本街道自定的类别").resource_kinds == frozenset()


def test_same_grid_whose_work_same_category_unlimited_scores_everything() -> None:
    owner = unit(kind=ResidentUnitKind.HOSPITAL)
    suggestion = _rank(need(), resource(capacity=None), owner, used=0)
    assert suggestion is not None
    assert suggestion.score == SAME_GRID + UNIT_WHOSE_WORK + SAME_CATEGORY + MOST_FOR_CAPACITY
    assert suggestion.remaining is None
    assert suggestion.reasons == [
        "与需求同一网格",
        "医院承接养老服务类需求",
        "类别相同：养老服务",
        "数量不限",
    ]


@pytest.mark.parametrize(
    ("kind", "points", "reason"),
    [
        (ResidentUnitKind.HOSPITAL, UNIT_WHOSE_WORK, "医院承接养老服务类需求"),
        (ResidentUnitKind.SOCIAL_ORGANISATION, UNIT_WHOSE_WORK, "社会组织承接养老服务类需求"),
        (ResidentUnitKind.AGENCY, UNIT_THAT_HELPS, "机关单位常协助养老服务类需求"),
        (ResidentUnitKind.SCHOOL, 0, None),
    ],
)
def test_unit_kind_points(kind: ResidentUnitKind, points: int, reason: str | None) -> None:
    suggestion = _rank(need(CARE, 7), resource(K.VENUE, "文体活动"), unit(8, kind), used=0)
    assert suggestion is not None
    assert suggestion.score == points + FITTING_KIND + MOST_FOR_CAPACITY  # a venue fits care
    assert suggestion.reasons == [
        "同一社区",
        *([reason] if reason else []),
        "场地常用于养老服务类需求",
        "数量不限",
    ]


@pytest.mark.parametrize(
    ("kind", "category", "need_category", "points", "reason"),
    [
        pytest.param(K.SERVICE, CARE, CARE, SAME_CATEGORY, "类别相同：养老服务", id="same"),
        # Same category and a fitting kind: the category counts, once.
        pytest.param(
            K.STAFF_HOURS, CARE, CARE, SAME_CATEGORY, "类别相同：养老服务", id="not twice"
        ),
        # Same category with a kind not usual for it still counts as the same category.
        pytest.param(K.FUNDS, CARE, CARE, SAME_CATEGORY, "类别相同：养老服务", id="same, odd kind"),
        pytest.param(
            K.STAFF_HOURS, "环境卫生", CARE, FITTING_KIND, "人力常用于养老服务类需求", id="fits"
        ),
        pytest.param(
            K.EXPERTISE, "教育助学", LAW, FITTING_KIND, "专业技能常用于法律服务类需求", id="law"
        ),
        pytest.param(K.VENUE, "文体活动", LAW, 0, None, id="neither"),
        # A category the table does not know: only an exact category match scores.
        pytest.param(
            K.SERVICE, "其他", "其他", SAME_CATEGORY, "类别相同：其他", id="unknown, same"
        ),
        pytest.param(K.SERVICE, CARE, "其他", 0, None, id="unknown, different"),
    ],
)
def test_category_points(
    kind: ResourceKind, category: str, need_category: str, points: int, reason: str | None
) -> None:
    # Another grid and plenty left: 5 for the quantity, the rest is the category's.
    suggestion = _rank(
        need(need_category, grid_id=7), resource(kind, category), unit(grid_id=8), used=0
    )
    assert suggestion is not None
    assert suggestion.score == points + MOST_FOR_CAPACITY
    expected = ["同一社区", *([reason] if reason else []), "数量不限"]
    assert suggestion.reasons == expected


@pytest.mark.parametrize(
    ("need_grid", "unit_grid", "points", "reason"),
    [
        (7, 7, SAME_GRID, "与需求同一网格"),
        (7, 8, 0, "同一社区"),
        (7, None, 0, "同一社区"),
        (None, 7, 0, "同一社区"),
        # A need and a unit neither placed in a grid are not "in the same grid".
        (None, None, 0, "同一社区"),
    ],
)
def test_grid_points(
    need_grid: int | None, unit_grid: int | None, points: int, reason: str
) -> None:
    suggestion = _rank(
        need(LAW, grid_id=need_grid), resource(K.VENUE, "文体活动"), unit(unit_grid), used=0
    )
    assert suggestion is not None
    assert suggestion.score == points + MOST_FOR_CAPACITY
    assert suggestion.reasons == [reason, "数量不限"]


@pytest.mark.parametrize(
    ("capacity", "used", "remaining", "points"),
    [
        (None, 0, None, 5),
        (None, 50, None, 5),  # unlimited stays unlimited however much is promised
        (1, 0, 1, 1),
        (5, 2, 3, 3),
        (10, 0, 10, 5),
        (11, 1, 10, 5),
        (50, 0, 50, 5),  # capped at 5: as good as unlimited
        (12, 11, 1, 1),
    ],
)
def test_quantity_points_are_what_is_left_up_to_five(
    capacity: int | None, used: int, remaining: int | None, points: int
) -> None:
    suggestion = _rank(need(LAW), resource(K.VENUE, "文体活动", capacity), unit(8), used=used)
    assert suggestion is not None
    assert suggestion.remaining == remaining
    assert suggestion.score == points
    assert suggestion.reasons[-1] == ("数量不限" if remaining is None else f"尚可提供 {remaining}")


@pytest.mark.parametrize(
    ("capacity", "used"),
    [(0, 0), (3, 3), (3, 5), (1, 1)],
)
def test_a_resource_with_nothing_left_is_not_suggested(capacity: int, used: int) -> None:
    assert _rank(need(), resource(capacity=capacity), unit(), used=used) is None


def test_the_suggestion_carries_the_resource_and_its_unit() -> None:
    offered, owner = resource(capacity=4), unit()
    suggestion = _rank(need(), offered, owner, used=1)
    assert suggestion is not None
    assert suggestion.resource is offered
    assert suggestion.unit is owner


def test_quantity_only_breaks_ties_between_equal_fits() -> None:
    def score(kind: ResourceKind, category: str, grid: int, capacity: int | None) -> int:
        suggestion = _rank(need(CARE, 7), resource(kind, category, capacity), unit(grid), used=0)
        assert suggestion is not None
        return suggestion.score

    # The least that is left (1) against the most that counts (unlimited), a step of fit apart.
    assert score(K.SERVICE, CARE, 8, 1) > score(K.SERVICE, "其他", 8, None)  # category > kind
    assert score(K.SERVICE, "其他", 8, 1) > score(K.FUNDS, "其他", 8, None)  # kind > nothing
    assert score(K.FUNDS, "其他", 7, 1) > score(K.FUNDS, "其他", 8, None)  # grid > community
    # Between equal fits, more left ranks higher.
    assert score(K.SERVICE, CARE, 7, 9) > score(K.SERVICE, CARE, 7, 3)

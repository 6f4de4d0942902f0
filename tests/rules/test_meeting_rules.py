"""The meeting rules on their own: quorum (more than half of the invitees, present in person or by
proxy) and when an action item is overdue (still open after its due day)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from backend.meetings.attendance import Quorum, quorum
from backend.meetings.models import ActionItemStatus, AttendanceStatus
from backend.meetings.services import OPEN_ACTION_STATUSES, is_action_overdue, present_count

A = AttendanceStatus
S = ActionItemStatus


def attendance(
    present: int, proxies: int = 0, *, on_leave: int = 0, absent: int = 0, invited: int = 0
) -> list[AttendanceStatus]:
    """A list of invitees: so many present, by proxy, on leave, absent and not yet answered."""
    return (
        [A.PRESENT] * present
        + [A.PROXY] * proxies
        + [A.ON_LEAVE] * on_leave
        + [A.ABSENT] * absent
        + [A.INVITED] * invited
    )


# --- quorum ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("invited", "required"),
    [
        # More than half: n/2 is never enough, the next whole number above it is.
        (1, 1),
        (2, 2),
        (3, 2),
        (4, 3),
        (5, 3),
        (6, 4),
        (7, 4),
        (10, 6),
        (11, 6),
        (100, 51),
        (101, 51),
    ],
)
def test_quorum_requires_more_than_half_of_the_invitees(invited: int, required: int) -> None:
    result = quorum([A.INVITED] * invited)
    assert result.invited == invited
    assert result.required == required
    assert result.required > invited / 2
    assert result.required - 1 <= invited / 2


@pytest.mark.parametrize("invited", [1, 2, 3, 4, 5, 8, 9, 30, 31])
def test_quorum_is_reached_exactly_at_the_required_number_and_not_one_below(invited: int) -> None:
    required = invited // 2 + 1
    at = quorum(attendance(required, absent=invited - required))
    below = quorum(attendance(required - 1, absent=invited - required + 1))
    assert (at.present, at.reached) == (required, True)
    assert (below.present, below.reached) == (required - 1, False)


@pytest.mark.parametrize("invited", [2, 4, 6, 10])
def test_exactly_half_present_is_not_a_quorum(invited: int) -> None:
    result = quorum(attendance(invited // 2, absent=invited // 2))
    assert result.present * 2 == result.invited
    assert not result.reached


def test_a_meeting_with_nobody_invited_has_no_quorum() -> None:
    result = quorum([])
    assert result == Quorum(invited=0, present=0, required=1)
    assert not result.reached


def test_everyone_present_is_a_quorum() -> None:
    result = quorum(attendance(7))
    assert (result.invited, result.present, result.reached) == (7, 7, True)


def test_proxies_count_as_present() -> None:
    # 5 invited need 3: two in person and one represented (委托) make it.
    result = quorum(attendance(2, proxies=1, absent=2))
    assert (result.present, result.required, result.reached) == (3, 3, True)
    assert quorum(attendance(0, proxies=3, on_leave=2)).reached


@pytest.mark.parametrize("status", [A.INVITED, A.ON_LEAVE, A.ABSENT])
def test_invitees_not_there_count_towards_the_invited_but_not_the_present(
    status: AttendanceStatus,
) -> None:
    # 2 present of 5: whether the other three are on leave, absent or never answered, the 5
    # still need 3.
    result = quorum([A.PRESENT, A.PRESENT, status, status, status])
    assert (result.invited, result.present, result.required) == (5, 2, 3)
    assert not result.reached


def test_the_order_of_the_attendance_list_does_not_matter() -> None:
    statuses = [A.ABSENT, A.PRESENT, A.ON_LEAVE, A.PROXY, A.PRESENT, A.INVITED]
    assert quorum(statuses) == quorum(list(reversed(statuses))) == quorum(sorted(statuses))


@pytest.mark.parametrize(
    ("statuses", "present"),
    [
        ([], 0),
        ([A.PRESENT], 1),
        ([A.PROXY], 1),
        ([A.INVITED, A.ON_LEAVE, A.ABSENT], 0),
        ([A.PRESENT, A.PROXY, A.ON_LEAVE, A.PRESENT, A.ABSENT], 3),
    ],
)
def test_present_count_counts_those_present_in_person_or_by_proxy(
    statuses: list[AttendanceStatus], present: int
) -> None:
    assert present_count(statuses) == present
    assert present_count(iter(statuses)) == present


@pytest.mark.parametrize(
    ("present", "required", "reached"),
    [(0, 1, False), (1, 1, True), (2, 3, False), (3, 3, True), (4, 3, True)],
)
def test_quorum_result_is_reached_when_present_is_at_least_required(
    present: int, required: int, reached: bool
) -> None:
    assert Quorum(invited=5, present=present, required=required).reached is reached


def test_a_quorum_result_cannot_be_changed() -> None:
    result = quorum(attendance(1, absent=2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(result, "present", 3)  # noqa: B010 - assigning, as a caller would, to a frozen result


# --- action items: overdue -------------------------------------------------------------------

TODAY = date(2024, 6, 15)
YESTERDAY = TODAY - timedelta(days=1)
TOMORROW = TODAY + timedelta(days=1)


def test_every_action_status_is_either_open_or_closed() -> None:
    # A new status must be placed on one side of the rule on purpose.
    closed = set(ActionItemStatus) - set(OPEN_ACTION_STATUSES)
    assert closed == {S.DONE, S.VERIFIED}
    assert set(OPEN_ACTION_STATUSES) == {S.OPEN, S.IN_PROGRESS, S.BLOCKED}


@pytest.mark.parametrize("status", [S.OPEN, S.IN_PROGRESS, S.BLOCKED])
@pytest.mark.parametrize(
    ("due_on", "overdue"),
    [
        (TODAY - timedelta(days=365), True),
        (YESTERDAY, True),
        # Due today is still on time all day long.
        (TODAY, False),
        (TOMORROW, False),
    ],
)
def test_an_open_action_is_overdue_only_once_its_due_day_has_passed(
    status: ActionItemStatus, due_on: date, overdue: bool
) -> None:
    assert is_action_overdue(status, due_on, TODAY) is overdue


@pytest.mark.parametrize("status", [S.DONE, S.VERIFIED])
@pytest.mark.parametrize("due_on", [TODAY - timedelta(days=365), YESTERDAY, TODAY, TOMORROW])
def test_a_done_or_verified_action_is_never_overdue(status: ActionItemStatus, due_on: date) -> None:
    # Done late or on time: once done, it is no longer being chased.
    assert is_action_overdue(status, due_on, TODAY) is False


@pytest.mark.parametrize(
    ("due_on", "today", "overdue"),
    [
        (date(2023, 12, 31), date(2024, 1, 1), True),  # over the new year
        (date(2024, 1, 31), date(2024, 2, 1), True),  # over a month's end
        (date(2024, 2, 28), date(2024, 2, 29), True),  # into a leap day
        (date(2024, 2, 29), date(2024, 2, 29), False),  # due on the leap day itself
        (date(2024, 3, 1), date(2024, 2, 29), False),
    ],
)
def test_overdue_across_calendar_boundaries(due_on: date, today: date, overdue: bool) -> None:
    assert is_action_overdue(S.OPEN, due_on, today) is overdue

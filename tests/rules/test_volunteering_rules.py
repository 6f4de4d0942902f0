"""The volunteering rules on their own: how long a service lasted (whole minutes, from one minute
to 24 hours, ending after it starts), how minutes read as hours (two decimals) and how many
points they earn (per hour, rounded down)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from fractions import Fraction

import pytest

from backend.core.errors import DomainError
from backend.volunteering.errors import VolunteeringErrorCode
from backend.volunteering.points import DEFAULT_POINTS_PER_HOUR, points_for
from backend.volunteering.service_records import MAX_SERVICE, service_minutes
from backend.volunteering.services import minutes_to_hours

E = VolunteeringErrorCode
TIME_ORDER_MESSAGE = "结束时间必须晚于开始时间。"
DURATION_MESSAGE = "单次服务时长须在 1 分钟到 24 小时之间。"
BEIJING = timezone(timedelta(hours=8))


def at(day: int, hour: int, minute: int = 0, second: int = 0, microsecond: int = 0) -> datetime:
    """A moment in March 2024 (UTC)."""
    return datetime(2024, 3, day, hour, minute, second, microsecond, tzinfo=UTC)


START = at(10, 9)


# --- service minutes -------------------------------------------------------------------------


def test_the_longest_service_is_24_hours() -> None:
    assert timedelta(hours=24) == MAX_SERVICE


@pytest.mark.parametrize(
    ("started_at", "ended_at", "minutes"),
    [
        pytest.param(START, at(10, 9, 1), 1, id="one minute, the shortest"),
        pytest.param(START, at(10, 10, 30), 90, id="an hour and a half"),
        pytest.param(at(10, 23, 30), at(11, 0, 45), 75, id="across midnight"),
        pytest.param(at(10, 20), at(11, 2), 6 * 60, id="overnight"),
        pytest.param(START, START + MAX_SERVICE, 24 * 60, id="exactly 24 hours, the longest"),
        pytest.param(
            START, START + MAX_SERVICE - timedelta(seconds=1), 24 * 60 - 1, id="a second short"
        ),
        pytest.param(
            datetime(2023, 12, 31, 22, tzinfo=UTC),
            datetime(2024, 1, 1, 2, tzinfo=UTC),
            4 * 60,
            id="across the new year",
        ),
        pytest.param(
            datetime(2024, 2, 28, 22, tzinfo=UTC),
            datetime(2024, 2, 29, 2, tzinfo=UTC),
            4 * 60,
            id="into a leap day",
        ),
    ],
)
def test_service_minutes_of_a_valid_service(
    started_at: datetime, ended_at: datetime, minutes: int
) -> None:
    assert service_minutes(started_at, ended_at) == minutes


@pytest.mark.parametrize(
    ("ended_at", "minutes"),
    [
        # Only whole minutes count: the seconds of a started minute are dropped.
        (at(10, 9, 1, 59), 1),
        (at(10, 9, 1, 0, 1), 1),
        (at(10, 9, 59, 59, 999_999), 59),
        (at(10, 10, 0, 0), 60),
    ],
)
def test_service_minutes_drops_the_seconds_of_an_unfinished_minute(
    ended_at: datetime, minutes: int
) -> None:
    assert service_minutes(START, ended_at) == minutes


def test_service_minutes_measures_real_time_whatever_the_offsets() -> None:
    # 08:00 in Beijing is 00:00 UTC: until 01:00 UTC is one hour, not a negative seven.
    started_in_beijing = datetime(2024, 3, 10, 8, tzinfo=BEIJING)
    assert service_minutes(started_in_beijing, datetime(2024, 3, 10, 1, tzinfo=UTC)) == 60
    # 07:30 in Beijing is 23:30 UTC the day before: midnight UTC falls inside the service.
    morning = datetime(2024, 3, 10, 7, 30, tzinfo=BEIJING)
    assert service_minutes(morning, datetime(2024, 3, 10, 0, 15, tzinfo=UTC)) == 45


@pytest.mark.parametrize(
    ("started_at", "ended_at"),
    [
        pytest.param(START, START, id="zero minutes: ends as it starts"),
        pytest.param(START, START - timedelta(microseconds=1), id="a moment before it starts"),
        pytest.param(START, at(10, 8), id="an hour before it starts"),
        # 23:30 to 00:45 entered on the same date: the end is before the start.
        pytest.param(at(10, 23, 30), at(10, 0, 45), id="midnight crossed, the date not moved on"),
    ],
)
def test_a_service_must_end_after_it_starts(started_at: datetime, ended_at: datetime) -> None:
    with pytest.raises(DomainError) as refused:
        service_minutes(started_at, ended_at)
    assert refused.value.code is E.TIME_ORDER
    assert refused.value.field == "endedAt"
    assert refused.value.message == TIME_ORDER_MESSAGE


@pytest.mark.parametrize(
    "ended_at",
    [
        pytest.param(START + timedelta(microseconds=1), id="a microsecond"),
        pytest.param(START + timedelta(seconds=1), id="a second"),
        pytest.param(START + timedelta(seconds=59, microseconds=999_999), id="just under a minute"),
    ],
)
def test_a_service_shorter_than_a_minute_is_refused(ended_at: datetime) -> None:
    with pytest.raises(DomainError) as refused:
        service_minutes(START, ended_at)
    assert refused.value.code is E.DURATION_RANGE
    assert refused.value.field == "endedAt"
    assert refused.value.message == DURATION_MESSAGE


@pytest.mark.parametrize(
    ("started_at", "ended_at"),
    [
        pytest.param(START, START + MAX_SERVICE + timedelta(microseconds=1), id="24 h and 1 µs"),
        pytest.param(START, START + MAX_SERVICE + timedelta(seconds=30), id="24 h and 30 s"),
        pytest.param(START, START + MAX_SERVICE + timedelta(minutes=1), id="24 h and a minute"),
        pytest.param(START, START + timedelta(days=3), id="three days"),
        pytest.param(
            datetime(2024, 2, 28, 23, tzinfo=UTC),
            datetime(2024, 3, 1, 1, tzinfo=UTC),
            id="Feb 28 23:00 to Mar 1 01:00 is 26 h in a leap year",
        ),
    ],
)
def test_a_service_longer_than_24_hours_is_refused(
    started_at: datetime, ended_at: datetime
) -> None:
    with pytest.raises(DomainError) as refused:
        service_minutes(started_at, ended_at)
    assert refused.value.code is E.DURATION_RANGE
    assert refused.value.field == "endedAt"
    assert refused.value.message == DURATION_MESSAGE


@pytest.mark.parametrize(
    ("ended_at", "code"),
    [
        (START, E.TIME_ORDER),
        (START + timedelta(seconds=30), E.DURATION_RANGE),
        (START + timedelta(days=2), E.DURATION_RANGE),
    ],
)
def test_service_minutes_refuses_on_the_field_it_is_told(
    ended_at: datetime, code: VolunteeringErrorCode
) -> None:
    with pytest.raises(DomainError) as refused:
        service_minutes(START, ended_at, field="at")
    assert (refused.value.code, refused.value.field) == (code, "at")


# --- minutes as hours ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "hours"),
    [
        (0, 0.0),
        (60, 1.0),
        (30, 0.5),
        (45, 0.75),
        (90, 1.5),
        (1440, 24.0),
        # Not whole hundredths: to the nearest hundredth.
        (1, 0.02),  # 0.0166…
        (10, 0.17),  # 0.1666…
        (20, 0.33),  # 0.3333…
        (40, 0.67),  # 0.6666…
        (59, 0.98),  # 0.9833…
        (61, 1.02),  # 1.0166…
        (100, 1.67),  # 1.6666…
    ],
)
def test_minutes_to_hours_rounds_to_two_decimals(minutes: int, hours: float) -> None:
    assert minutes_to_hours(minutes) == hours


def test_minutes_to_hours_is_within_half_a_hundredth_of_the_exact_hours() -> None:
    for minutes in range(24 * 60 + 1):
        hours = minutes_to_hours(minutes)
        assert abs(Fraction(hours) - Fraction(minutes, 60)) <= Fraction(1, 200), minutes
        assert round(hours, 2) == hours, minutes


# --- points ----------------------------------------------------------------------------------


def test_the_default_rule_is_ten_points_an_hour() -> None:
    assert DEFAULT_POINTS_PER_HOUR == 10


@pytest.mark.parametrize(
    ("minutes", "points_per_hour", "points"),
    [
        (60, 10, 10),
        (30, 10, 5),
        (90, 10, 15),
        (6, 10, 1),  # a tenth of an hour: exactly one point
        (12, 5, 1),
        (1440, 10, 240),  # the longest service
        (1, 60, 1),
        # Part of a point is not earned: rounded down, never up.
        (59, 10, 9),  # 9.83…
        (5, 10, 0),  # 0.83…
        (1, 10, 0),  # 0.16…
        (45, 15, 11),  # 11.25
        (20, 1, 0),  # 0.33…
        (119, 1, 1),  # 1.98…
        # A rule of zero points an hour earns nothing.
        (60, 0, 0),
        (1440, 0, 0),
    ],
)
def test_points_for_is_the_hours_times_the_rule_rounded_down(
    minutes: int, points_per_hour: int, points: int
) -> None:
    assert points_for(minutes, points_per_hour) == points


@pytest.mark.parametrize("points_per_hour", [0, 1, 7, 10, 12, 25])
def test_points_fall_short_of_the_exact_value_by_less_than_a_point(points_per_hour: int) -> None:
    for minutes in range(24 * 60 + 1):
        exact = Fraction(minutes * points_per_hour, 60)
        points = points_for(minutes, points_per_hour)
        assert isinstance(points, int)
        assert 0 <= exact - points < 1, (minutes, points)


@pytest.mark.parametrize("points_per_hour", [1, 10, 13])
def test_more_minutes_never_earn_fewer_points(points_per_hour: int) -> None:
    earned = [points_for(minutes, points_per_hour) for minutes in range(1, 24 * 60 + 1)]
    assert earned == sorted(earned)
    assert earned[-1] == 24 * points_per_hour


@pytest.mark.parametrize(
    ("started_at", "ended_at", "minutes", "hours", "points"),
    [
        # 23:30 to 00:45 is 75 minutes, 1.25 hours, 12.5 points at the default rule: 12.
        (at(10, 23, 30), at(11, 0, 45), 75, 1.25, 12),
        # 09:00:00 to 09:05:59: 5 whole minutes, 0.08 hours, 0.83 points: none.
        (START, at(10, 9, 5, 59), 5, 0.08, 0),
        # A whole day: 24 hours, 240 points.
        (START, START + MAX_SERVICE, 1440, 24.0, 240),
    ],
)
def test_a_service_from_its_times_to_its_hours_and_points(
    started_at: datetime, ended_at: datetime, minutes: int, hours: float, points: int
) -> None:
    counted = service_minutes(started_at, ended_at)
    assert counted == minutes
    assert minutes_to_hours(counted) == hours
    assert points_for(counted, DEFAULT_POINTS_PER_HOUR) == points

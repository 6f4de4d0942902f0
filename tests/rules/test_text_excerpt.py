"""A text shortened for a notification says where it was cut."""

from __future__ import annotations

import pytest

from backend.core.text import excerpt


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("楼道灯不亮", 10, "楼道灯不亮"),
        ("楼道灯不亮", 5, "楼道灯不亮"),
        ("楼道灯不亮已经一个月", 6, "楼道灯不亮…"),
        ("楼道灯 不亮", 5, "楼道灯…"),  # no space left before the mark
        ("", 3, ""),
    ],
)
def test_an_excerpt_is_the_text_or_its_start_marked_as_cut(
    text: str, limit: int, expected: str
) -> None:
    shortened = excerpt(text, limit)
    assert shortened == expected
    assert len(shortened) <= limit


def test_a_long_description_is_cut_to_the_column_with_the_mark() -> None:
    long = "楼" * 300
    shortened = excerpt(long, 200)
    assert len(shortened) == 200 and shortened.endswith("…")

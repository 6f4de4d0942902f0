"""Resident ID numbers, unified social credit codes and mobile numbers, checked as a street
types them."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.core.identifiers import check_credit_code, check_id_number, check_mobile
from backend.factories import PersonFactory

# Published codes of well-known enterprises, and the standard's own example.
CREDIT_CODES = ["91350100M000100Y43", "9144030071526726XG", "91330100716105852F"]


@pytest.mark.parametrize("code", CREDIT_CODES)
def test_published_credit_codes_pass_and_any_changed_character_fails(code: str) -> None:
    assert check_credit_code(f" {code.lower()} ").value == code
    for position in range(18):
        changed = code[:position] + ("1" if code[position] != "1" else "2") + code[position + 1 :]
        assert check_credit_code(changed).problem is not None, changed


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("9135010", "统一社会信用代码须为 18 位（现为 7 位）。"),
        ("91350100M000100IO3", "统一社会信用代码不能含“I、O”（不使用 I、O、Z、S、V）。"),
        ("91350100M000100Y44", "统一社会信用代码校验位不符，请核对每一位。"),
    ],
)
def test_a_wrong_credit_code_says_what_is_wrong(code: str, problem: str) -> None:
    assert check_credit_code(code).problem == problem


def test_the_demo_peoples_id_numbers_pass_and_a_wrong_check_digit_fails() -> None:
    person = PersonFactory.build()
    assert person.id_number is not None
    assert check_id_number(person.id_number).value == person.id_number
    last = person.id_number[-1]
    wrong = person.id_number[:-1] + ("0" if last != "0" else "1")
    assert check_id_number(wrong).problem == "身份证号校验位不符，请核对每一位。"


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("11010519491231002", "身份证号须为 18 位，前 17 位是数字，最后一位是数字或 X。"),
        ("110105194902300021", "身份证号中的出生日期 19490230 不是有效日期。"),
        ("110105209901010021", "身份证号中的出生日期 2099-01-01 不合理。"),
    ],
)
def test_a_wrong_id_number_says_what_is_wrong(number: str, problem: str) -> None:
    assert check_id_number(number, today=dt.date(2026, 12, 4)).problem == problem


def test_an_id_number_ending_in_x_is_kept_upper_case() -> None:
    assert check_id_number("11010519491231002x").value == "11010519491231002X"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("13800138000", "13800138000"),
        ("+86 138-0013-8000", "13800138000"),
        ("19912345678", "19912345678"),
    ],
)
def test_mainland_mobiles_are_kept_as_eleven_digits(raw: str, value: str) -> None:
    assert check_mobile(raw).value == value


@pytest.mark.parametrize("raw", ["12800138000", "1380013800", "0755-83765566", "138001380001"])
def test_other_numbers_are_not_mobiles(raw: str) -> None:
    assert check_mobile(raw).problem == "手机号须为 11 位中国大陆手机号码（以 13–19 开头）。"

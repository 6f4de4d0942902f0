"""China's identifiers as a street types them: the resident ID number (居民身份证号码, GB 11643-1999),
the unified social credit code of an organisation (统一社会信用代码, GB 32100-2015) and a mainland
mobile number. Each check returns the identifier in its canonical form, or the reason it is
wrong, in Chinese, so that a form, an import row and the API all say the same thing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
# The code's alphabet leaves out I, O, Z, S and V, which read like digits.
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
MOBILE = re.compile(r"1[3-9]\d{9}")


@dataclass(frozen=True)
class Checked:
    """The identifier in canonical form, or why it is not one (`problem`, in Chinese)."""

    value: str | None = None
    problem: str | None = None


def id_check_digit(first17: str) -> str:
    """GB 11643-1999: the 18th character of a resident ID number from its first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def check_id_number(raw: str, *, today: dt.date | None = None) -> Checked:
    text = raw.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", text):
        return Checked(problem="身份证号须为 18 位，前 17 位是数字，最后一位是数字或 X。")
    try:
        born = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return Checked(problem=f"身份证号中的出生日期 {text[6:14]} 不是有效日期。")
    if born > (today or dt.date.today()) or born.year < 1900:
        return Checked(problem=f"身份证号中的出生日期 {born:%Y-%m-%d} 不合理。")
    if text[17] != id_check_digit(text[:17]):
        return Checked(problem="身份证号校验位不符，请核对每一位。")
    return Checked(value=text)


def credit_check_character(first17: str) -> str:
    """GB 32100-2015: the 18th character of a unified social credit code."""
    total = sum(
        CREDIT_ALPHABET.index(character) * weight
        for character, weight in zip(first17, CREDIT_WEIGHTS, strict=True)
    )
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def check_credit_code(raw: str) -> Checked:
    text = raw.strip().upper()
    if len(text) != 18:
        return Checked(problem=f"统一社会信用代码须为 18 位（现为 {len(text)} 位）。")
    wrong = sorted({c for c in text if c not in CREDIT_ALPHABET})
    if wrong:
        return Checked(
            problem=f"统一社会信用代码不能含“{'、'.join(wrong)}”（不使用 I、O、Z、S、V）。"
        )
    if text[17] != credit_check_character(text[:17]):
        return Checked(problem="统一社会信用代码校验位不符，请核对每一位。")
    return Checked(value=text)


def check_mobile(raw: str) -> Checked:
    """A mainland mobile number: 11 digits from 13–19; spaces, dashes and +86 are dropped."""
    text = re.sub(r"[\s-]", "", raw)
    if text.startswith("+86"):
        text = text[3:]
    if not MOBILE.fullmatch(text):
        return Checked(problem="手机号须为 11 位中国大陆手机号码（以 13–19 开头）。")
    return Checked(value=text)

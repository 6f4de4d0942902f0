"""Masking of personal information (PIPL): the API never shows a full value by default."""

from __future__ import annotations


def mask_mobile(mobile: str | None) -> str | None:
    if not mobile:
        return mobile
    return mobile[:3] + "****" + mobile[-4:] if len(mobile) >= 8 else "****"


def mask_id_number(id_number: str | None) -> str | None:
    if not id_number:
        return id_number
    return id_number[:4] + "*" * (len(id_number) - 8) + id_number[-4:]


def mask_address(address: str | None) -> str | None:
    """Keep the area, hide the house: everything after the first 8 characters."""
    if not address:
        return address
    return address[:8] + "****" if len(address) > 8 else address


def mask_name(name: str | None) -> str | None:
    """Keep the surname, hide the given name: 王小明 → 王**."""
    if not name:
        return name
    return name[0] + "*" * max(len(name) - 1, 1)

from __future__ import annotations

from strawberry import relay


def gid(type_name: str, key: int | None) -> str:
    """The relay global ID of a row."""
    return str(relay.GlobalID(type_name, str(key)))

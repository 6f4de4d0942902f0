"""Secrets for sessions and API tokens: random, shown once, stored only as SHA-256 hashes.

A high-entropy random secret needs no slow hash: SHA-256 is enough and keeps every request's
lookup cheap (passwords, which people choose, use argon2id instead).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_PREFIX = "gjt"
API_SCOPES = (
    "read:organisations",
    "read:units",
    "read:members",
    "read:people",
    "read:personal-data",
    "read:volunteering",
    "read:cobuilding",
    "read:meetings",
    "read:evaluations",
    "write:needs",
)


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def same_hash(stored: str, secret: str) -> bool:
    return hmac.compare_digest(stored, secret_hash(secret))


def new_api_token() -> tuple[str, str, str]:
    """(prefix, secret, full token). The token is `gjt_<prefix>_<secret>`; the prefix finds
    the row, the secret is checked against its hash."""
    prefix = secrets.token_hex(6)
    secret = new_secret()
    return prefix, secret, f"{TOKEN_PREFIX}_{prefix}_{secret}"


def split_api_token(token: str) -> tuple[str, str] | None:
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or not parts[1] or not parts[2]:
        return None
    return parts[1], parts[2]

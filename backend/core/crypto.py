"""Personal data at rest: encrypted columns and keyed hashes for exact-match search.

Mobile and ID numbers are stored encrypted (AES-256-GCM from `cryptography`), so a
copy of the database alone does not reveal them. Because encryption is randomised, an exact
search ("who has mobile 138…") goes through a keyed hash (HMAC-SHA256) stored beside it.
Both keys derive from DATA_ENCRYPTION_KEY, read once at start-up.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import String, TypeDecorator

# Used when no key is configured outside production; production refuses to start with it.
DEMO_KEY = "demo-key-not-secret-do-not-use-in-production"
ENCRYPTED_PREFIX = "v1:"


class Keyring:
    def __init__(self, secret: str) -> None:
        material = hashlib.sha256(secret.encode()).digest()
        self._cipher = AESGCM(hashlib.sha256(b"encrypt" + material).digest())
        self._hash_key = hashlib.sha256(b"search" + material).digest()

    def encrypt(self, value: str) -> str:
        nonce = os.urandom(12)
        sealed = self._cipher.encrypt(nonce, value.encode(), None)
        return ENCRYPTED_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode()

    def decrypt(self, stored: str) -> str:
        raw = base64.urlsafe_b64decode(stored.removeprefix(ENCRYPTED_PREFIX))
        return self._cipher.decrypt(raw[:12], raw[12:], None).decode()

    def search_hash(self, value: str) -> str:
        return hmac.new(self._hash_key, value.strip().upper().encode(), hashlib.sha256).hexdigest()


_keyring = Keyring(os.environ.get("DATA_ENCRYPTION_KEY") or DEMO_KEY)


def configure_keyring(secret: str) -> None:
    global _keyring
    _keyring = Keyring(secret)


def keyring() -> Keyring:
    return _keyring


class EncryptedString(TypeDecorator[str]):
    """A string column stored encrypted; Python code sees plain text."""

    impl = String(200)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else _keyring.encrypt(str(value))

    def process_result_value(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else _keyring.decrypt(value)

"""Configuration from the environment, read once at start-up."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE_PATH = ROOT / "var" / "gongjian.db"


def _to_async_url(url: str) -> str:
    if url.startswith("sqlite://"):
        return url.replace("sqlite://", "sqlite+aiosqlite://", 1)
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _to_sync_url(url: str) -> str:
    if url.startswith("sqlite+aiosqlite://"):
        return url.replace("sqlite+aiosqlite://", "sqlite://", 1)
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    database_url: str = f"sqlite:///{DEFAULT_SQLITE_PATH}"
    production: bool = False
    demo_data: bool = True
    max_page_size: int = 100
    default_page_size: int = 20
    frontend_dist: Path = ROOT / "frontend" / "dist"
    host: str = "127.0.0.1"
    port: int = 8000
    # Encrypts personal data at rest (backend/core/crypto.py); required in production.
    encryption_key: str | None = None
    # Deliver the webhook outbox from the app process (off for one-off commands and tests).
    deliver_webhooks: bool = True
    # Read-only queries the compiled path can answer skip the resolvers (backend/core/compiled/);
    # off, every query takes the resolver path (the tests compare the two).
    compiled_reads: bool = True

    @property
    def async_database_url(self) -> str:
        return _to_async_url(self.database_url)

    @property
    def sync_database_url(self) -> str:
        return _to_sync_url(self.database_url)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_env(cls) -> Settings:
        production = os.environ.get("APP_ENV", "development").lower() == "production"
        return cls(
            database_url=os.environ.get("DATABASE_URL", cls.database_url),
            production=production,
            demo_data=_env_flag("DEMO_DATA", default=not production),
            frontend_dist=Path(os.environ.get("FRONTEND_DIST", str(cls.frontend_dist))),
            host=os.environ.get("HOST", cls.host),
            port=int(os.environ.get("PORT", str(cls.port))),
            encryption_key=os.environ.get("DATA_ENCRYPTION_KEY") or None,
            deliver_webhooks=_env_flag("DELIVER_WEBHOOKS", default=True),
            compiled_reads=_env_flag("COMPILED_READS", default=True),
        )

    def problems(self) -> list[str]:
        """Why this configuration must not serve: empty unless production is misconfigured."""
        from backend.core.crypto import DEMO_KEY

        if not self.production:
            return []
        found = []
        if not self.encryption_key:
            found.append("DATA_ENCRYPTION_KEY is not set.")
        elif self.encryption_key == DEMO_KEY or len(self.encryption_key) < 32:
            found.append("DATA_ENCRYPTION_KEY is the demo key or shorter than 32 characters.")
        if self.demo_data:
            found.append("DEMO_DATA must be off in production (demo users have public passwords).")
        return found

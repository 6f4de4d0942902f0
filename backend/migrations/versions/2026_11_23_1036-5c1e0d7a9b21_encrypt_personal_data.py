"""encrypt personal data: mobile and ID numbers become ciphertext with keyed search hashes

Revision ID: 5c1e0d7a9b21
Revises: abd546bddc81
Create Date: 2026-11-23 10:36:00

A data migration, separate from the schema change before it. It uses DATA_ENCRYPTION_KEY (see
backend/core/crypto.py); rows already encrypted are left alone, so it can run again safely.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from backend.core.crypto import ENCRYPTED_PREFIX, keyring

revision: str = "5c1e0d7a9b21"
down_revision: str | None = "abd546bddc81"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

person = sa.table(
    "person",
    sa.column("id", sa.Integer),
    sa.column("mobile", sa.String),
    sa.column("mobile_hash", sa.String),
    sa.column("id_number", sa.String),
    sa.column("id_number_hash", sa.String),
)


def _rewrite(convert: object, *, encrypted: bool) -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.select(person.c.id, person.c.mobile, person.c.id_number)).all()
    for row in rows:
        if row.mobile.startswith(ENCRYPTED_PREFIX) is encrypted:
            continue
        connection.execute(
            person.update().where(person.c.id == row.id).values(**convert(row))  # type: ignore[operator]
        )


def upgrade() -> None:
    keys = keyring()
    _rewrite(
        lambda row: {
            "mobile": keys.encrypt(row.mobile),
            "mobile_hash": keys.search_hash(row.mobile),
            "id_number": keys.encrypt(row.id_number) if row.id_number else None,
            "id_number_hash": keys.search_hash(row.id_number) if row.id_number else None,
        },
        encrypted=False,
    )


def downgrade() -> None:
    keys = keyring()
    _rewrite(
        lambda row: {
            "mobile": keys.decrypt(row.mobile),
            "id_number": keys.decrypt(row.id_number) if row.id_number else None,
        },
        encrypted=True,
    )

"""a version on each assessment, checked on update (several writers on a server)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 09:00:00

Every update of an assessment raises ``version`` and is made only where the row still has the
version it read, so a second writer is told of the first instead of overwriting it. Existing
rows get 1. Plain ``ADD COLUMN`` with a constant default: portable SQL (SQLite, PostgreSQL),
and no batch rebuild.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.add_column(
        "assessment",
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_column("assessment", "version")

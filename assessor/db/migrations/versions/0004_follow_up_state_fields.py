"""the State's own status and references as fields of a follow-up version

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 10:00:00

A questionnaire's "State's own status" and "References" columns used to be appended to the
follow-up's text. They are kept apart now, on each version, so that the history and the
exports carry them. Both are nullable: follow-ups imported before keep the appended text as it
is (it is not parsed back) and have neither field.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    # Plain ADD COLUMN, not a batch rebuild: rebuilding follow_up would drop the full-text
    # index's triggers on it (0002).
    op.add_column("follow_up", sa.Column("state_status", sa.String(length=20), nullable=True))
    op.add_column("follow_up", sa.Column("state_references", sa.Text(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    op.drop_column("follow_up", "state_references")
    op.drop_column("follow_up", "state_status")

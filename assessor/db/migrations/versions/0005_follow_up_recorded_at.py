"""when each follow-up version entered the database

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 05:30:00

``received_at`` is the State's date (a factsheet's "follow-up received" month, for instance);
``recorded_at`` is when the version came into this database, which tells whether it is newer
than the assessor's rating. Existing versions get the later of their received date and the
moment an earlier version was replaced: the best the database knows.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    # Plain ADD COLUMN: a batch rebuild would drop the full-text index's triggers (0002).
    op.add_column("follow_up", sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=True))
    # The later of the two in portable SQL: two-argument MAX is SQLite's, GREATEST the others'.
    replaced = """(SELECT MAX(p.superseded_at) FROM follow_up p
                    WHERE p.recommendation_id = follow_up.recommendation_id
                      AND p.id < follow_up.id)"""
    op.execute(
        f"""
        UPDATE follow_up SET recorded_at = CASE
            WHEN {replaced} > received_at THEN {replaced}
            ELSE received_at END
        """
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_column("follow_up", "recorded_at")

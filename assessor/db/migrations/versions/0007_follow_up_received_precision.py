"""how precise a follow-up's received date is: a month or a day

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 02:00:00

A factsheet says "follow-up received March 2025": stored as the 1st of the month, it was shown
"1 March 2025". ``received_precision`` says which ("month" or "day"; "day" by default, the
precision of a questionnaire's or a correction's moment). Versions that came from a factsheet
— their source starts with "factsheet " — are given "month", as the factsheet gave. Plain
``ADD COLUMN`` with a constant default and an ``UPDATE``: portable SQL (SQLite, PostgreSQL),
and no batch rebuild that would drop the full-text index's triggers (0002).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.add_column(
        "follow_up",
        sa.Column("received_precision", sa.String(5), nullable=False, server_default="day"),
    )
    op.execute("UPDATE follow_up SET received_precision = 'month' WHERE source LIKE 'factsheet %'")


def downgrade() -> None:
    """Revert this revision."""
    op.drop_column("follow_up", "received_precision")

"""index the observations by section and position

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 12:00:00

The window reads the observations leading to a recommendation (those of its section before
it) at every step, and search matches an observation to the recommendations it leads to;
without an index both scan every observation of the database.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_index("ix_observation_section_position", "observation", ["section_id", "position"])


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_observation_section_position", table_name="observation")

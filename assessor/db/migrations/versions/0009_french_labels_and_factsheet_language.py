"""a French label for each rating level, and the language a factsheet was written in

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 04:00:00

Documents are written in the reader's language (English or French), and so are the rating
levels in them: ``rating_level.label_fr`` holds a level's French label (NULL: none given, the
English one is used). The levels of the GRECO and FATF presets still named as the preset names
them get the bodies' own French terms here; a level renamed by the user gets none (its French
is the user's to give). ``factsheet.language`` is the language the import found the factsheet
written in (NULL for factsheets imported before: not known). Plain ``ADD COLUMN`` and
``UPDATE`` with bound values: portable SQL (SQLite, PostgreSQL), no batch rebuild.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (preset, key, English label, French label), as the presets stood when this was written: a
#: migration never imports the application's current tables, which may change later.
FRENCH_LABELS = (
    ("greco", "implemented", "Implemented satisfactorily", "Mise en œuvre de façon satisfaisante"),
    ("greco", "partly", "Partly implemented", "Partiellement mise en œuvre"),
    ("greco", "not_implemented", "Not implemented", "Pas mise en œuvre"),
    ("greco", "no_information", "No information provided", "Aucune information fournie"),
    ("fatf", "compliant", "Compliant", "Conforme"),
    ("fatf", "largely", "Largely compliant", "En grande partie conforme"),
    ("fatf", "partially", "Partially compliant", "Partiellement conforme"),
    ("fatf", "non_compliant", "Non-compliant", "Non conforme"),
    ("fatf", "not_applicable", "Not applicable", "Non applicable"),
)


def upgrade() -> None:
    """Apply this revision."""
    op.add_column("rating_level", sa.Column("label_fr", sa.String(200), nullable=True))
    op.add_column("factsheet", sa.Column("language", sa.String(8), nullable=True))
    update = sa.text(
        "UPDATE rating_level SET label_fr = :french WHERE key = :key AND label = :label "
        "AND scale_id IN (SELECT id FROM rating_scale WHERE preset = :preset)"
    )
    connection = op.get_bind()
    for preset, key, label, french in FRENCH_LABELS:
        connection.execute(update, {"preset": preset, "key": key, "label": label, "french": french})


def downgrade() -> None:
    """Revert this revision."""
    op.drop_column("factsheet", "language")
    op.drop_column("rating_level", "label_fr")

"""full-text search on PostgreSQL: a generated tsvector per searched text, GIN-indexed

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 09:00:00

The PostgreSQL counterpart of the FTS5 index (0002). Each searched text gets a generated
``search_document`` column: the text folded to lower case without accents (as FTS5's
``remove_diacritics``), read three times — as plain words (``simple``, for word-prefix
matching as on SQLite) and stemmed in English and in French (a search for "children" finds
"child", "enfants" finds "enfant"). A generated column is kept up to date by the server itself
on every write, so no trigger or service has to remember it. On SQLite nothing is done.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (table, text column), as in 0002.
INDEXED = (
    ("recommendation", "text"),
    ("observation", "text"),
    ("follow_up", "text"),
    ("assessment", "comment"),
)
#: The column added to each table, as ``assessor.search`` reads it.
DOCUMENT = "search_document"

# Lower case without the accents of the Council of Europe's languages, punctuation as spaces
# (words split as FTS5's unicode61 splits them: "1/2020" is two words, not a file name);
# immutable, so a generated column may use it (``unaccent`` is not, and needs an extension).
_ACCENTED = "àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıľłñńňòóôõöøōőŕřśšşťţùúûüūůűųýÿźżž"
_PLAIN = "aaaaaaaaacccddeeeeeeeegiiiiiiillnnnoooooooorrsssttuuuuuuuuyyzzz"
FOLD = "assessor_fold"


def upgrade() -> None:
    """Apply this revision."""
    if op.get_bind().dialect.name != "postgresql":
        return
    assert len(_ACCENTED) == len(_PLAIN)
    op.execute(
        f"CREATE FUNCTION {FOLD}(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
        f"RETURN regexp_replace(translate(replace(replace(lower($1), 'œ', 'oe'), 'æ', 'ae'), "
        f"'{_ACCENTED}', '{_PLAIN}'), '[[:punct:]]+', ' ', 'g')"
    )
    for table, column in INDEXED:
        folded = f"{FOLD}(coalesce({column}, ''))"
        document = " || ".join(
            f"to_tsvector('{config}'::regconfig, {folded})"
            for config in ("simple", "english", "french")
        )
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN {DOCUMENT} tsvector "
            f"GENERATED ALWAYS AS ({document}) STORED"
        )
        op.execute(f"CREATE INDEX ix_{table}_{DOCUMENT} ON {table} USING gin ({DOCUMENT})")


def downgrade() -> None:
    """Revert this revision."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, _column in INDEXED:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_{DOCUMENT}")
        op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {DOCUMENT}")
    op.execute(f"DROP FUNCTION IF EXISTS {FOLD}(text)")

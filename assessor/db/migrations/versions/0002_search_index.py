"""full-text search index (SQLite FTS5), kept in sync by triggers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 02:00:00

External-content FTS5 tables over the four searched texts. Triggers keep them in sync with
every write (services, importers, bulk inserts, foreign-key cascades), so no service has to
remember the index. On another database, or a SQLite built without FTS5, nothing is created
and ``assessor.search`` falls back to portable LIKE queries.
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy.exc import OperationalError

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (index table, content table, text column)
INDEXED = (
    ("fts_recommendation", "recommendation", "text"),
    ("fts_observation", "observation", "text"),
    ("fts_follow_up", "follow_up", "text"),
    ("fts_assessment", "assessment", "comment"),
)


def _statements(fts: str, table: str, column: str) -> list[str]:
    # The index column is named as the content column: 'rebuild' reads it by that name.
    new = f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column});"
    old = f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
    # Dropped first: pysqlite commits DDL at once, so a failed earlier run may have left some.
    drops = [f"DROP TRIGGER IF EXISTS {fts}_{suffix}" for suffix in ("ai", "ad", "au")]
    return [
        *drops,
        f"DROP TABLE IF EXISTS {fts}",
        f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', "
        f"content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {new} END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {old} END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {column} ON {table} BEGIN {old} {new} END",
        # Fill it from what an older database already holds.
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _has_fts5() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return False
    try:
        bind.exec_driver_sql("CREATE VIRTUAL TABLE temp._fts5_probe USING fts5(x)")
        bind.exec_driver_sql("DROP TABLE temp._fts5_probe")
    except OperationalError:
        return False
    return True


def upgrade() -> None:
    """Apply this revision."""
    if not _has_fts5():
        return
    for fts, table, column in INDEXED:
        for statement in _statements(fts, table, column):
            op.execute(statement)


def downgrade() -> None:
    """Revert this revision."""
    if op.get_bind().dialect.name != "sqlite":
        return
    for fts, _table, _column in INDEXED:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")

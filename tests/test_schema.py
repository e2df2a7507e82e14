"""The migrations build exactly the schema the models describe (no change without a revision)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from assessor.db.engine import open_database
from assessor.db.models import Base


def test_migrations_match_the_models(tmp_path: Path) -> None:
    db = open_database(tmp_path / "schema.sqlite")
    try:
        with db.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        db.close()
    # Tables the models do not map (the full-text index, kept by triggers) are not drift.
    drift = [
        d
        for d in diffs
        if not (
            isinstance(d, tuple)
            and d[0] == "remove_table"
            and d[1].name not in Base.metadata.tables
        )
    ]
    assert drift == [], "models changed without a migration: " + repr(drift)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_new_database_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    db = open_database(tmp_path / "sub" / "new.sqlite")
    try:
        with db.transaction() as s:
            s.execute(text("SELECT 1"))
        for f in (tmp_path / "sub").glob("new.sqlite*"):
            assert stat.S_IMODE(f.stat().st_mode) == 0o600, f.name
    finally:
        db.close()

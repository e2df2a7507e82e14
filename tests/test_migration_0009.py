"""Migration 0009 on both stores (a SQLite file, or PostgreSQL under ASSESSOR_TEST_DATABASE_URL):
the preset levels still named as the preset names them get their French labels, a renamed one
none, and factsheets get a language column (NULL: not known)."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from tests.test_migrations import migrate_url, revision_at


def test_0009_gives_preset_levels_their_french_labels(blank_database: URL) -> None:
    migrate_url(blank_database, "0008")
    engine = create_engine(blank_database)
    try:
        with engine.begin() as conn:
            for statement in (
                "INSERT INTO rating_scale (id, preset, name) VALUES (1, 'greco', 'GRECO')",
                "INSERT INTO rating_scale (id, preset, name) VALUES (2, 'fatf', 'FATF')",
                "INSERT INTO rating_level (id, scale_id, key, label, color, position) VALUES "
                "(1, 1, 'implemented', 'Implemented satisfactorily', '#2e7d32', 0), "
                "(2, 1, 'partly', 'Half done', '#f9a825', 1), "  # renamed by its user
                "(3, 2, 'largely', 'Largely compliant', '#9e9d24', 0), "
                "(4, 2, 'partly', 'Partly implemented', '#f9a825', 1)",  # not a FATF level
                "INSERT INTO monitoring_round (id, title, rating_scale_id) VALUES (1, 'R', 1)",
                "INSERT INTO party (id, name) VALUES (1, 'Albania')",
                "INSERT INTO factsheet (id, party_id, round_id, title, preamble, source, "
                "imported_at) VALUES (1, 1, 1, 'F', '', 'f.md', '2025-01-01 00:00:00')",
            ):
                conn.execute(text(statement))
    finally:
        engine.dispose()
    migrate_url(blank_database, "0009")
    assert revision_at(blank_database) == "0009"
    engine = create_engine(blank_database)
    try:
        with engine.connect() as conn:
            labels = dict(conn.execute(text("SELECT id, label_fr FROM rating_level")).all())
            languages = conn.execute(text("SELECT language FROM factsheet")).scalars().all()
    finally:
        engine.dispose()
    assert labels == {
        1: "Mise en œuvre de façon satisfaisante",
        2: None,
        3: "En grande partie conforme",
        4: None,
    }
    assert languages == [None]
    # And back: the columns go, the rows stay.
    migrate_url(blank_database, "0008", down=True)
    assert revision_at(blank_database) == "0008"

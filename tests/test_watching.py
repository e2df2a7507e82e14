"""What others changed since a mark: the window's poll, on a SQLite file and on a server.

The writer is a second handle on the same database (the command line, or another window).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import sessionmaker

from assessor.db.engine import Database, make_engine
from assessor.db.opening import open_database
from assessor.services import assessments, themes, watching
from tests.conftest import Seeded, build_factsheet


@pytest.fixture
def other(seeded: Seeded) -> Iterator[Database]:
    """A second handle on the seeded database (the file's without its one-writer lock)."""
    db = seeded.db
    if db.path is not None:
        engine = make_engine(db.url)
        second = Database(db.url, engine, sessionmaker(engine, expire_on_commit=False))
        second.backup_on_close = False
    else:
        second = open_database(db.url.render_as_string(hide_password=False), backup=False)
    yield second
    second.engine.dispose()


def test_nothing_changed_means_the_same_mark_and_no_changes(seeded: Seeded) -> None:
    before = watching.mark(seeded.db)
    now, changes = watching.changes_since(seeded.db, before)
    assert now == before and not changes


def test_a_rating_and_a_comment_by_another_writer_name_their_recommendations(
    seeded: Seeded, other: Database
) -> None:
    before = watching.mark(seeded.db)
    assessments.rate(other, seeded.recs["II-6"], "partly", by="Ann")
    assessments.set_comment(other, seeded.recs["II-4"], "Seen.", by="Ann")
    now, changes = watching.changes_since(seeded.db, before)
    assert now != before
    assert changes.recommendations == {seeded.recs["II-6"], seeded.recs["II-4"]}
    assert not changes.factsheets and not changes.themes
    assert not watching.changes_since(seeded.db, now)[1]  # asked again: nothing new


def test_theme_edits_name_their_factsheet_and_a_deleted_theme_every_one(
    seeded: Seeded, other: Database
) -> None:
    before = watching.mark(seeded.db)
    themes.rename_theme(other, seeded.theme_id, "Law", by="Ann")
    now, changes = watching.changes_since(seeded.db, before)
    assert changes.themes == {seeded.factsheet_id} and not changes.recommendations
    themes.delete_theme(other, seeded.theme_id, by="Ann")
    _later, changes = watching.changes_since(seeded.db, now)
    assert seeded.factsheet_id in changes.themes


def test_a_new_factsheet_reloads_every_factsheet(seeded: Seeded, other: Database) -> None:
    before = watching.mark(seeded.db)
    andorra = build_factsheet(other, "Andorra")
    _now, changes = watching.changes_since(seeded.db, before)
    assert changes.factsheets == {seeded.factsheet_id, andorra.factsheet_id}

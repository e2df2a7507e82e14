"""Two writers on one assessment: the later save is refused, told of the first, and both kept.

Two ``Database`` handles on the same database: a SQLite file (the second without the one-writer
lock, as a window and a command on a server would be), or the server of
``ASSESSOR_TEST_DATABASE_URL``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from assessor.db.engine import Database, make_engine
from assessor.db.models import Change
from assessor.db.opening import open_database
from assessor.services import assessments
from assessor.services.browsing import detail
from assessor.services.conflicts import SaveConflict
from tests.conftest import Seeded


@pytest.fixture
def other(seeded: Seeded) -> Iterator[Database]:
    """A second handle on the seeded database (another window, or the command line)."""
    db = seeded.db
    if db.path is not None:
        engine = make_engine(db.url)
        second = Database(db.url, engine, sessionmaker(engine, expire_on_commit=False))
        second.backup_on_close = False
    else:
        second = open_database(db.url.render_as_string(hide_password=False), backup=False)
    yield second
    second.engine.dispose()


def _detail(db: Database, rec_id: int):
    found = detail(db, rec_id)
    assert found is not None
    return found


def _history(db: Database, rec_id: int) -> list[tuple[str, str | None, str | None, str]]:
    with db.reading() as s:
        rows = s.scalars(select(Change).where(Change.entity_id == rec_id).order_by(Change.id))
        return [(c.field, c.old, c.new, c.by) for c in rows]


def test_the_second_writer_is_told_who_changed_it_and_both_texts_are_kept(
    seeded: Seeded, other: Database
) -> None:
    rec = seeded.recs["II-6"]
    assessments.assess(seeded.db, rec, "partly", "First draft.", by="Setup")
    seen = _detail(seeded.db, rec).assessment.version  # both windows open it
    assert _detail(other, rec).assessment.version == seen

    assessments.set_comment(seeded.db, rec, "Ann's text.", by="Ann", expected_version=seen)
    with pytest.raises(SaveConflict) as caught:
        assessments.set_comment(other, rec, "Bob's text.", by="Bob", expected_version=seen)
    conflict = caught.value
    assert conflict.by == "Ann" and conflict.version == seen + 1
    assert "Ann changed II-6 at" in str(conflict) and "your change was not saved" in str(conflict)
    assert [(e.field, e.new) for e in conflict.theirs] == [("comment", "Ann's text.")]
    assert [(e.field, e.old, e.new) for e in conflict.mine] == [
        ("comment", "Ann's text.", "Bob's text.")
    ]
    assert _detail(other, rec).assessment.comment == "Ann's text."

    # Bob merges the comments by hand and saves over the version he was shown.
    merged = "Ann's text. Bob's text."
    assessments.set_comment(other, rec, merged, by="Bob", expected_version=conflict.version)
    assert _detail(seeded.db, rec).assessment.comment == merged
    texts = {t for _, old, new, _ in _history(seeded.db, rec) for t in (old, new)}
    assert {"Ann's text.", "Bob's text.", merged} <= texts
    assert ("comment_not_saved", "Ann's text.", "Bob's text.", "Bob") in _history(seeded.db, rec)


def test_a_rating_conflict_names_the_levels(seeded: Seeded, other: Database) -> None:
    rec = seeded.recs["II-4"]
    assert _detail(seeded.db, rec).assessment.version == 0  # nothing saved yet
    assessments.rate(seeded.db, rec, "partly", by="Ann", expected_version=0)
    with pytest.raises(SaveConflict) as caught:
        assessments.rate(other, rec, "implemented", by="Bob", expected_version=0)
    message = str(caught.value)
    assert "Ann changed II-4" in message and "rating: Not yet rated → Partly implemented" in message
    assessments.set_status(other, rec, "final", by="Bob", expected_version=caught.value.version)
    assert _detail(seeded.db, rec).assessment.status == "final"


def test_without_a_version_a_one_shot_save_goes_through(seeded: Seeded, other: Database) -> None:
    rec = seeded.recs["II-20"]
    assessments.rate(seeded.db, rec, "implemented", by="Ann")
    assessments.rate(other, rec, "not_implemented", by="cli")  # read and written at once
    detail = _detail(seeded.db, rec).assessment
    assert (detail.rating, detail.version) == ("not_implemented", 2)


def test_saving_what_is_stored_is_no_conflict(seeded: Seeded, other: Database) -> None:
    rec = seeded.recs["II-6"]
    assessments.set_comment(seeded.db, rec, "Same.", by="Ann", expected_version=0)
    assert not assessments.set_comment(other, rec, "Same.", by="Bob", expected_version=0)

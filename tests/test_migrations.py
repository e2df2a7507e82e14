"""Schema changes: a database made by the first revision opens today, after a verified backup;
one made by a newer version is refused and left byte for byte as it was."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from assessor.db import backup
from assessor.db.engine import open_database
from assessor.db.errors import DatabaseError
from assessor.db.migrate import alembic_config, head_revision
from assessor.db.models import Assessment, Change, FollowUp, Recommendation, ThemeItem
from assessor.db.queries import recommendation_detail
from assessor.services import assessments as svc

FIXTURE = Path(__file__).parent / "data" / "assessor-0001.sqlite"


def revision_of(path: Path) -> str:
    """The schema revision stored in a database file."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def digest(path: Path) -> str:
    """The file's SHA-256."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """A copy of the database made by revision 0001 (the fixture itself is never opened)."""
    assert revision_of(FIXTURE) == "0001"
    copy = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURE, copy)
    return copy


def test_first_revision_opens_with_its_data_after_a_backup(old_db: Path) -> None:
    db = open_database(old_db)
    try:
        assert revision_of(old_db) == head_revision()
        with db.reading() as s:
            a = s.scalars(select(Assessment)).one()
            assert (a.rating, a.comment, a.status, a.updated_by) == (
                "partly",
                "Only in Tirana.",
                "final",
                "Ana",
            )
            assert s.scalars(select(FollowUp.text)).one() == "Judges were trained in 2025."
            assert s.scalars(select(ThemeItem.links)).one() == ["II-6"]
            assert s.scalars(select(Change.new)).one() == "partly"
        svc.rate(db, 1, "implemented", by="Ana")  # and it can be worked on
    finally:
        db.close()
    taken = [b for b in backup.list_backups(old_db) if b.reason == "before-migration"]
    assert len(taken) == 1 and head_revision() != "0001"
    backup.verify(taken[0].path)
    assert revision_of(taken[0].path) == "0001"


def test_no_upgrade_without_a_verified_backup(
    old_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(old_db)

    def failing(*args: object, **kwargs: object) -> None:
        raise OSError("the disk is full")

    monkeypatch.setattr(backup, "make_backup", failing)
    with pytest.raises(DatabaseError, match="not upgraded"):
        open_database(old_db)
    assert digest(old_db) == before


def test_read_only_does_not_upgrade(old_db: Path) -> None:
    before = digest(old_db)
    with pytest.raises(DatabaseError, match="schema upgrade"):
        open_database(old_db, read_only=True)
    assert digest(old_db) == before


def test_database_from_a_newer_version_is_refused_untouched(old_db: Path) -> None:
    conn = sqlite3.connect(old_db)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = digest(old_db)
    names = sorted(p.name for p in old_db.parent.iterdir())
    for read_only in (False, True):
        with pytest.raises(DatabaseError, match="newer version of Assessor") as refused:
            open_database(old_db, read_only=read_only)
        assert "not changed" in str(refused.value)
    assert digest(old_db) == before
    assert sorted(p.name for p in old_db.parent.iterdir()) == names  # no backup, log or lock left


def upgrade_to(path: Path, revision: str) -> None:
    """Bring a database file to ``revision`` only, as an older Assessor left it."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def test_follow_ups_from_revision_0003_keep_their_text(old_db: Path) -> None:
    upgrade_to(old_db, "0003")
    assert revision_of(old_db) == "0003"
    appended = "Adopted.\n\nState's own status: implemented\n\nReferences: Law 1/2024"
    conn = sqlite3.connect(old_db)
    with conn:
        conn.execute("UPDATE follow_up SET superseded_at = '2026-01-01 00:00:00'")
        conn.execute(
            "INSERT INTO follow_up (recommendation_id, text, source, received_at) "
            "VALUES (1, ?, 'questionnaire a.xlsx', '2026-01-01 00:00:00')",
            (appended,),
        )
    conn.close()

    db = open_database(old_db)
    try:
        assert revision_of(old_db) == head_revision()
        with db.reading() as s:
            rows = s.execute(
                select(FollowUp.text, FollowUp.state_status, FollowUp.state_references).order_by(
                    FollowUp.id
                )
            ).all()
            # Kept as they were: the appended text is not parsed back into the new fields.
            assert [tuple(r) for r in rows] == [
                ("Judges were trained in 2025.", None, None),
                (appended, None, None),
            ]
        with db.transaction() as s:
            rec = s.get(Recommendation, 1)
            assert rec is not None
            svc.supersede_follow_up(
                s, rec, "Adopted.", "questionnaire b.xlsx", state_status="implemented"
            )
        with db.reading() as s:
            detail = recommendation_detail(s, 1)
        assert detail is not None and detail.follow_up is not None
        assert (detail.follow_up.text, detail.follow_up.state_status) == ("Adopted.", "implemented")
        assert {v.text for v in detail.follow_up_history} == {
            "Judges were trained in 2025.",
            appended,
        }
    finally:
        db.close()
    taken = [b for b in backup.list_backups(old_db) if b.reason == "before-migration"]
    assert len(taken) == 1 and revision_of(taken[0].path) == "0003"


def test_follow_ups_from_revision_0004_get_the_moment_they_came_in(old_db: Path) -> None:
    upgrade_to(old_db, "0004")
    conn = sqlite3.connect(old_db)
    with conn:
        conn.execute(
            "UPDATE follow_up SET received_at = '2025-03-01 00:00:00', "
            "superseded_at = '2026-05-02 10:00:00'"
        )
        conn.execute(
            "INSERT INTO follow_up (recommendation_id, text, source, received_at) "
            "VALUES (1, 'Adopted.', 'questionnaire a.xlsx', '2026-05-01 00:00:00')"
        )
    conn.close()
    db = open_database(old_db)
    try:
        with db.reading() as s:
            rows = s.execute(
                select(FollowUp.text, FollowUp.recorded_at).order_by(FollowUp.id)
            ).all()
    finally:
        db.close()
    # The first version came in when received; the next when it replaced the first.
    assert [(t, r.strftime("%Y-%m-%d %H:%M")) for t, r in rows] == [
        ("Judges were trained in 2025.", "2025-03-01 00:00"),
        ("Adopted.", "2026-05-02 10:00"),
    ]


# On both stores: every revision on an empty database (a SQLite file, or a PostgreSQL database
# under ASSESSOR_TEST_DATABASE_URL).


def migrate_url(url: URL, revision: str, *, down: bool = False) -> None:
    """Upgrade (or downgrade) the database at ``url`` to ``revision`` as Alembic alone would."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(cfg, revision)
    finally:
        engine.dispose()


def revision_at(url: URL) -> str | None:
    """The revision a database is at (None: no schema)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def test_every_revision_upgrades_and_downgrades(blank_database: URL) -> None:
    revisions = [
        r.revision
        for r in reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))
    ]
    assert revisions[0] == "0001" and revisions[-1] == head_revision()
    for revision in revisions:
        migrate_url(blank_database, revision)
        assert revision_at(blank_database) == revision
    migrate_url(blank_database, "base", down=True)
    assert revision_at(blank_database) is None
    migrate_url(blank_database, "head")
    assert revision_at(blank_database) == head_revision()


def test_recorded_at_is_the_later_of_received_and_replaced(blank_database: URL) -> None:
    migrate_url(blank_database, "0004")
    engine = create_engine(blank_database)
    try:
        with engine.begin() as conn:
            for statement in (
                "INSERT INTO rating_scale (id, preset, name) VALUES (1, 'greco', 'GRECO')",
                "INSERT INTO monitoring_round (id, title, rating_scale_id) VALUES (1, 'R', 1)",
                "INSERT INTO party (id, name) VALUES (1, 'Albania')",
                "INSERT INTO factsheet (id, party_id, round_id, title, preamble, source, "
                "imported_at) VALUES (1, 1, 1, 'F', '', 'f.md', '2025-01-01 00:00:00')",
                "INSERT INTO recommendation (id, uid, factsheet_id, chapter_number, position, "
                "section_position, verb, scope, text, paragraphs) "
                "VALUES (1, 'u1', 1, 'II', 0, 0, 'require', 'specific', 'Do.', '[]')",
                # Replaced a year after it was received; the next received before that.
                "INSERT INTO follow_up (id, recommendation_id, text, source, received_at, "
                "superseded_at) VALUES (1, 1, 'First.', 'f.md', '2025-03-01 00:00:00', "
                "'2026-05-02 10:00:00')",
                "INSERT INTO follow_up (id, recommendation_id, text, source, received_at) "
                "VALUES (2, 1, 'Adopted.', 'q.xlsx', '2026-05-01 00:00:00')",
                # Another recommendation's follow-up, received after the replacement above.
                "INSERT INTO recommendation (id, uid, factsheet_id, chapter_number, position, "
                "section_position, verb, scope, text, paragraphs) "
                "VALUES (2, 'u2', 1, 'II', 1, 1, 'require', 'specific', 'Do.', '[]')",
                "INSERT INTO follow_up (id, recommendation_id, text, source, received_at) "
                "VALUES (3, 2, 'Late.', 'q.xlsx', '2026-06-01 00:00:00')",
            ):
                conn.execute(text(statement))
    finally:
        engine.dispose()
    migrate_url(blank_database, "head")
    engine = create_engine(blank_database)
    try:
        with Session(engine) as s:
            rows = s.execute(select(FollowUp.id, FollowUp.recorded_at).order_by(FollowUp.id)).all()
    finally:
        engine.dispose()
    assert [(i, r.strftime("%Y-%m-%d %H:%M")) for i, r in rows] == [
        (1, "2025-03-01 00:00"),
        (2, "2026-05-02 10:00"),
        (3, "2026-06-01 00:00"),
    ]

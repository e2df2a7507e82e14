"""Shared fixtures: a fresh database per test, and a small factsheet built with the models."""

from __future__ import annotations

import os

# Set before anything imports Qt, so UI tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read English unless they ask for French (--lang fr, LANGUAGE=fr): whatever the
# machine's locale, the window, the command line and its subprocesses start in English.
os.environ["LANGUAGE"] = "en"

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from assessor.db.engine import ENV_DB, Database, open_database
from assessor.db.models import (
    Chapter,
    Factsheet,
    FollowUp,
    MonitoringRound,
    Note,
    Observation,
    Party,
    PromisingPractice,
    Recommendation,
    RecommendationCode,
    Section,
    Theme,
    ThemeItem,
    utcnow,
)
from assessor.db.presets import scale_from_preset
from assessor.settings import ENV_SETTINGS
from tests.server_db import ENV_TEST_SERVER, ServerForTests, server_url

ROUND = "2nd monitoring round: protection of children against sexual abuse in the circle of trust"


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A test that switches the user's language (``main(["--lang", "fr", …])``, a window in
    French) leaves the process in it: the next test starts in English again."""
    yield
    from assessor.i18n import use_language

    use_language(None)


@pytest.fixture(autouse=True)
def _private_default_db(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point the default database and settings at temporary files: no test touches user data."""
    private = tmp_path_factory.mktemp("default")
    monkeypatch.setenv(ENV_DB, str(private / "default.sqlite"))
    monkeypatch.setenv(ENV_SETTINGS, str(private / "settings.json"))


#: Under ``ASSESSOR_TEST_DATABASE_URL``, the modules whose tests are about SQLite itself: they
#: are skipped there, with this reason (their tests that take ``blank_database`` still run).
SQLITE_ONLY = {
    "test_backup.py": "backups copy a SQLite file (a server is backed up with pg_dump)",
    "test_cli_backup.py": "backups copy a SQLite file (a server is backed up with pg_dump)",
    "test_crash_safety.py": "crash trials kill a process writing a SQLite file",
    "test_encryption.py": "encryption is SQLCipher's, for a database file",
    "test_hostile_databases.py": "the hostile-database corpus is damaged SQLite files",
    "test_lock.py": "the one-writer lock is a lock file beside a SQLite file",
    "test_recovery.py": "recovery reads a damaged SQLite file",
    "test_migrations.py": "upgrading a SQLite file made by revision 0001, and its backup",
    "test_schema.py": "the schema compared, and the file permissions, are a SQLite file's",
}
#: The fixtures that give a test its database on the server when one is set.
SERVER_FIXTURES = ("new_database", "blank_database", "rights_server")


def pytest_configure(config: pytest.Config) -> None:
    """The ``sqlite_only(reason)`` mark: a test about SQLite itself, skipped on a server."""
    config.addinivalue_line("markers", "sqlite_only(reason): skipped on a PostgreSQL server")


def pytest_report_header(config: pytest.Config) -> str:
    """Where the database tests run."""
    url = server_url()
    if url is None:
        return f"databases: SQLite files (set {ENV_TEST_SERVER} to run them on PostgreSQL)"
    return f"databases: PostgreSQL at {url.render_as_string(hide_password=True)}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On a server: run the database tests, skip SQLite's own, leave out those with no database."""
    if server_url() is None:
        return
    kept, left_out = [], []
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        on_server = any(name in fixtures for name in SERVER_FIXTURES)
        reason = SQLITE_ONLY.get(item.path.name)
        mark = item.get_closest_marker("sqlite_only")
        if mark is not None:
            reason = str(mark.args[0]) if mark.args else "about SQLite itself"
        if reason is not None and "blank_database" not in fixtures:
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))
            kept.append(item)
        elif on_server:
            kept.append(item)
        else:  # no database, or a SQLite file of its own: run by ``make test``
            left_out.append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.fixture(scope="session")
def database_server() -> Iterator[ServerForTests | None]:
    """The PostgreSQL server of ``ASSESSOR_TEST_DATABASE_URL``, or None (SQLite files)."""
    url = server_url()
    if url is None:
        yield None
        return
    server = ServerForTests(url)
    yield server
    server.drop_all()


@pytest.fixture
def new_database(
    tmp_path: Path, database_server: ServerForTests | None
) -> Iterator[Callable[..., Database]]:
    """A function opening another new, migrated, empty database (a file, or on the server)."""
    opened: list[Database] = []

    def make(name: str = "t.sqlite", **options: object) -> Database:
        if database_server is None:
            database = open_database(tmp_path / name, **options)  # type: ignore[arg-type]
        else:
            url = database_server.new_database()
            database = open_database(url.render_as_string(hide_password=False), **options)  # type: ignore[arg-type]
        opened.append(database)
        return database

    yield make
    for database in opened:
        database.close()
        if database_server is not None:
            database_server.drop(database.url)


@pytest.fixture
def blank_database(tmp_path: Path, database_server: ServerForTests | None) -> Iterator[URL]:
    """The URL of a database with no schema yet: a new SQLite file, or one on the server."""
    if database_server is None:
        yield URL.create("sqlite", database=str(tmp_path / "blank.sqlite"))
        return
    url = database_server.new_database(blank=True)
    yield url
    database_server.drop(url)


@pytest.fixture
def db(new_database: Callable[..., Database]) -> Database:
    """A new, migrated, empty database in the test's temporary folder (or on the server)."""
    return new_database()


@dataclass
class Seeded:
    """A database holding one small factsheet, and the ids tests need."""

    db: Database
    factsheet_id: int
    #: Recommendation ids by their first code ("II-1" for the bullet carrying II-1 and II-3).
    recs: dict[str, int] = field(default_factory=dict)
    theme_id: int = 0
    item_ids: list[int] = field(default_factory=list)


def build_factsheet(db: Database, party: str = "Albania", round_title: str = ROUND) -> Seeded:
    """Write a small factsheet: two chapters, require/request/invite bullets, a follow-up."""
    with db.transaction() as s:
        rnd = s.query(MonitoringRound).filter_by(title=round_title).one_or_none()
        if rnd is None:
            rnd = MonitoringRound(title=round_title, rating_scale=scale_from_preset(s))
        party_row = s.query(Party).filter_by(name=party).one_or_none() or Party(name=party)
        sheet = Factsheet(
            party=party_row,
            round=rnd,
            title=f"Compliance procedure – {party}",
            source="test",
        )
        intro = Chapter(number="I", title="Introduction", position=0)
        intro.sections = [Section(kind="text", title="", position=0)]
        legal = Chapter(number="II", title="Legal framework", position=1)
        specific = Section(kind="specific", title=f"Specific to {party}", position=0)
        generic = Section(kind="generic", title="Generic recommendations", position=1)
        practices = Section(kind="promising_practices", title="Promising practices", position=2)
        legal.sections = [specific, generic, practices]
        sheet.chapters = [intro, legal]
        s.add(sheet)
        s.flush()
        intro.sections[0].notes = [Note(position=0, text="The Committee adopted…", kind="text")]
        specific.observations = [
            Observation(position=0, text="The Committee notes the new law.", paragraphs=["50"])
        ]
        specific.notes = [
            Note(position=2, text="Sexual abuse", kind="heading"),
            Note(position=5, text="Text the importer could not place.", kind="unplaced"),
        ]
        practices.practices = [PromisingPractice(position=0, text="A hotline for children.")]

        # (codes, verb, scope, section, position within the section, text)
        specs = [
            (
                ["II-6"],
                "request",
                "specific",
                specific,
                1,
                "The Committee requests Albania to ensure that a child will not be prosecuted.",
            ),
            (
                ["II-1", "II-3"],
                "require",
                "specific",
                specific,
                3,
                "The Committee requires Albania to criminalise all forms of sexual abuse.",
            ),
            (
                ["II-4"],
                "require",
                "specific",
                specific,
                4,
                "The Committee requires Albania to train professionals.",
            ),
            (
                ["II-20"],
                "invite",
                "generic",
                generic,
                0,
                "The Committee invites Parties to raise awareness among children.",
            ),
            (["II-9"], "request", "specific", specific, 6, "A retired recommendation."),
        ]
        recs: dict[str, Recommendation] = {}
        for n, (codes, verb, scope, section, pos, text) in enumerate(specs):
            r = Recommendation(
                factsheet_id=sheet.id,
                section_id=section.id,
                chapter_number="II",
                position=n,
                section_position=pos,
                verb=verb,
                scope=scope,
                text=text,
                paragraphs=["71"],
            )
            r.codes = [
                RecommendationCode(factsheet_id=sheet.id, code=c, position=i)
                for i, c in enumerate(codes)
            ]
            s.add(r)
            recs[codes[0]] = r
        recs["II-9"].retired_at = utcnow()
        s.flush()
        r6 = recs["II-6"]
        s.add(
            FollowUp(
                recommendation_id=r6.id,
                text="These issues are addressed by law 1/2020.",
                source="factsheet.md",
            )
        )
        theme = Theme(factsheet_id=sheet.id, position=0, title="Legislation")
        theme.items = [
            ThemeItem(position=0, text="Amend the Criminal Code.", links=["II-1"]),
            ThemeItem(position=1, text="Train judges.", links=[]),
            ThemeItem(position=2, text="Fund shelters.", links=["II-6"]),
        ]
        s.add(theme)
        s.flush()
        return Seeded(
            db,
            sheet.id,
            {code: r.id for code, r in recs.items()},
            theme.id,
            [i.id for i in theme.items],
        )


@pytest.fixture
def seeded(db: Database) -> Seeded:
    """The ``db`` fixture with one small factsheet (Albania) and its ids."""
    return build_factsheet(db)


@pytest.fixture
def seeded_db(seeded: Seeded) -> Database:
    """A database with one small factsheet (Albania), built without the parser."""
    return seeded.db


@pytest.fixture
def add_factsheet(db: Database) -> Callable[..., Seeded]:
    """A function adding another small factsheet (another Party or round) to ``db``."""
    return lambda party="Andorra", round_title=ROUND: build_factsheet(db, party, round_title)

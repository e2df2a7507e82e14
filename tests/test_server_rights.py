"""Rights enforced by a PostgreSQL server (``assessor server init|grant``, issue 15).

A login granted Albania rates Albania through the app's services; Montenegro is refused in
plain words, and so is her own SQL; a read-only login reads and exports and writes nothing; the
history is signed with the database login. Runs on ``ASSESSOR_TEST_DATABASE_URL``, else on a
throwaway cluster of ``tests/pg_server.sh`` when PostgreSQL's programs are installed.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from assessor.cli import main
from assessor.db.engine import open_database
from assessor.services.assessments import rate_by_code
from assessor.services.errors import ServiceError
from assessor.services.server import grant_login, init_server
from tests.server_db import ServerForTests, server_url

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources/examples/factsheet-albania-2nd-round.md"


def _initdb() -> bool:
    return shutil.which("initdb") is not None or bool(glob.glob("/usr/lib/postgresql/*/bin/initdb"))


@pytest.fixture(scope="module")
def rights_server() -> Iterator[ServerForTests]:
    """The tests' server: the variable's, else a throwaway cluster; skipped when neither."""
    url = server_url()
    stop = None
    if url is None:
        if not _initdb():
            pytest.skip("no PostgreSQL server (set ASSESSOR_TEST_DATABASE_URL or install initdb)")
        out = subprocess.run(
            [str(ROOT / "tests/pg_server.sh"), "start"], capture_output=True, text=True
        )
        if out.returncode != 0:
            pytest.skip(f"tests/pg_server.sh could not start a server: {out.stderr.strip()}")
        found = dict(line.split("=", 1) for line in out.stdout.splitlines() if "=" in line)
        url, stop = make_url(found["url"]), found["dir"]
    made = ServerForTests(url)
    try:
        yield made
    finally:
        made.drop_all()
        if stop is not None:
            subprocess.run([str(ROOT / "tests/pg_server.sh"), "stop", stop], check=False)


def _as(url: URL, login: str, password: str) -> str:
    return url.set(username=login, password=password).render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def secretariat(
    rights_server: ServerForTests, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[URL]:
    """Albania and Montenegro imported, rights set up; ann assesses Albania, rita reads."""
    url = rights_server.new_database(blank=True)
    owner = url.render_as_string(hide_password=False)
    montenegro = tmp_path_factory.mktemp("mne") / "factsheet-montenegro.md"
    montenegro.write_text(
        EXAMPLE.read_text("utf-8")
        .replace("Albania", "Montenegro")
        .replace("ALBANIA", "MONTENEGRO"),
        "utf-8",
    )
    assert main(["--db", owner, "import", str(EXAMPLE)]) == 0
    assert main(["--db", owner, "import", str(montenegro)]) == 0
    assert main(["--db", owner, "server", "init"]) == 0
    assert main(["--db", owner, "server", "init"]) == 0  # idempotent
    logins = [f"ann_{os.getpid()}", f"rita_{os.getpid()}"]
    db = open_database(owner)
    try:
        grant_login(db, logins[0], party="Albania", password="ann-secret")
        grant_login(db, logins[0], party="Albania", password="ann-secret")  # idempotent
        grant_login(db, logins[1], party=None, read_only=True, password="rita-secret")
    finally:
        db.close()
    yield url
    rights_server.drop(url)
    with rights_server.admin.connect() as conn:
        for login in logins:
            conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        for group in ("rapporteurs", "readers"):
            conn.execute(text(f'DROP ROLE IF EXISTS "{url.database}_{group}"'))


def ann(url: URL) -> str:
    return _as(url, f"ann_{os.getpid()}", "ann-secret")


def rita(url: URL) -> str:
    return _as(url, f"rita_{os.getpid()}", "rita-secret")


def _rating(url: URL, party: str, code: str = "II-6") -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(
                text(
                    "SELECT a.rating FROM assessment a JOIN recommendation_code c "
                    "ON c.recommendation_id = a.recommendation_id JOIN factsheet f "
                    "ON f.id = c.factsheet_id JOIN party p ON p.id = f.party_id "
                    "WHERE c.code = :code AND p.name = :party"
                ),
                {"code": code, "party": party},
            )
    finally:
        engine.dispose()


def test_a_login_rates_its_party_and_is_refused_another(
    secretariat: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(ann(secretariat))
    try:
        rate_by_code(db, "II-6", "partly", comment="Seen.", party="Albania", by="Ann Smith")
        with pytest.raises(Exception) as refused:
            rate_by_code(db, "II-6", "partly", party="Montenegro", by="Ann Smith")
    finally:
        db.close()
    assert _rating(secretariat, "Albania") == "partly"
    assert _rating(secretariat, "Montenegro") is None
    capsys.readouterr()
    assert main(["--db", ann(secretariat), "rate", "II-6", "1", "--party", "Montenegro"]) == 2
    err = capsys.readouterr().err
    assert "not among those granted to your login" in err and "SELECT" not in err
    assert err.count("\n") == 1
    assert refused.value is not None


def test_her_own_sql_cannot_change_another_party(secretariat: URL) -> None:
    owner = open_database(secretariat.render_as_string(hide_password=False))
    try:
        rate_by_code(owner, "II-7", "not_implemented", party="Montenegro", by="Secretariat")
    finally:
        owner.close()
    engine = create_engine(ann(secretariat))
    montenegro_rec = (
        "recommendation_id IN (SELECT c.recommendation_id FROM recommendation_code c "
        "JOIN factsheet f ON f.id = c.factsheet_id JOIN party p ON p.id = f.party_id "
        "WHERE p.name = 'Montenegro')"
    )
    attempts = [
        f"UPDATE assessment SET rating = 'implemented' WHERE {montenegro_rec}",
        f"DELETE FROM assessment WHERE {montenegro_rec}",
        "UPDATE assessment SET recommendation_id = recommendation_id",
        "UPDATE factsheet SET title = 'mine'",
        "INSERT INTO party_grant (login, party_id) SELECT current_user, id FROM party",
        "DELETE FROM change",
        "INSERT INTO change (entity, entity_id, field, old, new, at, by) SELECT "
        f"'recommendation', recommendation_id, 'rating', NULL, 'x', now(), 'x' FROM assessment "
        f"WHERE {montenegro_rec}",
    ]
    try:
        for sql in attempts:
            with engine.connect() as conn:
                try:
                    affected = conn.execute(text(sql)).rowcount
                    conn.commit()
                except Exception as exc:  # the server refused
                    assert getattr(exc.orig, "sqlstate", None) == "42501", (sql, exc)  # type: ignore[attr-defined]
                else:
                    assert affected == 0, sql
    finally:
        engine.dispose()
    assert _rating(secretariat, "Montenegro", "II-7") == "not_implemented"


def test_a_reader_reads_and_exports_but_cannot_write(
    secretariat: URL, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.json"
    assert main(["--db", rita(secretariat), "export", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert {s["party"] for s in data["factsheets"]} == {"Albania", "Montenegro"}
    capsys.readouterr()
    assert main(["--db", rita(secretariat), "rate", "II-9", "2", "--party", "Albania"]) == 2
    assert "your login may not change this" in capsys.readouterr().err
    engine = create_engine(rita(secretariat))
    try:
        with engine.connect() as conn, pytest.raises(Exception) as refused:
            conn.execute(text("UPDATE assessment SET rating = NULL"))
        assert refused.value.orig.sqlstate == "42501"  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def test_the_history_is_signed_with_the_database_login(secretariat: URL) -> None:
    db = open_database(ann(secretariat))
    try:
        rate_by_code(db, "II-8", "implemented", party="Albania", by="Ann Smith")
    finally:
        db.close()
    engine = create_engine(secretariat)
    try:
        with engine.connect() as conn:
            signed = conn.scalars(text('SELECT "by" FROM change ORDER BY id DESC LIMIT 1')).one()
    finally:
        engine.dispose()
    assert signed == f"Ann Smith (ann_{os.getpid()})"


def test_rights_are_refused_on_a_file(tmp_path: Path) -> None:
    db = open_database(tmp_path / "mine.sqlite")
    try:
        with pytest.raises(ServiceError, match="a local file needs no rights"):
            init_server(db)
    finally:
        db.close()

"""What a new user's trial of the command line found: each fix, in the user's language."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assessor.cli import main
from assessor.domain.scales import PRESETS, fold_words, match_level
from assessor.i18n import use_language
from assessor.services.assessments import parse_rating
from assessor.services.errors import ServiceError

ROOT = Path(__file__).resolve().parents[1]
FACTSHEET = ROOT / "resources" / "examples" / "factsheet-albania-2nd-round.md"
GRECO = PRESETS["greco"][1]


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """main() sets the user's language for the process: the next test starts in English."""
    yield
    use_language("en")


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the example factsheet, made once; tests copy it."""
    path = tmp_path_factory.mktemp("imported") / "albania.sqlite"
    assert main(["--db", str(path), "import", str(FACTSHEET)]) == 0
    use_language("en")
    return path


@pytest.fixture
def albania(imported: Path, tmp_path: Path) -> str:
    """A fresh copy of the imported database."""
    copy = tmp_path / "albania.sqlite"
    shutil.copy(imported, copy)
    return str(copy)


def plain(text: str) -> str:
    """French text with its non-breaking spaces as spaces."""
    return text.replace("\u00a0", " ")


# 1, 7 — a level named by its label in either language, full or short, any case, œ/oe.


@pytest.mark.parametrize(
    "typed",
    [
        "Partiellement mise en œuvre",
        "partiellement mise en oeuvre",
        "PARTIELLEMENT",
        "Partly implemented",
        "partly",
        "  Partiellement   mise en Œuvre ",
    ],
)
def test_a_level_is_named_by_its_label_in_either_language(typed: str) -> None:
    assert parse_rating(typed, GRECO) == "partly"


def test_short_labels_never_hide_a_full_one() -> None:
    assert match_level("Mise en oeuvre", GRECO) == "implemented"
    assert match_level("Pas mise en oeuvre", GRECO) == "not_implemented"
    assert match_level("pas encore", GRECO) is None


def test_fold_words() -> None:
    assert fold_words("L’État  Œuvre æ") == "l'etat oeuvre ae"


def test_a_refused_rating_lists_the_choices_in_french() -> None:
    use_language("fr")
    with pytest.raises(ServiceError) as refused:
        parse_rating("beaucoup", GRECO)
    message = plain(str(refused.value))
    assert "2 Partiellement (Partiellement mise en œuvre)" in message
    assert "3 Pas mise en œuvre," in message
    assert "Partly" not in message and "implemented" not in message


def test_rate_in_french_words(albania: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "--db", albania, "rate", "II-6", "partiellement"]) == 0
    assert plain(capsys.readouterr().out) == "II-6 évaluée : Partiellement mise en œuvre.\n"
    assert main(["--db", albania, "rate", "II-6", "Pas encore évaluée"]) == 0
    assert capsys.readouterr().out.startswith("Cleared the rating of II-6")


# 6, 7 — the questionnaire import report says the State's statuses in the user's language, and
# a status typed with "oe" for "œ" is understood.


def test_a_french_questionnaire_report_says_statuses_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.questionnaire_helpers import STATUS, fill, real_database

    db = tmp_path / "q.sqlite"
    real_database(db).close()
    blank = tmp_path / "q.xlsx"
    assert (
        main(["--db", str(db), "export", "questionnaire", "--scope", "all", "-o", str(blank)]) == 0
    )
    answers = {f"{STATUS}:II-6": "en cours", f"{STATUS}:II-8": "nonsense"}
    filled = fill(blank, tmp_path / "answers.xlsx", answers)
    capsys.readouterr()
    assert main(["--lang", "fr", "--db", str(db), "import", "--dry-run", str(filled)]) == 1
    out = plain(capsys.readouterr().out)
    assert "Statut selon l'État : en cours" in out
    assert "in progress" not in out and "not started" not in out
    assert "mise en œuvre, en cours, pas commencée" in out


def test_a_status_with_oe_for_oe_ligature() -> None:
    from assessor.exporters.document_words import status_key

    assert status_key("Mise en oeuvre") == "implemented"
    assert status_key("  MISE EN ŒUVRE ") == "implemented"
    assert status_key("Pas commencée") == "not started"
    assert status_key("pas commencee") == "not started"


# 9 — the self-check in the user's language.


def test_the_self_check_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ASSESSOR_SELFCHECK_NO_WINDOW", "1")
    monkeypatch.setenv("ASSESSOR_SETTINGS", str(tmp_path / "settings.json"))
    assert main(["--lang", "fr", "--self-check"]) == 0
    out = plain(capsys.readouterr().out)
    assert out.startswith("Autovérification d'Assessor")
    assert "3 feuilles, 120 lignes" in out
    assert "octets" in out and "bytes" not in out
    assert out.rstrip().endswith(
        "Autovérification réussie : 5 étapes sur 6 en ordre (étapes sautées : 1)."
    )


# 8 — no display: one clear line and exit 1, not Qt's abort.


@pytest.mark.parametrize(
    ("environ", "platform", "missing"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": ""}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_no_display(environ: dict[str, str], platform: str, missing: bool) -> None:
    from assessor.cli.commands import no_display

    assert no_display(environ, platform) is missing


def test_the_window_without_a_display_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert main(["--db", str(tmp_path / "x.sqlite")]) == 1
    err = capsys.readouterr().err
    assert err == (
        "assessor: No display found: the window needs a desktop session; the command line "
        "works without one — see assessor --help\n"
    )
    assert not (tmp_path / "x.sqlite").exists()


# 11 — a chapter typed in Arabic numerals.


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("4-5", ["IV-5"]),
        ("4.5", ["IV-5"]),
        ("4-5, 11-2", ["IV-5", "XI-2"]),
        ("IV-5 4-5", ["IV-5"]),
        ("2024-05-12", []),
        ("1.2.3", []),
    ],
)
def test_an_arabic_chapter_number_is_read_as_the_roman_one(typed: str, codes: list[str]) -> None:
    from assessor.services.code_lookup import typed_codes

    assert typed_codes(typed) == codes


def test_rate_with_an_arabic_chapter(albania: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", albania, "rate", "4-5", "1"]) == 0
    assert capsys.readouterr().out == "Rated IV-5: Implemented satisfactorily.\n"


# 10 — the same themed recommendations again change nothing.


def test_reimporting_the_same_themes_changes_nothing(
    albania: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import func, select

    from assessor.db.engine import open_database
    from assessor.db.models import Change

    themes = ROOT / "resources" / "examples" / "recommendations-albania.txt"
    assert main(["--db", albania, "import", str(themes)]) == 0
    capsys.readouterr()
    assert main(["--db", albania, "import", str(themes)]) == 0
    out = capsys.readouterr().out
    assert "Nothing changed: the database already holds these themes." in out
    assert "replaced" not in out and "Changes" not in out
    db = open_database(albania, backup=False)
    try:
        with db.reading() as s:
            count = s.scalar(
                select(func.count()).select_from(Change).where(Change.field == "themes")
            )
        assert count == 0
    finally:
        db.close()


# 5 — which factsheet an export is of: the refusal in the user's language.


def test_exporting_from_several_parties_asks_for_one_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import build_factsheet

    from assessor.db.engine import open_database

    path = tmp_path / "two.sqlite"
    db = open_database(path, backup=False)
    try:
        build_factsheet(db, "Albania")
        build_factsheet(db, "Andorra")
    finally:
        db.close()
    out = str(tmp_path / "q.xlsx")
    assert main(["--lang", "fr", "--db", str(path), "export", "questionnaire", "-o", out]) == 2
    assert plain(capsys.readouterr().err) == (
        "assessor: La base de données contient plusieurs fiches (Albania, Andorra) ; "
        "choisissez avec --party.\n"
    )


# 2 — a package cut short, or not there: said as a package's trouble, not a database's.


def test_a_truncated_package_is_said_damaged(
    albania: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "mine.assessor"
    assert main(["--db", albania, "export", "package", "-o", str(package)]) == 0
    data = package.read_bytes()
    cut = tmp_path / "trunc.assessor"
    cut.write_bytes(data[: len(data) // 2])
    capsys.readouterr()
    assert main(["--lang", "fr", "--db", albania, "merge", str(cut)]) == 2
    err = plain(capsys.readouterr().err)
    assert err == (
        "assessor: trunc.assessor : le paquet est endommagé ou incomplet (coupé pendant sa copie "
        "ou son téléchargement ?) ; demandez-le à nouveau.\n"
    )
    renamed = tmp_path / "trunc.bin"
    cut.rename(renamed)  # a zip's beginning is a package whatever its name
    assert main(["--db", albania, "merge", str(renamed)]) == 2
    assert "the package is damaged or incomplete" in capsys.readouterr().err


def test_a_missing_package_is_no_such_file(
    albania: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.assessor"
    assert main(["--db", albania, "merge", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err == f"assessor: {missing}: no such file.\n"
    assert "database" not in err


def test_what_a_zip_looks_like_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_db = tmp_path / "archive.sqlite"
    not_db.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert main(["--lang", "fr", "--db", str(not_db), "list"]) == 2
    err = plain(capsys.readouterr().err)
    assert "cela ressemble à une archive zip, comme un fichier Word ou Excel, ou un paquet" in err

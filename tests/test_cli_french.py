"""The command line in French: chosen by --lang, the settings or the environment, in every
message it prints (help, argparse's own words, reports, errors), with French plurals."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assessor.cli import main
from assessor.cli.language import chosen_language, given_language
from assessor.i18n import ngettext, use_language
from assessor.settings import Settings, save_settings

ROOT = Path(__file__).resolve().parents[1]
FACTSHEET = ROOT / "resources" / "examples" / "factsheet-albania-2nd-round.md"


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """main() sets the user's language for the process: the next test starts in English."""
    yield
    use_language("en")


def plain(text: str) -> str:
    """French text with its non-breaking spaces (before : ; ? ! and inside « ») as spaces."""
    return text.replace("\u00a0", " ")


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m assessor ARGS`` in a fresh process, with these environment variables."""
    environ = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-m", "assessor", *args],
        capture_output=True,
        text=True,
        env=environ,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_a_french_environment_gives_a_french_help() -> None:
    done = run("--help", LANGUAGE="fr")
    assert done.returncode == 0
    assert done.stdout.startswith("utilisation\u00a0: assessor")  # French typography
    out = plain(done.stdout)
    assert out.startswith("utilisation : assessor")  # argparse's own word
    assert "afficher ce message d'aide et quitter" in out
    assert "Évaluer la mise en œuvre par les États des recommandations" in out
    assert "importer une fiche, des recommandations" in out
    assert "show this help message" not in out and "usage:" not in out


def test_a_french_environment_gives_french_errors(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    done = run("--db", str(missing), "list", LANGUAGE="fr_FR.UTF-8")
    assert done.returncode == 2
    assert plain(done.stderr) == (
        f"assessor: il n'y a pas de base de données à {missing} ; importez d'abord une fiche.\n"
    )


def test_lang_en_overrides_a_french_environment(tmp_path: Path) -> None:
    done = run("--lang", "en", "--help", LANGUAGE="fr", LANG="fr_FR.UTF-8")
    assert done.stdout.startswith("usage: assessor")
    assert "show this help message and exit" in done.stdout
    missing = tmp_path / "none.sqlite"
    done = run("--lang=en", "--db", str(missing), "list", LANGUAGE="fr")
    assert "there is no database at" in done.stderr


def test_lang_fr_gives_the_french_help_of_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "fr", "import", "--help"])
    assert done.value.code == 0
    out = plain(capsys.readouterr().out)
    assert out.startswith("utilisation : assessor import")
    assert "arguments positionnels" in out
    assert "afficher ce que ferait l'import" in out


def test_argparse_refusals_are_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "fr", "rate"])
    assert done.value.code == 2
    err = plain(capsys.readouterr().err)
    assert "assessor rate : erreur : les arguments suivants sont obligatoires : CODE, RATING" in err
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "import", "--kind", "menu", "x.md"])
    assert "choix invalide : 'menu' (choisissez parmi 'factsheet', 'recommendations')" in plain(
        capsys.readouterr().err
    )


def test_an_import_report_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "fr.sqlite")
    assert main(["--lang", "fr", "--db", db, "import", str(FACTSHEET)]) == 0
    out = plain(capsys.readouterr().out)
    lines = out.splitlines()
    assert lines[0] == "Fiche concernant Albania importée depuis factsheet-albania-2nd-round.md :"
    assert lines[1] == (
        "  11 chapitres, 81 recommandations (12 « exige », 10 « demande », 59 « invite ») "
        "portant 94 codes"
    )
    assert lines[2] == "  23 suivis, 4 pratiques prometteuses"
    assert lines[3] == "  100,0 % du texte placé"
    # A dry run of the same file: the French review, and what a re-import would change.
    assert main(["--lang", "fr", "--db", db, "import", "--dry-run", str(FACTSHEET)]) == 0
    review = plain(capsys.readouterr().out)
    assert "(Markdown, anglais)" in review.splitlines()[0]
    assert "Ceci est un nouvel import de la fiche concernant Albania" in review
    assert review.rstrip().endswith("Rien n'a été importé (--dry-run).")
    # The listing, and a rating in French words (the level's French label).
    assert main(["--lang", "fr", "--db", db, "list"]) == 0
    assert "81 recommandations (12 « exige », 10 « demande », 59 « invite »), 23 avec suivi" in (
        plain(capsys.readouterr().out)
    )
    assert main(["--lang", "fr", "--db", db, "rate", "II-6", "2"]) == 0
    assert plain(capsys.readouterr().out) == "II-6 évaluée : Partiellement mise en œuvre.\n"


def test_an_error_message_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "fr.sqlite")
    assert main(["--db", db, "import", str(FACTSHEET)]) == 0
    capsys.readouterr()
    assert main(["--lang", "fr", "--db", db, "rate", "II-99", "2"]) == 2
    err = plain(capsys.readouterr().err)
    assert err.startswith("assessor: Aucune recommandation n'a le code II-99 ; vouliez-vous dire")
    assert main(["--lang", "fr", "--db", db, "rate", "II-6", "beaucoup"]) == 2
    assert "« beaucoup » n'est pas une évaluation de cette échelle" in plain(
        capsys.readouterr().err
    )
    assert main(["--lang", "fr", "--db", db, "export", "pdf", "-o", "summary.txt"]) == 2
    assert plain(capsys.readouterr().err) == (
        "assessor: summary.txt : pour un résumé PDF, le nom du fichier se termine par .pdf.\n"
    )


def test_french_plurals_say_zero_and_one_in_the_singular() -> None:
    use_language("fr")
    forms = [ngettext("{n} factsheet", "{n} factsheets", n).format(n=n) for n in (0, 1, 2, 40)]
    assert forms == ["0 fiche", "1 fiche", "2 fiches", "40 fiches"]
    use_language("en")
    forms = [ngettext("{n} factsheet", "{n} factsheets", n).format(n=n) for n in (0, 1, 2)]
    assert forms == ["0 factsheets", "1 factsheet", "2 factsheets"]


def test_a_plural_in_a_french_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.json"
    db = str(tmp_path / "fr.sqlite")
    assert main(["--db", db, "import", str(FACTSHEET)]) == 0
    assert main(["--lang", "fr", "--db", db, "export", "json", "-o", str(out)]) == 0
    assert capsys.readouterr().out.endswith(f"1 fiche exportée dans {out}\n")


def test_the_saved_language_comes_before_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The settings say French (the window's Preferences); the tests' environment says English."""
    save_settings(Settings(language="fr"))
    missing = tmp_path / "none.sqlite"
    assert main(["--db", str(missing), "list"]) == 2
    assert "il n'y a pas de base de données" in plain(capsys.readouterr().err)
    assert main(["--lang", "en", "--db", str(missing), "list"]) == 2
    assert "there is no database" in capsys.readouterr().err


def test_the_global_lang_is_the_one_before_the_command() -> None:
    assert given_language(["--lang", "fr", "list"]) == "fr"
    assert given_language(["--db", "x.sqlite", "--lang=fr", "list"]) == "fr"
    # After the command, --lang is that command's (a document's language), not the user's.
    assert given_language(["export", "questionnaire", "--lang", "fr", "-o", "q.xlsx"]) is None
    assert given_language(["--db", "--lang", "list"]) is None  # --db's value, oddly named
    assert chosen_language(["--lang", "en"], saved="fr") == "en"
    assert chosen_language([], saved="fr") == "fr"
    assert chosen_language([], saved="") == "en"  # the tests' environment: LANGUAGE=en


def test_a_questionnaire_import_report_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.questionnaire_helpers import FOLLOW_UP, STATUS, fill, real_database

    db = tmp_path / "q.sqlite"
    real_database(db).close()
    blank = tmp_path / "q.xlsx"
    assert (
        main(["--db", str(db), "export", "questionnaire", "--scope", "all", "-o", str(blank)]) == 0
    )
    answers = {f"{FOLLOW_UP}:II-6": "Loi adoptée.", f"{STATUS}:II-8": "nonsense"}
    filled = fill(blank, tmp_path / "answers.xlsx", answers)
    capsys.readouterr()
    assert main(["--lang", "fr", "--db", str(db), "import", "--dry-run", str(filled)]) == 1
    out = plain(capsys.readouterr().out)
    assert "Partie : Albania" in out
    assert "nouvelles : 0, modifiées : 1, inchangées : 79, rejetées : 1" in out
    assert "II-6 : modifiée — remplace le suivi actuel, qui est gardé dans l'historique" in out
    assert "Réponse : Loi adoptée." in out
    assert "« nonsense » n'est pas un statut" in out
    assert "Essai à blanc : rien n'a été écrit ; l'import écrirait 1 suivi." in out
    assert out.rstrip().endswith(
        "1 ligne serait rejetée (voir les raisons ci-dessus) ; corrigez d'abord le fichier."
    )

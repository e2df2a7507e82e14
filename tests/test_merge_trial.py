"""Merges as a new user's trial found them: the source in the user's language (the history in
English), and follow-ups compared by text, State's status and references."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from assessor.cli import main
from assessor.db.models import Change
from assessor.domain.merge import Kind, value_in_words
from assessor.exporters.package import write_package
from assessor.i18n import use_language
from assessor.services.merge import apply_merge, prepare_merge
from tests.test_merge import Pair, pair, worked

__all__ = ["pair"]  # the fixture, used by name


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    yield
    use_language("en")


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


# 3 — the source of a merge: English in the history (data), the user's language when shown.


def test_the_source_is_shown_in_french_and_recorded_in_english(pair: Pair) -> None:
    worked(pair)
    use_language("fr")
    plan = prepare_merge(pair.mine, pair.package())
    assert plan.source.startswith("Ann's package of 20")
    assert plan.source_shown.startswith("le paquet de Ann du 20")
    assert plan.source_words == plan.source_shown
    apply_merge(pair.mine, plan, prefer="theirs", by="Bob")
    with pair.mine.reading() as s:
        signed = set(s.scalars(select(Change.by).where(Change.by.like("%merged from%"))))
    assert signed and all("merged from Ann's package of 20" in by for by in signed)


def test_the_french_merge_report_has_no_english_source(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    worked(pair)
    package = pair.tmp / "ann.assessor"
    write_package(pair.theirs, package, by="Ann")
    mine = str(pair.mine.url.database)
    pair.mine.close()
    assert main(["--lang", "fr", "--db", mine, "merge", "--dry-run", str(package)]) == 1
    out = plain(capsys.readouterr().out)
    assert out.startswith("Fusion avec le paquet de Ann du 20")
    assert "package" not in out


# 4 — follow-ups compared whole: text, State's status and references.


def _status_only_questionnaire(pair: Pair, db_side: str, code: str = "II-8") -> None:
    """A questionnaire that changes only ``code``'s State's status, imported on one side."""
    from assessor.exporters.questionnaire import export_questionnaire
    from assessor.services.questionnaires import import_questionnaire
    from tests.questionnaire_helpers import STATUS, fill

    db = pair.theirs if db_side == "theirs" else pair.mine
    blank = pair.tmp / f"q-{db_side}.xlsx"
    export_questionnaire(db, blank, scope="all")
    filled = fill(blank, pair.tmp / f"a-{db_side}.xlsx", {f"{STATUS}:{code}": "in progress"})
    report = import_questionnaire(db, filled, by="State")
    assert report.applied == 1


def _state(db: object, pair: Pair, code: str) -> tuple[str | None, str | None]:
    from assessor.services.assessments import current_follow_up

    with pair.mine.reading() as s:
        rec = pair.rec(pair.mine, code)
        from assessor.services.follow_ups import recommendation

        current = current_follow_up(recommendation(s, rec))
        assert current is not None
        return current.text, current.state_status


def test_a_status_changed_on_their_side_only_is_taken(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    _status_only_questionnaire(pair, "theirs")
    plan = prepare_merge(pair.mine, pair.package())
    follow_ups = [d for d in plan.differences if d.subject == "follow_up"]
    assert [(d.label, d.kind) for d in follow_ups] == [("II-8", Kind.ONLY_THEIRS)]
    d = follow_ups[0]
    assert d.state_only
    assert value_in_words(d, d.theirs, {}, "") == "State's status: in progress"
    assert value_in_words(d, d.mine, {}, "") == "(no State's status nor references)"
    text_before, _ = _state(pair.mine, pair, "II-8")
    apply_merge(pair.mine, plan, prefer="theirs", by="Bob")
    assert _state(pair.mine, pair, "II-8") == (text_before, "in progress")


def test_a_status_changed_on_my_side_only_is_kept(pair: Pair) -> None:
    _status_only_questionnaire(pair, "mine")
    plan = prepare_merge(pair.mine, pair.package())
    follow_ups = [d for d in plan.differences if d.subject == "follow_up"]
    assert [(d.label, d.kind) for d in follow_ups] == [("II-8", Kind.ONLY_MINE)]
    assert not plan.conflicts
    apply_merge(pair.mine, plan, prefer="theirs", by="Bob")
    assert _state(pair.mine, pair, "II-8")[1] == "in progress"


def test_the_cli_line_shows_the_status_that_differs_in_french(
    pair: Pair, capsys: pytest.CaptureFixture[str]
) -> None:
    _status_only_questionnaire(pair, "theirs")
    package = pair.tmp / "ann.assessor"
    write_package(pair.theirs, package, by="Ann")
    mine = str(pair.mine.url.database)
    pair.mine.close()
    assert main(["--lang", "fr", "--db", mine, "merge", "--dry-run", str(package)]) == 0
    out = plain(capsys.readouterr().out)
    assert "II-8 suivi : Statut selon l'État : en cours" in out
    assert "in progress" not in out

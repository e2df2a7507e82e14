"""Merges as a new user's trial found them: the source in the user's language (the history in
English), and follow-ups compared by text, State's status and references."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from assessor.cli import main
from assessor.db.models import Change
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

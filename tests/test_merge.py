"""Merging a colleague's assessment: every kind of difference, each way of resolving it,
the history, refusals with nothing written, --prefer, undo, agreement."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from assessor.db.engine import Database, open_database
from assessor.db.models import Change, ThemeItem
from assessor.domain.merge import Choice, Kind
from assessor.exporters.json_export import write_json
from assessor.exporters.package import write_package
from assessor.importers.common import ImportRejected
from assessor.importers.package_file import read_package
from assessor.services import assessments as svc
from assessor.services.errors import ServiceError
from assessor.services.json_import import import_json_file
from assessor.services.merge import apply_merge, prepare_merge, undo_merge
from tests.conftest import build_factsheet
from tests.questionnaire_helpers import dump, real_database


@dataclass
class Pair:
    mine: Database  # Bob's
    theirs: Database  # Ann's
    tmp: Path

    def rec(self, db: Database, code: str) -> int:
        with db.reading() as s:
            return svc.find_by_code(s, code).id

    def package(self, name: str = "ann.assessor") -> Any:
        out = self.tmp / name
        write_package(self.theirs, out, by="Ann")
        return read_package(out)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    """Ann's database and Bob's, made from her export: the same uids and a shared history."""
    ann = real_database(tmp_path / "ann.sqlite")
    svc.rate_by_code(ann, "II-6", "partly", comment="Base comment.", by="Ann")
    write_json(ann, tmp_path / "base.json")
    bob = open_database(tmp_path / "bob.sqlite")
    import_json_file(bob, tmp_path / "base.json")
    yield Pair(bob, ann, tmp_path)
    ann.close()
    bob.close()


def worked(pair: Pair) -> None:
    """Both work on: one difference of each kind."""
    ann, bob = pair.theirs, pair.mine
    svc.rate_by_code(ann, "III-15", "implemented", by="Ann")  # only theirs
    svc.rate_by_code(bob, "III-28", "not_implemented", by="Bob")  # only mine
    svc.rate_by_code(ann, "IV-4", "partly", by="Ann")  # the same on both sides
    svc.rate_by_code(bob, "IV-4", "partly", by="Bob")
    svc.rate_by_code(ann, "II-6", "implemented", by="Ann")  # both changed: a conflict
    svc.rate_by_code(bob, "II-6", "not_implemented", by="Bob")
    svc.set_comment(ann, pair.rec(ann, "II-6"), "Ann thinks so.", by="Ann")
    svc.set_comment(bob, pair.rec(bob, "II-6"), "Bob thinks not.", by="Bob")
    svc.set_status(ann, pair.rec(ann, "III-15"), "final", by="Ann")  # status: only theirs
    svc.set_status(bob, pair.rec(bob, "III-28"), "final", by="Bob")  # status: only mine
    svc.edit_follow_up(ann, pair.rec(ann, "V-3"), "Ann's reading of the answer.", "mail", "Ann")
    svc.edit_follow_up(bob, pair.rec(bob, "V-3"), "Bob's reading of the answer.", "mail", "Bob")
    svc.edit_follow_up(ann, pair.rec(ann, "V-5"), "Only Ann has this one.", "mail", "Ann")


def by_key(plan: Any) -> dict[tuple[str, str], Any]:
    return {(d.label.split(",")[0], d.subject): d for d in plan.differences}


def test_every_kind_of_difference_is_sorted(pair: Pair) -> None:
    worked(pair)
    before = dump(pair.mine)
    plan = prepare_merge(pair.mine, pair.package())
    assert dump(pair.mine) == before  # preparing writes nothing
    found = by_key(plan)
    assert found[("III-15", "rating")].kind is Kind.ONLY_THEIRS
    assert found[("III-28", "rating")].kind is Kind.ONLY_MINE
    assert ("IV-4", "rating") not in found and dict(plan.same)["rating"] > 50
    rating = found[("II-6", "rating")]
    assert rating.kind is Kind.CONFLICT
    assert (rating.mine.value, rating.mine.by) == ("not_implemented", "Bob")
    assert (rating.theirs.value, rating.theirs.by) == ("implemented", "Ann")
    assert rating.theirs.at and rating.mine.at
    assert found[("II-6", "comment")].kind is Kind.CONFLICT
    assert found[("III-15", "status")].kind is Kind.ONLY_THEIRS
    assert found[("III-28", "status")].kind is Kind.ONLY_MINE
    assert found[("V-3", "follow_up")].kind is Kind.CONFLICT
    assert found[("V-5", "follow_up")].kind is Kind.ONLY_THEIRS
    assert plan.source.startswith("Ann's package of 20")
    assert [f.party for f in plan.factsheets] == ["Albania"] and not plan.reimports_offered
    assert {(d.label, d.subject) for d in plan.conflicts} == {
        ("II-6", "rating"),
        ("II-6", "comment"),
        ("V-3", "follow_up"),
    }


def test_conflicts_resolved_each_way_with_the_history(pair: Pair) -> None:
    worked(pair)
    plan = prepare_merge(pair.mine, pair.package())
    found = by_key(plan)
    choices = {
        found[("II-6", "rating")].key: Choice.THEIRS,
        found[("II-6", "comment")].key: Choice.BOTH,
        found[("V-3", "follow_up")].key: Choice.MINE,
    }
    result = apply_merge(pair.mine, plan, choices, by="Bob")
    assert result.applied == 5  # III-15 rating and status, V-5, II-6 rating and comment
    assert result.changes.recommendations
    data = {
        r["codes"][0]: r
        for c in dump(pair.mine)["factsheets"][0]["chapters"]
        for s in c["sections"]
        for r in s["items"]
        if r["type"] == "recommendation"
    }
    assert data["II-6"]["assessment"]["rating"] == "implemented"
    comment = data["II-6"]["assessment"]["comment"]
    assert comment.index("Bob thinks not.") < comment.index("Ann thinks so.")
    assert "— Bob, 20" in comment and "— Ann, 20" in comment
    assert data["III-15"]["assessment"]["rating"] == "implemented"
    assert data["III-15"]["assessment"]["status"] == "final"
    assert data["III-28"]["assessment"]["rating"] == "not_implemented"  # mine kept
    assert data["V-3"]["follow_up"] == "Bob's reading of the answer."
    assert data["V-5"]["follow_up"] == "Only Ann has this one."
    assert data["V-5"]["follow_up_source"] == "mail"
    with pair.mine.reading() as s:
        merged = s.scalars(select(Change).where(Change.by.contains("merged from"))).all()
        assert {c.by for c in merged} == {f"Bob, merged from {plan.source}"}
        assert {(c.field, c.new) for c in merged} >= {
            ("rating", "implemented"),
            ("status", "final"),
            ("follow_up", "Only Ann has this one."),
        }
    again = prepare_merge(pair.mine, pair.package("again.assessor"))
    assert not again.of_kind(Kind.ONLY_THEIRS)


def test_a_conflict_without_a_choice_is_refused(pair: Pair) -> None:
    worked(pair)
    plan = prepare_merge(pair.mine, pair.package())
    before = dump(pair.mine)
    with pytest.raises(ServiceError, match="3 conflicts need a choice") as e:
        apply_merge(pair.mine, plan, {})
    assert "II-6 (rating)" in str(e.value)
    assert dump(pair.mine) == before


@pytest.mark.parametrize("prefer", ["mine", "theirs"])
def test_prefer_decides_every_conflict(pair: Pair, prefer: str) -> None:
    worked(pair)
    plan = prepare_merge(pair.mine, pair.package())
    apply_merge(pair.mine, plan, prefer=prefer, by="Bob")
    with pair.mine.reading() as s:
        rec = svc.find_by_code(s, "II-6")
        assert rec.assessment is not None
        assert rec.assessment.rating == ("implemented" if prefer == "theirs" else "not_implemented")
        assert rec.assessment.comment == (
            "Ann thinks so." if prefer == "theirs" else "Bob thinks not."
        )
        iii15 = svc.find_by_code(s, "III-15")
        assert iii15.assessment is not None and iii15.assessment.rating == "implemented"  # always


def test_a_merge_is_undone_in_one_step(pair: Pair) -> None:
    worked(pair)
    before = dump(pair.mine)["factsheets"]
    plan = prepare_merge(pair.mine, pair.package())
    result = apply_merge(pair.mine, plan, prefer="theirs", by="Bob")
    assert dump(pair.mine)["factsheets"] != before
    undo_merge(pair.mine, result, by="Bob")
    assert dump(pair.mine)["factsheets"] == before


def test_a_stale_plan_is_refused(pair: Pair) -> None:
    worked(pair)
    plan = prepare_merge(pair.mine, pair.package())
    svc.rate_by_code(pair.mine, "II-6", "partly", by="Bob")
    with pytest.raises(ServiceError, match="since the merge was prepared"):
        apply_merge(pair.mine, plan, prefer="theirs")


def test_themes_merge(pair: Pair) -> None:
    ann, bob = pair.theirs, pair.mine
    with ann.transaction() as s:
        items = s.scalars(select(ThemeItem).order_by(ThemeItem.id)).all()
        items[0].text = "Ann's wording of the first."
        items[1].links = [*items[1].links, "II-6"]
        theme = items[0].theme
        theme.items.append(ThemeItem(position=99, text="A new one from Ann.", links=[]))
    with bob.transaction() as s:
        first = s.scalars(select(ThemeItem).order_by(ThemeItem.id)).first()
        assert first is not None
        first.text = "Bob's wording of the first."
    plan = prepare_merge(bob, pair.package())
    themed = [d for d in plan.differences if d.subject == "theme_item"]
    kinds = sorted((d.kind.value, d.theirs.value or "") for d in themed)
    assert ("conflict", "Ann's wording of the first.") in kinds
    assert ("only_theirs", "A new one from Ann.") in kinds
    conflict = next(d for d in themed if d.kind is Kind.CONFLICT)
    apply_merge(bob, plan, {conflict.key: Choice.BOTH}, by="Bob")
    with bob.reading() as s:
        texts = [
            i.text
            for i in s.scalars(select(ThemeItem).order_by(ThemeItem.theme_id, ThemeItem.position))
        ]
        assert texts.index("Bob's wording of the first.") + 1 == texts.index(
            "Ann's wording of the first."
        )
        assert "A new one from Ann." in texts
        assert any("II-6" in (i.links or []) for i in s.scalars(select(ThemeItem)))


def test_a_package_of_another_round_or_party_is_refused(pair: Pair, tmp_path: Path) -> None:
    other = open_database(tmp_path / "other.sqlite")
    try:
        build_factsheet(other, party="Albania", round_title="3rd monitoring round: elsewhere")
        write_package(other, tmp_path / "round.assessor", by="Eve")
        before = dump(pair.mine)
        with pytest.raises(ServiceError, match="for another round"):
            prepare_merge(pair.mine, read_package(tmp_path / "round.assessor"))
        build_factsheet(other, party="Andorra", round_title="3rd monitoring round: elsewhere")
        write_package(other, tmp_path / "party.assessor", party="Andorra", by="Eve")
        with pytest.raises(ServiceError, match=r"Andorra.*a Party this database does not hold"):
            prepare_merge(pair.mine, read_package(tmp_path / "party.assessor"))
        assert dump(pair.mine) == before
    finally:
        other.close()


def test_a_tampered_package_is_refused_with_nothing_written(pair: Pair) -> None:
    import zipfile

    worked(pair)
    out = pair.tmp / "t.assessor"
    write_package(pair.theirs, out, by="Ann")
    with zipfile.ZipFile(out) as z:
        items = {n: z.read(n) for n in z.namelist()}
    items["assessment.json"] = items["assessment.json"].replace(b"implemented", b"implemented!", 1)
    with zipfile.ZipFile(out, "w") as z:
        for name, data in items.items():
            z.writestr(name, data)
    before = dump(pair.mine)
    with pytest.raises(ImportRejected, match="checksum mismatch"):
        prepare_merge(pair.mine, read_package(out))
    assert dump(pair.mine) == before


def test_merge_from_another_database_file(pair: Pair) -> None:
    worked(pair)
    pair.theirs.close()  # as a colleague's file handed over
    plan = prepare_merge(pair.mine, pair.tmp / "ann.sqlite")
    assert plan.source.startswith("the database ann.sqlite of 20")
    assert {(d.label, d.subject) for d in plan.conflicts} == {
        ("II-6", "rating"),
        ("II-6", "comment"),
        ("V-3", "follow_up"),
    }
    pair.theirs = open_database(pair.tmp / "ann.sqlite")


def test_no_common_base_makes_different_values_conflicts(tmp_path: Path) -> None:
    ann, bob = real_database(tmp_path / "a.sqlite"), real_database(tmp_path / "b.sqlite")
    try:
        svc.rate_by_code(ann, "II-6", "partly", by="Ann")
        svc.rate_by_code(bob, "II-6", "implemented", by="Bob")
        svc.rate_by_code(ann, "III-15", "partly", by="Ann")
        svc.rate_by_code(bob, "III-15", "partly", by="Bob")
        write_package(ann, tmp_path / "a.assessor", by="Ann")
        plan = prepare_merge(bob, read_package(tmp_path / "a.assessor"))
        assert [(d.label, d.subject) for d in plan.conflicts] == [("II-6", "rating")]
        assert plan.agreement.count == 2 and plan.agreement.observed == pytest.approx(0.5)
        assert plan.factsheets[0].matched > 50  # matched by code: the uids differ
    finally:
        ann.close()
        bob.close()


def test_a_newer_factsheet_is_offered_as_a_reimport(pair: Pair) -> None:
    from datetime import timedelta

    from assessor.db.models import Factsheet, Recommendation, utcnow

    with pair.theirs.transaction() as s:
        sheet = s.scalars(select(Factsheet)).one()
        sheet.imported_at = utcnow() + timedelta(days=1)
        rec = s.scalars(select(Recommendation)).first()
        assert rec is not None
        rec.text += " As amended."
    plan = prepare_merge(pair.mine, pair.package())
    assert [f.party for f in plan.reimports_offered] == ["Albania"]


def test_a_merge_undone_leaves_the_next_merge_as_the_first(pair: Pair) -> None:
    """Undoing a merge must not make the colleague's values look like mine once had them."""
    worked(pair)
    first = prepare_merge(pair.mine, pair.package())
    kinds = sorted((d.label, d.subject, d.kind.value) for d in first.differences)
    result = apply_merge(pair.mine, first, prefer="theirs", by="Bob")
    undo_merge(pair.mine, result, by="Bob")
    again = prepare_merge(pair.mine, pair.package("again.assessor"))
    assert sorted((d.label, d.subject, d.kind.value) for d in again.differences) == kinds


def test_a_french_first_database_merges_an_english_package(tmp_path: Path) -> None:
    """“Albanie, 2e cycle de suivi” and “Albania, 2nd monitoring round” are one factsheet."""
    from assessor.services.imports import import_file

    data = Path(__file__).parent / "data" / "factsheets"
    french = open_database(tmp_path / "fr.sqlite")
    english = open_database(tmp_path / "en.sqlite")
    import_file(french, data / "albania-fr.docx")
    import_file(english, data / "albania.docx")
    svc.rate_by_code(english, "II-6", "partly", by="Ann")
    out = tmp_path / "en.assessor"
    write_package(english, out, by="Ann")
    plan = prepare_merge(french, read_package(out))
    assert [d.label for d in plan.of_kind(Kind.ONLY_THEIRS) if d.subject == "rating"] == ["II-6"]
    french.close()
    english.close()


def test_a_database_file_gives_the_plan_its_package_gives(pair: Pair) -> None:
    """Read with the light queries (not the JSON export), a file sorts as its package does."""
    worked(pair)
    with pair.theirs.transaction() as s:  # themed recommendations too
        items = s.scalars(select(ThemeItem).order_by(ThemeItem.id)).all()
        items[0].text = "Ann's wording of the first."
        items[1].links = [*items[1].links, "II-6"]
        items[0].theme.items.append(ThemeItem(position=99, text="A new one from Ann.", links=[]))
    from_package = prepare_merge(pair.mine, pair.package())
    pair.theirs.close()
    from_file = prepare_merge(pair.mine, pair.tmp / "ann.sqlite")
    pair.theirs = open_database(pair.tmp / "ann.sqlite")
    assert from_file.differences == from_package.differences
    assert from_file.same == from_package.same
    assert from_file.factsheets == from_package.factsheets
    assert from_file.agreement == from_package.agreement
    assert any(d.subject == "theme_item" for d in from_file.differences)


def test_parties_written_alike_are_matched_before_parties_of_one_key(tmp_path: Path) -> None:
    """ "Party 01" and "Party 02" share a key (digits dropped): the name written alike wins."""
    mine, theirs = open_database(tmp_path / "m.sqlite"), open_database(tmp_path / "t.sqlite")
    try:
        for db in (mine, theirs):
            build_factsheet(db, party="Party 01")
            build_factsheet(db, party="Party 02")
        write_package(theirs, tmp_path / "two.assessor", party="Party 02", by="Ann")
        plan = prepare_merge(mine, read_package(tmp_path / "two.assessor"))
        assert [f.party for f in plan.factsheets] == ["Party 02"]
    finally:
        mine.close()
        theirs.close()

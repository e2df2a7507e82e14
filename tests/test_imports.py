"""The import service: one transaction, re-imports that keep ratings and history, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.db.engine import Database
from assessor.db.models import (
    Assessment,
    Change,
    Chapter,
    FollowUp,
    MonitoringRound,
    Party,
    PromisingPractice,
    Recommendation,
    RecommendationCode,
    Theme,
    ThemeItem,
)
from assessor.exporters.json_export import export_json
from assessor.importers.common import ImportRejected
from assessor.services.assessments import edit_follow_up, find_by_code, rate_by_code
from assessor.services.errors import ServiceError
from assessor.services.imports import detect_kind, import_file

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"
FACTSHEET = EXAMPLES / "factsheet-albania-2nd-round.md"
THEMES = EXAMPLES / "recommendations-albania.txt"


def counts(db: Database) -> dict[str, int]:
    """Row counts of every table an import writes."""
    tables = [
        Chapter,
        Recommendation,
        RecommendationCode,
        FollowUp,
        PromisingPractice,
        Theme,
        ThemeItem,
        Assessment,
        Change,
    ]
    with db.reading() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) or 0 for t in tables}


def current_follow_up(db: Database, code: str) -> str | None:
    with db.reading() as s:
        rec = find_by_code(s, code)
        texts = [f.text for f in rec.follow_ups if f.superseded_at is None]
        return texts[0] if texts else None


def test_import_writes_the_whole_factsheet(db: Database) -> None:
    report = import_file(db, FACTSHEET)
    assert report.kind == "factsheet" and report.party == "Albania" and report.created
    n = counts(db)
    assert n["chapter"] == 11
    assert n["recommendation"] == 81
    assert n["recommendation_code"] == 94
    assert n["follow_up"] == 23
    assert n["promising_practice"] == 4
    assert report.by_verb == {"require": 12, "request": 10, "invite": 59}
    summary = report.summary()
    assert "11 chapters, 81 recommendations (12 require, 10 request, 59 invite)" in summary
    assert "23 follow-ups" in summary


def test_reimport_of_the_same_file_changes_nothing(db: Database) -> None:
    import_file(db, FACTSHEET)
    rate_by_code(db, "II-6", "partly", comment="Draft law pending.")
    before = counts(db)
    report = import_file(db, FACTSHEET)
    assert not report.created and report.changed_lines == ()
    assert counts(db) == before
    with db.reading() as s:
        rec = find_by_code(s, "II-6")
        assert rec.assessment is not None
        assert (rec.assessment.rating, rec.assessment.comment) == ("partly", "Draft law pending.")


def _structure(db: Database) -> object:
    """The factsheets as the JSON export shows them, without the moments of import.

    Nor the ids of chapters and sections, which a re-import makes anew: SQLite happens to give
    the same numbers again, a PostgreSQL sequence never does.
    """
    data = export_json(db)
    for sheet in data["factsheets"]:
        sheet.pop("imported_at", None)
        for chapter in sheet["chapters"]:
            chapter.pop("id", None)
            for section in chapter["sections"]:
                section.pop("id", None)
    return data["factsheets"]


def test_reimport_keeps_every_recommendation_in_its_section(db: Database) -> None:
    import_file(db, FACTSHEET)
    before = _structure(db)
    import_file(db, FACTSHEET)
    assert _structure(db) == before
    with db.reading() as s:
        unplaced = s.scalar(select(func.count()).where(Recommendation.section_id.is_(None)))
        assert unplaced == 0
        rec = find_by_code(s, "II-6")
        assert rec.section is not None and rec.section.observations  # the finding's context


def test_reimport_of_a_newer_version_keeps_ratings_and_history(
    db: Database, tmp_path: Path
) -> None:
    import_file(db, FACTSHEET)
    rate_by_code(db, "II-6", "not_implemented", comment="No change yet.")
    rate_by_code(db, "III-26", "implemented")
    rate_by_code(db, "XI-4", "no_information", comment="Asked again.")
    with db.reading() as s:
        uid_before = find_by_code(s, "II-6").uid
    old_follow_up = current_follow_up(db, "II-6")
    text = FACTSHEET.read_text(encoding="utf-8")
    newer = text.replace(
        "These issues addressed by the Committee of States Parties to the Convention require "
        "concrete interventions in the provisions of the Criminal Code and it is necessary to "
        "conduct an in-depth study and analysis.",
        "The new Criminal Code was adopted in 2026 and addresses these issues.",
        1,
    ).replace(
        "to connect with INTERPOL's ICSE database.", "to connect to INTERPOL's ICSE database."
    )
    # XI-4 is withdrawn from the newer version.
    newer = newer.replace(
        "- to take the necessary legislative or other measures to set up or designate mechanisms",
        "Withdrawn: to take the necessary legislative or other measures to set up or designate "
        "mechanisms",
    ).replace("<sup>120</sup> Recommendation XI-4.", "<sup>120</sup> Para. 444.")
    path = tmp_path / "factsheet-albania-v2.md"
    path.write_text(newer, encoding="utf-8")

    report = import_file(db, path)

    assert not report.created
    assert "II-6: follow-up replaced (the previous text is kept in history)" in report.changed_lines
    assert "III-26: text updated" in report.changed_lines
    assert any(c.startswith("XI-4: no longer in the factsheet") for c in report.changed_lines)
    assert "II-6" in report.summary() and "Changes (" in report.summary()
    with db.reading() as s:
        rec = find_by_code(s, "II-6")
        assert rec.uid == uid_before
        assert rec.assessment is not None and rec.assessment.rating == "not_implemented"
        versions = sorted(rec.follow_ups, key=lambda f: f.id)
        assert next(v.text for v in versions) == old_follow_up
        assert versions[0].superseded_at is not None and versions[1].superseded_at is None
        assert versions[1].text.startswith("The new Criminal Code was adopted in 2026")
        assert versions[1].source == "factsheet factsheet-albania-v2.md"
        iii26 = find_by_code(s, "III-26")
        assert iii26.assessment is not None and iii26.assessment.rating == "implemented"
        assert iii26.text.endswith("to connect to INTERPOL's ICSE database.")
        change = s.scalars(
            select(Change).where(Change.entity_id == iii26.id, Change.field == "text")
        ).one()
        assert change.old is not None and change.old.endswith(
            "connect with INTERPOL's ICSE database."
        )
        retired = s.scalars(
            select(Recommendation).where(Recommendation.retired_at.is_not(None))
        ).all()
        assert len(retired) == 1 and retired[0].assessment is not None
        assert retired[0].assessment.comment == "Asked again."


def test_themes_attach_to_the_factsheet_and_replacing_them_keeps_history(
    db: Database, tmp_path: Path
) -> None:
    import_file(db, FACTSHEET)
    report = import_file(db, THEMES)
    assert report.kind == "recommendations" and (report.themes, report.items) == (4, 19)
    with db.reading() as s:
        titles = s.scalars(select(Theme.title).order_by(Theme.position)).all()
    assert titles == [
        "Institutional and Operational Capacity",
        "Legislation and Implementation",
        "Information, Prevention, and Awareness",
        "Cooperation with Other Actors",
    ]
    same = import_file(db, THEMES)
    assert same.unchanged and same.changed_lines == ()
    changed = tmp_path / "recommendations-albania.txt"
    text = THEMES.read_text(encoding="utf-8")
    changed.write_text(text.replace("Cooperation with Other Actors", "Cooperation"), "utf-8")
    again = import_file(db, changed)
    assert again.changed_lines == ("4 earlier themes replaced (kept in history)",)
    with db.reading() as s:
        kept = s.scalars(select(Change).where(Change.field == "themes")).one()
        assert kept.old is not None and "Institutional and Operational Capacity" in kept.old
        assert s.scalar(select(func.count()).select_from(Theme)) == 4


def test_themes_need_a_factsheet(db: Database) -> None:
    with pytest.raises(ImportRejected, match="Import a factsheet first"):
        import_file(db, THEMES)
    assert counts(db)["theme"] == 0


def test_kind_is_detected() -> None:
    assert detect_kind(FACTSHEET.read_text(encoding="utf-8")) == "factsheet"
    assert detect_kind(THEMES.read_text(encoding="utf-8")) == "recommendations"
    assert detect_kind("Dear John,\n\nI will come on Monday.\n\nMary\n") is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.md", b"", "the file is empty"),
        ("blank.md", b"  \n\n \n", "holds no text"),
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "damaged"),
        ("sheet.md", b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "zip archive"),
        ("notes.txt", b"Shopping list\n\n- milk\n- bread\n", "neither a factsheet"),
        ("Makefile", (EXAMPLES.parents[1] / "Makefile").read_bytes(), "neither a factsheet"),
        ("README.md", (EXAMPLES.parents[1] / "README.md").read_bytes(), "neither a factsheet"),
        (
            "CHANGELOG.md",
            (EXAMPLES.parents[1] / "CHANGELOG.md").read_bytes(),
            "neither a factsheet",
        ),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    db: Database, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    import_file(db, FACTSHEET)
    before = counts(db)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportRejected, match=message):
        import_file(db, path)
    assert counts(db) == before
    forced = "does not look like a factsheet" if "neither" in message else message
    with pytest.raises(ImportRejected, match=forced):
        import_file(db, path, kind="factsheet")
    assert counts(db) == before


def test_missing_file(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ImportRejected, match="no such file"):
        import_file(db, tmp_path / "nope.md")


def test_a_failure_while_writing_leaves_nothing_behind(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assessor.services import factsheet_writing as imports

    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports._FactsheetWriter, "_follow_up", broken)
    with pytest.raises(RuntimeError):
        import_file(db, FACTSHEET)
    assert set(counts(db).values()) == {0}


def test_reimport_never_rolls_back_a_newer_follow_up(db: Database, tmp_path: Path) -> None:
    import_file(db, FACTSHEET)
    from_factsheet = current_follow_up(db, "II-6")
    with db.reading() as s:
        rec_id = find_by_code(s, "II-6").id
    edit_follow_up(db, rec_id, "The 2026 answer of the State.", source="questionnaire q.xlsx")

    report = import_file(db, FACTSHEET)  # the same, older file again
    assert current_follow_up(db, "II-6") == "The 2026 answer of the State."
    assert any(
        c.startswith("II-6: this file's follow-up is an earlier version")
        for c in report.changed_lines
    )

    # A newer version of the factsheet, still dated before the State's answer.
    newer = tmp_path / "factsheet-albania-v2.md"
    newer.write_text(
        FACTSHEET.read_text(encoding="utf-8").replace(
            from_factsheet[:60], "Revised: " + from_factsheet[:60], 1
        ),
        encoding="utf-8",
    )
    report = import_file(db, newer)
    assert current_follow_up(db, "II-6") == "The 2026 answer of the State."
    assert any("is newer than this file's and is kept" in c for c in report.changed_lines)
    with db.reading() as s:
        texts = [f.text for f in find_by_code(s, "II-6").follow_ups]
    assert any(t.startswith("Revised: ") for t in texts)  # nothing of the file is lost
    assert from_factsheet in texts


def _preset(s: Session) -> str:
    return s.scalars(select(MonitoringRound)).one().rating_scale.preset


def test_rating_scale_is_chosen_per_round_until_something_is_rated(db: Database) -> None:
    import_file(db, FACTSHEET, scale="fatf")
    with db.reading() as s:
        assert _preset(s) == "fatf"
    report = import_file(db, FACTSHEET, scale="greco")
    assert any("FATF technical compliance scale → GRECO" in c for c in report.changed_lines)
    rate_by_code(db, "II-6", "partly")
    before = counts(db)
    with pytest.raises(ImportRejected, match="keeps its scale once anything is rated"):
        import_file(db, FACTSHEET, scale="fatf")
    assert counts(db) == before
    with db.reading() as s:
        assert _preset(s) == "greco"
    with pytest.raises(ImportRejected, match="Unknown rating scale"):
        import_file(db, FACTSHEET, scale="likert")


@pytest.mark.parametrize("name", ["data.csv", "factsheet"])
def test_forcing_the_themes_kind_still_refuses_what_is_not_themes(
    db: Database, tmp_path: Path, name: str
) -> None:
    import_file(db, FACTSHEET)
    import_file(db, THEMES)
    before = counts(db)
    path = FACTSHEET
    if name != "factsheet":
        path = tmp_path / name
        path.write_text("code,rating\nII-6,partly\n", encoding="utf-8")
    with pytest.raises(ImportRejected, match="does not read as themed recommendations"):
        import_file(db, path, kind="recommendations")
    assert counts(db) == before


def test_a_truncated_file_costs_nothing(db: Database, tmp_path: Path) -> None:
    """A cut copy retires what it lacks; the full file brings it all back, rating and all."""
    import_file(db, FACTSHEET)
    rate_by_code(db, "V-6", "partly", comment="Police restructured.")
    full_iii15 = current_follow_up(db, "III-15")
    text = FACTSHEET.read_text(encoding="utf-8")
    cut = tmp_path / "cut.md"  # chapters I-III only, III-15's follow-up cut short
    start = text.index("The General Prosecutor's Office has aimed")
    end = text.index("\n\n", start)
    shortened = text[:start] + text[start : start + 120] + text[end : text.index("## IV. Jur")]
    cut.write_text(shortened, encoding="utf-8")
    report = import_file(db, cut)
    assert report.changed_lines[0].startswith("52 recommendations no longer in this file")
    assert current_follow_up(db, "III-15") != full_iii15
    with db.reading() as s, pytest.raises(ServiceError, match="no longer in the current"):
        find_by_code(s, "V-6")
    again = import_file(db, FACTSHEET)
    assert "V-6, V-11: back in the factsheet" in again.changed_lines
    with db.reading() as s:
        rec = find_by_code(s, "V-6")
        assert rec.retired_at is None
        assert rec.assessment is not None and rec.assessment.rating == "partly"
        assert rec.assessment.comment == "Police restructured."
    # The follow-up the cut file truncated is restored by the full file of the same date.
    assert current_follow_up(db, "III-15") == full_iii15


def test_a_reimport_is_previewed_before_it_writes(db: Database, tmp_path: Path) -> None:
    from assessor.importers.factsheet import parse_factsheet
    from assessor.services.import_checks import reimport_preview

    text = FACTSHEET.read_text(encoding="utf-8")
    assert reimport_preview(db, parse_factsheet(text)) == []  # a new factsheet: nothing to say
    import_file(db, FACTSHEET)
    rate_by_code(db, "II-6", "partly")
    cut = text[: text.index("## IV. Jur")].replace(
        "**invites** Albania to introduce", "**requests** Albania to introduce"
    )
    lines = reimport_preview(db, parse_factsheet(cut))
    assert lines[0].startswith(
        "This is a re-import of the factsheet of Albania (81 recommendations, 1 rated)"
    )
    assert lines[1].startswith("52 recommendations would no longer be in the factsheet")
    assert lines[2] == "1 verb would change: II-1, II-3 invite → request"
    before = export_json(db)
    assert export_json(db)["factsheets"] == before["factsheets"]


def test_a_french_factsheet_is_the_same_partys(db: Database) -> None:
    """“Albanie”, “2e cycle de suivi”: the Party and round already here, not a second Party."""
    data = Path(__file__).parent / "data" / "factsheets"
    import_file(db, data / "albania.docx")
    rate_by_code(db, "II-6", "partly")
    report = import_file(db, data / "albania-fr.docx")
    assert not report.created and report.party == "Albania"
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Party)) == 1
        rec = find_by_code(s, "II-6")
        assert rec.assessment is not None and rec.assessment.rating == "partly"

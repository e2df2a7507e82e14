"""The PDF summary, read back with pypdf: order, ratings, comments, pages, Unicode, metadata."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from assessor.db.engine import Database, open_database
from assessor.db.models import Factsheet, MonitoringRound, Party, Recommendation
from assessor.db.presets import scale_from_preset
from assessor.db.queries import list_factsheets, tree_rows
from assessor.domain.scope import IN_SCOPE_VERBS
from assessor.exporters.pdf_blocks import FOLLOW_UP_WORDS, paragraphs, trim_words
from assessor.exporters.pdf_summary import write_pdf_summary
from assessor.resources import resource_path
from assessor.services import assessments
from assessor.services.errors import ServiceError
from assessor.services.imports import import_file

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"
UNICODE = "ë ç ș ț ğ ş — Кириллица — Ελληνικά"
ON = date(2025, 3, 14)


def flat(text: str) -> str:
    """Whitespace-normalised text, as a reader would search it."""
    return " ".join(text.split())


def read(path: Path) -> tuple[PdfReader, list[str]]:
    """The reader and the whitespace-normalised text of each page."""
    reader = PdfReader(path)
    return reader, [flat(page.extract_text()) for page in reader.pages]


@pytest.fixture
def db(tmp_path: Path) -> Database:
    """A database holding the Albanian example: factsheet and themed recommendations."""
    database = open_database(tmp_path / "db.sqlite")
    import_file(database, EXAMPLES / "factsheet-albania-2nd-round.md")
    import_file(database, EXAMPLES / "recommendations-albania.txt")
    yield database
    database.close()


def rec_id(db: Database, code: str) -> int:
    """The id of the recommendation carrying ``code``."""
    with db.reading() as s:
        return assessments.find_by_code(s, code).id


def in_scope_codes(db: Database) -> list[tuple[str, ...]]:
    """The code tuples of the in-scope recommendations, in the factsheet's order."""
    with db.reading() as s:
        fid = list_factsheets(s)[0].id
        rows = tree_rows(s, fid)
    return [r.codes for r in rows if r.kind == "recommendation" and r.verb in IN_SCOPE_VERBS]


def export(db: Database, tmp_path: Path, name: str = "out.pdf", **kw: object) -> Path:
    """Write the summary with a fixed date and return its path."""
    path = tmp_path / name
    write_pdf_summary(db, path, on=ON, **kw)  # type: ignore[arg-type]
    return path


def test_chapters_and_codes_in_factsheet_order(db: Database, tmp_path: Path) -> None:
    _, pages = read(export(db, tmp_path))
    body = " ".join(pages[3:])  # after cover, contents and overview
    chapters = [
        "II. Legal framework",
        "III. Investigations and prosecution",
        "IV. Jurisdiction rules",
        "V. International cooperation",
        "X. Higher education curriculum",
    ]
    positions = [body.index(c) for c in chapters]
    assert positions == sorted(positions)
    # Each block starts with its codes then the verb; find them in order.
    start = 0
    codes = in_scope_codes(db)
    assert len(codes) == 22
    for group in codes:
        heading = re.compile(re.escape(", ".join(group)) + r" (REQUIRE|REQUEST)")
        found = heading.search(body, start)
        assert found, group
        start = found.end()
    assert "INVITE" not in body  # the compliance scope leaves invitations out


def test_ratings_comments_and_unicode(db: Database, tmp_path: Path) -> None:
    assessments.assess(db, rec_id(db, "II-6"), "implemented", comment=f"Adopted. {UNICODE}")
    assessments.assess(db, rec_id(db, "II-8"), "partly", comment="Draft law <b>&amp; pending")
    assessments.rate(db, rec_id(db, "II-9"), "Not implemented")
    _, pages = read(export(db, tmp_path))
    text = " ".join(pages)
    ii6 = text.index("II-6 REQUEST")
    assert text.index("Implemented satisfactorily", ii6) < text.index(UNICODE, ii6)
    assert "Partly implemented" in text
    # Markup in user text is printed literally, not interpreted.
    assert "Draft law <b>&amp; pending" in text
    assert "Not implemented" in text
    overview = pages[2]
    assert "Rated: 3 of 22" in overview


def test_page_x_of_n_on_every_page(db: Database, tmp_path: Path) -> None:
    reader, pages = read(export(db, tmp_path))
    n = len(reader.pages)
    assert n > 5
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {n}" in page
        assert "Albania · 2025-03-14" in page


def test_contents_page_numbers_match_headings(db: Database, tmp_path: Path) -> None:
    _, pages = read(export(db, tmp_path))
    contents = pages[1]
    for title in ("Overview", "II. Legal framework", "Themed recommendations"):
        number = int(re.search(re.escape(title) + r" (\d+)", contents).group(1))  # type: ignore[union-attr]
        page = pages[number - 1]
        assert title in page.split(" Confidential ", 1)[1]


def test_metadata_cover_and_outline(db: Database, tmp_path: Path) -> None:
    reader, pages = read(export(db, tmp_path, assessor_name="Ana Ștefănescu"))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Compliance assessment — Albania"
    assert meta.author == "Ana Ștefănescu"
    assert meta.subject and "Lanzarote Committee" in meta.subject
    cover = pages[0]
    assert "CONFIDENTIAL" in cover
    assert "Albania" in cover and "2025-03-14" in cover and "Ana Ștefănescu" in cover
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[0] == "Overview" and "Themed recommendations" in titles


def test_themed_recommendations_printed(db: Database, tmp_path: Path) -> None:
    _, pages = read(export(db, tmp_path))
    themes = " ".join(pages).split("Themed recommendations")[-1]
    assert "1. Institutional and Operational Capacity" in themes
    assert "4. Cooperation with Other Actors" in themes


def test_follow_ups_trimmed_with_marker_unless_full(db: Database, tmp_path: Path) -> None:
    words = [f"w{i:05d}" for i in range(10_000)]
    assessments.edit_follow_up(db, rec_id(db, "II-6"), " ".join(words), source="test")
    _, short = read(export(db, tmp_path, "short.pdf"))
    text = " ".join(short)
    assert f"trimmed: {10_000 - FOLLOW_UP_WORDS:,} more words" in text
    assert "w09999" not in text

    reader, full = read(export(db, tmp_path, "full.pdf", full_follow_ups=True))
    found = re.findall(r"w\d{5}", " ".join(full))
    assert found == words  # every word, once, in order, across pages
    assert len(reader.pages) > len(short) + 10
    assert "trimmed: 9" not in " ".join(full)


def test_long_block_starts_where_the_previous_one_ended(db: Database, tmp_path: Path) -> None:
    # A block that cannot fit a page must not push itself to a fresh page first.
    text = " ".join(f"w{i:05d}" for i in range(3000))
    assessments.edit_follow_up(db, rec_id(db, "II-8"), text, source="test")
    _, pages = read(export(db, tmp_path, full_follow_ups=True))
    page_of_ii6 = next(i for i, p in enumerate(pages) if "II-6 REQUEST" in p)
    assert "II-8 REQUEST" in pages[page_of_ii6]
    assert "w00000" in pages[page_of_ii6]


def test_unrated_and_only_rated(db: Database, tmp_path: Path) -> None:
    _, pages = read(export(db, tmp_path, "unrated.pdf"))
    assert "Not yet rated" in pages[2] and "Rated: 0 of 22" in pages[2]
    _, pages = read(export(db, tmp_path, "rated.pdf", only_rated=True))
    text = " ".join(pages)
    assert "No recommendation in scope has been rated yet" in text
    assert "II-6 REQUEST" not in text

    assessments.rate(db, rec_id(db, "III-30"), "partly")
    _, pages = read(export(db, tmp_path, "one.pdf", only_rated=True))
    text = " ".join(pages[3:])
    assert "III-30 REQUIRE" in text and "II-6 REQUEST" not in text


def test_invites_only(db: Database, tmp_path: Path) -> None:
    with db.transaction() as s:
        s.execute(update(Recommendation).values(verb="invite"))
    _, pages = read(export(db, tmp_path, "compliance.pdf"))
    assert "no recommendation in the compliance procedure" in " ".join(pages)
    _, pages = read(export(db, tmp_path, "all.pdf", scope="all"))
    text = " ".join(pages)
    assert "II-1, II-3 INVITE" in text and "Not yet rated" in text


def test_empty_factsheet(tmp_path: Path) -> None:
    db = open_database(tmp_path / "empty.sqlite")
    with db.transaction() as s:
        scale = scale_from_preset(s)
        rnd = MonitoringRound(title="3rd round", rating_scale=scale)
        s.add(Factsheet(party=Party(name="Türkiye"), round=rnd, title="Empty"))
    reader, pages = read(export(db, tmp_path, party="Türkiye"))
    text = " ".join(pages)
    assert "This factsheet has no recommendation yet" in text
    assert "nothing to chart" in pages[2]
    assert "No themed recommendations" in text
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    assert reader.metadata is not None and reader.metadata.title.endswith("Türkiye")
    db.close()


def test_choosing_the_party(db: Database, tmp_path: Path) -> None:
    path = export(db, tmp_path, party="alb")
    assert path.exists()
    with pytest.raises(ServiceError, match="no Party called"):
        export(db, tmp_path, party="Malta")
    with db.transaction() as s:
        rnd = s.scalars(select(MonitoringRound)).first()
        s.add(Factsheet(party=Party(name="Malta"), round=rnd, title="Malta"))
    with pytest.raises(ServiceError, match="several Parties"):
        export(db, tmp_path)
    empty = open_database(tmp_path / "none.sqlite")
    with pytest.raises(ServiceError, match="import one first"):
        export(empty, tmp_path)
    empty.close()


def test_unknown_scope_leaves_the_previous_file(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"previous")
    with pytest.raises(ServiceError, match="not a scope"):
        write_pdf_summary(db, target, scope="nonsense")  # type: ignore[arg-type]
    assert target.read_bytes() == b"previous"
    write_pdf_summary(db, target)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_paragraphs_and_trim_words() -> None:
    assert paragraphs("a\n\n b \n\nc\nd") == ["a", "b", "c", "d"]
    kept, left = trim_words(["one two three", "four five"], 4)
    assert kept == ["one two three", "four …"] and left == 1
    assert trim_words(["one"], 4) == (["one"], 0)


def test_resource_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert resource_path("fonts", "DejaVuSans.ttf").is_file()
    assert resource_path("fonts", "LICENSE").is_file()
    with pytest.raises(FileNotFoundError, match=r"nothing\.ttf"):
        resource_path("fonts", "nothing.ttf")
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    (tmp_path / "resources" / "fonts" / "DejaVuSans.ttf").write_bytes(b"frozen")
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts", "DejaVuSans.ttf") == tmp_path / "resources" / "fonts" / (
        "DejaVuSans.ttf"
    )


def test_cli_export_pdf(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assessor.cli import EXIT_FAILURE, main
    from assessor.settings import Settings, save_settings

    save_settings(Settings(assessor_name="Zoë Ğ."))
    db_file = str(db.location)
    db.close()
    out = tmp_path / "cli.pdf"
    args = ["--db", db_file, "export", "pdf", "--scope", "all", "--full-follow-ups", "-o", str(out)]
    assert main(args) == 0
    reader, pages = read(out)
    assert reader.metadata is not None and reader.metadata.author == "Zoë Ğ."
    assert "II-1, II-3 INVITE" in " ".join(pages)
    assert main(["--db", db_file, "export", "pdf", "--party", "Malta", "-o", str(out)]) == (
        EXIT_FAILURE
    )
    assert "no Party called" in capsys.readouterr().err


def test_the_states_own_status_and_references_are_printed(db: Database, tmp_path: Path) -> None:
    with db.transaction() as s:
        rec = s.get(Recommendation, rec_id(db, "II-6"))
        assert rec is not None
        assessments.supersede_follow_up(
            s, rec, "A draft law is before Parliament.", "questionnaire q.xlsx",
            state_status="in progress", references="Draft Law 45/2026",
        )  # fmt: skip
    text = " ".join(read(export(db, tmp_path))[1])
    assert "State's status: in progress · References: Draft Law 45/2026" in text
    assert "A draft law is before Parliament." in text


def test_chart_titles_follow_the_scope(db: Database, tmp_path: Path) -> None:
    _, pages = read(export(db, tmp_path, "all.pdf", scope="all"))
    text = " ".join(pages)
    assert "Recommendations by rating" in text
    assert "Recommendations by chapter and rating" in text
    assert "in scope by" not in text
    _, pages = read(export(db, tmp_path, "compliance.pdf"))
    text = " ".join(pages)
    assert "Recommendations in scope by rating" in text
    assert "Recommendations in scope by chapter and rating" in text

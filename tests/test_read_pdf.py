"""The PDF reader: generated factsheets, small drawn samples, and hostile files."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from assessor.importers import read_pdf as read_pdf_module
from assessor.importers.common import ImportRejected
from assessor.importers.document import Block, Document
from assessor.importers.read_pdf import read_pdf

DATA = Path(__file__).parent / "data" / "factsheets"
ENGLISH = ["albania-a4.pdf", "albania-letter.pdf", "albania-reportlab.pdf"]
LABELS = {"albania-fr.pdf": "Actions de suivi :"}


def generated(name: str) -> Document:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{path} is not generated yet (python -m tests.factsheet_documents)")
    return _read_cached(path)


_CACHE: dict[Path, Document] = {}


def _read_cached(path: Path) -> Document:
    if path not in _CACHE:
        _CACHE[path] = read_pdf(path.read_bytes(), path.name)
    return _CACHE[path]


def expected(name: str) -> dict[str, object]:
    file = "expected-fr.json" if "-fr" in name else "expected.json"
    path = DATA / file
    if not path.exists():
        pytest.skip(f"{path} is not generated yet")
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def boxes(doc: Document) -> list[tuple[Block, Block | None]]:
    """Each box's first block, with the block before it (None at the start)."""
    out = []
    seen: set[int] = set()
    for i, block in enumerate(doc.blocks):
        if block.box_id is not None and block.box_id not in seen:
            seen.add(block.box_id)
            out.append((block, doc.blocks[i - 1] if i else None))
    return out


def continues(first: Block, before: Block | None) -> bool:
    """A box part that continues the box the previous page ended with."""
    return (
        before is not None
        and before.page == (first.page or 0) - 1
        and before.box == first.box
        and before.box_id != first.box_id
    )


# --- Generated factsheets -------------------------------------------------------------------


@pytest.mark.parametrize("name", [*ENGLISH, "albania-fr.pdf"])
def test_generated_footnotes_are_all_found(name: str) -> None:
    doc = generated(name)
    assert doc.source == "PDF" and doc.pages and doc.pages > 10
    numbers = sorted(doc.footnotes)
    assert numbers == list(range(1, len(numbers) + 1))
    assert all(text.strip() for text in doc.footnotes.values())
    # every marker in the body names a defined footnote (fused ones split by the model)
    markers = [m for b in doc.blocks for m in b.markers]
    assert markers
    assert all(int(m) in doc.footnotes or len(m) > 2 for m in markers)


@pytest.mark.parametrize("name", [*ENGLISH, "albania-fr.pdf"])
def test_generated_recommendation_codes_are_in_footnotes(name: str) -> None:
    doc = generated(name)
    recommendations = expected(name)["recommendations"]
    assert isinstance(recommendations, list)
    notes = " ".join(doc.footnotes.values())
    for rec in recommendations:
        for code in rec["codes"]:
            assert re.search(rf"\b{re.escape(code)}\b", notes), code


@pytest.mark.parametrize("name", ENGLISH)
def test_generated_bullet_carries_its_footnote_marker(name: str) -> None:
    doc = generated(name)
    number = next(n for n, t in doc.footnotes.items() if t == "Recommendation II-6.")
    i, bullet = next(
        (i, b)
        for i, b in enumerate(doc.blocks)
        if "requests that Albania ensures that a child will not be prosecuted when he/she "
        "possesses" in b.text
    )
    assert bullet.kind == "bullet"
    if bullet.dangling:  # a page break cut it: the next page's first block carries on
        rest = doc.blocks[i + 1]
        assert rest.page == (bullet.page or 0) + 1 and rest.starts_lower
        bullet = rest
    assert str(number) in bullet.markers
    assert bullet.ends_with_marker
    bullet = doc.blocks[i]
    assert "requests" in bullet.strong
    assert not bullet.bold


@pytest.mark.parametrize("name", [*ENGLISH, "albania-fr.pdf"])
def test_generated_boxes_match_expected_counts(name: str) -> None:
    doc = generated(name)
    want = expected(name)
    label = LABELS.get(name, "Follow-up actions:")
    new: Counter[str] = Counter()
    for first, before in boxes(doc):
        if continues(first, before):
            continue  # the part after a page break: a new box id, its text carrying on
        new[first.box or ""] += 1
        if first.box == "follow_up":
            assert first.text.startswith(label), first.text[:60]
            assert first.bold
        else:
            assert first.box == "practice"
            assert first.text and not first.text.startswith(label)
    assert new["follow_up"] == want["follow_ups"]
    assert new["practice"] == want["practices"]


@pytest.mark.parametrize("name", ENGLISH)
def test_generated_box_split_by_a_page_break(name: str) -> None:
    doc = generated(name)
    parts = [(first, before) for first, before in boxes(doc) if continues(first, before)]
    assert parts, "the generated factsheets have boxes cut by a page break"
    for first, before in parts:
        assert before is not None and first.box_id != before.box_id
        assert not first.text.startswith("Follow-up actions:")


@pytest.mark.parametrize("name", [*ENGLISH, "albania-fr.pdf"])
def test_generated_furniture_never_becomes_body(name: str) -> None:
    doc = generated(name)
    assert doc.furniture >= (doc.pages or 0)  # a page number on every page at least
    for block in doc.blocks:
        assert "COUNCIL OF EUROPE" not in block.text
        assert "CONSEIL DE L'EUROPE" not in block.text.upper().replace("’", "'")
        assert not re.fullmatch(r"(?:Page\s*)?[-–]?\s*\d{1,3}\s*[-–]?(?:\s*(?:of|sur)\s*\d+)?",
                                block.text)  # fmt: skip
        assert block.where == f"page {block.page}"


@pytest.mark.parametrize("name", ENGLISH)
def test_generated_chapters_are_headings(name: str) -> None:
    doc = generated(name)
    chapters = expected(name)["chapters"]
    assert isinstance(chapters, list)
    headings = [b.text for b in doc.blocks if b.kind == "heading" and not b.toc]
    for chapter in chapters:
        title = f"{chapter['number']}. {chapter['title']}"
        assert any(h.startswith(title[:60]) for h in headings), title
    toc = [b for b in doc.blocks if b.toc]
    assert len(toc) == len(chapters)
    assert all(b.page == 1 for b in toc)


def test_generated_block_kinds_agree_across_page_sizes() -> None:
    counts = {}
    for name in ENGLISH:
        doc = generated(name)
        counts[name] = Counter(b.kind for b in doc.blocks)
    bullets = {c["bullet"] for c in counts.values()}
    assert len(bullets) == 1, counts
    recommendations = expected(ENGLISH[0])["recommendations"]
    assert isinstance(recommendations, list)
    assert bullets.pop() >= len(recommendations)
    for c in counts.values():
        assert 30 <= c["heading"] <= 40 and c["para"] > 100


def test_generated_footnotes_agree_across_page_sizes() -> None:
    docs = [generated(name) for name in ENGLISH]
    assert docs[0].footnotes == docs[1].footnotes
    assert set(docs[0].footnotes) == set(docs[2].footnotes)


# --- Small drawn samples ----------------------------------------------------------------------


def _sample(pages: int = 3) -> bytes:
    """A reportlab factsheet: header, page numbers, markers, footnotes, boxes, a form."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    width, height = A4
    note = 0

    def runs(x: float, y: float, parts: list[tuple[str, str, float, float]]) -> None:
        for text, font, size, rise in parts:
            c.setFont(font, size)
            c.drawString(x, y + rise, text)
            x += c.stringWidth(text, font, size)

    for page in range(1, pages + 1):
        c.setFont("Helvetica", 9)
        c.drawString(72, height - 40, "COUNCIL OF EUROPE")
        c.drawCentredString(width / 2, 30, f"Page {page} of {pages}")
        y = height - 90
        c.setFont("Helvetica-Bold", 16)
        c.drawString(72, y, f"{['I', 'II', 'III', 'IV'][page - 1]}. Chapter {page}")
        y -= 30
        notes: list[tuple[int, str]] = []
        note += 1
        runs(72, y, [("At its 41", "Helvetica", 11, 0), ("st", "Helvetica", 7, 4),
                     (" meeting the Committee observed something about page " + str(page) + ".",
                      "Helvetica", 11, 0), (str(note), "Helvetica", 7, 4)])  # fmt: skip
        notes.append((note, f"Para. {50 + page}."))
        y -= 22
        c.setFont("Helvetica", 11)
        c.drawString(80, y, "•")
        note += 1
        runs(92, y, [("The Committee ", "Helvetica", 11, 0), ("requests", "Helvetica-Bold", 11, 0),
                     (" that the Party ensures that a child will not be prose-", "Helvetica", 11,
                      0)])  # fmt: skip
        y -= 14
        marks = [(str(note), "Helvetica", 7.0, 4.0), (str(note + 1), "Helvetica", 7.0, 4.0)]
        runs(92, y, [(f"cuted for this on page {page}.", "Helvetica", 11, 0), *marks])
        notes.append((note, f"Recommendation II-{page}."))
        note += 1
        notes.append((note, f"A longer footnote number {note} that needs a second line in the "
                            "footnote area at the foot of this page, continued here."))  # fmt: skip
        y -= 26
        c.setFillColor(HexColor("#FBE4D5"))
        c.rect(70, y - 40, width - 140, 54, fill=1, stroke=1)
        c.setFillColor(HexColor("#000000"))
        c.setFont("Helvetica-Bold", 11)
        c.drawString(76, y, "Follow-up actions:")
        c.setFont("Helvetica", 11)
        c.drawString(76, y - 16, f"The State reported measures taken in year {2020 + page}.")
        y -= 70
        c.setFillColor(HexColor("#DEEAF6"))
        c.rect(70, y - 12, width - 140, 28, fill=1, stroke=0)
        c.setFillColor(HexColor("#000000"))
        c.drawString(76, y, f"A promising practice number {page} of the Party.")
        y -= 40
        # a form XObject holding a heading and an outlined box, placed with a translation
        name = f"form{page}"
        c.beginForm(name)
        c.setFont("Helvetica-Bold", 13)
        c.drawString(0, 0, f"Promising practices {page}")
        c.setFont("Helvetica", 11)
        c.drawString(6, -30, "Text inside an outlined box drawn in a form.")
        c.setStrokeColor(HexColor("#000000"))
        c.rect(0, -44, 400, 30, fill=0, stroke=1)
        c.endForm()
        c.saveState()
        c.translate(72, y)
        c.doForm(name)
        c.restoreState()
        y -= 70
        c.setFont("Helvetica", 11)
        c.drawString(72, y, "1.   A numbered list item of the page.")
        # footnotes under a short rule
        c.setLineWidth(0.5)
        c.line(72, 140, 200, 140)
        fy = 128.0
        if page > 1:
            c.setFont("Helvetica", 9)
            c.drawString(80, fy, "(continued from the previous page)")
            fy -= 11
        for number, text in notes:
            runs(72, fy, [(str(number), "Helvetica", 6, 3)])
            words, line, lines = text.split(), "", []
            for w in words:
                if c.stringWidth(f"{line} {w}", "Helvetica", 9) > 380:
                    lines.append(line)
                    line = w
                else:
                    line = f"{line} {w}".strip()
            lines.append(line)
            for part in lines:
                c.setFont("Helvetica", 9)
                c.drawString(80, fy, part)
                fy -= 11
        c.showPage()
    c.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def sample() -> Document:
    return read_pdf(_sample(), "sample.pdf")


def test_sample_furniture_dropped(sample: Document) -> None:
    assert sample.pages == 3
    assert sample.furniture == 6
    assert not any("COUNCIL" in b.text or "Page " in b.text for b in sample.blocks)


def test_sample_headings_and_ordinals(sample: Document) -> None:
    headings = [b for b in sample.blocks if b.kind == "heading"]
    assert [h.text for h in headings if h.level == 1] == ["I. Chapter 1", "II. Chapter 2",
                                                          "III. Chapter 3"]  # fmt: skip
    assert all(h.bold for h in headings)
    para = sample.blocks[1]
    assert para.kind == "para"
    assert para.text == "At its 41st meeting the Committee observed something about page 1."
    assert para.markers == ["1"] and para.ends_with_marker


def test_sample_bullet_markers_strong_and_hyphen(sample: Document) -> None:
    bullet = sample.blocks[2]
    assert bullet.kind == "bullet" and bullet.level == 1
    assert bullet.text == (
        "The Committee requests that the Party ensures that a child will not be "
        "prose-cuted for this on page 1."
    )
    assert bullet.strong == ["requests"]
    assert bullet.markers == ["23"]  # two markers touching, kept as written
    assert bullet.ends_with_marker


def test_sample_boxes(sample: Document) -> None:
    follow = [b for b in sample.blocks if b.box == "follow_up"]
    assert [b.text for b in follow[:2]] == [
        "Follow-up actions:",
        "The State reported measures taken in year 2021.",
    ]
    assert follow[0].bold and follow[0].box_id == follow[1].box_id
    practice = [b for b in sample.blocks if b.box == "practice"]
    assert practice[0].text == "A promising practice number 1 of the Party."
    assert len({b.box_id for b in practice}) == 3
    outlined = [b for b in sample.blocks if b.box == "box"]
    assert [b.text for b in outlined][:1] == ["Text inside an outlined box drawn in a form."]
    ids = [b.box_id for b in sample.blocks if b.box_id is not None]
    assert len(set(ids)) == 9


def test_sample_form_heading_and_numbered_list(sample: Document) -> None:
    texts = [(b.kind, b.text) for b in sample.blocks if b.page == 2]
    assert ("heading", "Promising practices 2") in texts
    assert ("bullet", "A numbered list item of the page.") in texts


def test_sample_footnotes(sample: Document) -> None:
    assert sorted(sample.footnotes) == list(range(1, 10))
    assert sample.footnotes[1] == "Para. 51."
    assert sample.footnotes[2] == "Recommendation II-1."
    # a footnote's second line joins it; the next page's continuation joins the last one
    assert sample.footnotes[3] == (
        "A longer footnote number 3 that needs a second line in the footnote area at the foot "
        "of this page, continued here. (continued from the previous page)"
    )
    assert not any("footnote" in b.text for b in sample.blocks)


def test_toc_lines() -> None:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 760, "Table of Content")
    c.setFont("Helvetica", 11)
    c.drawString(72, 730, "I. Introduction ........................................ 3")
    c.drawString(72, 715, "II. Legal framework")
    c.drawRightString(520, 715, "4")
    c.drawString(72, 680, "The body text of the factsheet starts here and says enough.")
    c.save()
    doc = read_pdf(out.getvalue(), "toc.pdf")
    assert [b.toc for b in doc.blocks] == [False, True, True, False]
    assert doc.blocks[2].text == "II. Legal framework 4"


# --- Hostile input ----------------------------------------------------------------------------


def test_not_a_pdf() -> None:
    with pytest.raises(ImportRejected, match=r"^notes\.pdf: this is not a PDF"):
        read_pdf(b"PK\x03\x04 this is a zip file, not a PDF" * 10, "notes.pdf")


def test_empty() -> None:
    with pytest.raises(ImportRejected, match="empty"):
        read_pdf(b"", "empty.pdf")


def test_truncated_pdf_is_read_or_refused() -> None:
    data = _sample()
    for cut in (len(data) // 3, len(data) // 2, len(data) - 200):
        try:
            doc = read_pdf(data[:cut], "cut.pdf")
        except ImportRejected as exc:
            assert str(exc).startswith("cut.pdf")
        else:
            assert isinstance(doc, Document)


def test_garbage_after_header() -> None:
    data = b"%PDF-1.7\n" + bytes(range(256)) * 40
    with pytest.raises(ImportRejected, match=r"^bad\.pdf"):
        read_pdf(data, "bad.pdf")


def test_password_protected() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_sample(1))).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ImportRejected, match=r"^locked\.pdf is protected by a password; open it"):
        read_pdf(out.getvalue(), "locked.pdf")


def test_scanned_pdf() -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    image = Image.new("RGB", (400, 300), "white")
    for x in range(50, 350):
        image.putpixel((x, 150), (0, 0, 0))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.drawImage(ImageReader(image), 72, 400, width=400, height=300)
    c.showPage()
    c.save()
    with pytest.raises(ImportRejected, match=r"^scan\.pdf has no text layer \(it looks scanned\)"):
        read_pdf(out.getvalue(), "scan.pdf")


def test_too_large() -> None:
    data = b"%PDF-1.4\n" + b"0" * (read_pdf_module.MAX_PDF_BYTES + 1)
    with pytest.raises(ImportRejected, match=r"^big\.pdf: the PDF is too large \(50 MB; at most"):
        read_pdf(data, "big.pdf")


def test_too_many_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_pdf_module, "MAX_PAGES", 2)
    with pytest.raises(ImportRejected, match=r"^long\.pdf: the PDF has 3 pages, more than the 2"):
        read_pdf(_sample(3), "long.pdf")


def test_sideways_text_and_an_image_page_are_reported() -> None:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, "The Committee observes a sentence long enough to be a paragraph.")
    c.saveState()
    c.translate(40, 400)
    c.rotate(90)
    c.drawString(0, 0, "A stamp in the margin")
    c.restoreState()
    c.showPage()
    c.rect(72, 400, 200, 200, fill=1)
    c.showPage()
    c.save()
    doc = read_pdf(out.getvalue(), "mixed.pdf")
    assert [b.text for b in doc.blocks] == [
        "The Committee observes a sentence long enough to be a paragraph."
    ]
    assert [str(w) for w in doc.warnings] == [
        "page 1: text set sideways or upside down was left out (1 piece)",
        "page 2: the page has no text (an image or a scan?)",
    ]

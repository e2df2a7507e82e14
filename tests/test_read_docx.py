"""The Word reader against the generated factsheets (tests/data/factsheets) and bad files."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from assessor.importers.common import ImportRejected
from assessor.importers.document import Block, Document
from assessor.importers.read_docx import classify_colour, read_docx

DATA = Path(__file__).parent / "data" / "factsheets"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
VERBS = re.compile(r"^(requires?|requests?|invites?)$")
FILES = ["albania.docx", "albania-tables.docx"]


def read(name: str) -> Document:
    return read_docx((DATA / name).read_bytes(), name)


@pytest.fixture(scope="module", params=FILES)
def document(request: pytest.FixtureRequest) -> Document:
    return read(request.param)


def boxes(doc: Document) -> dict[int, list[Block]]:
    out: dict[int, list[Block]] = {}
    for block in doc.blocks:
        if block.box_id is not None:
            out.setdefault(block.box_id, []).append(block)
    return out


def carrier(doc: Document, number: int) -> Block:
    return next(b for b in doc.blocks if str(number) in b.markers)


def test_blocks_per_kind() -> None:
    styled, tables = read("albania.docx"), read("albania-tables.docx")
    assert Counter(b.kind for b in styled.blocks) == {"para": 158, "bullet": 95, "heading": 44}
    # Bold normal paragraphs instead of headings; labels run in with the box's first line.
    assert Counter(b.kind for b in tables.blocks) == {"para": 179, "bullet": 95}
    assert styled.source == tables.source == "Word"
    assert styled.furniture == 2  # the running header and the page number


def test_headings_from_styles() -> None:
    doc = read("albania.docx")
    chapters = [b.text for b in doc.blocks if b.kind == "heading" and b.level == 1]
    wanted = [f"{c['number']}. {c['title']}" for c in EXPECTED["chapters"]]
    # The Title and "Table of Content" (TOC Heading is based on Heading 1) come first.
    assert chapters == ["COMPLIANCE PROCEDURE – ALBANIA", "Table of Content", *wanted]
    sections = [b.text for b in doc.blocks if b.kind == "heading" and b.level == 2]
    assert sections[0].startswith("Observations and recommendations of the Lanzarote")
    assert any(s.startswith("Generic recommendations") for s in sections)
    assert "Promising practices" in sections


def test_bold_headings_without_styles() -> None:
    doc = read("albania-tables.docx")
    bold = [b.text for b in doc.blocks if b.bold and b.kind == "para"]
    for chapter in EXPECTED["chapters"]:
        assert f"{chapter['number']}. {chapter['title']}" in bold


def test_footnotes_numbered_and_placed(document: Document) -> None:
    assert sorted(document.footnotes) == list(range(1, 121))
    markers = [int(m) for b in document.blocks for m in b.markers]
    assert markers == list(range(1, 121))  # each once, in order of reference
    assert all(b.ends_with_marker for b in document.blocks if b.markers)
    assert all(not re.search(r"\d$", b.text) for b in document.blocks if b.markers)
    assert document.footnotes[7] == "Recommendation II-6."
    assert carrier(document, 7).kind == "bullet"
    assert "requests" in carrier(document, 7).strong
    assert document.footnotes[1] == "Para. 50."


def test_every_recommendation_footnote(document: Document) -> None:
    by_text = {text: n for n, text in document.footnotes.items()}
    for rec in EXPECTED["recommendations"]:
        codes = rec["codes"]
        listed = codes[0] if len(codes) == 1 else ", ".join(codes[:-1]) + f" and {codes[-1]}"
        word = "Recommendation" if len(codes) == 1 else "Recommendations"
        number = by_text[f"{word} {listed}."]
        assert carrier(document, number).kind == "bullet", codes


def test_boxes_by_colour(document: Document) -> None:
    kinds = Counter(blocks[0].box for blocks in boxes(document).values())
    assert kinds == {"follow_up": EXPECTED["follow_ups"], "practice": EXPECTED["practices"]}


def test_follow_up_boxes_in_order(document: Document) -> None:
    starts = []
    for blocks in boxes(document).values():
        if blocks[0].box != "follow_up":
            continue
        assert blocks[0].text.startswith("Follow-up actions:")
        assert blocks[0].strong[0] == "Follow-up actions:"
        text = " ".join(b.text for b in blocks).removeprefix("Follow-up actions:").strip()
        starts.append(text)
    wanted = [r["follow_up"] for r in EXPECTED["recommendations"] if r["follow_up"]]
    assert len(starts) == len(wanted)
    for got, start in zip(starts, wanted, strict=True):
        assert got.startswith(start.rstrip())


def test_paragraph_boxes_share_an_id() -> None:
    doc = read("albania.docx")
    first = next(iter(boxes(doc).values()))
    assert first[0].text == "Follow-up actions:"
    assert first[0].bold and len(first) == 3
    assert all(not b.bold for b in first[1:])


def test_bold_verbs(document: Document) -> None:
    verbs = [s for b in document.blocks for s in b.strong if VERBS.match(s)]
    assert Counter(verbs) == {"requests": 9, "invites": 15, "requires": 9}


def test_ordinals_toc_and_text(document: Document) -> None:
    round_line = document.blocks[1]
    assert round_line.text == "Lanzarote Committee's 2nd Monitoring Round on:"
    assert round_line.markers == []
    toc = [b for b in document.blocks if b.toc]
    assert len(toc) == 11 and toc[0].text == "I. Introduction 3"
    assert all("\u00a0" not in b.text and "  " not in b.text for b in document.blocks)


def test_french_document() -> None:
    doc = read("albania-fr.docx")
    expected_fr = json.loads((DATA / "expected-fr.json").read_text(encoding="utf-8"))
    kinds = Counter(blocks[0].box for blocks in boxes(doc).values())
    assert kinds == {"follow_up": expected_fr["follow_ups"], "practice": expected_fr["practices"]}
    labels = [blocks[0].text for blocks in boxes(doc).values() if blocks[0].box == "follow_up"]
    assert set(labels) == {"Actions de suivi :"}  # the NBSP before the colon became a space
    assert doc.footnotes[7] == "Recommandation II-6."
    verbs = {s for b in doc.blocks for s in b.strong}
    assert {"exige", "demande", "invite"} <= verbs


# --- small documents made here -------------------------------------------------------------


def w(tag: str, **attrs: str) -> BaseOxmlElement:
    el: BaseOxmlElement = OxmlElement(f"w:{tag}")
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def small_docx(build: Callable[[Any], None], notes: dict[str, str] | None = None) -> bytes:
    """A document ``build(doc)`` fills, with footnotes by Word id."""
    doc = docx.Document()
    build(doc)
    if notes is not None:
        ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        body = "".join(
            f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>'
            f"<w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>"
            for i, text in notes.items()
        )
        xml = (
            f'<w:footnotes xmlns:w="{ns}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
            "<w:separator/></w:r></w:p></w:footnote>"
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            f"<w:continuationSeparator/></w:r></w:p></w:footnote>{body}</w:footnotes>"
        )
        ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
        part = Part(PackURI("/word/footnotes.xml"), ct, xml.encode(), doc.part.package)
        doc.part.relate_to(part, RT.FOOTNOTES)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def note_ref(paragraph: Any, note_id: str) -> None:
    run = paragraph.add_run()
    run._r.append(w("footnoteReference", id=note_id))


def test_footnotes_numbered_by_first_reference_not_id() -> None:
    def build(doc: docx.document.Document) -> None:
        p = doc.add_paragraph("First claim.")
        note_ref(p, "5")
        p = doc.add_paragraph("Second claim.")
        note_ref(p, "2")
        p.add_run(" And on.")

    data = small_docx(build, {"2": "Para. 9.", "5": "Recommendation II-6.", "7": "Unused."})
    doc = read_docx(data, "ids.docx")
    assert doc.footnotes == {1: "Recommendation II-6.", 2: "Para. 9."}
    assert [b.markers for b in doc.blocks] == [["1"], ["2"]]
    assert [b.ends_with_marker for b in doc.blocks] == [True, False]
    assert doc.blocks[1].text == "Second claim. And on."


def test_hand_made_markers_and_ordinals() -> None:
    def build(doc: docx.document.Document) -> None:
        p = doc.add_paragraph("At its 41")
        p.add_run("st").font.superscript = True
        p.add_run(" meeting it decided.")
        p.add_run("12").font.superscript = True

    doc = read_docx(small_docx(build), "hand.docx")
    block = doc.blocks[0]
    assert block.text == "At its 41st meeting it decided."
    assert block.markers == ["12"] and block.ends_with_marker


def test_styles_lists_tables_and_colours() -> None:
    def build(doc: docx.document.Document) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        custom = doc.styles.add_style("Chapter Title", WD_STYLE_TYPE.PARAGRAPH)
        custom.base_style = doc.styles["Heading 2"]
        doc.add_paragraph("A chapter", style="Chapter Title")
        doc.add_paragraph("Item", style="List Number 2")
        p = doc.add_paragraph("Numbered by hand")
        num = w("numPr")
        num.append(w("ilvl", val="0"))
        num.append(w("numId", val="1"))
        p._p.get_or_add_pPr().append(num)
        p = doc.add_paragraph()
        p.add_run("All bold").bold = True
        p.add_run(" ")
        grid = doc.add_table(rows=2, cols=2)
        for i, cell in enumerate(grid._cells):
            cell.text = f"cell {i}"
        box = doc.add_table(rows=1, cols=1)
        box.cell(0, 0)._tc.get_or_add_tcPr().append(w("shd", val="clear", fill="DEEAF6"))
        box.cell(0, 0).text = "A practice."
        box.cell(0, 0).add_paragraph("More of it.")
        for fill in ("FBE4D5", "FBE4D5", "D9D9D9"):
            p = doc.add_paragraph(f"shaded {fill}")
            p._p.get_or_add_pPr().append(w("shd", val="clear", color="auto", fill=fill))

    doc = read_docx(small_docx(build), "mixed.docx")
    got = [(b.kind, b.level, b.text, b.bold, b.box, b.box_id) for b in doc.blocks]
    assert got[:4] == [
        ("heading", 2, "A chapter", True, None, None),
        ("bullet", 2, "Item", False, None, None),
        ("bullet", 1, "Numbered by hand", False, None, None),
        ("para", 0, "All bold", True, None, None),
    ]
    assert [b.text for b in doc.blocks[4:8]] == ["cell 0", "cell 1", "cell 2", "cell 3"]
    assert all(b.box is None for b in doc.blocks[4:8])
    practice = doc.blocks[8:10]
    assert [b.box for b in practice] == ["practice", "practice"]
    assert practice[0].box_id == practice[1].box_id
    orange = doc.blocks[10:12]
    assert [b.box for b in orange] == ["follow_up", "follow_up"]
    assert orange[0].box_id == orange[1].box_id != practice[0].box_id
    assert doc.blocks[12].box == "box" and doc.blocks[12].box_id != orange[0].box_id
    assert [b.where for b in doc.blocks[:2]] == ["paragraph 1", "paragraph 2"]


@pytest.mark.parametrize(
    ("colour", "kind"),
    [
        ("FBE4D5", "follow_up"),
        ("F4B083", "follow_up"),
        ("FFC000", "follow_up"),
        ("DEEAF6", "practice"),
        ("BDD7EE", "practice"),
        ("DAEEF3", "practice"),
        ("E2EFD9", "box"),
        ("FFFFFF", None),
        ("F2F2F2", None),
    ],
)
def test_colour_classes(colour: str, kind: str | None) -> None:
    assert classify_colour(colour) == kind


# --- bad inputs ------------------------------------------------------------------------------


def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


GOOD = (DATA / "albania.docx").read_bytes()
BAD = {
    "empty": b"",
    "other zip": zipped({"notes.txt": b"hello", "image.png": b"\x89PNG"}),
    "truncated": GOOD[: len(GOOD) // 2],
    "cut short": GOOD[:200],
    "ole": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000,
    "random": bytes(range(256)) * 8,
    "pdf": b"%PDF-1.7\n%...",
    "broken xml": zipped(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<w:document><oops",
        }
    ),
    "corrupt member": GOOD.replace(b"word/document.xml", b"word/document.xml", 1)[:-300]
    + b"\x00" * 300,
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_inputs_are_refused_in_one_sentence(case: str) -> None:
    name = f"{case.replace(' ', '-')}.docx"
    with pytest.raises(ImportRejected) as caught:
        read_docx(BAD[case], name)
    message = str(caught.value)
    assert name in message
    assert "\n" not in message and "Traceback" not in message


def test_ole_message_says_what_to_do() -> None:
    with pytest.raises(ImportRejected, match=r"Word 97–2003 \.doc or a password-protected"):
        read_docx(BAD["ole"], "report.doc")


def test_sub_bullets(document: Document) -> None:
    sub = next(b for b in document.blocks if b.text.startswith("either creating a specific"))
    assert (sub.kind, sub.level) == ("bullet", 2)
    parent = document.blocks[document.blocks.index(sub) - 1]
    assert (parent.kind, parent.level) == ("bullet", 1)

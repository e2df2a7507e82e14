"""Realistic test factsheets in several formats, generated from the parsed seed.

The seed Markdown is parsed once; its chapters, sections, recommendations, follow-ups and
practices are laid out again as the Committee's word processor would have them (clean: no
conversion debris) and written as Word documents (styles and paragraph shading, or bold
paragraphs and one-cell tables), as PDFs printed from them by LibreOffice on two page sizes,
as their ``pdftotext`` output, as a PDF drawn directly with reportlab, and in French for part
of the seed. ``expected.json`` / ``expected-fr.json`` say what every reader must find.

Run ``python -m tests.factsheet_documents OUTDIR`` (the committed copies live in
``tests/data/factsheets``); ``soffice`` and ``pdftotext`` must be on the PATH.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from assessor.importers.factsheet_data import (
    ParsedFactsheet,
    ParsedNote,
    ParsedObservation,
    ParsedPractice,
    ParsedRecommendation,
    SectionItem,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "resources" / "examples" / "factsheet-albania-2nd-round.md"
DATA = ROOT / "tests" / "data" / "factsheets"

#: A run of text: ("t", text), ("b", bold text), ("sup", a superscript ordinal suffix) or
#: ("n", a footnote's text — the writer numbers it and puts the reference there).
Seg = tuple[str, str]

ORDINAL = re.compile(r"\b(\d+)(st|nd|rd|th|e|er)\b")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")
# Words a line of a follow-up box ends with only when a page break cut the sentence.
DANGLING_WORDS = {"the", "a", "an", "of", "to", "and", "in", "with", "for", "as", "la", "le"}


@dataclass
class Element:
    """One paragraph-level piece of a factsheet, in a form every writer can lay out."""

    kind: str  # title | subtitle | lead | para | toc | heading | bullet | box
    segs: list[Seg] = field(default_factory=list)
    level: int = 0  # heading level, or bullet nesting (1, 2)
    box: str | None = None  # follow_up | practice
    label: str | None = None  # the box's bold first words ("Follow-up actions:")
    paras: list[list[Seg]] = field(default_factory=list)  # a box's paragraphs
    toc: tuple[str, str, str] | None = None  # number, title, page


@dataclass
class Language:
    """The structure words a factsheet is written with."""

    code: str
    header: str
    follow_up_label: str
    verbs: re.Pattern[str]
    one_code: str  # "Recommendation {}."
    many_codes: str  # "Recommendations {}."
    conjunction: str  # "and"
    one_para: str
    many_paras: str


ENGLISH = Language(
    code="en",
    header="COUNCIL OF EUROPE",
    follow_up_label="Follow-up actions:",
    verbs=re.compile(r"\b(requires|requests|invites|require|request|invite)\b"),
    one_code="Recommendation {}.",
    many_codes="Recommendations {}.",
    conjunction="and",
    one_para="Para. {}.",
    many_paras="Paras. {}.",
)


@dataclass
class Content:
    """A whole factsheet laid out as elements, with its language."""

    language: Language
    elements: list[Element]


def parsed_seed() -> ParsedFactsheet:
    """The seed factsheet, parsed by the reference parser (its old or its new entry point)."""
    import importlib

    factsheet = importlib.import_module("assessor.importers.factsheet")
    text = SEED.read_text(encoding="utf-8")
    parse = getattr(factsheet, "parse_factsheet", None)
    if parse is not None:
        parsed: ParsedFactsheet = parse(text)
        return parsed
    markdown = importlib.import_module("assessor.importers.read_markdown")
    parsed = factsheet.parse_document(markdown.read_markdown(text))
    return parsed


# --- runs ---------------------------------------------------------------------------------


def plain(text: str, bold: bool = False) -> list[Seg]:
    """Runs of ``text`` with ordinals' suffixes (2nd) as superscripts."""
    out: list[Seg] = []
    pos = 0
    for m in ORDINAL.finditer(text):
        out.append(("b" if bold else "t", text[pos : m.end(1)]))
        out.append(("sup", m.group(2)))
        pos = m.end()
    out.append(("b" if bold else "t", text[pos:]))
    return [s for s in out if s[1]]


def emphasised(text: str, pattern: re.Pattern[str] | None) -> list[Seg]:
    """Runs of ``text`` with the first match of ``pattern`` (a verb) in bold."""
    m = pattern.search(text) if pattern else None
    if m is None:
        return plain(text)
    return plain(text[: m.start()]) + plain(m.group(0), bold=True) + plain(text[m.end() :])


def with_notes(
    text: str, notes: dict[int, list[str]], pattern: re.Pattern[str] | None = None
) -> list[Seg]:
    """Runs of ``text`` with footnotes after its sentences (``notes``: sentence index → texts)."""
    sentences = SENTENCE_END.split(text)
    segs: list[Seg] = []
    for i, sentence in enumerate(sentences):
        chunk = sentence if i == 0 else " " + sentence
        segs += emphasised(chunk, pattern) if pattern and i == 0 else plain(chunk)
        last = i == len(sentences) - 1
        keys = [k for k in sorted(notes) if k == i or (last and k > i)]
        segs += [("n", t) for k in keys for t in notes[k]]
    return segs


def sentence_count(text: str) -> int:
    """How many sentences ``text`` has, as :func:`with_notes` splits them."""
    return len(SENTENCE_END.split(text))


def codes_note(codes: list[str], lang: Language) -> str:
    """The footnote mapping a bullet to the report's recommendations."""
    if len(codes) == 1:
        return lang.one_code.format(codes[0])
    listed = ", ".join(codes[:-1]) + f" {lang.conjunction} {codes[-1]}"
    return lang.many_codes.format(listed)


def paras_note(paragraphs: list[str], lang: Language) -> str:
    """The footnote citing the report's paragraphs."""
    if len(paragraphs) == 1:
        return lang.one_para.format(paragraphs[0])
    return lang.many_paras.format(", ".join(paragraphs))


def box_paragraphs(text: str) -> list[str]:
    """A box's paragraphs, rejoining a sentence the seed's page break cut in two."""
    out: list[str] = []
    for para in (p.strip() for p in text.split("\n\n")):
        if not para:
            continue
        if out and out[-1].rsplit(" ", 1)[-1].lower() in DANGLING_WORDS:
            out[-1] = f"{out[-1]} {para}"
        else:
            out.append(para)
    return out


# --- layout -------------------------------------------------------------------------------


def preamble_elements(fs: ParsedFactsheet) -> list[Element]:
    """The first page: title, round, dates, and the table of contents."""
    lines = [line for line in fs.preamble.split("\n") if line.strip()]
    pages = {}
    for line in lines:
        m = re.match(r"([IVXL]+)\.\s.*?\.{3,}\s*(\d+)$", line)
        if m:
            pages[m.group(1)] = m.group(2)
    round_line = next(line for line in lines if "Monitoring Round" in line)
    theme = next(line for line in lines if line.startswith("“"))
    dated = [line for line in lines if line.startswith(("This factsheet", "It has been"))]
    out = [
        Element("title", plain(fs.title)),
        Element("subtitle", plain(round_line)),
        Element("lead", plain(theme, bold=True)),
        *[Element("para", plain(line)) for line in dated],
        Element("heading", plain("Table of Content"), level=0),
    ]
    for ch in fs.chapters:
        out.append(Element("toc", toc=(f"{ch.number}.", ch.title, pages.get(ch.number, ""))))
    return out


def lead_in(text: str) -> bool:
    """A paragraph that introduces a list of recommendations (its verb is bolded)."""
    return text.rstrip().endswith(":")


def chapter_elements(fs: ParsedFactsheet, lang: Language) -> list[Element]:
    """Every chapter, section, observation, recommendation, follow-up and practice."""
    out: list[Element] = []
    for ch in fs.chapters:
        out.append(Element("heading", plain(f"{ch.number}. {ch.title}"), level=1))
        for sec in ch.sections:
            if sec.kind != "text":
                out.append(Element("heading", plain(sec.title), level=2))
            out += section_elements(sec.items, lang, chapter_one=ch.number == "I")
    return out


def section_elements(items: list[SectionItem], lang: Language, chapter_one: bool) -> list[Element]:
    """A section's items, footnote notes attached to the item before them."""
    groups: list[tuple[SectionItem, list[str]]] = []
    for item in items:
        if isinstance(item, ParsedNote) and item.kind == "footnote" and groups:
            groups[-1][1].append(re.sub(r"^\[\d+\]\s*", "", item.text))
        else:
            groups.append((item, []))
    out: list[Element] = []
    sub_bullets = False
    for item, extras in groups:
        if isinstance(item, ParsedRecommendation):
            nested = sub_bullets and item.text[:1].islower()
            elements = recommendation_elements(item, extras, lang, nested)
            sub_bullets = len(item.text.split("\n\n")) > 1
            out += elements
        elif isinstance(item, ParsedObservation):
            out += observation_elements(item, extras, lang)
        elif isinstance(item, ParsedPractice):
            paras = [plain(p) for p in box_paragraphs(item.text)]
            out.append(Element("box", box="practice", paras=paras))
        elif item.kind == "heading":
            out.append(Element("heading", plain(item.text), level=3))
        elif chapter_one and re.match(r"(“\w+”|« \w+ ») ?:", item.text):
            word, rest = item.text.split(":", 1)
            out.append(Element("bullet", plain(word + ":", bold=True) + plain(rest), level=1))
        else:
            pattern = lang.verbs if lead_in(item.text) else None
            out.append(
                Element("para", with_notes(item.text, extra_notes(item.text, extras), pattern))
            )
    return out


def extra_notes(text: str, extras: list[str]) -> dict[int, list[str]]:
    """Where a text's explanatory footnotes go: the j-th after its j-th sentence."""
    last = sentence_count(text) - 1
    notes: dict[int, list[str]] = {}
    for j, note in enumerate(extras):
        notes.setdefault(min(j, last), []).append(note)
    return notes


def recommendation_elements(
    rec: ParsedRecommendation, extras: list[str], lang: Language, nested: bool
) -> list[Element]:
    """A recommendation bullet (sub-bullets for its list), its codes' footnote, its follow-up."""
    paras = rec.text.split("\n\n")
    level = 2 if nested else 1
    out: list[Element] = []
    for i, para in enumerate(paras):
        notes = extra_notes(para, extras) if i == 0 else {}
        if i == len(paras) - 1:
            notes.setdefault(sentence_count(para) - 1, []).append(codes_note(rec.codes, lang))
        pattern = lang.verbs if i == 0 else None
        out.append(
            Element("bullet", with_notes(para, notes, pattern), level=min(level + (i > 0), 2))
        )
    if rec.follow_up:
        paras_fu = [plain(p) for p in box_paragraphs(rec.follow_up)]
        out.append(Element("box", box="follow_up", label=lang.follow_up_label, paras=paras_fu))
    return out


def observation_elements(
    obs: ParsedObservation, extras: list[str], lang: Language
) -> list[Element]:
    """An observation: its paragraphs (a list after a colon), report paragraphs footnoted."""
    paras = obs.text.split("\n\n")
    sentences = [(i, s) for i, p in enumerate(paras) for s in range(sentence_count(p))]
    notes: dict[tuple[int, int], list[str]] = {}
    for j, note in enumerate(extras):
        notes.setdefault(sentences[min(j, len(sentences) - 1)], []).append(note)
    refs = obs.paragraphs
    k = min(len(refs), len(sentences))
    for j in range(k):
        cited = refs[j : j + 1] if j < k - 1 else refs[j:]
        notes.setdefault(sentences[len(sentences) - k + j], []).append(paras_note(cited, lang))
    out: list[Element] = []
    listed = paras[0].rstrip().endswith(":")
    for i, para in enumerate(paras):
        mine = {s: v for (p, s), v in notes.items() if p == i}
        kind = "bullet" if listed and i > 0 else "para"
        out.append(Element(kind, with_notes(para, mine), level=1 if kind == "bullet" else 0))
    return out


def build_content(fs: ParsedFactsheet, lang: Language = ENGLISH) -> Content:
    """The whole factsheet as elements."""
    return Content(lang, preamble_elements(fs) + chapter_elements(fs, lang))


# --- what readers must find -----------------------------------------------------------------


def expected(fs: ParsedFactsheet) -> dict[str, object]:
    """What every reader of a generated file must find, from the parsed seed."""
    practices = [
        i for c in fs.chapters for s in c.sections for i in s.items if isinstance(i, ParsedPractice)
    ]
    recs = [
        {
            "codes": r.codes,
            "verb": r.verb,
            "scope": r.scope,
            "chapter": r.chapter,
            "follow_up": r.follow_up[:60] if r.follow_up else None,
        }
        for r in fs.recommendations
    ]
    return {
        "party": fs.party,
        "chapters": [{"number": c.number, "title": c.title} for c in fs.chapters],
        "recommendations": recs,
        "codes": sum(len(r.codes) for r in fs.recommendations),
        "follow_ups": sum(1 for r in fs.recommendations if r.follow_up),
        "practices": len(practices),
    }


# --- files --------------------------------------------------------------------------------


def soffice_pdf(docx: Path, outdir: Path) -> Path:
    """Print ``docx`` to PDF with LibreOffice (its own profile, so parallel runs don't clash)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return outdir / (docx.stem + ".pdf")


def pdftotext(pdf: Path, txt: Path, layout: bool = False) -> None:
    """The text poppler's ``pdftotext`` extracts from ``pdf``."""
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), str(txt)]
    subprocess.run(args, check=True, capture_output=True, timeout=120)


def write_all(outdir: Path) -> list[Path]:
    """Write every generated factsheet into ``outdir``; returns the files written."""
    from tests.factsheet_documents_docx import DocxLayout, write_docx
    from tests.factsheet_documents_fr import french_content, french_factsheet
    from tests.factsheet_documents_pdf import write_reportlab_pdf

    outdir.mkdir(parents=True, exist_ok=True)
    fs = parsed_seed()
    content = build_content(fs)
    written = [
        write_docx(content, outdir / "albania.docx", DocxLayout()),
        write_docx(content, outdir / "albania-tables.docx", DocxLayout(boxes="tables")),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        a4 = write_docx(content, work / "albania-a4.docx", DocxLayout())
        letter = write_docx(
            content,
            work / "albania-letter.docx",
            DocxLayout(page="letter", margin_cm=2.5, font_pt=12),
        )
        fr_docx = write_docx(french_content(fs), outdir / "albania-fr.docx", DocxLayout())
        written.append(fr_docx)
        fr_copy = work / "fr" / fr_docx.name
        fr_copy.parent.mkdir()
        shutil.copy(fr_docx, fr_copy)
        for source in (a4, letter, fr_copy):
            pdf = soffice_pdf(source, work)
            written.append(Path(shutil.copy(pdf, outdir / pdf.name)))
    pdftotext(outdir / "albania-a4.pdf", outdir / "albania-a4.txt")
    pdftotext(outdir / "albania-a4.pdf", outdir / "albania-a4-layout.txt", layout=True)
    pdftotext(outdir / "albania-letter.pdf", outdir / "albania-letter.txt")
    written += [outdir / f"albania-{n}.txt" for n in ("a4", "a4-layout", "letter")]
    written.append(write_reportlab_pdf(content, outdir / "albania-reportlab.pdf"))
    for name, data in (
        ("expected.json", expected(fs)),
        ("expected-fr.json", expected(french_factsheet(fs))),
    ):
        path = outdir / name
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    """Command line: ``python -m tests.factsheet_documents [OUTDIR]``."""
    outdir = Path(argv[0]) if argv else DATA
    for path in write_all(outdir):
        print(f"{path}  {path.stat().st_size // 1024} KB")
    return 0


def copy_factsheet(fs: ParsedFactsheet) -> ParsedFactsheet:
    """A deep copy of a parsed factsheet, to translate or vary without touching the original."""
    return copy.deepcopy(fs)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The Word (.docx) reader: a factsheet's body as the document model, with Word's own cues.

Headings come from paragraph styles (``Heading N``, ``Title`` and styles based on them, else an
outline level), list items from numbering or a list style, boxes from paragraph shading and
borders, one-column shaded tables and shaded text boxes (their colour says follow-up or
practice), footnotes from the footnotes part, numbered as Word shows them: by order of first
reference. Headers and footers are page furniture and only counted.
"""

from __future__ import annotations

import colorsys
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from assessor.importers.common import ImportRejected
from assessor.importers.document import Block, BoxKind, Document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
#: Uncompressed members beyond this are refused before parsing (a zip bomb, not a factsheet).
MAX_UNPACKED = 400 * 1024 * 1024
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_LIST_NAME = re.compile(r"^list(?: (?:bullet|number))?(?: (\d))?$", re.IGNORECASE)
_TOC = re.compile(r"\t\s*\d+\s*$|\.{4,}|…{2,}")
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007]+")
_HAND_BULLET = re.compile(r"^[•▪●◦‣\uf0b7\uf0a7]\s*")
_SKIPPED_NOTES = {"separator", "continuationSeparator", "continuationNotice"}


def _on(el: Any, tag: str) -> bool | None:
    """The value of a toggle property (``w:b``) under ``el``: True, False or None if unset."""
    prop = el.find(f"{W}{tag}") if el is not None else None
    if prop is None:
        return None
    return prop.get(f"{W}val", "true") not in ("0", "false", "off", "none")


class _Styles:
    """What the reader needs of a document's styles, following ``basedOn`` chains."""

    def __init__(self, styles_xml: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_para: str | None = None
        if styles_xml is None:
            return
        for style in styles_xml.iter(f"{W}style"):
            sid = style.get(f"{W}styleId")
            self.by_id[sid] = style
            if style.get(f"{W}type") == "paragraph" and _on(style, "default"):
                self.default_para = sid

    def chain(self, sid: str | None) -> Iterator[Any]:
        """The style and the styles it is based on, nearest first."""
        seen: set[str] = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            style = self.by_id[sid]
            yield style
            based = style.find(f"{W}basedOn")
            sid = based.get(f"{W}val") if based is not None else None

    def name(self, style: Any) -> str:
        el = style.find(f"{W}name")
        return el.get(f"{W}val", "") if el is not None else ""

    def heading_level(self, sid: str | None) -> int:
        """1… for a heading style or one based on it, 0 otherwise."""
        outline = None
        for style in self.chain(sid):
            name = self.name(style)
            if name.lower() == "title":
                return 1
            m = _HEADING_NAME.match(name)
            if m:
                return int(m.group(1))
            lvl = style.find(f"{W}pPr/{W}outlineLvl")
            if outline is None and lvl is not None:
                outline = int(lvl.get(f"{W}val", "9"))
        return outline + 1 if outline is not None and outline < 9 else 0

    def names(self, sid: str | None) -> list[str]:
        return [self.name(s) for s in self.chain(sid)]

    def ppr(self, sid: str | None, tag: str) -> Any:
        """The nearest ``w:pPr/w:{tag}`` the style chain sets."""
        for style in self.chain(sid):
            el = style.find(f"{W}pPr/{W}{tag}")
            if el is not None:
                return el
        return None

    def rpr(self, sid: str | None, tag: str) -> bool | None:
        """A run toggle (``b``) or superscript the style chain sets, None if none does."""
        for style in self.chain(sid):
            rpr = style.find(f"{W}rPr")
            if tag == "vertAlign":
                va = rpr.find(f"{W}vertAlign") if rpr is not None else None
                if va is not None:
                    return va.get(f"{W}val") == "superscript"
            else:
                value = _on(rpr, tag)
                if value is not None:
                    return value
        return None


def _hex_colour(value: str | None, theme: dict[str, str], theme_name: str | None) -> str | None:
    if value and re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        return value.upper()
    if theme_name and theme_name in theme:
        return theme[theme_name]
    return None


def classify_colour(hex_colour: str) -> BoxKind | None:
    """follow_up for orange/amber/red-yellowish, practice for blue/cyan, box for other
    chromatic colours; None for white, grey and black (they say nothing)."""
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, sat, val = colorsys.rgb_to_hsv(r, g, b)
    if sat < 0.04 or val < 0.15:
        return None
    degrees = hue * 360
    if degrees < 65 or degrees >= 330:
        return "follow_up"
    if 165 <= degrees <= 265:
        return "practice"
    return "box"


@dataclass
class _Look:
    """A box's look: its kind and colour (a change of either ends the box)."""

    kind: BoxKind
    colour: str


@dataclass
class _Reader:
    """One pass over a document's body."""

    styles: _Styles
    theme: dict[str, str]
    blocks: list[Block] = field(default_factory=list)
    note_numbers: dict[str, int] = field(default_factory=dict)
    paragraphs: int = 0
    rendered_breaks: int = 0
    box_count: int = 0
    open_box: tuple[str, int] | None = None  # colour of the paragraph box being read, its id

    # --- boxes ---

    def look(self, shd: Any, borders: list[Any]) -> _Look | None:
        """The box a shading and borders draw, classified by colour; None when none."""
        fill = None
        if shd is not None:
            solid = shd.get(f"{W}val") == "solid"
            attr, theme = ("color", "themeColor") if solid else ("fill", "themeFill")
            fill = _hex_colour(shd.get(f"{W}{attr}"), self.theme, shd.get(f"{W}{theme}"))
        lines = [
            b for b in borders if b is not None and b.get(f"{W}val", "none") not in ("none", "nil")
        ]
        line_colour = next(
            (
                c
                for b in lines
                if (c := _hex_colour(b.get(f"{W}color"), self.theme, b.get(f"{W}themeColor")))
            ),
            None,
        )
        shaded = fill is not None and fill != "FFFFFF"
        sides = {b.tag.rsplit("}", 1)[1] for b in lines}
        # A rule above or below (a heading's underline) is not a box; three sides or more are.
        boxed = len(sides & {"top", "left", "bottom", "right"}) >= 3
        if not shaded and not boxed:
            return None
        for colour in (fill if shaded else None, line_colour):
            kind = classify_colour(colour) if colour else None
            if colour and kind:
                return _Look(kind, colour)
        return _Look("box", fill if shaded and fill else (line_colour or "000000"))

    def paragraph_look(self, p: Any, sid: str | None) -> _Look | None:
        ppr = p.find(f"{W}pPr")
        shd = ppr.find(f"{W}shd") if ppr is not None else None
        bdr = ppr.find(f"{W}pBdr") if ppr is not None else None
        shd = shd if shd is not None else self.styles.ppr(sid, "shd")
        bdr = bdr if bdr is not None else self.styles.ppr(sid, "pBdr")
        return self.look(shd, list(bdr) if bdr is not None else [])

    def new_box(self) -> int:
        self.box_count += 1
        return self.box_count

    # --- body ---

    def walk(self, parent: Any, box: tuple[BoxKind, int] | None = None) -> None:
        """Read the paragraphs and tables under ``parent`` in order."""
        for child in parent:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child, box)
            elif tag == f"{W}tbl":
                self.open_box = None
                self.table(child, box)
            elif tag in (f"{W}sdt", f"{W}customXml", f"{W}ins", f"{W}smartTag"):
                inner = child.find(f"{W}sdtContent")
                self.walk(inner if inner is not None else child, box)

    def table(self, tbl: Any, box: tuple[BoxKind, int] | None) -> None:
        rows = tbl.findall(f"{W}tr")
        cells = [tc for tr in rows for tc in tr.findall(f"{W}tc")]
        one_column = all(len(tr.findall(f"{W}tc")) == 1 for tr in rows)
        table_box = box
        if one_column and cells and box is None:
            look = self._table_look(tbl, cells)
            if look is not None:
                table_box = (look.kind, self.new_box())
        for tc in cells:
            self.walk(tc, table_box)
        self.open_box = None

    def _table_look(self, tbl: Any, cells: list[Any]) -> _Look | None:
        tc_shd = cells[0].find(f"{W}tcPr/{W}shd")
        tbl_shd = tbl.find(f"{W}tblPr/{W}shd")
        borders: list[Any] = []
        for path in (f"{W}tblPr/{W}tblBorders", f"{W}tcPr/{W}tcBorders"):
            holder = tbl.find(path) if path.startswith(f"{W}tblPr") else cells[0].find(path)
            if holder is not None:
                borders += [b for b in holder if not b.tag.endswith(("insideH", "insideV"))]
        if not borders:
            style = tbl.find(f"{W}tblPr/{W}tblStyle")
            sid = style.get(f"{W}val") if style is not None else None
            for st in self.styles.chain(sid):
                holder = st.find(f"{W}tblPr/{W}tblBorders")
                if holder is not None:
                    borders = list(holder)
                    break
        return self.look(tc_shd if tc_shd is not None else tbl_shd, borders)

    def paragraph(self, p: Any, box: tuple[BoxKind, int] | None) -> None:
        self.paragraphs += 1
        where = f"paragraph {self.paragraphs}"
        page = self.rendered_breaks + 1
        style = p.find(f"{W}pPr/{W}pStyle")
        sid = style.get(f"{W}val") if style is not None else self.styles.default_para
        text, strong, markers, ends, all_bold = self.runs(p, sid)
        if box is None:
            look = self.paragraph_look(p, sid)
            if look is None:
                self.open_box = None
            else:
                if self.open_box is None or self.open_box[0] != look.colour:
                    self.open_box = (look.colour, self.new_box())
                box = (look.kind, self.open_box[1])
        raw = text
        text = _SPACES.sub(" ", text.replace("\t", " ")).strip()
        text = re.sub(r" ?\n ?", "\n", text)
        if text or markers:
            self._block(p, sid, box, raw, text, strong, markers, ends, all_bold, where, page)
        for txbx in self._text_boxes(p):
            self._text_box(txbx)

    def _block(
        self,
        p: Any,
        sid: str | None,
        box: tuple[BoxKind, int] | None,
        raw: str,
        text: str,
        strong: list[str],
        markers: list[str],
        ends: bool,
        all_bold: bool,
        where: str,
        page: int,
    ) -> None:
        names = self.styles.names(sid)
        level = self.styles.heading_level(sid)
        bullet_level = self._list_level(p, sid, names)
        if bullet_level == 0 and _HAND_BULLET.match(text):
            text, bullet_level = _HAND_BULLET.sub("", text), 1
        kind = "heading" if level else "bullet" if bullet_level else "para"
        toc = bool(_TOC.search(raw)) or any(re.match(r"toc \d$", n, re.IGNORECASE) for n in names)
        self.blocks.append(
            Block(
                kind=kind,  # type: ignore[arg-type]
                text=text,
                where=where,
                level=level or bullet_level,
                bold=all_bold and bool(text),
                strong=strong,
                box=box[0] if box else None,
                box_id=box[1] if box else None,
                markers=markers,
                ends_with_marker=ends,
                page=page,
                toc=toc,
            )
        )

    def _list_level(self, p: Any, sid: str | None, names: list[str]) -> int:
        num = p.find(f"{W}pPr/{W}numPr")
        if num is None:
            num = self.styles.ppr(sid, "numPr")
        if num is not None:
            num_id = num.find(f"{W}numId")
            if num_id is None or num_id.get(f"{W}val") in ("0", None):
                return 0
            ilvl = num.find(f"{W}ilvl")
            if ilvl is not None:
                return int(ilvl.get(f"{W}val", "0")) + 1
        # A list style's level is its name's number ("List Bullet 2"): the numbering links
        # the level to the style, not the paragraph to a level.
        m = _LIST_NAME.match(names[0]) if names else None
        if m:
            return int(m.group(1) or 1)
        return 1 if num is not None else 0

    # --- runs ---

    def runs(self, p: Any, sid: str | None) -> tuple[str, list[str], list[str], bool, bool]:
        """Text, bold fragments, markers, whether a marker ends it, whether all of it is bold."""
        out: list[str] = []
        strong: list[str] = []
        markers: list[str] = []
        bold_run: list[str] = []
        sup_digits: list[str] = []
        last_marker_at = -1
        all_bold = True
        para_bold = self.styles.rpr(sid, "b")

        def flush_sup() -> None:
            nonlocal last_marker_at
            if sup_digits:
                markers.extend(d for d in re.split(r"[,\s]+", "".join(sup_digits)) if d)
                sup_digits.clear()
                last_marker_at = len("".join(out))

        def flush_bold() -> None:
            fragment = _SPACES.sub(" ", "".join(bold_run)).strip()
            if fragment:
                strong.append(fragment)
            bold_run.clear()

        for r in self._runs(p):
            if r.find(f"{W}lastRenderedPageBreak") is not None:
                self.rendered_breaks += 1
            rpr = r.find(f"{W}rPr")
            rstyle = rpr.find(f"{W}rStyle") if rpr is not None else None
            csid = rstyle.get(f"{W}val") if rstyle is not None else None
            bold = _on(rpr, "b")
            if bold is None:
                bold = self.styles.rpr(csid, "b")
            if bold is None:
                bold = bool(para_bold)
            va = rpr.find(f"{W}vertAlign") if rpr is not None else None
            sup = va.get(f"{W}val") == "superscript" if va is not None else None
            if sup is None:
                sup = bool(self.styles.rpr(csid, "vertAlign"))
            for child in r:
                tag = child.tag
                if tag == f"{W}footnoteReference":
                    flush_sup()
                    number = self.note_numbers.setdefault(
                        child.get(f"{W}id", ""), len(self.note_numbers) + 1
                    )
                    markers.append(str(number))
                    last_marker_at = len("".join(out))
                    continue
                piece = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n"}.get(tag)
                if tag == f"{W}br" and child.get(f"{W}type") == "page":
                    piece = None
                if tag == f"{W}noBreakHyphen":
                    piece = "-"
                if tag == f"{W}t":
                    piece = child.text or ""
                if not piece:
                    continue
                if sup and piece.strip().replace(",", "").isdigit():
                    sup_digits.append(piece)
                    continue
                flush_sup()
                out.append(piece)
                if bold:
                    bold_run.append(piece)
                else:
                    flush_bold()
                    if piece.strip():
                        all_bold = False
        flush_sup()
        flush_bold()
        text = "".join(out)
        ends = bool(markers) and not text[last_marker_at:].strip()
        return text, strong, markers, ends, all_bold and bool(text.strip())

    def _runs(self, p: Any) -> Iterator[Any]:
        """The paragraph's runs in order, not those of text boxes or deleted text."""
        stack = list(reversed(p))
        while stack:
            el = stack.pop()
            tag = el.tag
            if tag == f"{W}r":
                yield el
            elif tag in (f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}txbxContent"):
                continue
            else:
                stack.extend(reversed(el))

    def _text_boxes(self, p: Any) -> list[Any]:
        """Text boxes anchored in the paragraph (the drawing, not its VML fallback copy)."""
        found = []
        for txbx in p.iter(f"{W}txbxContent"):
            if any(a.tag == f"{MC}Fallback" for a in txbx.iterancestors()):
                continue
            found.append(txbx)
        return found

    def _text_box(self, txbx: Any) -> None:
        colour = None
        for ancestor in txbx.iterancestors():
            fill = ancestor.find(f"{{*}}spPr/{A}solidFill/{A}srgbClr")
            if fill is not None:
                colour = fill.get("val")
                break
            if ancestor.get("fillcolor"):
                colour = ancestor.get("fillcolor", "").lstrip("#")
                break
        kind = classify_colour(colour.upper()) if colour and len(colour) == 6 else None
        saved = self.open_box
        self.walk(txbx, (kind or "box", self.new_box()))
        self.open_box = saved


def _notes_text(blob: bytes, numbers: dict[str, int]) -> dict[int, str]:
    from docx.oxml import parse_xml

    notes: dict[int, str] = {}
    for note in parse_xml(blob).iter(f"{W}footnote"):
        if note.get(f"{W}type") in _SKIPPED_NOTES:
            continue
        number = numbers.get(note.get(f"{W}id", ""))
        if number is None:
            continue  # never referenced: Word does not show it
        paras = []
        for p in note.iter(f"{W}p"):
            pieces = [t.text or "" for t in p.iter(f"{W}t")]
            paras.append("".join(pieces))
        notes[number] = _SPACES.sub(" ", " ".join(paras)).strip()
    return notes


def _theme(package: Any) -> dict[str, str]:
    from docx.oxml import parse_xml

    for part in package.iter_parts():
        if str(part.partname).startswith("/word/theme/"):
            colours = {}
            for scheme in parse_xml(part.blob).iter(f"{A}clrScheme"):
                for el in scheme:
                    name = el.tag.split("}")[1]
                    rgb = el.find(f"{A}srgbClr")
                    sys_clr = el.find(f"{A}sysClr")
                    value = rgb.get("val") if rgb is not None else None
                    if value is None and sys_clr is not None:
                        value = sys_clr.get("lastClr")
                    if value:
                        colours[name] = value.upper()
            return colours
    return {}


def _check_container(data: bytes, name: str) -> None:
    """Refuse, in one sentence, what is not a readable .docx."""
    if not data:
        raise ImportRejected(f"{name}: the file is empty.")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRejected(
            f"{name} is a Word 97–2003 .doc or a password-protected document; save it as .docx "
            "without a password."
        )
    if not data.startswith(b"PK"):
        raise ImportRejected(f"{name} is not a Word document (.docx).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            if sum(m.file_size for m in members) > MAX_UNPACKED:
                raise ImportRejected(f"{name}: the Word document unpacks to far too much data.")
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise ImportRejected(f"{name} is a zip archive but not a Word document (.docx).")
            if archive.testzip() is not None:
                raise ImportRejected(f"{name} is damaged (a part of it cannot be unpacked).")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise ImportRejected(f"{name} is damaged or truncated; it cannot be opened.") from exc


def read_docx(data: bytes, name: str) -> Document:
    """The document model of a Word .docx factsheet; refuses other files in one sentence."""
    _check_container(data, name)
    import docx
    from docx.oxml import parse_xml

    try:
        word = docx.Document(io.BytesIO(data))
        styles_xml = word.styles.element
        body = word.element.body
        package = word.part.package
    except ImportRejected:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a broken file
        raise ImportRejected(
            f"{name} could not be read as a Word document (it may be damaged)."
        ) from exc
    try:
        reader = _Reader(_Styles(styles_xml), _theme(package))
        reader.walk(body)
        footnotes: dict[int, str] = {}
        for rel in word.part.rels.values():
            if rel.reltype == FOOTNOTES_RT and not rel.is_external:
                footnotes = _notes_text(rel.target_part.blob, reader.note_numbers)
        furniture = 0
        for part in package.iter_parts():
            if str(part.partname).startswith(("/word/header", "/word/footer")):
                root = parse_xml(part.blob)
                furniture += sum(
                    1
                    for p in root.iter(f"{W}p")
                    if "".join(t.text or "" for t in p.iter(f"{W}t")).strip()
                    or p.find(f".//{W}fldSimple") is not None
                    or p.find(f".//{W}instrText") is not None
                )
    except Exception as exc:
        raise ImportRejected(
            f"{name} could not be read as a Word document (its content is malformed)."
        ) from exc
    pages = reader.rendered_breaks + 1 if reader.rendered_breaks else None
    if pages is None:
        for block in reader.blocks:
            block.page = None
    return Document(
        reader.blocks,
        footnotes,
        source="Word",
        pages=pages,
        furniture=furniture,
    )

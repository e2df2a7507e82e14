"""One pass over a Word document's body: paragraphs, shaded tables and text boxes become blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from assessor.i18n import _
from assessor.importers.document import Block, BoxKind
from assessor.importers.docx_styles import MC, A, Styles, W, classify_colour, hex_colour, is_on

_LIST_NAME = re.compile(r"^list(?: (?:bullet|number))?(?: (\d))?$", re.IGNORECASE)
_TOC = re.compile(r"\t\s*\d+\s*$|\.{4,}|…{2,}")
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007]+")
_HAND_BULLET = re.compile(r"^[•▪●◦‣\uf0b7\uf0a7]\s*")


@dataclass
class _Look:
    """A box's look: its kind and colour (a change of either ends the box)."""

    kind: BoxKind
    colour: str


@dataclass
class BodyReader:
    """One pass over a document's body."""

    styles: Styles
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
            fill = hex_colour(shd.get(f"{W}{attr}"), self.theme, shd.get(f"{W}{theme}"))
        lines = [
            b for b in borders if b is not None and b.get(f"{W}val", "none") not in ("none", "nil")
        ]
        line_colour = next(
            (
                c
                for b in lines
                if (c := hex_colour(b.get(f"{W}color"), self.theme, b.get(f"{W}themeColor")))
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
        where = _("paragraph {n}").format(n=self.paragraphs)
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
            bold = is_on(rpr, "b")
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

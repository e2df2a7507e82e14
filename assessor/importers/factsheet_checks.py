"""Checks after a factsheet is parsed: repeated, unnamed and stray codes, unplaced text."""

from __future__ import annotations

from assessor.i18n import _, ngettext
from assessor.importers.common import ImportWarning
from assessor.importers.document import Document
from assessor.importers.factsheet_cues import Footnote
from assessor.importers.factsheet_data import (
    ParsedChapter,
    ParsedNote,
    ParsedRecommendation,
    Unplaced,
)


def unplaced_text(
    chapters: list[ParsedChapter], footnotes: dict[int, Footnote], document: Document
) -> list[Unplaced]:
    """Text that landed nowhere: boxes that answer nothing, footnotes no marker names."""
    out: list[Unplaced] = []
    for chapter in chapters:
        for section in chapter.sections:
            for item in section.items:
                if isinstance(item, ParsedNote) and item.kind == "unplaced":
                    out.append(Unplaced(item.where or f"chapter {chapter.number}", item.text))
    named = {n for b in document.blocks for n in b.numbers}
    for number, note in sorted(footnotes.items()):
        if number not in named and note.text:
            out.append(Unplaced(f"footnote {number}", note.text))
    return out


def warn_unnamed_codes(
    chapters: list[ParsedChapter], footnotes: dict[int, Footnote], warnings: list[ImportWarning]
) -> None:
    """Footnotes naming codes that no recommendation carries: their markers were not found, so
    those recommendations are missing and the follow-ups around them may sit on a neighbour."""
    taken = {c for ch in chapters for r in ch.recommendations for c in r.codes}
    missing: dict[str, None] = {}
    for note in footnotes.values():
        missing.update((c, None) for c in note.codes if c not in taken)
    if not missing:
        return
    codes = list(missing)
    chapters_named = ", ".join(dict.fromkeys(c.split("-")[0] for c in codes))
    shown = ", ".join(codes[:12]) + (", …" if len(codes) > 12 else "")
    warnings.append(
        ImportWarning(
            _(
                "footnotes name {shown}, but no recommendation in the text carries their markers: "
                "those recommendations are missing, and a follow-up near them may stand on a "
                "neighbour — check chapter {chapters} against the original"
            ).format(shown=shown, chapters=chapters_named)
        )
    )


def set_aside_repeated_codes(chapters: list[ParsedChapter], warnings: list[ImportWarning]) -> None:
    """A code named a second time (a bullet duplicated, a factsheet pasted twice) is not taken
    again: that recommendation keeps its other codes, or becomes unplaced text; one warning
    names the repeated codes."""
    seen: set[str] = set()
    repeated: list[str] = []
    for chapter in chapters:
        for section in chapter.sections:
            for index, item in enumerate(section.items):
                if not isinstance(item, ParsedRecommendation):
                    continue
                again = [c for c in item.codes if c in seen]
                seen.update(item.codes)
                if not again:
                    continue
                repeated += [c for c in again if c not in repeated]
                item.codes = [c for c in item.codes if c not in again]
                if not item.codes:
                    text = item.text + (f"\n\n{item.follow_up}" if item.follow_up else "")
                    where = _("{codes} named again").format(codes=", ".join(again))
                    section.items[index] = ParsedNote(text, "unplaced", where=where)
    if repeated:
        shown = ", ".join(repeated[:12]) + (", …" if len(repeated) > 12 else "")
        warnings.append(
            ImportWarning(
                ngettext(
                    "{n} recommendation code is named more than once ({shown}); "
                    "it is kept where first named and the repeats are listed as unplaced text "
                    "(a bullet repeated, or a file pasted twice?)",
                    "{n} recommendation codes are named more than once ({shown}); "
                    "each is kept where first named and the repeats are listed as unplaced text "
                    "(a bullet repeated, or a file pasted twice?)",
                    len(repeated),
                ).format(n=len(repeated), shown=shown)
            )
        )


def warn_stray_codes(chapters: list[ParsedChapter], warnings: list[ImportWarning]) -> None:
    """Codes whose numeral is not their chapter's: a chapter heading was likely missed."""
    for chapter in chapters:
        strays = [
            code
            for rec in chapter.recommendations
            for code in rec.codes
            if code.split("-")[0] != chapter.number
        ]
        if strays:
            shown = ", ".join(strays[:8]) + (", …" if len(strays) > 8 else "")
            warnings.append(
                ImportWarning(
                    ngettext(
                        "{n} recommendation code stands in chapter {number} "
                        "({shown}); check the chapter headings",
                        "{n} recommendation codes stand in chapter {number} "
                        "({shown}); check the chapter headings",
                        len(strays),
                    ).format(n=len(strays), number=chapter.number, shown=shown)
                )
            )

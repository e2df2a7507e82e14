"""What a factsheet file will become, shown before anything is written (window and --dry-run).

The review is plain data (:class:`ReviewLine`) built from the parsed factsheet alone, so the
command line prints it and the window draws it as a tree, from the same rule.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from assessor.domain.scope import snippet
from assessor.i18n import N_, _, ngettext
from assessor.importers.factsheet_data import (
    ParsedFactsheet,
    ParsedPractice,
    ParsedRecommendation,
)
from assessor.services.import_report import (
    count_follow_ups,
    count_practices,
    counts_line,
)

#: A factsheet's language in words (marked, translated where shown).
LANGUAGES = {"en": N_("English"), "fr": N_("French")}
#: What each kind of section is, in words (marked, translated where shown).
SECTION_KINDS = {
    "specific": N_("specific to the Party"),
    "generic": N_("generic"),
    "promising_practices": N_("promising practices"),
    "difficulties": N_("difficulties"),
    "text": N_("text"),
}
#: A recommendation's verb and scope, in words.
VERBS = {"require": N_("require"), "request": N_("request"), "invite": N_("invite")}
SCOPES = {"specific": N_("specific"), "generic": N_("generic")}


@dataclass(frozen=True)
class ReviewLine:
    """One line of the review: its depth in the tree, what it is, and its text."""

    depth: int
    kind: str  # chapter | section | recommendation | follow_up | practice
    text: str
    detail: str = ""  # for a recommendation: verb and scope
    follow_up: str = ""  # for a recommendation: the start of its follow-up


def headline(parsed: ParsedFactsheet) -> list[str]:
    """The review's first lines: what the file is, how much of it was placed, the counts."""
    verbs = Counter(r.verb for r in parsed.recommendations)
    codes = sum(len(r.codes) for r in parsed.recommendations)
    practices = sum(
        1 for c in parsed.chapters for s in c.sections for i in s.items
        if isinstance(i, ParsedPractice)
    )  # fmt: skip
    language = _(LANGUAGES[parsed.language]) if parsed.language in LANGUAGES else parsed.language
    source = f"{parsed.source_format}, {language}" if parsed.source_format else language
    counts = counts_line(len(parsed.chapters), len(parsed.recommendations), dict(verbs), codes)
    return [
        _("Factsheet of {party} — {round} ({source})").format(
            party=parsed.party, round=parsed.round_title, source=source
        ),
        parsed.placement_line(),
        _("{counts}; {follow_ups} from {boxes}; {practices}").format(
            counts=counts,
            follow_ups=count_follow_ups(parsed.follow_ups),
            boxes=ngettext("{n} box", "{n} boxes", parsed.boxes).format(n=parsed.boxes),
            practices=count_practices(practices),
        ),
    ]


def section_kind(kind: str) -> str:
    """A kind of section in words, in the user's language."""
    return _(SECTION_KINDS[kind]) if kind in SECTION_KINDS else kind


def review_tree(parsed: ParsedFactsheet) -> list[ReviewLine]:
    """Chapters → sections → recommendations with their follow-ups, and the practices."""
    out: list[ReviewLine] = []
    for chapter in parsed.chapters:
        out.append(ReviewLine(0, "chapter", f"{chapter.number}. {chapter.title}"))
        for section in chapter.sections:
            if section.kind == "text" and not section.recommendations:
                continue
            kind = section_kind(section.kind)
            title = section.title or kind[:1].upper() + kind[1:]
            out.append(
                ReviewLine(1, "section", title, kind if section.kind in SECTION_KINDS else "")
            )
            for item in section.items:
                if isinstance(item, ParsedRecommendation):
                    out.append(
                        ReviewLine(
                            2,
                            "recommendation",
                            ", ".join(item.codes),
                            f"{_words(VERBS, item.verb)} · {_words(SCOPES, item.scope)}",
                            snippet(item.follow_up or "", 90),
                        )
                    )
                elif isinstance(item, ParsedPractice):
                    out.append(ReviewLine(2, "practice", snippet(item.text, 90)))
    return out


def review_text(parsed: ParsedFactsheet) -> str:
    """The whole review as text, for ``assessor import FILE --dry-run``."""
    lines = headline(parsed)
    for line in review_tree(parsed):
        pad = "  " * (line.depth + 1)
        if line.kind == "recommendation":
            if line.follow_up:
                follow = _("follow-up: {text}").format(text=line.follow_up)
            else:
                follow = _("no follow-up")
            lines.append(f"{pad}{line.text:<18} {line.detail:<18} {follow}")
        elif line.kind == "practice":
            lines.append(pad + _("promising practice: {text}").format(text=line.text))
        elif line.kind == "section":
            lines.append(f"{pad}{line.text} [{line.detail}]")
        else:
            lines.append(f"{pad}{line.text}")
    if parsed.unplaced:
        lines.append(_("Not placed ({n}):").format(n=len(parsed.unplaced)))
        lines += [f"  {u.where}: {snippet(u.text, 120)}" for u in parsed.unplaced]
    if parsed.warnings:
        lines.append(_("Warnings ({n}):").format(n=len(parsed.warnings)))
        lines += [f"  {w}" for w in parsed.warnings]
    return "\n".join(lines)


def _words(table: dict[str, str], key: str) -> str:
    return _(table[key]) if key in table else key

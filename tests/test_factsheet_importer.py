"""The factsheet parser against the real seed, and against the ways other conversions vary it."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from assessor.importers.common import ImportRejected
from assessor.importers.factsheet import parse_factsheet
from assessor.importers.factsheet_data import (
    ParsedFactsheet,
    ParsedNote,
    ParsedObservation,
    ParsedPractice,
    ParsedRecommendation,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"
SEED = (EXAMPLES / "factsheet-albania-2nd-round.md").read_text(encoding="utf-8")

# From reading the seed: (codes of one bullet, verb, scope). Chapter = the codes' numeral.
EXPECTED: list[tuple[str, str, str]] = [
    ("II-1 II-3", "invite", "specific"),
    ("II-6", "request", "specific"),
    ("II-8", "request", "specific"),
    ("II-9", "request", "specific"),
    ("II-11", "invite", "specific"),
    ("II-12", "invite", "specific"),
    ("II-2", "invite", "generic"),
    ("II-4", "invite", "generic"),
    ("II-7", "invite", "generic"),
    ("II-10", "invite", "generic"),
    ("III-15", "require", "specific"),
    ("III-16 III-18", "request", "specific"),
    ("III-28", "request", "specific"),
    ("III-26", "invite", "specific"),
    ("III-4", "invite", "generic"),
    ("III-5", "invite", "generic"),
    ("III-9", "invite", "generic"),
    ("III-10", "invite", "generic"),
    ("III-11", "invite", "generic"),
    ("III-14", "invite", "generic"),
    ("III-17 III-19", "invite", "generic"),
    ("III-20", "invite", "generic"),
    ("III-21", "invite", "generic"),
    ("III-3 III-7", "request", "generic"),
    ("III-30", "require", "generic"),
    ("III-24", "invite", "generic"),
    ("III-25 III-29", "invite", "generic"),
    ("III-31", "invite", "generic"),
    ("III-32", "invite", "generic"),
    ("IV-4", "require", "specific"),
    ("IV-5", "require", "specific"),
    ("IV-6", "require", "specific"),
    ("IV-9", "request", "specific"),
    ("IV-7", "invite", "generic"),
    ("IV-8", "invite", "generic"),
    ("V-3", "request", "generic"),
    ("V-6 V-11", "invite", "generic"),
    ("V-4 V-7 V-12 V-15", "invite", "generic"),
    ("V-5", "invite", "generic"),
    ("V-8 V-13", "invite", "generic"),
    ("V-9", "invite", "generic"),
    ("V-10", "invite", "generic"),
    ("V-14 V-16", "invite", "generic"),
    ("V-19", "invite", "generic"),
    ("VI-1", "require", "specific"),
    ("VI-3", "require", "specific"),
    ("VI-2", "invite", "generic"),
    ("VI-4", "invite", "generic"),
    ("VII-1", "require", "specific"),
    ("VII-2", "request", "specific"),
    ("VII-3", "invite", "generic"),
    ("VII-4", "invite", "generic"),
    ("VII-5", "invite", "generic"),
    ("VII-6 VII-7", "invite", "generic"),
    *[(f"VIII-{n}", "invite", "generic") for n in range(1, 10)],
    ("IX-7", "invite", "specific"),
    ("IX-3", "require", "generic"),
    *[(f"IX-{n}", "invite", "generic") for n in (1, 2, 4, 5, 6, 8)],
    ("X-4", "require", "specific"),
    ("X-5 X-6", "require", "specific"),
    ("X-7", "require", "specific"),
    ("X-1", "request", "specific"),
    ("X-2", "invite", "generic"),
    ("X-3", "invite", "generic"),
    *[(f"XI-{n}", "invite", "specific") for n in range(1, 5)],
]

# The start of each follow-up box, by the first code of the recommendation it answers.
FOLLOW_UPS = {
    "II-6": "These issues addressed by the Committee of States Parties",
    "II-8": "These issues addressed by the Committee of States Parties",
    "II-9": "These issues addressed by the Committee of States Parties",
    "III-15": "The General Prosecutor's Office has aimed to strengthen",
    "III-16": "The following trainings were held at the Magistrates' School",
    "III-28": "In accordance with national legislation, the Prosecutor General",
    "III-26": "Currently, the Albanian State Police has cooperation with NCMEC",  # bold, unlabelled
    "III-3": "The Albanian State Police, with the structural changes",
    "III-30": "Currently, the Albanian State Police has cooperation with NCMEC",
    "IV-4": "The Constitution of the Republic of Albania, in Article 16",
    "IV-5": "The recommendations provided will be taken into consideration",
    "IV-6": "The recommendations provided will be taken into consideration",
    "IV-9": "The recommendations provided will be taken into consideration",
    "V-3": "Currently, the State Police has cooperation with NCMEC",
    "VI-1": "The National Toll-Free Line 116006 was activated",
    "VI-3": "During 2024, Child Protection Workers (CPWs) have managed",
    "VII-1": "UNICEF supported Municipalities of Tirana, Shkoder and Korca",
    "VII-2": "Safer Internet Day (SID) is organized every year",
    "IX-3": "For the implementation of the strategic commitments",
    "X-4": "The Ministry of Education and Sports, with Instruction no. 32",
    "X-5": "To increase children's safety on the internet",
    "X-7": "To protect children against cyberbullying",
    "X-1": 'Integration of the "Peer Educators for Online Safety" program',
}


@pytest.fixture(scope="module")
def seed() -> ParsedFactsheet:
    return parse_factsheet(SEED)


def by_code(fs: ParsedFactsheet) -> dict[str, ParsedRecommendation]:
    return {r.codes[0]: r for r in fs.recommendations}


def signature(fs: ParsedFactsheet) -> list[tuple[str, str, str, str, str]]:
    """What must not change between conversions: codes, verb, scope, chapter, follow-up start."""
    return [
        (" ".join(r.codes), r.verb, r.scope, r.chapter, (r.follow_up or "")[:60])
        for r in fs.recommendations
    ]


def test_chapters(seed: ParsedFactsheet) -> None:
    assert [c.number for c in seed.chapters] == [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
        "X",
        "XI",
    ]
    assert seed.chapters[1].title == "Legal framework"
    assert seed.chapters[7].title.startswith("Promoting awareness of the risks")
    assert seed.chapters[10].title == "Research"


def test_party_title_round(seed: ParsedFactsheet) -> None:
    assert seed.party == "Albania"
    assert seed.title == "COMPLIANCE PROCEDURE – ALBANIA"
    assert seed.round_title.startswith("2nd monitoring round: The protection of children")
    assert seed.follow_ups_received is not None
    assert (seed.follow_ups_received.year, seed.follow_ups_received.month) == (2025, 3)


def test_every_code_with_its_verb_scope_and_chapter(seed: ParsedFactsheet) -> None:
    got = [(" ".join(r.codes), r.verb, r.scope) for r in seed.recommendations]
    assert sorted(got) == sorted(EXPECTED)
    codes = [c for r in seed.recommendations for c in r.codes]
    assert len(codes) == len(set(codes)) == 94
    for rec in seed.recommendations:
        assert all(code.split("-")[0] == rec.chapter for code in rec.codes)


def test_sections_by_kind(seed: ParsedFactsheet) -> None:
    kinds = {c.number: [s.kind for s in c.sections] for c in seed.chapters}
    assert kinds["I"] == ["text"]
    assert kinds["II"] == ["text", "specific", "generic"]  # its promising practices are empty
    assert kinds["VII"] == ["text", "specific", "generic", "difficulties", "promising_practices"]
    assert kinds["VIII"] == ["text", "generic", "promising_practices", "promising_practices"]


def test_follow_ups_on_the_right_recommendations(seed: ParsedFactsheet) -> None:
    recs = by_code(seed)
    answered = {code: r.follow_up for code, r in recs.items() if r.follow_up}
    assert set(answered) == set(FOLLOW_UPS)
    for code, start in FOLLOW_UPS.items():
        assert (answered[code] or "").startswith(start), code


def test_boxes_interleaved_by_a_page_break_are_rejoined(seed: ParsedFactsheet) -> None:
    recs = by_code(seed)
    iii3 = recs["III-3"].follow_up or ""
    iii30 = recs["III-30"].follow_up or ""
    assert "Local Police Directorates of other regions." in iii3
    assert "Since these units have been newly created" in iii3
    assert iii3.rstrip().endswith("since the forms of committing these crimes change every day.")
    assert "Albanian State Police will cooperate with Interpol in order to create access" in iii30
    assert "when dealing with criminal offenses facilitated by ICT." in iii30
    assert "Our Rescue" in iii30
    assert "other regions" not in iii30 and "Interpol" not in iii3
    # The sub-heading between the two boxes is the Committee's, not the State's.
    assert "On measures to ensure" not in iii3 + iii30
    assert recs["III-30"].text.startswith("The Lanzarote Committee requires all Parties")


def test_bullets_continued_after_a_page_break(seed: ParsedFactsheet) -> None:
    recs = by_code(seed)
    assert recs["II-9"].text.startswith("The Committee also requests that Albania ensures that")
    assert 'where they have "reasonable grounds"' in recs["X-5"].text
    assert recs["X-5"].text.endswith("in areas relating to sport, culture, and leisure activities.")
    assert recs["III-21"].text.endswith("involving simulated or real cases.")
    assert recs["VI-2"].text.endswith("to those who wish to help them.")
    assert "in their reply to the" not in recs["VI-3"].follow_up or ""
    assert (recs["VI-3"].follow_up or "").endswith(
        "in close cooperation with school psychologists."
    )
    assert recs["II-1"].codes == ["II-1", "II-3"]
    assert recs["III-14"].codes == ["III-14"]  # <sup>3536</sup>: 35 explains, 36 names the code


def test_texts_are_clean(seed: ParsedFactsheet) -> None:
    texts = [r.text for r in seed.recommendations] + [
        r.follow_up or "" for r in seed.recommendations
    ]
    texts += [i.text for c in seed.chapters for s in c.sections for i in s.items]
    for text in texts:
        assert "**" not in text and "<sup>" not in text and "](" not in text, text[:80]
        assert not re.search(r"[a-z.]\d{1,3}(\s|$)", text.split("\n")[0][-4:]), text[-40:]
    recs = by_code(seed)
    assert recs["X-1"].text.endswith("for example through education or continuous training.")
    assert recs["II-11"].text.endswith("is investigated and prosecuted")


def test_paragraph_references(seed: ParsedFactsheet) -> None:
    observations = [
        i
        for c in seed.chapters
        for s in c.sections
        for i in s.items
        if isinstance(i, ParsedObservation)
    ]
    first = observations[0]
    assert first.text.startswith("The Committee observes that Albania does not have")
    assert first.paragraphs == ["50"]
    cited = {p for o in observations for p in o.paragraphs}
    assert {"78", "82", "145", "146", "295", "296", "443"} <= cited
    recs = by_code(seed)
    assert recs["II-6"].paragraphs == ["68", "71", "72"]
    # One that follows another directly answers the same observations (the finding pane's rule).
    assert recs["II-9"].paragraphs == recs["II-8"].paragraphs == ["78", "82"]
    assert recs["II-12"].paragraphs == recs["II-11"].paragraphs == ["95", "99", "102"]
    assert recs["II-2"].paragraphs == []  # generic: no observation of this Party to answer
    # A lead-in and the list it introduces are one observation.
    listed = next(o for o in observations if "Albania's investigation and prosecution" in o.text)
    assert listed.paragraphs == ["115", "138", "145", "146", "180"]
    assert listed.text.endswith("for cases of ICT-facilitated sexual offences against children.")


def test_promising_practices_without_empty_headings(seed: ParsedFactsheet) -> None:
    practices = [
        (c.number, i.text)
        for c in seed.chapters
        for s in c.sections
        for i in s.items
        if isinstance(i, ParsedPractice)
    ]
    assert [n for n, _ in practices] == ["VI", "VII", "VIII", "VIII"]
    assert practices[0][1].startswith("Continuing a positive tradition")
    assert practices[0][1].endswith("in particular, women and children.")
    assert "NGOs from Albania, Cyprus and Finland" in practices[1][1]
    assert practices[3][1].startswith("2024 Meta Online Safety Campaign")


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[^\W\d_]{3,}", text.casefold()))


def test_no_text_is_dropped(seed: ParsedFactsheet) -> None:
    source = re.sub(r"<sup>\s*\w+\s*</sup>", " ", SEED)
    source = re.sub(r"\]\([^)]*\)", "]", source)  # link targets are not text
    source = re.sub(r"(?m)^\s*(?:Recommendations?|Paras?)\b.*$", " ", source)  # footnote refs
    # Box labels and empty headings are structure, not text.
    source = re.sub(r"(?mi)^\W*(?:follow-up actions|promising practices?)\W*$", " ", source)
    out = [seed.preamble, seed.title]
    for c in seed.chapters:
        out.append(f"{c.number}. {c.title}")
        for s in c.sections:
            out.append(s.title)
            for i in s.items:
                out.append(i.text)
                if isinstance(i, ParsedRecommendation) and i.follow_up:
                    out.append(i.follow_up)
    missing = _words(source) - _words("\n".join(out))
    assert not missing, missing.most_common(20)


# --- variants: the way other conversions format the same document --------------------------


def variant(text: str) -> ParsedFactsheet:
    return parse_factsheet(text)


def test_crlf_line_ends(seed: ParsedFactsheet) -> None:
    assert signature(variant(SEED.replace("\n", "\r\n"))) == signature(seed)


def test_other_heading_levels(seed: ParsedFactsheet) -> None:
    deeper = re.sub(r"(?m)^(#{1,5}) ", r"\1# ", SEED)
    flatter = re.sub(r"(?m)^#{2,6} ", "# ", SEED)
    assert signature(variant(deeper)) == signature(seed)
    assert signature(variant(flatter)) == signature(seed)


def test_bold_lines_instead_of_headings(seed: ParsedFactsheet) -> None:
    bold = re.sub(r"(?m)^#{3,6} (?:\*\*)?(.*?)(?:\*\*)?$", r"**\1**", SEED)
    assert signature(variant(bold)) == signature(seed)


def test_bullet_glyphs(seed: ParsedFactsheet) -> None:
    dotted = re.sub(r"(?m)^(\s*)- ", r"\1• ", SEED)
    assert signature(variant(dotted)) == signature(seed)


def test_follow_up_label_without_colon(seed: ParsedFactsheet) -> None:
    text = re.sub(
        r"(?m)^(?:#### )?(?:\*\*)?Follow-up actions:(?:\*\*)?$", "**Follow-up actions**", SEED
    )
    assert text.count("**Follow-up actions**\n") == 22
    assert signature(variant(text)) == signature(seed)


def test_footnotes_gathered_at_the_end(seed: ParsedFactsheet) -> None:
    lines = SEED.split("\n")
    notes = [ln for ln in lines if re.match(r"<sup>\d+</sup> \S", ln)]
    body = [ln for ln in lines if ln not in notes]
    moved = "\n".join(body) + "\n\n---\n\n" + "\n\n".join(notes) + "\n"
    assert signature(variant(moved)) == signature(seed)


def test_markdown_footnote_syntax(seed: ParsedFactsheet) -> None:
    text = re.sub(r"(?m)^<sup>(\d+)</sup> ", r"[^\1]: ", SEED)
    text = re.sub(r"<sup>(\d{1,3})</sup>", r"[^\1]", text)
    text = text.replace("[^3536]", "[^35][^36]")
    assert signature(variant(text)) == signature(seed)


def test_another_party(seed: ParsedFactsheet) -> None:
    text = SEED.replace("ALBANIA", "NORTH MACEDONIA").replace("Albania", "North Macedonia")
    other = variant(text)
    assert other.party == "North Macedonia"
    assert signature(other) == [
        (codes, verb, scope, ch, fu.replace("Albania", "North Macedonia")[:60])
        for codes, verb, scope, ch, fu in signature(seed)
    ]
    assert "Albania" not in str(other.recommendations)


def test_party_override(seed: ParsedFactsheet) -> None:
    assert parse_factsheet(SEED, party="Republic of Albania").party == "Republic of Albania"


def plain_text(markdown: str) -> str:
    """The seed as a text converter writes it: no markup, markers as bare digits glued to the
    text, footnote texts as lines beginning with their number, bullets as glyphs."""
    text = re.sub(r"(?m)^#{1,6} ", "", markdown).replace("**", "")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(?m)^<sup>(\d+)</sup>[ \t]*(?=\S)", r"\1 ", text)
    text = re.sub(r"<sup>(\d+)</sup>", r"\1", text)
    text = re.sub(r"</?sup>", "", text)
    return re.sub(r"(?m)^- ", "• ", text)


def test_plain_text_without_markup(seed: ParsedFactsheet) -> None:
    plain = plain_text(SEED)
    assert "<sup>" not in plain and "**" not in plain and "](" not in plain
    fs = variant(plain)
    assert fs.source_format == "text"
    # Without bold, the unlabelled box after III-26 cannot be told from the body's text.
    want = [(c, v, s, ch, "" if c == "III-26" else fu) for c, v, s, ch, fu in signature(seed)]
    assert signature(fs) == want


def test_plain_text_with_superscript_digits(seed: ParsedFactsheet) -> None:
    digits = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
    text = re.sub(r"<sup>(\d+)</sup>", lambda m: m.group(1).translate(digits), SEED)
    assert signature(variant(text)) == signature(seed)


def test_not_a_factsheet_is_rejected() -> None:
    with pytest.raises(ImportRejected, match="no chapters"):
        parse_factsheet("Shopping list\n\n- milk\n- bread\n")
    with pytest.raises(ImportRejected, match="no recommendation"):
        parse_factsheet("# I. Introduction\n\nHello.\n\n# II. Legal framework\n\nNothing.\n")


def test_unplaced_text_is_kept_and_reported() -> None:
    text = (
        "## COMPLIANCE PROCEDURE – ICELAND\n\n## I. Introduction\n\nIntro.\n\n"
        "## II. Legal framework\n\n#### Follow-up actions:\n\nA box that answers nothing.\n\n"
        "### Observations and recommendations specific to Iceland\n\n"
        "- The Committee **requests** Iceland to act.<sup>1</sup>\n\n"
        "<sup>1</sup> Recommendation II-1.\n"
    )
    fs = parse_factsheet(text)
    notes = [
        i for c in fs.chapters for s in c.sections for i in s.items if isinstance(i, ParsedNote)
    ]
    assert any(n.kind == "unplaced" and "answers nothing" in n.text for n in notes)
    assert any("follows no recommendation" in str(w) for w in fs.warnings)
    assert fs.party == "Iceland"
    assert [r.codes for r in fs.recommendations] == [["II-1"]]

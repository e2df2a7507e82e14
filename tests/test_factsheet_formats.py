"""The same factsheet in every form a rapporteur has it gives the same structure.

The inputs are made from the seed by ``python -m tests.factsheet_documents`` (Word files as the
Secretariat writes them, their LibreOffice prints on A4 and Letter, a reportlab print, their
``pdftotext`` output, a French part) and by the variants below (a label on the line above its
text, a Party with no chapters IV and V, French words). Each is compared with
``tests/data/factsheets/expected.json``, derived from the seed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from assessor.importers.factsheet import parse_document, parse_factsheet
from assessor.importers.factsheet_data import ParsedFactsheet, ParsedPractice
from assessor.importers.readers import read_document

DATA = Path(__file__).parent / "data" / "factsheets"
SEED = (Path(__file__).parents[1] / "resources/examples/factsheet-albania-2nd-round.md").read_text(
    encoding="utf-8"
)
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
EXPECTED_FR = json.loads((DATA / "expected-fr.json").read_text(encoding="utf-8"))


def parse_file(name: str) -> ParsedFactsheet:
    return parse_document(read_document((DATA / name).read_bytes(), name))


def table(fs: ParsedFactsheet) -> dict[str, tuple[str, str, str, str | None]]:
    """codes → (verb, scope, chapter, follow-up start) as expected.json writes it."""
    return {
        " ".join(r.codes): (r.verb, r.scope, r.chapter, (r.follow_up or "")[:60] or None)
        for r in fs.recommendations
    }


def expected_table(expected: dict[str, Any]) -> dict[str, tuple[str, str, str, str | None]]:
    return {
        " ".join(r["codes"]): (r["verb"], r["scope"], r["chapter"], r["follow_up"])
        for r in expected["recommendations"]
    }


def practices(fs: ParsedFactsheet) -> int:
    return sum(
        isinstance(i, ParsedPractice) for c in fs.chapters for s in c.sections for i in s.items
    )


@pytest.mark.parametrize(
    "name",
    [
        "albania.docx",
        "albania-tables.docx",
        "albania-a4.pdf",
        "albania-letter.pdf",
        "albania-reportlab.pdf",
        "albania-a4-layout.txt",
    ],
)
def test_every_format_gives_the_seed(name: str) -> None:
    fs = parse_file(name)
    assert [c.number for c in fs.chapters] == [c["number"] for c in EXPECTED["chapters"]]
    assert fs.party == EXPECTED["party"]
    assert table(fs) == expected_table(EXPECTED)
    assert sum(len(r.codes) for r in fs.recommendations) == EXPECTED["codes"] == 94
    assert fs.follow_ups == EXPECTED["follow_ups"]
    assert practices(fs) == EXPECTED["practices"]
    assert fs.placed_share > 0.99


@pytest.mark.parametrize("name", ["albania-fr.docx", "albania-fr.pdf"])
def test_french_factsheets(name: str) -> None:
    fs = parse_file(name)
    assert fs.language == "fr"
    assert fs.party == "Albanie"
    assert table(fs) == expected_table(EXPECTED_FR)
    assert practices(fs) == EXPECTED_FR["practices"]
    assert fs.follow_ups_received is not None and fs.follow_ups_received.month == 3


@pytest.mark.parametrize("name", ["albania-a4.txt", "albania-letter.txt"])
def test_pdftotext_default_order_is_read_or_flagged(name: str) -> None:
    """pdftotext's default reading order scatters footnotes among the body: most of it reads
    right, and no follow-up lands on another recommendation without a warning naming its
    chapter."""
    fs = parse_file(name)
    want = expected_table(EXPECTED)
    got = table(fs)
    assert len(fs.chapters) == 11
    right = sum(got.get(k) == v for k, v in want.items())
    assert right >= 0.95 * len(want), (right, len(want))
    by_code = {c: v[3] for k, v in want.items() for c in k.split()}
    flagged = " ".join(str(w) for w in fs.warnings)
    for rec in fs.recommendations:
        start = (rec.follow_up or "")[:60] or None
        for code in rec.codes:
            if start is not None and start != by_code.get(code):
                assert re.search(rf"chapters? [IVXL, ]*\b{rec.chapter}\b", flagged), (code, start)


# --- variants of the Markdown ---------------------------------------------------------------


def signature(fs: ParsedFactsheet) -> list[tuple[str, str, str, str, str]]:
    return [
        (" ".join(r.codes), r.verb, r.scope, r.chapter, (r.follow_up or "")[:60])
        for r in fs.recommendations
    ]


@pytest.fixture(scope="module")
def seed() -> ParsedFactsheet:
    return parse_factsheet(SEED)


@pytest.mark.parametrize("label", ["**Follow-up actions:**", "Follow-up actions:"])
def test_label_on_the_line_above_its_text(seed: ParsedFactsheet, label: str) -> None:
    text = re.sub(r"(?m)^(?:#### )?(?:\*\*)?Follow-up actions:(?:\*\*)?\n\n", label + "\n", SEED)
    assert text.count(label + "\n") == 22
    fs = parse_factsheet(text)
    assert signature(fs) == signature(seed)
    assert fs.follow_ups == 23


def test_label_and_text_on_one_line(seed: ParsedFactsheet) -> None:
    text = re.sub(
        r"(?m)^(?:#### )?(?:\*\*)?Follow-up actions:(?:\*\*)?\n\n", "Follow-up actions: ", SEED
    )
    assert signature(parse_factsheet(text)) == signature(seed)


def test_chapters_by_their_own_numbers(seed: ParsedFactsheet) -> None:
    """A Party with nothing under IV and V: chapters I, II, III, VI … are kept apart."""
    text = SEED[: SEED.index("## IV. Jurisdiction")] + SEED[SEED.index("## VI. Assistance") :]
    fs = parse_factsheet(text)
    assert [c.number for c in fs.chapters] == [
        "I",
        "II",
        "III",
        "VI",
        "VII",
        "VIII",
        "IX",
        "X",
        "XI",
    ]
    assert not [w for w in fs.warnings if "stand in chapter" in str(w)]
    kept = [s for s in signature(seed) if s[3] not in ("IV", "V")]
    assert signature(fs) == kept


FRENCH = [
    ("COMPLIANCE PROCEDURE – ALBANIA", "PROCÉDURE DE CONFORMITÉ – ALBANIE"),
    ("It has been updated with information submitted by the Government of Albania in March 2025",
     "Elle a été mise à jour avec les informations soumises par le Gouvernement de l'Albanie en "
     "mars 2025"),
    ("## II. Legal framework", "## II. Cadre juridique"),
    ("## III. Investigations and prosecution", "## III. Enquêtes et poursuites"),
    (r"Observations and recommendations of the Lanzarote Committee on (.*?) specific to Albania",
     r"Observations et recommandations du Comité de Lanzarote sur \1 spécifiques à l'Albanie"),
    (r"Generic recommendations of the Lanzarote Committee on ([^\n]*)",
     r"Recommandations génériques du Comité de Lanzarote sur \1"),
    ("Follow-up actions:", "Actions de suivi :"),
    (r"The (?:Lanzarote )?Committee (also )?\*\*requires\*\*", r"Le Comité \1**exige**"),
    (r"The (?:Lanzarote )?Committee (also )?\*\*requests\*\*", r"Le Comité \1**demande**"),
    (r"The (?:Lanzarote )?Committee (also )?\*\*invites\*\*", r"Le Comité \1**invite**"),
    (r"It also \*\*(requests|requires|invites)\*\*", r"Il **\1** également"),
    (r"\*\*requests\*\*", "**demande**"), (r"\*\*invites\*\*", "**invite**"),
    (r"\*\*requires\*\*", "**exige**"),
    (r"Recommendations? ([IVX]+-\d+)(?:,| and) (?:Recommendation )?([IVX]+-\d+)",
     r"Recommandations \1 et \2"),
    (r"Recommendations?", "Recommandation"),
    (r"Paras?\.\s*", "Par. "),
]  # fmt: skip


def test_french_markdown(seed: ParsedFactsheet) -> None:
    """Chapters I–III of the seed with every structural word in French."""
    text = SEED[: SEED.index("## IV. Jurisdiction")]
    for english, french in FRENCH:
        text = re.sub(english, french, text)
    fs = parse_factsheet(text)
    assert fs.language == "fr"
    assert fs.party == "Albanie"
    assert [c.title for c in fs.chapters][1:] == ["Cadre juridique", "Enquêtes et poursuites"]
    assert signature(fs) == [s for s in signature(seed) if s[3] in ("I", "II", "III")]
    assert not fs.warnings


def test_french_verbs_alone_are_not_guessed(seed: ParsedFactsheet) -> None:
    """With only the verbs in French, no verb silently becomes “invite”."""
    text = SEED.replace("**requests**", "**demande**").replace("**requires**", "**exige**")
    fs = parse_factsheet(text)
    assert signature(fs) == signature(seed)


def test_an_unknown_bold_verb_is_a_warning() -> None:
    text = SEED.replace("The Committee **requests** that Albania ensures that a child will not be "
                        "prosecuted when", "The Committee **urges** that Albania ensures that a "
                        "child will not be prosecuted when")  # fmt: skip
    fs = parse_factsheet(text)
    assert any("“urges”" in str(w) and "II-6" in str(w) for w in fs.warnings)


def test_invisible_and_control_characters_change_nothing(seed: ParsedFactsheet) -> None:
    text = SEED.replace("II-6", "II\u200b-6").replace("**requests**", "**re\u200bquests**")
    text = text[:9000] + "\x01\x02" + text[9000:]
    fs = parse_factsheet(text)
    assert signature(fs) == signature(seed)
    assert "\x01" not in fs.preamble + "".join(r.text for r in fs.recommendations)


def test_a_repeated_code_is_set_aside_and_named(seed: ParsedFactsheet) -> None:
    bullet = next(ln for ln in SEED.split("\n") if "<sup>7</sup>" in ln and ln.startswith("- "))
    text = SEED.replace(bullet, bullet + "\n\n" + bullet.replace("possesses", "has"), 1)
    fs = parse_factsheet(text)
    codes = [c for r in fs.recommendations for c in r.codes]
    assert len(codes) == len(set(codes)) == 94
    assert any("II-6" in str(w) and "more than once" in str(w) for w in fs.warnings)
    assert any("II-6" in u.where for u in fs.unplaced)
    assert fs.placed_share < 1


def test_placement_is_reported(seed: ParsedFactsheet) -> None:
    assert seed.placement_line() == "100.0 % of the text placed"
    assert seed.box_labels == 22 and seed.boxes == 23  # one unlabelled (bold) box: III-26


def test_nesting_on_one_line_is_read_not_dropped() -> None:
    from assessor.importers.read_markdown import read_markdown

    document = read_markdown("- " * 60 + "deep text\n\nmore\n")
    assert [b.text for b in document.blocks] == ["deep text", "more"]
    assert document.warnings

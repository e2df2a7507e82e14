"""Tests for the themed recommendations parser, on the Albanian seed and on variants of it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assessor.importers.common import ImportRejected
from assessor.importers.recommendations import (
    ThemedRecommendations,
    looks_like_recommendations,
    parse_recommendations,
)

SHARED_SEEDS = Path("/work/shared/seeds")

TITLES = [
    "Institutional and Operational Capacity",
    "Legislation and Implementation",
    "Information, Prevention, and Awareness",
    "Cooperation with Other Actors",
]
# Counted by hand in the seed: theme I has one "e" paragraph and five dash bullets ("- the
# Cybercrime", "-Continuous", "-investments", "- the functioning", "-consideration") = 6;
# Legislation has three "e" bullets and one "¢" = 4; Information has "e", "¢", "e", "e" = 4;
# Cooperation has one "¢" bullet and four plain paragraphs ("At international", "Cooperation
# with major", "Inter-institutional", "Finally") = 5.
COUNTS = [6, 4, 4, 5]
BULLET_GLYPHS = re.compile(r"^(?:e |[¢•*–-])")


def seed(name: str) -> str:
    """The text of a seed file, from the project's examples if present, else the shared seeds."""
    local = Path(__file__).parents[1] / "resources/examples" / name
    return (local if local.exists() else SHARED_SEEDS / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def albania() -> str:
    return seed("recommendations-albania.txt")


@pytest.fixture(scope="module")
def parsed(albania: str) -> ThemedRecommendations:
    return parse_recommendations(albania)


def all_text(result: ThemedRecommendations) -> str:
    return "\n".join(item.text for theme in result.themes for item in theme.items)


def shape(result: ThemedRecommendations) -> list[tuple[str, int]]:
    return [(theme.title, len(theme.items)) for theme in result.themes]


def test_seed_has_title_and_four_themes(parsed: ThemedRecommendations) -> None:
    assert parsed.title == "Recommendations"
    assert [t.title for t in parsed.themes] == TITLES
    assert parsed.warnings == ()


def test_seed_item_counts(parsed: ThemedRecommendations) -> None:
    assert [len(t.items) for t in parsed.themes] == COUNTS


def test_seed_items_have_no_bullet_glyphs_and_are_one_paragraph(
    parsed: ThemedRecommendations,
) -> None:
    for theme in parsed.themes:
        for item in theme.items:
            assert not BULLET_GLYPHS.match(item.text), item.text
            assert "\n" not in item.text and "  " not in item.text
            assert item.text == item.text.strip()


def test_seed_items_keep_their_words(parsed: ThemedRecommendations) -> None:
    first, cybercrime, training = parsed.themes[0].items[:3]
    assert first.text.startswith("Online child sexual exploitation and cybercrime")
    assert first.text.endswith("capacities remains essential.")
    assert cybercrime.text.startswith("the Cybercrime Unit should be reinforced")
    assert training.text == (
        "Continuous training should be ensured in order to prevent the loss of expertise "
        "and maintain operational resilience."
    )
    assert parsed.themes[3].items[1].text.startswith("At international level, continued")


def test_seed_broken_words_are_mended(parsed: ThemedRecommendations) -> None:
    text = all_text(parsed)
    for present in [
        "sexual abuse material",
        "case-tracking",
        "database system",
        "live-streamed abuse",
        "technical complexity of investigations",
        "Joint Investigation Teams",
        "capacities remains essential",
        "legislative review",
        "Albania’s alignment",
        "Prosecutor’s Office",
        "multi-dimensional",
        "Inter-institutional",
        "cross-border coordination",
    ]:
        assert present in text, present
    for absent in ["sex- ual", "sex-ual", "data-base", "re-mains", "re-view", "Investiga-"]:
        assert absent not in text, absent
    assert not re.search(r"[^\W\d_]- [a-z]", text), "a line-end hyphen was left with a space"


def test_seed_has_no_recommendation_links(parsed: ThemedRecommendations) -> None:
    assert all(item.links == () for theme in parsed.themes for item in theme.items)


def test_crlf_gives_the_same_result(albania: str, parsed: ThemedRecommendations) -> None:
    assert parse_recommendations(albania.replace("\n", "\r\n")) == parsed


def test_round_bullets(albania: str, parsed: ThemedRecommendations) -> None:
    text = re.sub(r"^(?:e |¢ |- ?)", "• ", albania, flags=re.MULTILINE)
    result = parse_recommendations(text)
    assert shape(result) == shape(parsed)
    assert all_text(result) == all_text(parsed)


def test_numbered_markdown_and_bold_headings(albania: str, parsed: ThemedRecommendations) -> None:
    text = (
        albania.replace(" Recommendations", "# Recommendations", 1)
        .replace("I. Institutional", "1. Institutional")
        .replace(" Legislation and Implementation", "## Legislation and Implementation")
        .replace("Information, Prevention", "3) Information, Prevention")
        .replace(" Cooperation with Other Actors", "**Cooperation with Other Actors**")
    )
    result = parse_recommendations(text)
    assert result.title == "Recommendations"
    assert shape(result) == shape(parsed)
    assert all_text(result) == all_text(parsed)


def test_unmarked_headings_and_no_title() -> None:
    text = "A) First theme\n\n* One item\n* Two item\n\nB) Second theme\n\nA paragraph.\n"
    result = parse_recommendations(text)
    assert result.title is None
    assert shape(result) == [("First theme", 2), ("Second theme", 1)]


def test_a_real_word_e_is_not_a_bullet() -> None:
    text = "Theme\n\ne First point about the constant\ne and its value.\n"
    (theme,) = parse_recommendations(text).themes
    assert [item.text for item in theme.items] == [
        "First point about the constant e and its value."
    ]


def test_bullets_without_blank_lines_between_them() -> None:
    text = "Theme\n\ne Training for judges\ne Better tools.\n- Next one\n-Last one\n"
    (theme,) = parse_recommendations(text).themes
    assert [i.text for i in theme.items] == [
        "Training for judges",
        "Better tools.",
        "Next one",
        "Last one",
    ]


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        ("self-\nassessment", "self-assessment"),
        ("cross-\nborder", "cross-border"),
        ("multi-\nple", "multiple"),
        ("co-\nordination", "coordination"),
        ("re-\nview", "review"),
        ("Anti-\nCorruption", "Anti-Corruption"),
        ("COVID-\n19", "COVID-19"),
        ("short-\nand long-term", "short- and long-term"),
        ("non-\nprofit work. A nonprofit", "nonprofit work. A nonprofit"),
        ("pre-\ntrial work. A pre-trial", "pre-trial work. A pre-trial"),
    ],
)
def test_line_end_hyphens(broken: str, expected: str) -> None:
    (theme,) = parse_recommendations(f"Theme\n\n• Some {broken} here.\n").themes
    assert theme.items[0].text == f"Some {expected} here."


def test_links_are_found() -> None:
    (theme,) = parse_recommendations("Theme\n\n• Follow up II-6 and III – 2.\n").themes
    assert theme.items[0].links == ("II-6", "III-2")


def test_text_before_the_first_theme_is_kept_with_a_warning() -> None:
    text = "Stray opening words,\nnot a heading.\n\nTheme\n\n• An item.\n"
    result = parse_recommendations(text)
    assert shape(result) == [("", 1), ("Theme", 1)]
    assert result.themes[0].items[0].text == "Stray opening words, not a heading."
    assert len(result.warnings) == 1 and result.warnings[0].line == 1


def test_page_numbers_are_left_out_with_a_warning() -> None:
    result = parse_recommendations("Theme\n\n• An item that goes\n12\non.\n")
    assert result.themes[0].items[0].text == "An item that goes on."
    assert [w.line for w in result.warnings] == [4]


@pytest.mark.parametrize("text", ["", "   \n\t\r\n", "**\n", "---\n\n12\n"])
def test_rejects_text_without_recommendations(text: str) -> None:
    with pytest.raises(ImportRejected, match=r"\.$"):
        parse_recommendations(text)


def test_looks_like_recommendations(albania: str) -> None:
    assert looks_like_recommendations(albania)
    assert not looks_like_recommendations(seed("factsheet-albania-2nd-round.md"))
    assert not looks_like_recommendations("")

"""The core's languages: which one the environment asks for, plurals, dates and numbers."""

from __future__ import annotations

from datetime import date

import pytest

from assessor.i18n import system_language, use_language, words


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "fr_BE.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "fr_CH", "LANG": "en_GB.UTF-8"}, "fr"),
        ({"LANGUAGE": "de:fr", "LANG": "de_DE.UTF-8"}, "fr"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_the_system_language_follows_gettexts_variables(environ, expected) -> None:
    assert system_language(environ) == expected


def test_french_dates_say_premier_and_keep_their_precision() -> None:
    fr, en = words("fr"), words("en")
    assert fr.date(date(2025, 3, 1)) == "1er mars 2025"
    assert fr.date(date(2025, 3, 12)) == "12 mars 2025"
    assert fr.date(date(2025, 3, 1), "month") == "mars 2025"
    assert en.date(date(2025, 3, 1)) == "1 March 2025"
    assert en.date(date(2025, 3, 1), "month") == "March 2025"


def test_numbers_and_percentages_are_written_each_languages_way() -> None:
    assert words("fr").number(1234.5, 1) == "1\u202f234,5"
    assert words("en").number(1234.5, 1) == "1,234.5"
    assert words("fr").percent(0.735, 1) == "73,5\u00a0%"
    assert words("en").percent(0.735, 1) == "73.5%"


def test_the_user_language_can_be_chosen_and_given_back() -> None:
    try:
        assert use_language("fr") == "fr"
        assert words().lang == "fr"
        assert use_language("en_GB") == "en"
    finally:
        use_language(None)

"""One Party and one round, whichever language names them."""

from __future__ import annotations

import pytest

from assessor.domain.names import round_number, same_party


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Albania", "Albanie"),
        ("ALBANIA", "l'Albanie"),
        ("Montenegro", "Monténégro"),
        ("North Macedonia", "Macédoine du Nord"),
        ("Turkey", "Türkiye"),
        ("Atlantis", "ATLANTIS"),  # a name not in the table still matches itself
    ],
)
def test_same_party(a: str, b: str) -> None:
    assert same_party(a, b)


def test_different_parties() -> None:
    assert not same_party("Albania", "Andorra")
    assert not same_party("Slovak Republic", "Slovenia")


@pytest.mark.parametrize(
    ("title", "number"),
    [
        ("2nd monitoring round: The protection of children", 2),
        ("2e cycle de suivi : La protection des enfants", 2),
        ("1st monitoring round", 1),
        ("Monitoring round", None),
    ],
)
def test_round_number(title: str, number: int | None) -> None:
    assert round_number(title) == number


def test_digits_tell_parties_apart() -> None:
    assert not same_party("Party 01", "Party 02")

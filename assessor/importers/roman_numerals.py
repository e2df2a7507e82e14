"""Roman numerals as the reports number their chapters (I … L): reading and writing them."""

from __future__ import annotations

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral (I … L); 0 when it is not a well-formed one."""
    total = 0
    values = [ROMAN_VALUES.get(ch, 0) for ch in numeral.upper()]
    if not values or 0 in values:
        return 0
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    return total if to_roman(total) == numeral.upper() else 0


def to_roman(value: int) -> str:
    """The Roman numeral of 1 … 89."""
    out = ""
    for v, s in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= v:
            out += s
            value -= v
    return out

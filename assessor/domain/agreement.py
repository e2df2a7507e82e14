"""How far two assessors agree on the ratings they both gave: a confusion table, the percent
agreement and Cohen's kappa (Cohen 1960, κ = (pₒ − pₑ) / (1 − pₑ)).

The short formula rather than scikit-learn: it is a few lines, and a dependency of that size
for them is not justified; a test checks it against published worked examples.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Agreement:
    """The agreement between two raters over the items both rated."""

    #: The levels, in the order of the table's rows (mine) and columns (theirs).
    levels: tuple[str, ...]
    #: ``table[i][j]``: how many items I rated ``levels[i]`` and they ``levels[j]``.
    table: tuple[tuple[int, ...], ...]
    count: int
    #: The share of items rated alike (pₒ), 0…1; None when no item was rated by both.
    observed: float | None
    #: The agreement expected by chance from each rater's own shares (pₑ).
    expected: float | None
    #: Cohen's kappa; None when undefined (no items, or both gave one and the same level).
    kappa: float | None

    @property
    def percent(self) -> float | None:
        """The percent agreement (100 × pₒ)."""
        return None if self.observed is None else 100 * self.observed


def agreement(pairs: Iterable[tuple[str, str]], levels: Sequence[str] = ()) -> Agreement:
    """The agreement over ``(mine, theirs)`` rating pairs; ``levels`` orders the table.

    Levels found in the pairs but not in ``levels`` are added after them, in order of first use.
    """
    order = list(dict.fromkeys(levels))
    pairs = list(pairs)
    for a, b in pairs:
        for level in (a, b):
            if level not in order:
                order.append(level)
    index = {level: n for n, level in enumerate(order)}
    table = [[0] * len(order) for _ in order]
    for a, b in pairs:
        table[index[a]][index[b]] += 1
    return from_table(order, table)


def from_table(levels: Sequence[str], table: Sequence[Sequence[int]]) -> Agreement:
    """The agreement from a square confusion table (rows: one rater, columns: the other)."""
    size = len(levels)
    if len(table) != size or any(len(row) != size for row in table):
        raise ValueError("the table must be square, one row and column per level")
    n = sum(sum(row) for row in table)
    frozen = tuple(tuple(row) for row in table)
    if n == 0:
        return Agreement(tuple(levels), frozen, 0, None, None, None)
    observed = sum(table[i][i] for i in range(size)) / n
    rows = [sum(table[i]) / n for i in range(size)]
    cols = [sum(table[i][j] for i in range(size)) / n for j in range(size)]
    expected = sum(r * c for r, c in zip(rows, cols, strict=True))
    kappa = None if expected >= 1 else (observed - expected) / (1 - expected)
    return Agreement(tuple(levels), frozen, n, observed, expected, kappa)

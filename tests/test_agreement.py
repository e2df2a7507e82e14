"""Cohen's kappa and the confusion table, against published worked examples."""

from __future__ import annotations

import pytest

from assessor.domain.agreement import agreement, from_table


def test_the_widely_reproduced_two_by_two_example() -> None:
    # Wikipedia, "Cohen's kappa", simple example: 50 proposals, yes/no.
    result = from_table(["yes", "no"], [[20, 5], [10, 15]])
    assert result.count == 50
    assert result.observed == pytest.approx(0.7)
    assert result.expected == pytest.approx(0.5)
    assert result.kappa == pytest.approx(0.4)
    assert result.percent == pytest.approx(70.0)


def test_a_three_by_three_example() -> None:
    # Cohen (1960), the three-category example of judges A and B, in hundredths: agreement
    # .44 + .20 + .06 = .70, A's shares .50/.30/.20, B's .60/.30/.10, pc = .41, kappa = .29/.59
    # ≈ .492. Kappa depends only on the diagonal and the shares; the off-diagonal cells here
    # are one filling consistent with them.
    table = [[44, 5, 1], [7, 20, 3], [9, 5, 6]]
    result = from_table(["a", "b", "c"], table)
    assert result.observed == pytest.approx(0.70)
    assert result.expected == pytest.approx(0.41)
    assert result.kappa == pytest.approx(0.492, abs=5e-4)


def test_from_pairs_orders_the_table_by_the_scale() -> None:
    pairs = [("partly", "partly"), ("implemented", "partly"), ("partly", "partly")]
    result = agreement(pairs, ["implemented", "partly", "not_implemented"])
    assert result.levels == ("implemented", "partly", "not_implemented")
    assert result.table == ((0, 1, 0), (0, 2, 0), (0, 0, 0))
    assert result.observed == pytest.approx(2 / 3)
    assert result.kappa == pytest.approx(0.0)


def test_undefined_cases() -> None:
    assert agreement([]).kappa is None and agreement([]).observed is None
    same = agreement([("partly", "partly")] * 3)
    assert same.observed == 1 and same.kappa is None  # pe = 1: kappa is undefined
    assert agreement([("a", "b")], ["b"]).levels == ("b", "a")
    with pytest.raises(ValueError):
        from_table(["a"], [[1, 2]])

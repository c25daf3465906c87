"""Small-cell protection: an attacker must not recompute any withheld count.

The attacker here is written independently of :mod:`reports.disclosure`. It knows every
published value and every published equation (a total is the sum of its parts) and:

1. solves every equation with exactly one unknown, substituting results until nothing moves;
2. uses that counts are never negative: an equation whose unknowns must sum to 0 makes each 0;
   and guesses that withheld cells are at least 1, so unknowns summing to their number are 1;
3. runs Gauss–Jordan elimination over the rationals on all equations at once and reads off
   every unknown the system pins down (this finds what substitution misses, e.g. a withheld
   cell bridging two protected blocks of a 2-D table).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from fractions import Fraction
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vielfalt_desktop.domain.errors import ValidationError
from vielfalt_desktop.reports.disclosure import (
    DEFAULT_THRESHOLD,
    Equation,
    Suppression,
    check_threshold,
    suppress,
)

Key = tuple[str, int, int]
K = TypeVar("K", bound=Hashable)


# --------------------------------------------------------------------------------------------
# Tables with their published sums


def one_dimensional(counts: Sequence[int]) -> tuple[dict[Key, int], list[Equation[Key]]]:
    values: dict[Key, int] = {("cell", i, 0): v for i, v in enumerate(counts)}
    values[("total", 0, 0)] = sum(counts)
    return values, [Equation(("total", 0, 0), tuple(k for k in values if k[0] == "cell"))]


def two_dimensional(grid: Sequence[Sequence[int]]) -> tuple[dict[Key, int], list[Equation[Key]]]:
    rows, cols = len(grid), len(grid[0])
    values: dict[Key, int] = {}
    for r in range(rows):
        for c in range(cols):
            values[("cell", r, c)] = grid[r][c]
    for r in range(rows):
        values[("row", r, 0)] = sum(grid[r])
    for c in range(cols):
        values[("col", c, 0)] = sum(grid[r][c] for r in range(rows))
    values[("total", 0, 0)] = sum(map(sum, grid))
    equations: list[Equation[Key]] = [
        Equation(("row", r, 0), tuple(("cell", r, c) for c in range(cols))) for r in range(rows)
    ]
    equations += [
        Equation(("col", c, 0), tuple(("cell", r, c) for r in range(rows))) for c in range(cols)
    ]
    equations.append(Equation(("total", 0, 0), tuple(("row", r, 0) for r in range(rows))))
    equations.append(Equation(("total", 0, 0), tuple(("col", c, 0) for c in range(cols))))
    return values, equations


def hierarchical(groups: Sequence[Sequence[int]]) -> tuple[dict[Key, int], list[Equation[Key]]]:
    """Districts under areas: each area's subtotal, and the total of the areas."""
    values: dict[Key, int] = {}
    equations: list[Equation[Key]] = []
    for g, members in enumerate(groups):
        parts = []
        for i, value in enumerate(members):
            values[("cell", g, i)] = value
            parts.append(("cell", g, i))
        values[("row", g, 0)] = sum(members)
        equations.append(Equation(("row", g, 0), tuple(parts)))
    values[("total", 0, 0)] = sum(map(sum, groups))
    equations.append(Equation(("total", 0, 0), tuple(("row", g, 0) for g in range(len(groups)))))
    return values, equations


# --------------------------------------------------------------------------------------------
# The attacker


def attack(
    values: Mapping[K, int], equations: Sequence[Equation[K]], hidden: set[K]
) -> dict[K, Fraction]:
    """Every withheld cell the attacker claims to know, with the value it computes."""
    known: dict[K, Fraction] = {k: Fraction(v) for k, v in values.items() if k not in hidden}
    found: dict[K, Fraction] = {}

    def linear_rows() -> list[tuple[dict[K, Fraction], Fraction]]:
        rows = []
        for eq in equations:
            coefficients: dict[K, Fraction] = {}
            rhs = Fraction(0)
            for cell, sign in [(eq.total, -1), *((p, 1) for p in eq.parts)]:
                if cell in known:
                    rhs -= sign * known[cell]
                else:
                    coefficients[cell] = coefficients.get(cell, Fraction(0)) + sign
            coefficients = {k: v for k, v in coefficients.items() if v}
            if coefficients:
                rows.append((coefficients, rhs))
        return rows

    progress = True
    while progress:
        progress = False
        # 1 and 2: single equations
        for coefficients, rhs in linear_rows():
            if len(coefficients) == 1:
                ((cell, a),) = coefficients.items()
                known[cell] = found[cell] = rhs / a
                progress = True
            elif (rhs == 0 and all(a > 0 for a in coefficients.values())) or (
                rhs == 0 and all(a < 0 for a in coefficients.values())
            ):
                for cell in coefficients:
                    known[cell] = found[cell] = Fraction(0)
                progress = True
            elif all(a == 1 for a in coefficients.values()) and rhs == len(coefficients):
                for cell in coefficients:  # a guess: right unless a withheld cell is 0
                    known[cell] = found[cell] = Fraction(1)
                progress = True
        if progress:
            continue
        # 3: the whole system
        rows = linear_rows()
        unknowns = list(dict.fromkeys(k for coefficients, _ in rows for k in coefficients))
        matrix = [[c.get(u, Fraction(0)) for u in unknowns] + [rhs] for c, rhs in rows]
        pivot_row = 0
        pivots: list[tuple[int, int]] = []
        for col in range(len(unknowns)):
            pick = next((i for i in range(pivot_row, len(matrix)) if matrix[i][col]), None)
            if pick is None:
                continue
            matrix[pivot_row], matrix[pick] = matrix[pick], matrix[pivot_row]
            lead = matrix[pivot_row][col]
            matrix[pivot_row] = [x / lead for x in matrix[pivot_row]]
            for i in range(len(matrix)):
                if i != pivot_row and matrix[i][col]:
                    f = matrix[i][col]
                    matrix[i] = [
                        a - f * b for a, b in zip(matrix[i], matrix[pivot_row], strict=True)
                    ]
            pivots.append((pivot_row, col))
            pivot_row += 1
        for r, col in pivots:
            if all(x == 0 for j, x in enumerate(matrix[r][:-1]) if j != col):
                cell = unknowns[col]
                known[cell] = found[cell] = matrix[r][-1]
                progress = True
    return found


def assert_safe(
    values: Mapping[Key, int], equations: Sequence[Equation[Key]], result: Suppression[Key]
) -> None:
    claims = attack(values, equations, set(result.cells))
    recovered = {k: v for k, v in claims.items() if v == values[k]}
    assert not recovered, f"recomputed withheld cells: {recovered}"


# --------------------------------------------------------------------------------------------
# Strategies: many small counts (the interesting case), some zeros, some large ones

count = st.one_of(st.integers(0, 0), st.integers(1, 6), st.integers(5, 40), st.integers(0, 500))
thresholds = st.integers(3, 6)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(count, min_size=1, max_size=10), thresholds)
def test_one_dimensional_tables_cannot_be_recomputed(counts: list[int], threshold: int) -> None:
    values, equations = one_dimensional(counts)
    result = suppress(values, equations, threshold)
    assert_safe(values, equations, result)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(1, 6).flatmap(
        lambda cols: st.lists(st.lists(count, min_size=cols, max_size=cols), min_size=1, max_size=6)
    ),
    thresholds,
)
def test_two_dimensional_tables_cannot_be_recomputed(grid: list[list[int]], threshold: int) -> None:
    values, equations = two_dimensional(grid)
    result = suppress(values, equations, threshold)
    assert_safe(values, equations, result)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(count, min_size=1, max_size=5), min_size=1, max_size=5), thresholds)
def test_subtotals_of_areas_cannot_be_used_either(groups: list[list[int]], threshold: int) -> None:
    values, equations = hierarchical(groups)
    result = suppress(values, equations, threshold)
    assert_safe(values, equations, result)


@settings(max_examples=200, deadline=None)
@given(st.lists(count, min_size=1, max_size=12), thresholds)
def test_primary_suppression_honours_the_threshold(counts: list[int], threshold: int) -> None:
    values, equations = one_dimensional(counts)
    result = suppress(values, equations, threshold)
    for key, value in values.items():
        if 1 <= value <= threshold:
            assert key in result.primary
        else:
            assert key not in result.primary
    assert not result.primary & result.secondary


# --------------------------------------------------------------------------------------------
# Examples


def test_attacker_recovers_a_lonely_withheld_cell() -> None:
    """The test can fail: primary suppression alone is recomputed from the total."""
    values, equations = one_dimensional([3, 10, 20])
    assert attack(values, equations, {("cell", 0, 0)}) == {("cell", 0, 0): 3}
    ones, ones_equations = one_dimensional([1, 1, 30, 40])
    assert attack(ones, ones_equations, {("cell", 0, 0), ("cell", 1, 0)}) == {
        ("cell", 0, 0): 1,
        ("cell", 1, 0): 1,
    }
    result = suppress(values, equations)
    assert result.primary == {("cell", 0, 0)}
    assert result.secondary == {("cell", 1, 0)}  # the next-smallest cell
    assert_safe(values, equations, result)


def test_two_withheld_ones_are_not_left_alone() -> None:
    # 1 + 1 = 2 would show that both are 1 to anyone who knows withheld cells are non-zero.
    values, equations = one_dimensional([1, 1, 30, 40])
    result = suppress(values, equations)
    assert result.secondary == {("cell", 2, 0)}


def test_zero_is_published_and_not_used_while_other_cells_remain() -> None:
    values, equations = one_dimensional([0, 2, 0, 17, 25])
    result = suppress(values, equations)
    assert ("cell", 0, 0) not in result.cells
    assert ("cell", 2, 0) not in result.cells
    assert result.primary == {("cell", 1, 0)}
    assert result.secondary == {("cell", 3, 0)}


def test_a_bridge_between_two_protected_blocks_is_found_by_linear_algebra() -> None:
    """Rows and columns each hold two or more withheld cells, yet one cell is determined."""
    grid = [
        [2, 3, 50, 60],
        [4, 2, 1, 70],
        [80, 90, 3, 2],
        [85, 95, 4, 3],
    ]
    values, equations = two_dimensional(grid)
    primary = {k for k, v in values.items() if 1 <= v <= 4}
    recovered = attack(values, equations, primary)
    assert ("cell", 1, 2) in recovered  # the bridge, found only by elimination
    result = suppress(values, equations)
    assert result.primary == primary
    assert_safe(values, equations, result)


def test_totals_are_withheld_when_only_they_protect() -> None:
    values, equations = one_dimensional([2])
    result = suppress(values, equations)
    assert result.cells == {("cell", 0, 0), ("total", 0, 0)}


def test_threshold_below_three_is_refused() -> None:
    for low in (0, 1, 2):
        with pytest.raises(ValidationError, match="mindestens 3"):
            check_threshold(low)
        with pytest.raises(ValidationError):
            suppress({("cell", 0, 0): 1}, [], low)
    assert check_threshold(3) == 3
    assert DEFAULT_THRESHOLD == 4


def test_threshold_must_be_an_integer() -> None:
    with pytest.raises(ValidationError, match="ganze Zahl"):
        check_threshold(4.5)  # type: ignore[arg-type]


def test_a_higher_threshold_withholds_more() -> None:
    values, equations = one_dimensional([5, 6, 7, 100])
    assert not suppress(values, equations, 4).cells
    assert suppress(values, equations, 6).primary == {("cell", 0, 0), ("cell", 1, 0)}


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="Negative"):
        suppress({("cell", 0, 0): -1}, [])


def test_keys_can_be_anything_hashable() -> None:
    values: dict[Hashable, int] = {"a": 3, "b": 9, "sum": 12}
    result = suppress(values, [Equation("sum", ("a", "b"))])
    assert result.cells == {"a", "b"}

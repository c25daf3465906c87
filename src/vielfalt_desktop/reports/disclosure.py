"""Small-cell protection (statistische Geheimhaltung) for published counts.

Counts about few people in one district can identify them. Every published number is a *cell*
(any hashable key); a table publishes *equations* between cells: a total equals the sum of its
parts (a 1-D table with its total, every row and column of a 2-D table, subtotals of a
hierarchy). Protection has two steps:

* **Primary suppression:** every count from 1 to ``threshold`` (default 4) is withheld.
  Zero is published: "nobody" reveals nothing about a person, and Destatis prints it too
  (as "–"). Suppressing zeros would only hide information without protecting anyone.
* **Secondary suppression:** further cells are withheld until no withheld value can be
  recomputed from the published ones. Two rules run until nothing changes:

  1. *Per equation:* an equation with exactly one withheld cell would reveal it (total minus
     the published parts), so the next-smallest cell of the equation is withheld too. An
     equation whose withheld cells sum to 0, or to exactly their number (so each must be
     0 or 1), is completed the same way.
  2. *Linear algebra:* the published equations are solved for the withheld cells over the
     rationals; a withheld cell that the system determines (it lies on no "cycle" of
     withheld cells, e.g. a bridge between two protected 2×2 blocks of a 2-D table, or a
     cell given away by a published subtotal) gets one more withheld cell: the smallest
     published cell of the linked equations whose withholding leaves it undetermined.

Complements are the smallest non-zero published cells (least information lost); within an
equation its total is taken only if no part is left, and a zero cell last.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Generic, TypeVar

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import ValidationError
from vielfalt_desktop.domain.messages import Message

__all__ = [
    "DEFAULT_THRESHOLD",
    "MIN_THRESHOLD",
    "Equation",
    "Suppression",
    "check_threshold",
    "determined",
    "suppress",
]

K = TypeVar("K", bound=Hashable)

#: Counts from 1 to this number are withheld unless configured otherwise.
DEFAULT_THRESHOLD = 4
#: A lower threshold would publish counts of one or two people; it is refused.
MIN_THRESHOLD = 3


@dataclass(frozen=True, slots=True)
class Equation(Generic[K]):
    """A published identity: the value of ``total`` equals the sum of the values of ``parts``."""

    total: K
    parts: tuple[K, ...]

    @property
    def cells(self) -> tuple[K, ...]:
        return (self.total, *self.parts)


@dataclass(frozen=True, slots=True)
class Suppression(Generic[K]):
    """Which cells are withheld, and why."""

    threshold: int
    primary: frozenset[K]
    secondary: frozenset[K]

    @property
    def cells(self) -> frozenset[K]:
        return self.primary | self.secondary

    def __contains__(self, key: object) -> bool:
        return key in self.primary or key in self.secondary


def check_threshold(threshold: int) -> int:
    """The threshold if allowed, else a :class:`ValidationError` saying why."""
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise ValidationError({"threshold": Message(msg.THRESHOLD_NOT_AN_INTEGER)})
    if threshold < MIN_THRESHOLD:
        raise ValidationError(
            {
                "threshold": Message(
                    msg.THRESHOLD_TOO_LOW, threshold=threshold, minimum=MIN_THRESHOLD
                )
            }
        )
    return threshold


def suppress(
    values: Mapping[K, int],
    equations: Iterable[Equation[K]],
    threshold: int = DEFAULT_THRESHOLD,
) -> Suppression[K]:
    """Primary and secondary suppression of ``values`` under the published ``equations``.

    ``values`` holds every published count (negative counts are refused). The result is
    deterministic: ties are broken by the order of ``values``.
    """
    check_threshold(threshold)
    for key, value in values.items():
        if value < 0:
            raise ValueError(f"Negative Fallzahl für {key!r}.")
    system = _dedupe(equations)
    for equation in system:
        for cell in equation.cells:
            if cell not in values:
                raise KeyError(f"Die Gleichung nennt eine unbekannte Zelle {cell!r}.")
    order = {key: index for index, key in enumerate(values)}
    hidden: set[K] = {key for key, value in values.items() if 1 <= value <= threshold}
    primary = frozenset(hidden)
    by_cell: dict[K, list[Equation[K]]] = {}
    for equation in system:
        for cell in dict.fromkeys(equation.cells):
            by_cell.setdefault(cell, []).append(equation)

    while True:
        _complete_equations(values, system, hidden, order)
        exposed = sorted(determined(system, hidden), key=order.__getitem__)
        if not exposed or not _protect(exposed[0], values, system, by_cell, hidden, order):
            break
    return Suppression(threshold, primary, frozenset(hidden - primary))


def determined(equations: Sequence[Equation[K]], hidden: set[K] | frozenset[K]) -> set[K]:
    """Withheld cells whose value follows from the published equations (linear algebra).

    Each equation gives one linear equation in the withheld cells (the published cells are
    known numbers). A cell is determined exactly when its unit vector lies in the row space
    of that system, i.e. it is a pivot of the reduced row echelon form whose row has no other
    non-zero entry.
    """
    rows: list[dict[K, int]] = []
    for equation in equations:
        row: dict[K, int] = {}
        for part in equation.parts:
            if part in hidden:
                row[part] = row.get(part, 0) + 1
        if equation.total in hidden:
            row[equation.total] = row.get(equation.total, 0) - 1
        row = {k: v for k, v in row.items() if v}
        if row:
            rows.append(row)
    found: set[K] = set()
    for component in _components(rows):
        found |= _pivots_alone(component)
    return found


# --------------------------------------------------------------------------------------------


def _dedupe(equations: Iterable[Equation[K]]) -> list[Equation[K]]:
    seen: set[tuple[K, frozenset[K]]] = set()
    unique: list[Equation[K]] = []
    for equation in equations:
        marker = (equation.total, frozenset(equation.parts))
        if marker not in seen:
            seen.add(marker)
            unique.append(equation)
    return unique


def _rank(values: Mapping[K, int], cell: K, order: Mapping[K, int]) -> tuple[int, int, int]:
    value = values[cell]
    # Zero cells last: withholding a zero protects little, an attacker may guess it.
    return (value == 0, value, order[cell])


def _complements(
    values: Mapping[K, int], equation: Equation[K], hidden: set[K], order: Mapping[K, int]
) -> list[K]:
    """Published cells of ``equation`` in the order they should be withheld."""
    parts = [c for c in dict.fromkeys(equation.parts) if c not in hidden]
    parts.sort(key=lambda c: _rank(values, c, order))
    nonzero = [c for c in parts if values[c] > 0]
    zero = [c for c in parts if values[c] == 0]
    total = [equation.total] if equation.total not in hidden else []
    return nonzero + total + zero


def _protect(
    cell: K,
    values: Mapping[K, int],
    system: Sequence[Equation[K]],
    by_cell: Mapping[K, list[Equation[K]]],
    hidden: set[K],
    order: Mapping[K, int],
) -> bool:
    """Withhold one more cell so that ``cell`` is no longer determined; False if none is left.

    The candidates are the published cells of every equation linked to ``cell`` through
    withheld cells, smallest first; the first whose withholding leaves ``cell`` undetermined
    is taken (often a derived sum rather than the total of the table). If no single cell
    does, the smallest is taken and the caller's loop goes on.
    """
    linked: set[Equation[K]] = set()
    reached, queue = {cell}, [cell]
    while queue:
        for equation in by_cell.get(queue.pop(), []):
            if equation in linked:
                continue
            linked.add(equation)
            for other in equation.cells:
                if other in hidden and other not in reached:
                    reached.add(other)
                    queue.append(other)
    candidates = sorted(
        {c for equation in linked for c in equation.cells if c not in hidden},
        key=lambda c: _rank(values, c, order),
    )
    for candidate in candidates:
        if cell not in determined(system, hidden | {candidate}):
            hidden.add(candidate)
            return True
    if candidates:
        hidden.add(candidates[0])
        return True
    return False


def _needs_more(values: Mapping[K, int], equation: Equation[K], hidden: set[K]) -> bool:
    unknown = [c for c in dict.fromkeys(equation.cells) if c in hidden]
    if not unknown:
        return False
    if len(unknown) == 1:
        return True
    if equation.total in hidden:
        return False
    withheld = sum(values[c] for c in unknown)
    # Sum 0: all withheld cells are 0. Sum equal to their number: each is at least 1 if an
    # attacker assumes withheld cells are non-zero, so each would be exactly 1.
    return withheld in (0, len(unknown))


def _complete_equations(
    values: Mapping[K, int], system: Sequence[Equation[K]], hidden: set[K], order: Mapping[K, int]
) -> None:
    """Apply the per-equation rule until no equation needs more, most constrained first.

    An equation whose only possible complement is one cell is served before one with a
    choice: the forced cell often protects the other equation too (a row of a cross table
    forces its one large cell, which then also covers the cross table's column total).
    """
    hopeless: set[int] = set()
    while True:
        needy = [
            (index, equation)
            for index, equation in enumerate(system)
            if index not in hopeless and _needs_more(values, equation, hidden)
        ]
        if not needy:
            return
        choices = {
            index: _complements(values, equation, hidden, order) for index, equation in needy
        }
        index, _ = min(
            needy, key=lambda item: (sum(values[c] > 0 for c in choices[item[0]]), item[0])
        )
        if choices[index]:
            hidden.add(choices[index][0])
        else:
            hopeless.add(index)  # everything in it is withheld already


def _components(rows: list[dict[K, int]]) -> list[list[dict[K, int]]]:
    """Split the system into groups of equations that share no withheld cell."""
    parent: dict[K, K] = {}

    def find(x: K) -> K:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for row in rows:
        cells = list(row)
        for other in cells[1:]:
            a, b = find(cells[0]), find(other)
            if a != b:
                parent[a] = b
    groups: dict[K, list[dict[K, int]]] = {}
    for row in rows:
        groups.setdefault(find(next(iter(row))), []).append(row)
    return list(groups.values())


def _pivots_alone(rows: list[dict[K, int]]) -> set[K]:
    """Gauss–Jordan elimination over the rationals; the cells the system pins down."""
    variables = list(dict.fromkeys(k for row in rows for k in row))
    matrix = [[Fraction(row.get(v, 0)) for v in variables] for row in rows]
    pivots: list[tuple[int, int]] = []
    r = 0
    for col in range(len(variables)):
        pivot = next((i for i in range(r, len(matrix)) if matrix[i][col] != 0), None)
        if pivot is None:
            continue
        matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
        lead = matrix[r][col]
        matrix[r] = [x / lead for x in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][col] != 0:
                factor = matrix[i][col]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[r], strict=True)]
        pivots.append((r, col))
        r += 1
        if r == len(matrix):
            break
    found: set[K] = set()
    for row_index, col in pivots:
        if all(x == 0 for j, x in enumerate(matrix[row_index]) if j != col):
            found.add(variables[col])
    return found

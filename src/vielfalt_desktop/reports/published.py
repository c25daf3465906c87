"""The published report: the statistics after small-cell protection, what every renderer draws.

:func:`publish` applies :mod:`~vielfalt_desktop.reports.disclosure` to the raw
:class:`~vielfalt_desktop.reports.tables.Statistics` and computes the key figures from the
published cells only. :class:`Report` holds only what may be printed: a withheld count is
``None`` here, so no renderer (PDF, CSV, the GUI preview) can show it by mistake.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from vielfalt_desktop.reports import formatting as fmt
from vielfalt_desktop.reports.disclosure import suppress
from vielfalt_desktop.reports.tables import (
    CellKey,
    Figure,
    Period,
    Section,
    Statistics,
    Table,
)

__all__ = ["Report", "Shown", "publish"]


@dataclass(frozen=True, slots=True)
class Shown:
    """A published key figure: its value, or the sign printed in its place."""

    value: float | None
    sign: str = ""  # "" = show value, "." = withheld, "x" = not meaningful (no cases)

    def text(self, kind: str) -> str:
        if self.value is None:
            return self.sign or fmt.NOT_MEANINGFUL
        if kind == "rate":
            return fmt.percent(self.value)
        if kind == "days":
            days = fmt.decimal(self.value, 0 if self.value == int(self.value) else 1)
            return f"{days} Tage" if self.value != 1 else "1 Tag"
        return fmt.count(int(self.value))


@dataclass(frozen=True)
class Report:
    period: Period
    districts: tuple[tuple[str, str], ...]  # (code, German label); empty = whole city
    produced_by: str  # the node (device) name
    produced_at: dt.datetime
    threshold: int
    sections: tuple[Section, ...]
    summary: tuple[Figure, ...]
    published: Mapping[CellKey, int | None]  # None = withheld
    figures: Mapping[str, Shown]
    withheld: int  # number of withheld cells (primary and secondary)
    withheld_secondary: int

    def count(self, key: CellKey) -> int | None:
        """The published value of a cell; ``None`` if it is withheld."""
        return self.published[key]

    def figure(self, key: str) -> Shown:
        return self.figures[key]

    def tables(self) -> Iterable[Table]:
        for section in self.sections:
            yield from section.tables

    def table(self, key: str) -> Table:
        for table in self.tables():
            if table.key == key:
                return table
        raise KeyError(key)

    def all_figures(self) -> Iterable[Figure]:
        for section in self.sections:
            yield from section.figures

    @property
    def area(self) -> str:
        """ "alle Stadtteile" or the chosen districts."""
        if not self.districts:
            return "gesamte Stadt (alle Stadtteile)"
        return ", ".join(label for _, label in self.districts)


def publish(
    stats: Statistics,
    *,
    threshold: int,
    produced_by: str,
    produced_at: dt.datetime,
    district_labels: Mapping[str, str] | None = None,
) -> Report:
    """Apply small-cell protection and compute the key figures from published cells only."""
    protection = suppress(stats.values, stats.equations, threshold)
    published: dict[CellKey, int | None] = {
        key: (None if key in protection else value) for key, value in stats.values.items()
    }
    figures: dict[str, Shown] = {}
    for section in stats.sections:
        for figure in section.figures:
            figures[figure.key] = _figure(figure, published, stats, threshold)
    labels = district_labels or {}
    return Report(
        period=stats.period,
        districts=tuple((code, labels.get(code, code)) for code in stats.districts),
        produced_by=produced_by,
        produced_at=produced_at,
        threshold=threshold,
        sections=stats.sections,
        summary=stats.summary,
        published=published,
        figures=figures,
        withheld=len(protection.cells),
        withheld_secondary=len(protection.secondary),
    )


def _figure(
    figure: Figure,
    published: Mapping[CellKey, int | None],
    stats: Statistics,
    threshold: int,
) -> Shown:
    if figure.kind == "count":
        assert figure.cell is not None
        value = published[figure.cell]
        return Shown(None, fmt.SUPPRESSED) if value is None else Shown(value)
    if figure.kind == "rate":
        assert figure.numerator is not None
        assert figure.denominator is not None
        # A rate is only published when both of its counts are: it then tells nothing that
        # the published counts do not, and cannot be used to recompute a withheld cell.
        numerator, denominator = published[figure.numerator], published[figure.denominator]
        if numerator is None or denominator is None:
            return Shown(None, fmt.SUPPRESSED)
        if denominator == 0:
            return Shown(None, fmt.NOT_MEANINGFUL)
        return Shown(100.0 * numerator / denominator)
    median = stats.medians[figure.key]
    if median.n == 0 or median.value is None:
        return Shown(None, fmt.NOT_MEANINGFUL)
    if median.n <= threshold or published[median.basis] is None:
        return Shown(None, fmt.SUPPRESSED)
    return Shown(median.value)

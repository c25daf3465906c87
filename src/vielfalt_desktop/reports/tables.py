"""The building blocks of a report: cells, tables, sections, key figures, the period.

The types only (no counting, no drawing); :mod:`~vielfalt_desktop.reports.statistics` fills
them, :mod:`~vielfalt_desktop.reports.published` publishes them, the PDF and CSV draw them.

Every number is a *cell* with a stable :class:`CellKey` (a measure such as ``kontakte`` plus
conditions such as ``zielgruppe=drittstaat``). The same quantity has the same key wherever it
appears (the total of contacts closes every contact table; the column totals of the
area × third-country table are the rows of the third-country table), so small-cell protection
treats it once and consistently. Tables only *refer* to cells; raw values live in
:attr:`Statistics.values`, published ones in :class:`~vielfalt_desktop.reports.published.Report`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from vielfalt_desktop.reports.disclosure import Equation

__all__ = [
    "CellKey",
    "Chart",
    "Column",
    "Figure",
    "Median",
    "Period",
    "Row",
    "Section",
    "Statistics",
    "Table",
]

RowRole = Literal["item", "subtotal", "total", "base"]
ChartKind = Literal["bar", "pie", "columns"]
FigureKind = Literal["count", "rate", "days"]


@dataclass(frozen=True, slots=True, order=True)
class CellKey:
    """Identity of one published number: a measure under conditions (sorted by name)."""

    measure: str
    conditions: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, measure: str, **conditions: str) -> CellKey:
        return cls(measure, tuple(sorted(conditions.items())))

    def __str__(self) -> str:
        return self.measure + "".join(f"|{k}={v}" for k, v in self.conditions)


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a table: a measure (1-D tables) or a category (cross tables)."""

    code: str
    label: str  # its name, e.g. "Personen"; in the CSV the value of a cross table
    measure: str  # "Bereich" in the CSV, e.g. "Kontakte"
    share: bool = False  # follow it with the share of the table's total ("Anteil")
    heading: str = ""  # PDF column heading with line breaks ("Veran-\nstaltungen"); else label

    @property
    def head(self) -> str:
        return self.heading or self.label


@dataclass(frozen=True, slots=True)
class Row:
    code: str
    label: str
    cells: tuple[CellKey, ...]  # one per column
    role: RowRole = "item"


@dataclass(frozen=True, slots=True)
class Chart:
    kind: ChartKind
    title: str
    column: int = 0  # the column drawn
    rows: Literal["item", "subtotal"] = "item"  # which rows become bars/slices


@dataclass(frozen=True, slots=True)
class Table:
    key: str
    title: str  # "Kontakte nach Zielgruppe"
    feature: str  # "Merkmal" in the CSV, e.g. "Zielgruppe"
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    multiple: bool = False  # Mehrfachnennungen: the rows do not add up to the total
    crosstab: bool = False  # columns are categories of ``column_feature``
    column_feature: str = ""
    hide_empty_rows: bool = False  # long lists: the PDF leaves out rows that are all zero
    chart: Chart | None = None
    notes: tuple[str, ...] = ()

    def cell_keys(self) -> Iterable[CellKey]:
        for row in self.rows:
            yield from row.cells


@dataclass(frozen=True, slots=True)
class Figure:
    """A key figure (Kennzahl): a count, a rate (numerator/denominator) or a median in days."""

    key: str
    label: str
    kind: FigureKind
    cell: CellKey | None = None
    numerator: CellKey | None = None
    denominator: CellKey | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Median:
    """A median over ``n`` cases; published only if the case count ``basis`` is."""

    value: float | None
    n: int
    basis: CellKey


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    intro: str
    figures: tuple[Figure, ...]
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class Statistics:
    period: Period
    districts: tuple[str, ...]
    sections: tuple[Section, ...]
    summary: tuple[Figure, ...]
    values: Mapping[CellKey, int]
    equations: tuple[Equation[CellKey], ...]
    medians: Mapping[str, Median] = field(default_factory=dict)

    def tables(self) -> Iterable[Table]:
        for section in self.sections:
            yield from section.tables

    def table(self, key: str) -> Table:
        for table in self.tables():
            if table.key == key:
                return table
        raise KeyError(key)

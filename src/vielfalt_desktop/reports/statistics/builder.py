"""The shared table helper of the statistics: cells, equations and the common table shapes.

Every section module (:mod:`.contacts`, :mod:`.referrals`, …) builds its tables through one
:class:`TableBuilder`, which

* collects every cell value under its :class:`~vielfalt_desktop.reports.tables.CellKey` (a key
  met twice must have the same value) and every published sum as an
  :class:`~vielfalt_desktop.reports.disclosure.Equation`;
* knows the table shapes: :meth:`~TableBuilder.measures_table` (rows = categories, columns =
  measures), :meth:`~TableBuilder.vocab_table` (the same with the rows of a vocabulary: "Kontakte
  nach Geschlecht", "Konflikte nach Ort", …) and :meth:`~TableBuilder.district_table` (districts
  under their areas);
* keeps the medians that key figures refer to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from vielfalt_desktop.domain.vocab import Vocabulary
from vielfalt_desktop.reports.disclosure import Equation
from vielfalt_desktop.reports.snapshot import UNKNOWN, Counts, Snapshot
from vielfalt_desktop.reports.tables import CellKey, Chart, ChartKind, Column, Median, Row, Table

__all__ = ["Counted", "TableBuilder", "vocab_rows"]

UNKNOWN_LABEL = "unbekannt"


class Cells:
    """Collects cell values and the equations the tables publish."""

    def __init__(self) -> None:
        self.values: dict[CellKey, int] = {}
        self.equations: list[Equation[CellKey]] = []

    def put(self, key: CellKey, value: int) -> CellKey:
        known = self.values.get(key)
        if known is not None and known != value:
            raise AssertionError(f"Zelle {key} hat zwei Werte: {known} und {value}.")
        self.values[key] = int(value)
        return key

    def equation(self, total: CellKey, parts: Sequence[CellKey]) -> None:
        self.equations.append(Equation(total, tuple(parts)))


def _ordered_codes(
    entries: Sequence[tuple[str, str]], data: Iterable[str]
) -> list[tuple[str, str]]:
    """The vocabulary order, then codes found in the data that the vocabulary lacks."""
    known = {code for code, _ in entries}
    extra = sorted({code for code in data if code not in known})
    return [*entries, *((code, code if code != UNKNOWN else UNKNOWN_LABEL) for code in extra)]


def vocab_rows(vocabulary: Vocabulary, data: Iterable[str]) -> list[tuple[str, str]]:
    """(code, German label) rows: the active entries and every code the data holds."""
    present = set(data)
    entries = [(e.code, e.de) for e in vocabulary.entries if e.active or e.code in present]
    return _ordered_codes(entries, present)


@dataclass(frozen=True)
class Counted:
    """What the tables of one section count, for :meth:`TableBuilder.vocab_table`.

    ``noun`` names it in titles ("Kontakte" → "Kontakte nach Geschlecht", and "Kontakte
    insgesamt" under a table with multiple answers); ``columns`` pairs each column with its
    measure; ``totals`` are the section's totals of those measures.
    """

    noun: str
    columns: Sequence[tuple[Column, str]]
    totals: Sequence[int]


class TableBuilder:
    """Builds the tables of all sections over one :class:`Snapshot`, sharing their cells."""

    def __init__(self, sql: Snapshot) -> None:
        self.sql = sql
        self.vocab = sql.vocab
        self.cells = Cells()
        self.medians: dict[str, Median] = {}

    def measures_table(
        self,
        *,
        key: str,
        title: str,
        feature: str,
        condition: str,
        columns: Sequence[tuple[Column, str]],
        rows: Sequence[tuple[str, str]],
        data: Counts,
        totals: Sequence[int],
        total_label: str = "Insgesamt",
        multiple: bool = False,
        hide_empty_rows: bool = False,
        chart: Chart | None = None,
        notes: Sequence[str] = (),
    ) -> Table:
        """Rows = categories of one feature; each column a measure with its own total.

        ``columns`` pairs each column with its measure name (the cell key's ``measure``).
        A table of a single-valued feature publishes "total = sum of rows" for every column;
        with ``multiple`` (one record may name several codes) it publishes no sum, and the
        last row is the base (number of records) the shares refer to.
        """
        put = self.cells.put
        table_rows: list[Row] = []
        for code, label in rows:
            values = data.get(code, ())
            keys = tuple(
                put(
                    CellKey.of(measure, **{condition: code}),
                    values[j] if j < len(values) else 0,
                )
                for j, (_, measure) in enumerate(columns)
            )
            table_rows.append(Row(code, label, keys))
        total_keys = tuple(
            put(CellKey.of(measure), totals[j]) for j, (_, measure) in enumerate(columns)
        )
        table_rows.append(
            Row("insgesamt", total_label, total_keys, role="base" if multiple else "total")
        )
        if not multiple:
            for j in range(len(columns)):
                self.cells.equation(total_keys[j], [r.cells[j] for r in table_rows[:-1]])
        return Table(
            key=key,
            title=title,
            feature=feature,
            columns=tuple(column for column, _ in columns),
            rows=tuple(table_rows),
            multiple=multiple,
            hide_empty_rows=hide_empty_rows,
            chart=chart,
            notes=tuple(notes),
        )

    def vocab_table(
        self,
        counted: Counted,
        *,
        key: str,
        vocabulary: str,
        condition: str,
        data: Counts,
        title: str | None = None,
        feature: str | None = None,
        chart: ChartKind = "bar",
        multiple: bool = False,
        hide_empty_rows: bool = False,
        notes: Sequence[str] = (),
    ) -> Table:
        """A :meth:`measures_table` whose rows are the entries of ``vocabulary``.

        ``feature`` defaults to the vocabulary's German name, ``title`` to "<noun> nach
        <feature>"; the chart, a bar chart unless ``chart`` says otherwise, has the title too.
        """
        entries = self.vocab[vocabulary]
        label = feature or entries.label("de")
        heading = title or f"{counted.noun} nach {label}"
        return self.measures_table(
            key=key,
            title=heading,
            feature=label,
            condition=condition,
            columns=counted.columns,
            rows=vocab_rows(entries, data),
            data=data,
            totals=counted.totals,
            total_label=f"{counted.noun} insgesamt" if multiple else "Insgesamt",
            multiple=multiple,
            hide_empty_rows=hide_empty_rows,
            chart=Chart(chart, heading),
            notes=notes,
        )

    def district_table(
        self,
        *,
        key: str,
        title: str,
        columns: Sequence[tuple[Column, str]],
        by_district: Counts,
        by_group: Counts,
        totals: Sequence[int],
        chart: Chart | None,
    ) -> Table:
        """Districts under their area (Fokusgebiet Nord, …) with the areas as subtotals."""
        districts = self.vocab.districts
        put = self.cells.put
        rows: list[Row] = []
        group_keys: list[tuple[CellKey, ...]] = []
        known = set(districts.codes())
        groups: list[tuple[str, str, list[tuple[str, str]]]] = [
            (g.code, g.de, [(d.code, d.de) for d in districts.in_group(g.code)])
            for g in districts.groups
        ]
        unknown = sorted(code for code in by_district if code not in known)
        if unknown or UNKNOWN in by_group:
            groups.append((UNKNOWN, "nicht zugeordnet", [(c, c) for c in unknown]))
        for group_code, group_label, members in groups:
            if not members and group_code != UNKNOWN:
                continue
            group_values = by_group.get(group_code, ())
            keys = tuple(
                put(
                    CellKey.of(measure, gebiet=group_code),
                    group_values[j] if j < len(group_values) else 0,
                )
                for j, (_, measure) in enumerate(columns)
            )
            rows.append(Row(group_code, group_label, keys, role="subtotal"))
            group_keys.append(keys)
            member_rows: list[Row] = []
            for code, label in members:
                values = by_district.get(code, ())
                member_rows.append(
                    Row(
                        code,
                        label,
                        tuple(
                            put(
                                CellKey.of(measure, stadtteil=code),
                                values[j] if j < len(values) else 0,
                            )
                            for j, (_, measure) in enumerate(columns)
                        ),
                    )
                )
            rows.extend(member_rows)
            if member_rows:
                for j in range(len(columns)):
                    self.cells.equation(keys[j], [r.cells[j] for r in member_rows])
        total_keys = tuple(
            put(CellKey.of(measure), totals[j]) for j, (_, measure) in enumerate(columns)
        )
        rows.append(Row("insgesamt", "Insgesamt", total_keys, role="total"))
        for j in range(len(columns)):
            self.cells.equation(total_keys[j], [g[j] for g in group_keys])
        return Table(
            key=key,
            title=title,
            feature="Stadtteil",
            columns=tuple(column for column, _ in columns),
            rows=tuple(rows),
            hide_empty_rows=True,
            chart=chart,
            notes=(
                "Stadtteile ohne Fälle sind nicht aufgeführt; fett: Gebiete "
                "(Fokusgebiete und Stadtbezirksgruppen) mit ihrer Summe.",
            ),
        )

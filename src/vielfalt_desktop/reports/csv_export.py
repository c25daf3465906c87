"""The report's tables as CSV for German Excel: UTF-8 with BOM, ";" as delimiter, long format.

Header ``Bereich;Merkmal;Wert;Anzahl``; one line per published cell of every table, in the
order of the PDF, followed by the key figures. Withheld cells are ".", exactly as in the PDF
(the same :class:`~vielfalt_desktop.reports.published.Report`). Counts are plain digits so Excel
reads them as numbers; rates and medians carry a decimal comma. Written through
:func:`~vielfalt_desktop.reports.spreadsheet.render_csv_table`, so no label can become a
formula.
"""

from __future__ import annotations

from collections.abc import Iterator

from vielfalt_desktop.reports import formatting as fmt
from vielfalt_desktop.reports.published import Report
from vielfalt_desktop.reports.spreadsheet import render_csv_table

__all__ = ["HEADER", "csv_rows", "render_csv"]

HEADER = ("Bereich", "Merkmal", "Wert", "Anzahl")


def _count(value: int | None) -> str:
    return fmt.SUPPRESSED if value is None else str(value)


def csv_rows(report: Report) -> Iterator[tuple[str, str, str, str]]:
    """The data lines (without header): (Bereich, Merkmal, Wert, Anzahl)."""
    for table in report.tables():
        feature = table.feature
        if table.crosstab:
            feature = f"{table.feature} und {table.column_feature}"
        for row in table.rows:
            for column, key in zip(table.columns, row.cells, strict=True):
                value = row.label
                if table.crosstab:
                    value = f"{row.label} / {column.label}"
                yield (column.measure, feature, value, _count(report.count(key)))
    for section in report.sections:
        for figure in section.figures:
            shown = report.figure(figure.key)
            label = figure.label
            if shown.value is None:
                number = shown.sign or fmt.NOT_MEANINGFUL
            elif figure.kind == "rate":
                label += " in %"
                number = fmt.decimal(shown.value)
            elif figure.kind == "days":
                label += " in Tagen"
                number = fmt.decimal(shown.value)
            else:
                number = str(int(shown.value))
            yield (section.title, "Kennzahl", label, number)


def render_csv(report: Report) -> bytes:
    """The CSV file's bytes: UTF-8 with BOM, CRLF line ends (as Excel writes them)."""
    return render_csv_table(HEADER, csv_rows(report))

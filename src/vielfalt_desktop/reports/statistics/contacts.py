"""Section 1 of the report, "Beratungskontakte": contacts and the people behind them.

Contacts by month (or year), target group, citizenship status (third country or not), gender,
age, district, area × citizenship, topic, setting and interpreting; the key figures
"Kontakte", "Personen" and the shares of third-country nationals and of interpreting.
"""

from __future__ import annotations

from vielfalt_desktop.reports.formatting import MONTHS_DE
from vielfalt_desktop.reports.snapshot import UNKNOWN
from vielfalt_desktop.reports.statistics.builder import Counted, TableBuilder
from vielfalt_desktop.reports.tables import (
    CellKey,
    Chart,
    Column,
    Figure,
    Period,
    Row,
    Section,
    Table,
)

__all__ = ["CITIZENSHIP_STATUS", "section"]

NO_INTERPRETER = "keine"

#: Third-country status, derived from citizenship (vocab.countries), in display order.
CITIZENSHIP_STATUS: tuple[tuple[str, str], ...] = (
    ("drittstaat", "Drittstaatsangehörige"),
    ("deutschland", "Deutsche"),
    ("eu", "EU/EWR/Schweiz (ohne Deutschland)"),
    (UNKNOWN, "unbekannt (keine Angabe)"),
)

#: Longer periods are counted by year: the chart stays readable.
MAX_MONTHS = 36


def section(b: TableBuilder) -> Section:
    sql, put = b.sql, b.cells.put
    contacts_total, persons_total = sql.contacts_total()
    total = put(CellKey.of("kontakte"), contacts_total)
    put(CellKey.of("personen"), persons_total)
    both: list[tuple[Column, str]] = [
        (Column("kontakte", "Kontakte", "Kontakte", share=True), "kontakte"),
        (Column("personen", "Personen", "Personen (verschiedene Pseudonyme)"), "personen"),
    ]
    totals = [contacts_total, persons_total]
    contacts = Counted("Kontakte", both, totals)
    tables: list[Table] = []

    # Months for up to three years, whole years beyond: the chart stays readable.
    month_rows = _months(sql.period)
    by_month = len(month_rows) <= MAX_MONTHS
    tables.append(
        b.measures_table(
            key="kontakte_zeit",
            title="Kontakte nach Monat" if by_month else "Kontakte nach Jahr",
            feature="Monat" if by_month else "Jahr",
            condition="monat" if by_month else "jahr",
            columns=[(Column("kontakte", "Kontakte", "Kontakte", share=True), "kontakte")],
            rows=month_rows if by_month else _years(sql.period),
            data=sql.contacts_by("monat" if by_month else "jahr"),
            totals=[contacts_total],
            chart=Chart("columns", "Kontakte je Monat" if by_month else "Kontakte je Jahr"),
        )
    )
    tables.append(
        b.vocab_table(
            contacts,
            key="kontakte_zielgruppe",
            vocabulary="target_group",
            condition="zielgruppe",
            data=sql.contacts_by("target_group"),
        )
    )
    status = sql.contacts_by("drittstaat")
    tables.append(
        b.measures_table(
            key="kontakte_drittstaat",
            title="Kontakte nach Staatsangehörigkeit",
            feature="Staatsangehörigkeit",
            condition="drittstaat",
            columns=both,
            rows=list(CITIZENSHIP_STATUS),
            data=status,
            totals=totals,
            chart=Chart("pie", "Kontakte nach Staatsangehörigkeit"),
            notes=(
                "Drittstaatsangehörige: Staatsangehörigkeit außerhalb der EU, des EWR "
                "und der Schweiz, einschließlich staatenlos und ungeklärt.",
            ),
        )
    )
    tables.append(
        b.vocab_table(
            contacts,
            key="kontakte_geschlecht",
            vocabulary="gender",
            condition="geschlecht",
            data=sql.contacts_by("gender"),
            chart="pie",
        )
    )
    tables.append(
        b.vocab_table(
            contacts,
            key="kontakte_alter",
            vocabulary="age_band",
            condition="alter",
            data=sql.contacts_by("age_band"),
        )
    )
    tables.append(
        b.district_table(
            key="kontakte_stadtteil",
            title="Kontakte nach Stadtteil",
            columns=both,
            by_district=sql.contacts_by("district"),
            by_group=sql.contacts_by("gebiet"),
            totals=totals,
            chart=Chart("bar", "Kontakte nach Gebiet", rows="subtotal"),
        )
    )
    tables.append(_area_by_citizenship(b))
    tables.append(
        b.vocab_table(
            contacts,
            key="kontakte_thema",
            vocabulary="topic",
            condition="thema",
            data=sql.contacts_by_codes("topics"),
            feature="Thema",
            multiple=True,
            notes=("Mehrfachnennungen möglich: ein Kontakt kann mehrere Themen haben.",),
        )
    )
    tables.append(
        b.vocab_table(
            contacts,
            key="kontakte_setting",
            vocabulary="setting",
            condition="setting",
            data=sql.contacts_by("setting"),
        )
    )
    interpreter = sql.contacts_by("interpreter")
    table = b.vocab_table(
        contacts,
        key="kontakte_sprachmittlung",
        vocabulary="interpreter",
        condition="sprachmittlung",
        data=interpreter,
        feature="Sprachmittlung",
    )
    tables.append(table)
    with_interpreter = put(
        CellKey.of("kontakte", sprachmittlung="_mit"),
        sum(v[0] for code, v in interpreter.items() if code != NO_INTERPRETER),
    )
    b.cells.equation(
        with_interpreter,
        [r.cells[0] for r in table.rows if r.role == "item" and r.code != NO_INTERPRETER],
    )

    figures = (
        Figure("kontakte", "Kontakte", "count", cell=total),
        Figure(
            "personen",
            "Personen (verschiedene Pseudonyme)",
            "count",
            cell=CellKey.of("personen"),
        ),
        Figure(
            "anteil_drittstaat",
            "Anteil der Kontakte mit Drittstaatsangehörigen",
            "rate",
            numerator=CellKey.of("kontakte", drittstaat="drittstaat"),
            denominator=total,
        ),
        Figure(
            "anteil_sprachmittlung",
            "Anteil der Kontakte mit Sprachmittlung",
            "rate",
            numerator=with_interpreter,
            denominator=total,
        ),
    )
    return Section(
        key="kontakte",
        title="Beratungskontakte",
        intro=(
            "Gezählt werden alle Beratungskontakte mit Datum im Berichtszeitraum. "
            "„Personen“ sind verschiedene Pseudonym-Codes; Kontakte ohne Pseudonym "
            "zählen nur als Kontakt. Wer in mehreren Ausprägungen vorkommt (etwa in zwei "
            "Stadtteilen), wird in jeder gezählt."
        ),
        figures=figures,
        tables=tuple(tables),
    )


def _area_by_citizenship(b: TableBuilder) -> Table:
    """Cross table area × third-country status, with row and column totals."""
    put, districts = b.cells.put, b.vocab.districts
    data = b.sql.contacts_cross("gebiet", "drittstaat")
    areas = [(g.code, g.de) for g in districts.groups if districts.in_group(g.code)]
    if any(a == UNKNOWN for a, _ in data):
        areas.append((UNKNOWN, "nicht zugeordnet"))
    statuses = list(CITIZENSHIP_STATUS)
    headings = {
        "drittstaat": "Drittstaats-\nangehörige",
        "deutschland": "Deutsche",
        "eu": "EU/EWR/\nSchweiz",
        UNKNOWN: "unbekannt",
    }
    columns = [
        Column(code, label, "Kontakte", heading=headings.get(code, label))
        for code, label in statuses
    ]
    columns.append(Column("insgesamt", "Insgesamt", "Kontakte"))
    rows: list[Row] = []
    for area, label in areas:
        cells = [
            put(CellKey.of("kontakte", gebiet=area, drittstaat=s), data.get((area, s), 0))
            for s, _ in statuses
        ]
        row_sum = sum(data.get((area, s), 0) for s, _ in statuses)
        margin = put(CellKey.of("kontakte", gebiet=area), row_sum)
        b.cells.equation(margin, cells)
        rows.append(Row(area, label, (*cells, margin)))
    bottom = [
        put(CellKey.of("kontakte", drittstaat=s), sum(data.get((a, s), 0) for a, _ in areas))
        for s, _ in statuses
    ]
    grand = put(CellKey.of("kontakte"), sum(data.values()))
    for j, key in enumerate(bottom):
        b.cells.equation(key, [r.cells[j] for r in rows])
    b.cells.equation(grand, bottom)
    b.cells.equation(grand, [r.cells[-1] for r in rows])
    rows.append(Row("insgesamt", "Insgesamt", (*bottom, grand), role="total"))
    return Table(
        key="kontakte_gebiet_drittstaat",
        title="Kontakte nach Gebiet und Staatsangehörigkeit",
        feature="Gebiet",
        columns=tuple(columns),
        rows=tuple(rows),
        crosstab=True,
        column_feature="Staatsangehörigkeit",
    )


def _years(period: Period) -> list[tuple[str, str]]:
    return [(str(y), str(y)) for y in range(period.start.year, period.end.year + 1)]


def _months(period: Period) -> list[tuple[str, str]]:
    months: list[tuple[str, str]] = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        months.append((f"{year:04d}-{month:02d}", f"{MONTHS_DE[month - 1]} {year}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months

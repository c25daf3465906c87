"""The statistics of a reporting period: cells, tables and the equations they publish.

The counting itself runs in SQLite (:mod:`reports.snapshot`); this module arranges the counts
into tables (vocabulary order, German labels, codes kept), registers every published sum as an
:class:`~vielfalt_desktop.reports.disclosure.Equation`, and collects the key figures. The raw
values never reach a rendered report — :mod:`reports.published` publishes them through
:mod:`reports.disclosure` first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection

from vielfalt_desktop.domain.vocab import Vocabularies, Vocabulary
from vielfalt_desktop.reports.disclosure import Equation
from vielfalt_desktop.reports.formatting import MONTHS_DE
from vielfalt_desktop.reports.snapshot import EVENT_PARTICIPANTS, SETTLED, UNKNOWN, Counts, Snapshot
from vielfalt_desktop.reports.tables import (
    CellKey,
    Chart,
    ChartKind,
    Column,
    Figure,
    Median,
    Period,
    Row,
    Section,
    Statistics,
    Table,
)

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
    "compute_statistics",
]

UNKNOWN_LABEL = "unbekannt"

#: Referral statuses that end the wait for an answer, and those that count as taken up.
DECIDED = ("angenommen", "abgeschlossen", "nicht_wahrgenommen", "abgelehnt")
TAKEN_UP = ("angenommen", "abgeschlossen")
NO_INTERPRETER = "keine"

#: Third-country status, derived from citizenship (vocab.countries), in display order.
CITIZENSHIP_STATUS: tuple[tuple[str, str], ...] = (
    ("drittstaat", "Drittstaatsangehörige"),
    ("deutschland", "Deutsche"),
    ("eu", "EU/EWR/Schweiz (ohne Deutschland)"),
    (UNKNOWN, "unbekannt (keine Angabe)"),
)

MAX_MONTHS = 36


# --------------------------------------------------------------------------------------------
# Building cells, tables and equations


class _Cells:
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


def _vocab_rows(vocabulary: Vocabulary, data: Iterable[str]) -> list[tuple[str, str]]:
    present = set(data)
    entries = [(e.code, e.de) for e in vocabulary.entries if e.active or e.code in present]
    return _ordered_codes(entries, present)


# --------------------------------------------------------------------------------------------
# Tables


def _years(period: Period) -> list[tuple[str, str]]:
    return [(str(y), str(y)) for y in range(period.start.year, period.end.year + 1)]


def _months(period: Period) -> list[tuple[str, str]]:
    months: list[tuple[str, str]] = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        months.append((f"{year:04d}-{month:02d}", f"{MONTHS_DE[month - 1]} {year}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


class _Builder:
    def __init__(self, sql: Snapshot) -> None:
        self.sql = sql
        self.vocab = sql.vocab
        self.cells = _Cells()
        self.medians: dict[str, Median] = {}

    # --- generic table shapes -----------------------------------------------------------

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

    # --- contacts -----------------------------------------------------------------------

    def contacts(self) -> Section:
        sql, vocab, put = self.sql, self.vocab, self.cells.put
        contacts_total, persons_total = sql.contacts_total()
        total = put(CellKey.of("kontakte"), contacts_total)
        put(CellKey.of("personen"), persons_total)
        both: list[tuple[Column, str]] = [
            (Column("kontakte", "Kontakte", "Kontakte", share=True), "kontakte"),
            (Column("personen", "Personen", "Personen (verschiedene Pseudonyme)"), "personen"),
        ]
        totals = [contacts_total, persons_total]
        tables: list[Table] = []

        # Months for up to three years, whole years beyond: the chart stays readable.
        month_rows = _months(sql.period)
        by_month = len(month_rows) <= MAX_MONTHS
        tables.append(
            self.measures_table(
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

        def simple(
            key: str,
            name: str,
            condition: str,
            dimension: str,
            chart: ChartKind = "bar",
        ) -> None:
            data = sql.contacts_by(dimension)
            vocabulary = vocab[name]
            label = vocabulary.label("de")
            tables.append(
                self.measures_table(
                    key=key,
                    title=f"Kontakte nach {label}",
                    feature=label,
                    condition=condition,
                    columns=both,
                    rows=_vocab_rows(vocabulary, data),
                    data=data,
                    totals=totals,
                    chart=Chart(chart, f"Kontakte nach {label}"),
                )
            )

        simple("kontakte_zielgruppe", "target_group", "zielgruppe", "target_group")

        status = sql.contacts_by("drittstaat")
        tables.append(
            self.measures_table(
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
        simple("kontakte_geschlecht", "gender", "geschlecht", "gender", chart="pie")
        simple("kontakte_alter", "age_band", "alter", "age_band")

        tables.append(
            self.district_table(
                key="kontakte_stadtteil",
                title="Kontakte nach Stadtteil",
                columns=both,
                by_district=sql.contacts_by("district"),
                by_group=sql.contacts_by("gebiet"),
                totals=totals,
                chart=Chart("bar", "Kontakte nach Gebiet", rows="subtotal"),
            )
        )
        tables.append(self.area_by_citizenship())

        topics = sql.contacts_by_codes("topics")
        topic_vocab = vocab["topic"]
        tables.append(
            self.measures_table(
                key="kontakte_thema",
                title="Kontakte nach Thema",
                feature="Thema",
                condition="thema",
                columns=both,
                rows=_vocab_rows(topic_vocab, topics),
                data=topics,
                totals=totals,
                total_label="Kontakte insgesamt",
                multiple=True,
                chart=Chart("bar", "Kontakte nach Thema"),
                notes=("Mehrfachnennungen möglich: ein Kontakt kann mehrere Themen haben.",),
            )
        )
        simple("kontakte_setting", "setting", "setting", "setting")

        interpreter = sql.contacts_by("interpreter")
        tables.append(
            self.measures_table(
                key="kontakte_sprachmittlung",
                title="Kontakte nach Sprachmittlung",
                feature="Sprachmittlung",
                condition="sprachmittlung",
                columns=both,
                rows=_vocab_rows(vocab["interpreter"], interpreter),
                data=interpreter,
                totals=totals,
                chart=Chart("bar", "Kontakte nach Sprachmittlung"),
            )
        )
        with_interpreter = put(
            CellKey.of("kontakte", sprachmittlung="_mit"),
            sum(v[0] for code, v in interpreter.items() if code != NO_INTERPRETER),
        )
        table = tables[-1]
        self.cells.equation(
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

    def area_by_citizenship(self) -> Table:
        """Cross table area × third-country status, with row and column totals."""
        put, districts = self.cells.put, self.vocab.districts
        data = self.sql.contacts_cross("gebiet", "drittstaat")
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
            self.cells.equation(margin, cells)
            rows.append(Row(area, label, (*cells, margin)))
        bottom = [
            put(CellKey.of("kontakte", drittstaat=s), sum(data.get((a, s), 0) for a, _ in areas))
            for s, _ in statuses
        ]
        grand = put(CellKey.of("kontakte"), sum(data.values()))
        for j, key in enumerate(bottom):
            self.cells.equation(key, [r.cells[j] for r in rows])
        self.cells.equation(grand, bottom)
        self.cells.equation(grand, [r.cells[-1] for r in rows])
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

    # --- referrals ----------------------------------------------------------------------

    def referrals(self) -> Section:
        sql, vocab, put = self.sql, self.vocab, self.cells.put
        count = sql.referrals_total()
        total = put(CellKey.of("verweise"), count)
        column = [(Column("verweise", "Verweise", "Verweise", share=True), "verweise")]
        tables: list[Table] = []

        def simple(
            key: str,
            name: str,
            condition: str,
            data: Counts,
            *,
            hide_empty_rows: bool = False,
            feature: str | None = None,
        ) -> Table:
            vocabulary = vocab[name]
            label = feature or vocabulary.label("de")
            return self.measures_table(
                key=key,
                title=f"Verweise nach {label}",
                feature=label,
                condition=condition,
                columns=column,
                rows=_vocab_rows(vocabulary, data),
                data=data,
                totals=[count],
                hide_empty_rows=hide_empty_rows,
                chart=Chart("bar", f"Verweise nach {label}"),
            )

        status_data = sql.referrals_by("status")
        status_table = simple("verweise_status", "referral_status", "status", status_data)
        tables.append(status_table)
        status_cell = {row.code: row.cells[0] for row in status_table.rows if row.role == "item"}
        decided = put(
            CellKey.of("verweise", ergebnis="entschieden"),
            sum(status_data.get(s, [0])[0] for s in DECIDED),
        )
        taken_up = put(
            CellKey.of("verweise", ergebnis="angenommen"),
            sum(status_data.get(s, [0])[0] for s in TAKEN_UP),
        )
        self.cells.equation(decided, [status_cell[s] for s in DECIDED if s in status_cell])
        self.cells.equation(taken_up, [status_cell[s] for s in TAKEN_UP if s in status_cell])

        tables.append(
            simple(
                "verweise_partnerart",
                "partner_kind",
                "partnerart",
                sql.referrals_by("partner_kind"),
            )
        )
        tables.append(
            simple(
                "verweise_thema",
                "topic",
                "thema",
                sql.referrals_by("topic"),
                hide_empty_rows=True,
                feature="Thema",
            )
        )
        figures = (
            Figure("verweise", "Verweise", "count", cell=total),
            Figure("verweise_entschieden", "Verweise mit Ergebnis", "count", cell=decided),
            Figure(
                "verweise_angenommen",
                "davon angenommen oder abgeschlossen",
                "count",
                cell=taken_up,
            ),
            Figure(
                "annahmequote",
                "Annahmequote",
                "rate",
                numerator=taken_up,
                denominator=decided,
                note="angenommen oder abgeschlossen, bezogen auf alle Verweise mit Ergebnis",
            ),
        )
        return Section(
            key="verweise",
            title="Verweisberatung",
            intro=(
                "Gezählt werden Verweise an Partnerorganisationen mit Datum im "
                "Berichtszeitraum, mit ihrem Stand am Tag der Erstellung. Verweise mit "
                "Ergebnis sind angenommene, abgeschlossene, nicht wahrgenommene und "
                "abgelehnte; die Annahmequote ist der Anteil der angenommenen und "
                "abgeschlossenen an ihnen."
                + (
                    " Bei einer Auswahl von Stadtteilen zählt der Stadtteil des Kontakts."
                    if sql.districts
                    else ""
                )
            ),
            figures=figures,
            tables=tuple(tables),
        )

    # --- conflicts and interventions ----------------------------------------------------

    def conflicts(self) -> Section:
        sql, vocab, put = self.sql, self.vocab, self.cells.put
        count = sql.conflicts_total()
        total = put(CellKey.of("konflikte"), count)
        column = [(Column("konflikte", "Konflikte", "Konflikte", share=True), "konflikte")]
        tables: list[Table] = []

        def simple(
            key: str,
            name: str,
            condition: str,
            data: Counts,
            *,
            multiple: bool = False,
            title: str | None = None,
            notes: Sequence[str] = (),
            feature: str | None = None,
        ) -> Table:
            vocabulary = vocab[name]
            label = feature or vocabulary.label("de")
            heading = title or f"Konflikte nach {label}"
            return self.measures_table(
                key=key,
                title=heading,
                feature=label,
                condition=condition,
                columns=column,
                rows=_vocab_rows(vocabulary, data),
                data=data,
                totals=[count],
                total_label="Konflikte insgesamt" if multiple else "Insgesamt",
                multiple=multiple,
                chart=Chart("bar", heading),
                notes=notes,
            )

        tables.append(
            simple(
                "konflikte_status",
                "conflict_status",
                "status",
                sql.conflicts_by("status"),
                title="Konflikte nach Bearbeitungsstand",
            )
        )
        tables.append(
            simple(
                "konflikte_thema",
                "conflict_category",
                "thema",
                sql.conflicts_by_codes("categories"),
                multiple=True,
                notes=("Mehrfachnennungen möglich: ein Konflikt kann mehrere Themen haben.",),
                feature="Thema",
            )
        )
        tables.append(
            self.district_table(
                key="konflikte_stadtteil",
                title="Konflikte nach Stadtteil",
                columns=column,
                by_district=sql.conflicts_by("district"),
                by_group=sql.conflicts_by("gebiet"),
                totals=[count],
                chart=Chart("bar", "Konflikte nach Gebiet", rows="subtotal"),
            )
        )
        tables.append(simple("konflikte_ort", "place_type", "ort", sql.conflicts_by("place_type")))
        tables.append(
            simple(
                "konflikte_eskalation",
                "escalation_stage",
                "eskalation",
                sql.conflicts_by("escalation"),
                title="Konflikte nach Eskalationsstufe (Glasl)",
            )
        )

        source_data = sql.interventions_by_kind()
        interventions_total = [sum(v[j] for v in source_data.values()) for j in range(3)]
        vocabulary = vocab["intervention_kind"]
        tables.append(
            self.measures_table(
                key="interventionen_art",
                title="Interventionen nach Art",
                feature=vocabulary.label("de"),
                condition="art",
                columns=[
                    (
                        Column(
                            "interventionen",
                            "Interventionen",
                            "Interventionen",
                            share=True,
                            heading="Inter-\nventionen",
                        ),
                        "interventionen",
                    ),
                    (
                        Column(
                            "teilnehmende",
                            "Teilnehmende",
                            "Teilnehmende an Interventionen",
                            heading="Teil-\nnehmende",
                        ),
                        "interventionen_tn",
                    ),
                    (
                        Column(
                            "brueckenbauer",
                            "mit Brückenbauer/in",
                            "Interventionen mit Brückenbauer/in",
                            heading="mit Brücken-\nbauer/in",
                        ),
                        "interventionen_bb",
                    ),
                ],
                rows=_vocab_rows(vocabulary, source_data),
                data=source_data,
                totals=interventions_total,
                chart=Chart("bar", "Interventionen nach Art"),
                notes=(
                    "Interventionen mit Datum im Berichtszeitraum, auch zu Konflikten, die "
                    "vorher eröffnet wurden.",
                ),
            )
        )
        settled = CellKey.of("konflikte", status=SETTLED)
        if settled not in self.cells.values:
            put(settled, 0)
        median, n = sql.median_days_to_settle()
        self.medians["tage_bis_beilegung"] = Median(median, n, settled)
        figures = (
            Figure("konflikte", "Konflikte (im Zeitraum gemeldet)", "count", cell=total),
            Figure("konflikte_beigelegt", "davon beigelegt", "count", cell=settled),
            Figure(
                "beilegungsquote",
                "Beilegungsquote",
                "rate",
                numerator=settled,
                denominator=total,
                note="beigelegte an allen im Zeitraum gemeldeten Konflikten",
            ),
            Figure(
                "tage_bis_beilegung",
                "Tage von der Meldung bis zur Beilegung (Median)",
                "days",
            ),
            Figure(
                "interventionen",
                "Interventionen",
                "count",
                cell=CellKey.of("interventionen"),
            ),
        )
        return Section(
            key="konflikte",
            title="Nachbarschaftskonflikte",
            intro=(
                "Gezählt werden Konflikte, die im Berichtszeitraum gemeldet wurden, mit ihrem "
                "Bearbeitungsstand am Tag der Erstellung. Die Beilegungsquote ist der Anteil "
                "der beigelegten an ihnen; die Dauer bis zur Beilegung reicht von der Meldung "
                "bis zum Abschlussdatum."
            ),
            figures=figures,
            tables=tuple(tables),
        )

    # --- events and interests -----------------------------------------------------------

    def events(self) -> Section:
        sql, vocab = self.sql, self.vocab
        data = sql.events_by_kind()
        width = 1 + len(EVENT_PARTICIPANTS)
        totals = [sum(v[j] for v in data.values()) for j in range(width)]
        vocabulary = vocab["event_kind"]
        headings = (
            ("veranstaltungen", "Veranstaltungen", "Veranstaltungen", "Veran-\nstaltungen"),
            ("teilnehmende", "Teilnehmende", "Teilnehmende", "Teil-\nnehmende"),
            (
                "tn_drittstaat",
                "Drittstaatsangehörige",
                "Teilnehmende: Drittstaatsangehörige",
                "darunter\nDrittstaats-\nangehörige",
            ),
            ("tn_frauen", "Frauen", "Teilnehmende: Frauen", "Frauen"),
            ("tn_maenner", "Männer", "Teilnehmende: Männer", "Männer"),
            ("tn_divers", "divers", "Teilnehmende: divers", "divers"),
            ("tn_kinder", "Kinder", "Teilnehmende: Kinder", "Kinder"),
        )
        columns = [
            (Column(code, label, measure, heading=heading), code)
            for code, label, measure, heading in headings
        ]
        table = self.measures_table(
            key="veranstaltungen_art",
            title="Veranstaltungen und Teilnehmende nach Art",
            feature=vocabulary.label("de"),
            condition="art",
            columns=columns,
            rows=_vocab_rows(vocabulary, data),
            data=data,
            totals=totals,
            chart=Chart("bar", "Teilnehmende nach Art der Veranstaltung", column=1),
            notes=(
                "Teilnehmende sind bei jeder Veranstaltung gezählt; wer mehrere besucht, "
                "zählt mehrfach. Frauen, Männer und divers ergeben nicht immer die "
                "Gesamtzahl, wenn nicht alle zugeordnet wurden.",
            ),
        )
        figures = (
            Figure(
                "veranstaltungen", "Veranstaltungen", "count", cell=CellKey.of("veranstaltungen")
            ),
            Figure("teilnehmende", "Teilnehmende", "count", cell=CellKey.of("teilnehmende")),
            Figure(
                "anteil_tn_drittstaat",
                "Anteil Drittstaatsangehöriger an den Teilnehmenden",
                "rate",
                numerator=CellKey.of("tn_drittstaat"),
                denominator=CellKey.of("teilnehmende"),
            ),
        )
        return Section(
            key="veranstaltungen",
            title="Begegnung und Veranstaltungen",
            intro="Gezählt werden Veranstaltungen mit Datum im Berichtszeitraum.",
            figures=figures,
            tables=(table,),
        )

    def interests(self) -> Section:
        sql, vocab = self.sql, self.vocab
        from_contacts = sql.contacts_by_codes("interests")
        from_events = sql.events_by_interest()
        data: dict[str, list[int]] = {}
        for code in {*from_contacts, *from_events}:
            data[code] = [from_contacts.get(code, [0])[0], from_events.get(code, [0])[0]]
        vocabulary = vocab["interest"]
        contacts_total = self.cells.values[CellKey.of("kontakte")]
        events_total = self.cells.values[CellKey.of("veranstaltungen")]
        table = self.measures_table(
            key="interessen",
            title="Geäußerte Interessen",
            feature="Interesse",
            condition="interesse",
            columns=[
                (
                    Column(
                        "kontakte",
                        "in Kontakten",
                        "Kontakte",
                        share=True,
                        heading="in\nKontakten",
                    ),
                    "kontakte",
                ),
                (
                    Column(
                        "veranstaltungen",
                        "bei Veranstaltungen",
                        "Veranstaltungen",
                        heading="bei Veran-\nstaltungen",
                    ),
                    "veranstaltungen",
                ),
            ],
            rows=_vocab_rows(vocabulary, data),
            data=data,
            totals=[contacts_total, events_total],
            total_label="Kontakte bzw. Veranstaltungen insgesamt",
            multiple=True,
            hide_empty_rows=True,
            chart=Chart("bar", "Geäußerte Interessen in Kontakten"),
            notes=(
                "Zahl der Kontakte und der Veranstaltungen, in denen das Interesse geäußert "
                "wurde; Mehrfachnennungen möglich.",
            ),
        )
        return Section(
            key="interessen",
            title="Interessen (Interessenerhebung)",
            intro=(
                "Interessen, die Menschen in Beratungskontakten und bei Veranstaltungen "
                "geäußert haben – Grundlage für neue Angebote im Stadtteil."
            ),
            figures=(),
            tables=(table,),
        )


def compute_statistics(
    conn: Connection,
    vocab: Vocabularies,
    period: Period,
    districts: Sequence[str] = (),
) -> Statistics:
    """All statistics of ``period`` (both days included), optionally for some districts."""
    with Snapshot(conn, vocab, period, districts) as snapshot:
        builder = _Builder(snapshot)
        sections = (
            builder.contacts(),
            builder.referrals(),
            builder.conflicts(),
            builder.events(),
            builder.interests(),
        )
    figures = {f.key: f for s in sections for f in s.figures}
    summary = tuple(
        figures[key]
        for key in (
            "kontakte",
            "personen",
            "anteil_drittstaat",
            "anteil_sprachmittlung",
            "verweise",
            "annahmequote",
            "konflikte",
            "beilegungsquote",
            "tage_bis_beilegung",
            "interventionen",
            "veranstaltungen",
            "teilnehmende",
        )
    )
    return Statistics(
        period=period,
        districts=tuple(districts),
        sections=sections,
        summary=summary,
        values=dict(builder.cells.values),
        equations=tuple(builder.cells.equations),
        medians=dict(builder.medians),
    )

"""Section 3 of the report, "Nachbarschaftskonflikte": neighbourhood conflicts and mediation.

Conflicts by status, topic, district, kind of place and escalation stage; interventions by
kind; the key figures "Konflikte", "davon beigelegt", the settlement rate (Beilegungsquote),
the median days to settlement and "Interventionen".
"""

from __future__ import annotations

from vielfalt_desktop.reports.snapshot import SETTLED
from vielfalt_desktop.reports.statistics.builder import Counted, TableBuilder, vocab_rows
from vielfalt_desktop.reports.tables import CellKey, Chart, Column, Figure, Median, Section, Table

__all__ = ["section"]


def section(b: TableBuilder) -> Section:
    sql, put = b.sql, b.cells.put
    count = sql.conflicts_total()
    total = put(CellKey.of("konflikte"), count)
    column = [(Column("konflikte", "Konflikte", "Konflikte", share=True), "konflikte")]
    conflicts = Counted("Konflikte", column, [count])
    tables: list[Table] = [
        b.vocab_table(
            conflicts,
            key="konflikte_status",
            vocabulary="conflict_status",
            condition="status",
            data=sql.conflicts_by("status"),
            title="Konflikte nach Bearbeitungsstand",
        ),
        b.vocab_table(
            conflicts,
            key="konflikte_thema",
            vocabulary="conflict_category",
            condition="thema",
            data=sql.conflicts_by_codes("categories"),
            feature="Thema",
            multiple=True,
            notes=("Mehrfachnennungen möglich: ein Konflikt kann mehrere Themen haben.",),
        ),
        b.district_table(
            key="konflikte_stadtteil",
            title="Konflikte nach Stadtteil",
            columns=column,
            by_district=sql.conflicts_by("district"),
            by_group=sql.conflicts_by("gebiet"),
            totals=[count],
            chart=Chart("bar", "Konflikte nach Gebiet", rows="subtotal"),
        ),
        b.vocab_table(
            conflicts,
            key="konflikte_ort",
            vocabulary="place_type",
            condition="ort",
            data=sql.conflicts_by("place_type"),
        ),
        b.vocab_table(
            conflicts,
            key="konflikte_eskalation",
            vocabulary="escalation_stage",
            condition="eskalation",
            data=sql.conflicts_by("escalation"),
            title="Konflikte nach Eskalationsstufe (Glasl)",
        ),
    ]

    source_data = sql.interventions_by_kind()
    interventions_total = [sum(v[j] for v in source_data.values()) for j in range(3)]
    vocabulary = b.vocab["intervention_kind"]
    tables.append(
        b.measures_table(
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
            rows=vocab_rows(vocabulary, source_data),
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
    if settled not in b.cells.values:
        put(settled, 0)
    median, n = sql.median_days_to_settle()
    b.medians["tage_bis_beilegung"] = Median(median, n, settled)
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

"""Section 4 of the report, "Begegnung und Veranstaltungen": encounter events.

Events and their participants by kind of event (with third-country nationals, women, men,
diverse, children); the key figures "Veranstaltungen", "Teilnehmende" and the share of
third-country nationals among the participants.
"""

from __future__ import annotations

from vielfalt_desktop.reports.snapshot import EVENT_PARTICIPANTS
from vielfalt_desktop.reports.statistics.builder import TableBuilder, vocab_rows
from vielfalt_desktop.reports.tables import CellKey, Chart, Column, Figure, Section

__all__ = ["section"]


def section(b: TableBuilder) -> Section:
    sql, vocab = b.sql, b.vocab
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
    table = b.measures_table(
        key="veranstaltungen_art",
        title="Veranstaltungen und Teilnehmende nach Art",
        feature=vocabulary.label("de"),
        condition="art",
        columns=columns,
        rows=vocab_rows(vocabulary, data),
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
        Figure("veranstaltungen", "Veranstaltungen", "count", cell=CellKey.of("veranstaltungen")),
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

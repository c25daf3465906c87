"""Section 5 of the report, "Interessen": interests voiced in contacts and at events.

One table: for each interest, the contacts and the events in which it was voiced (multiple
answers); no key figures.
"""

from __future__ import annotations

from vielfalt_desktop.reports.statistics.builder import TableBuilder, vocab_rows
from vielfalt_desktop.reports.tables import CellKey, Chart, Column, Section

__all__ = ["section"]


def section(b: TableBuilder) -> Section:
    """Needs the totals of contacts and events: after :mod:`.contacts` and :mod:`.events`."""
    sql, vocab = b.sql, b.vocab
    from_contacts = sql.contacts_by_codes("interests")
    from_events = sql.events_by_interest()
    data: dict[str, list[int]] = {}
    for code in {*from_contacts, *from_events}:
        data[code] = [from_contacts.get(code, [0])[0], from_events.get(code, [0])[0]]
    vocabulary = vocab["interest"]
    contacts_total = b.cells.values[CellKey.of("kontakte")]
    events_total = b.cells.values[CellKey.of("veranstaltungen")]
    table = b.measures_table(
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
        rows=vocab_rows(vocabulary, data),
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

"""Section 2 of the report, "Verweisberatung": referrals to partner organisations.

Referrals by status, kind of partner and topic; the key figures "Verweise", "Verweise mit
Ergebnis", "davon angenommen oder abgeschlossen" and the take-up rate (Annahmequote).
"""

from __future__ import annotations

from vielfalt_desktop.reports.statistics.builder import Counted, TableBuilder
from vielfalt_desktop.reports.tables import CellKey, Column, Figure, Section

__all__ = ["DECIDED", "TAKEN_UP", "section"]

#: Referral statuses that end the wait for an answer, and those that count as taken up.
DECIDED = ("angenommen", "abgeschlossen", "nicht_wahrgenommen", "abgelehnt")
TAKEN_UP = ("angenommen", "abgeschlossen")


def section(b: TableBuilder) -> Section:
    sql, put = b.sql, b.cells.put
    count = sql.referrals_total()
    total = put(CellKey.of("verweise"), count)
    column = [(Column("verweise", "Verweise", "Verweise", share=True), "verweise")]
    referrals = Counted("Verweise", column, [count])

    status_data = sql.referrals_by("status")
    status_table = b.vocab_table(
        referrals,
        key="verweise_status",
        vocabulary="referral_status",
        condition="status",
        data=status_data,
    )
    status_cell = {row.code: row.cells[0] for row in status_table.rows if row.role == "item"}
    decided = put(
        CellKey.of("verweise", ergebnis="entschieden"),
        sum(status_data.get(s, [0])[0] for s in DECIDED),
    )
    taken_up = put(
        CellKey.of("verweise", ergebnis="angenommen"),
        sum(status_data.get(s, [0])[0] for s in TAKEN_UP),
    )
    b.cells.equation(decided, [status_cell[s] for s in DECIDED if s in status_cell])
    b.cells.equation(taken_up, [status_cell[s] for s in TAKEN_UP if s in status_cell])

    tables = (
        status_table,
        b.vocab_table(
            referrals,
            key="verweise_partnerart",
            vocabulary="partner_kind",
            condition="partnerart",
            data=sql.referrals_by("partner_kind"),
        ),
        b.vocab_table(
            referrals,
            key="verweise_thema",
            vocabulary="topic",
            condition="thema",
            data=sql.referrals_by("topic"),
            feature="Thema",
            hide_empty_rows=True,
        ),
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
        tables=tables,
    )

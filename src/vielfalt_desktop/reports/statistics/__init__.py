"""The statistics of a reporting period: the counts arranged into the report's tables.

The counting itself runs in SQLite (:mod:`~vielfalt_desktop.reports.snapshot`); this package
arranges the counts into tables (vocabulary order, German labels, codes kept), registers every
published sum as an :class:`~vielfalt_desktop.reports.disclosure.Equation`, and collects the key
figures. One module per section of the report, in its order:

* :mod:`.contacts` — Beratungskontakte
* :mod:`.referrals` — Verweisberatung
* :mod:`.conflicts` — Nachbarschaftskonflikte and interventions
* :mod:`.events` — Begegnung und Veranstaltungen
* :mod:`.interests` — Interessen

all built with the shared table helper :mod:`.builder`. The result is a
:class:`~vielfalt_desktop.reports.tables.Statistics` (the types are in
:mod:`~vielfalt_desktop.reports.tables`). The raw values never reach a rendered report —
:mod:`~vielfalt_desktop.reports.published` publishes them through
:mod:`~vielfalt_desktop.reports.disclosure` first.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from vielfalt_desktop.domain.vocab import Vocabularies
from vielfalt_desktop.reports.snapshot import Snapshot
from vielfalt_desktop.reports.statistics import conflicts, contacts, events, interests, referrals
from vielfalt_desktop.reports.statistics.builder import TableBuilder
from vielfalt_desktop.reports.tables import Period, Statistics

__all__ = ["compute_statistics"]


def compute_statistics(
    conn: Connection,
    vocab: Vocabularies,
    period: Period,
    districts: Sequence[str] = (),
) -> Statistics:
    """All statistics of ``period`` (both days included), optionally for some districts."""
    with Snapshot(conn, vocab, period, districts) as snapshot:
        builder = TableBuilder(snapshot)
        sections = (
            contacts.section(builder),
            referrals.section(builder),
            conflicts.section(builder),
            events.section(builder),
            interests.section(builder),
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

"""The coordinator's report, built and written as files; also the referral slip.

The use case behind `vielfalt report`, the Berichte screen and the Verweise screen's slip:

    report = build_report(app, date(2026, 1, 1), date(2026, 6, 30))
    write_pdf(app, report, Path("bericht.pdf"))
    write_csv(app, report, Path("bericht.csv"))
    preview(report)  # key numbers for the screen, already formatted

Everything is computed in one read transaction; files are written atomically (a reader sees
the old file or the new one). A PDF or CSV is a deliberate export: it holds only aggregated,
small-cell-protected numbers, never a record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import ValidationError, VielfaltError
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.fileio import atomic_write_bytes
from vielfalt_desktop.reports import formatting as fmt
from vielfalt_desktop.reports.csv_export import render_csv
from vielfalt_desktop.reports.disclosure import DEFAULT_THRESHOLD, check_threshold
from vielfalt_desktop.reports.pdf import render_pdf
from vielfalt_desktop.reports.published import Report, publish
from vielfalt_desktop.reports.slip import LANGUAGES, SlipLanguage, render_slip
from vielfalt_desktop.reports.statistics import compute_statistics
from vielfalt_desktop.reports.tables import Period
from vielfalt_desktop.services.app import App
from vielfalt_desktop.sync.naming import file_slug

__all__ = [
    "DEFAULT_THRESHOLD",
    "Report",
    "build_report",
    "file_stem",
    "preview",
    "save_export",
    "write_csv",
    "write_pdf",
    "write_slip",
]


def build_report(
    app: App,
    date_from: dt.date,
    date_to: dt.date,
    districts: Sequence[str] = (),
    threshold: int = DEFAULT_THRESHOLD,
) -> Report:
    """The published statistics of ``date_from``–``date_to`` (both included).

    ``districts`` narrows the report to Stadtteile; an area code (e.g. ``nord``) stands for
    all its districts; empty means the whole city. ``threshold``: counts from 1 to it are
    withheld (at least 3). Raises :class:`ValidationError` with German messages.
    """
    problems: dict[str, str] = {}
    start, end = _as_date(date_from), _as_date(date_to)
    if start is None:
        problems["date_from"] = Message(msg.PERIOD_START_REQUIRED)
    if end is None:
        problems["date_to"] = Message(msg.PERIOD_END_REQUIRED)
    if start is not None and end is not None and start > end:
        problems["date_to"] = Message(msg.PERIOD_REVERSED, end=fmt.date(end), start=fmt.date(start))
    chosen, unknown = _expand_districts(app, districts)
    if unknown:
        names = ", ".join(f"„{code}“" for code in unknown)
        problems["districts"] = Message(msg.UNKNOWN_DISTRICTS, names=names)
    try:
        check_threshold(threshold)
    except ValidationError as error:
        problems.update(error.problems)
    if problems:
        raise ValidationError(problems)
    assert start is not None
    assert end is not None
    with app.store.read() as conn:
        stats = compute_statistics(conn, app.vocab, Period(start, end), chosen)
    labels = {code: app.vocab.districts.label_of(code) for code in chosen}
    return publish(
        stats,
        threshold=threshold,
        produced_by=app.device.name,
        produced_at=app.now(),
        district_labels=labels,
    )


def write_pdf(app: App, report: Report, path: Path) -> None:
    """Write the report as PDF, atomically; the audit trail notes it."""
    save_export(Path(path), render_pdf(report))
    app.audit.log("report", detail="pdf")


def write_csv(app: App, report: Report, path: Path) -> None:
    """Write the report's tables as CSV for Excel (UTF-8 with BOM, ";"), atomically."""
    save_export(Path(path), render_csv(report))
    app.audit.log("report", detail="csv")


def write_slip(app: App, partner_id: str, topic: str, lang: str, path: Path) -> None:
    """Write a referral slip (one A5 page) for a partner and topic, in German or English."""
    problems: dict[str, str] = {}
    if lang not in LANGUAGES:
        problems["lang"] = Message(msg.SLIP_LANGUAGE)
    if topic not in app.vocab["topic"]:
        problems["topic"] = Message(msg.NOT_A_TOPIC, value=topic)
    if problems:
        raise ValidationError(problems)
    partner = app.records.get(Partner, partner_id)  # NotFound with a German message
    language: SlipLanguage = "en" if lang == "en" else "de"
    save_export(Path(path), render_slip(partner, topic, language, app.vocab))
    app.audit.log("report", record_kind="partner", detail="verweiszettel")


def preview(report: Report) -> dict[str, str]:
    """Key numbers for the Berichte screen, formatted as in the PDF (label → text)."""
    shown: dict[str, str] = {
        "Berichtszeitraum": f"{fmt.date(report.period.start)}–{fmt.date(report.period.end)}",
        "Gebiet": report.area,
    }
    for figure in report.summary:
        shown[figure.label] = report.figure(figure.key).text(figure.kind)
    shown["Gesperrte Werte"] = fmt.integer(report.withheld)
    return shown


def slip_stem(partner_name: str) -> str:
    """The default file name of a referral slip, without ``.pdf``: ``Verweiszettel_<Partner>``."""
    return f"Verweiszettel_{file_slug(partner_name)}"


def file_stem(report: Report) -> str:
    """A file name suggestion without extension, e.g. ``Vielfalt-Bericht_2026-01-01_2026-06-30``."""
    return f"Vielfalt-Bericht_{report.period.start.isoformat()}_{report.period.end.isoformat()}"


# --------------------------------------------------------------------------------------------


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None


def _expand_districts(app: App, codes: Sequence[str]) -> tuple[tuple[str, ...], list[str]]:
    districts = app.vocab.districts
    group_codes = {g.code for g in districts.groups}
    chosen: dict[str, None] = {}
    unknown: list[str] = []
    for code in codes:
        if code in districts:
            chosen[code] = None
        elif code in group_codes:
            chosen.update(dict.fromkeys(d.code for d in districts.in_group(code)))
        else:
            unknown.append(code)
    return tuple(chosen), unknown


def save_export(path: Path, data: bytes) -> None:
    """Write an export to the path the user chose, atomically, or explain in German why not."""
    if not path.parent.is_dir():
        raise VielfaltError(Message(msg.FOLDER_MISSING, folder=path.parent))
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        reason = error.strerror or error.__class__.__name__
        raise VielfaltError(Message(msg.FILE_NOT_SAVED, path=path, reason=reason)) from None

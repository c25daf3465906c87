"""The report as a reader gets it: PDF parsed back, CSV, the referral slip, demo stores.

Numbers are checked against stores whose content is known (``fill_known``) or counted
independently through the record service (demo stores).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from tests.unit.test_reports_statistics import PERIOD, fill_known

from vielfalt_desktop import demo
from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import Conflict, Contact, Event, Partner, Referral
from vielfalt_desktop.domain.validation import EARLIEST
from vielfalt_desktop.reports import formatting as fmt
from vielfalt_desktop.reports.published import Report
from vielfalt_desktop.services import report_export
from vielfalt_desktop.services.app import App

A5 = (419.53, 595.28)


# --------------------------------------------------------------------------------------------
# Helpers


def pdf_text(path: Path) -> str:
    """All text, whitespace (also no-break spaces) collapsed to single spaces."""
    reader = PdfReader(path)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def fonts(resources: DictionaryObject) -> Iterator[DictionaryObject]:
    font_dict = resources.get("/Font")
    if font_dict is not None:
        for ref in font_dict.get_object().values():
            yield ref.get_object()
    xobjects = resources.get("/XObject")
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            inner = ref.get_object().get("/Resources")
            if inner is not None:
                yield from fonts(inner.get_object())


def assert_fonts_embedded(path: Path) -> None:
    seen = 0
    for page in PdfReader(path).pages:
        for font in fonts(page["/Resources"].get_object()):
            seen += 1
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:  # Type0: the descriptor sits on the descendant font
                descendants = font.get("/DescendantFonts")
                assert descendants is not None, f"font {font.get('/BaseFont')} not embedded"
                descriptor = descendants.get_object()[0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
                f"font {font.get('/BaseFont')} not embedded"
            )
            assert "DejaVu" in str(font["/BaseFont"])
    assert seen


def assert_qpdf_accepts(path: Path) -> None:
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        return  # the Makefile installs it; without it only this one check is skipped
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def table_slices(text: str, report: Report) -> dict[str, str]:
    """The text of each table in the PDF, from its caption to the next caption."""
    starts = []
    for number, table in enumerate(report.tables(), start=1):
        marker = f"Tabelle {number}: {table.title}"
        index = text.find(marker)
        assert index >= 0, marker
        starts.append((index, table.key))
    starts.sort()
    slices = {}
    for i, (index, key) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        slices[key] = text[index:end]
    return slices


def assert_pdf_tables_equal_csv(pdf: Path, csv_path: Path, report: Report) -> None:
    """Every visible row's first number in the PDF equals the CSV line for that cell."""
    text = pdf_text(pdf)
    lines = {(b, m, w): n for b, m, w, n in read_csv(csv_path)[1:]}
    slices = table_slices(text, report)
    checked = 0
    for table in report.tables():
        if table.crosstab:
            continue
        column = table.columns[0]
        for row in table.rows:
            value = report.count(row.cells[0])
            assert lines[(column.measure, table.feature, row.label)] == (
                "." if value is None else str(value)
            )
            if table.hide_empty_rows and value == 0:
                continue
            label = " ".join(row.label.split())
            assert f"{label} {fmt.count(value)}" in slices[table.key], (table.key, row.label)
            checked += 1
    assert checked > 100


# --------------------------------------------------------------------------------------------
# A store with known numbers


class Known(NamedTuple):
    report: Report
    pdf: Path
    csv: Path
    ids: dict[str, str]


@pytest.fixture
def app(office_app: App) -> App:
    """Reports are the coordinator's: made on its store, which holds the partner directory."""
    return office_app


@pytest.fixture
def partner(office_partner: Partner) -> Partner:
    return office_partner


@pytest.fixture
def known(app: App, partner: Partner, tmp_path: Path) -> Known:
    ids = fill_known(app, partner)
    out = tmp_path / "ausgabe"
    out.mkdir()
    report = report_export.build_report(app, PERIOD.start, PERIOD.end)
    report_export.write_pdf(app, report, out / "bericht.pdf")
    report_export.write_csv(app, report, out / "bericht.csv")
    return Known(report, out / "bericht.pdf", out / "bericht.csv", ids)


def test_pdf_is_valid_with_embedded_fonts_and_page_numbers(known: Known) -> None:
    pdf = known.pdf
    assert_qpdf_accepts(pdf)
    assert_fonts_embedded(pdf)
    reader = PdfReader(pdf)
    pages = len(reader.pages)
    assert pages >= 8
    assert reader.metadata is not None
    assert reader.metadata.title == (
        "Vielfalt gestalten – Integration im Gemeinwesen – "
        "Statistischer Bericht 01.01.2026–30.06.2026"
    )
    text = pdf_text(pdf)
    assert f"Seite 2 von {pages}" in text
    assert f"Seite {pages} von {pages}" in text
    assert "Seite 1 von" not in text  # the cover carries no number
    # nothing is left in the output folder but the two files
    assert sorted(p.name for p in pdf.parent.iterdir()) == ["bericht.csv", "bericht.pdf"]


def test_pdf_cover_summary_and_sections(known: Known) -> None:
    pdf = known.pdf
    text = pdf_text(pdf)
    for expected in (
        "Vielfalt gestalten – Integration im Gemeinwesen",
        "Landeshauptstadt Magdeburg",
        "Berichtszeitraum 01.01.2026–30.06.2026",
        "Erstellt von Koordination",
        "Erstellt am 24.11.2026",
        "Auf einen Blick",
        "1 Beratungskontakte",
        "2 Verweisberatung",
        "3 Nachbarschaftskonflikte",
        "4 Begegnung und Veranstaltungen",
        "5 Interessen (Interessenerhebung)",
        "Erläuterungen",
        "Zeichenerklärung",
        "Zahlenwert geheim zu halten",
    ):
        assert expected in text, expected
    assert len(re.findall(r"Abbildung \d+:", text)) >= 15


def test_pdf_numbers_equal_the_known_store(known: Known) -> None:
    pdf = known.pdf
    text = pdf_text(pdf)
    for expected in (
        # summary and key figures
        "33 Kontakte",
        "68,8 % Annahmequote",
        "50,0 % Beilegungsquote",
        "30 Tage",
        "Kontakte 33",
        "Verweise mit Ergebnis 16",
        "davon angenommen oder abgeschlossen 11",
        "Interventionen 11",
        # tables: label, count, share, persons
        "Drittstaatsangehörige/r 19 57,6 .",
        "Unionsbürger/in 8 24,2 –",
        "Aufsuchend (vor Ort im Stadtteil) 19 57,6",
        "Projektbüro Lübecker Straße 8 24,2",
        "Telefon/Online 6 18,2",
        "weiblich 18 54,5",
        "divers . .",
        "keine Angabe – –",
        "Wohnen 17 51,5",
        "Arbeit 20 60,6",
        "Schule . .",
        "Kannenstieg 14 42,4",
        "Fokusgebiet Nord 19 57,6",
        "abgeschlossen 6 28,6",
        "Beratungsstelle 11 52,4",
        "beigelegt 5 50,0",
        "Lärm 10 100,0",
        "Einzelgespräch 6 54,5 12 5",
        "Sprachcafé 5 100 50 60 40 – 10",
        "Sprachcafé 17 51,5 5",  # interests: in contacts, share, at events
    ):
        assert expected in text, expected


def test_withheld_values_never_appear(known: Known) -> None:
    report, pdf, csv_path = known.report, known.pdf, known.csv
    text = pdf_text(pdf)
    assert "divers 2" not in text
    assert "unter 18 Jahre 2" not in text
    lines = read_csv(csv_path)[1:]
    assert ["Kontakte", "Geschlecht", "divers", "."] in lines
    for _, merkmal, _, number in lines:
        if merkmal != "Kennzahl" and number != ".":
            assert not 1 <= int(number) <= 4
    assert report.withheld > 0


def test_csv_numbers_equal_pdf_tables(known: Known) -> None:
    assert_pdf_tables_equal_csv(known.pdf, known.csv, known.report)


# --------------------------------------------------------------------------------------------
# The referral slip


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("de", ("Verweiszettel", "Thema: Wohnen", "Anschrift", "Öffnungszeiten", "Termin am")),
        ("en", ("Referral slip", "Topic: Housing", "Address", "Opening hours", "Appointment on")),
    ],
)
def test_slip_has_partner_data_and_no_client_data(
    app: App, known: Known, tmp_path: Path, lang: str, words: tuple[str, ...]
) -> None:
    ids = known.ids
    path = tmp_path / f"verweiszettel_{lang}.pdf"
    report_export.write_slip(app, ids["verein"], "wohnen", lang, path)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == pytest.approx(A5, abs=0.2)
    assert_qpdf_accepts(path)
    assert_fonts_embedded(path)
    text = pdf_text(path)
    for expected in (
        *words,
        "Nachbarschaftsverein „Kannenstieg gemeinsam“ e.V.",
        "Pablo-Neruda-Straße 11, 39126 Magdeburg",
        "Di und Do 14–18 Uhr",
        "0391 000-2222",
    ):
        assert expected in text, expected
    assert ("Albanisch" if lang == "de" else "Albanian") in text
    # no client data: no pseudonym code, no contact's date, nothing about a person
    contact = app.records.get(Contact, ids["contact"])
    assert contact.pseudonym
    assert contact.pseudonym not in text
    assert not re.search(r"K-[0-9A-Z]{4}-[0-9A-Z]{2,4}", text)
    assert fmt.date(contact.date) not in text


def test_slip_shrinks_long_texts_onto_one_page(app: App, tmp_path: Path) -> None:
    partner = app.records.create(
        Partner(
            name="Ein sehr langer Vereinsname " * 7,
            partner_kind="verein",
            address="Straße 1, 39104 Magdeburg; " * 12,
            opening_hours="Mo–Fr 9–12 Uhr und nach Vereinbarung; " * 10,
            contact_channel="0391 000-0000 · info@example.org; " * 8,
            languages=("de", "ar", "tr", "ru", "uk", "sq", "sr", "hr", "bs", "rom", "hu"),
        )
    )
    path = tmp_path / "lang.pdf"
    report_export.write_slip(app, partner.id, "gesundheit", "de", path)
    assert len(PdfReader(path).pages) == 1
    assert "Romanes" in pdf_text(path)


# --------------------------------------------------------------------------------------------
# Demo stores


def independent_counts(app: App, start: dt.date, end: dt.date) -> dict[str, int]:
    """Counted through the record service (its own SQL and tag index), not the report."""
    query = Query(date_from=start, date_to=end)
    counts = {
        "kontakte": app.records.count(Contact, query),
        "verweise": app.records.count(Referral, query),
        "konflikte": app.records.count(Conflict, query),
        "veranstaltungen": app.records.count(Event, query),
    }
    for topic in ("wohnen", "arbeit", "aufenthalt"):
        counts[f"thema:{topic}"] = app.records.count(
            Contact, Query(date_from=start, date_to=end, topic=topic)
        )
    for status in ("abgeschlossen", "abgelehnt"):
        counts[f"status:{status}"] = app.records.count(
            Referral, Query(date_from=start, date_to=end, status=status)
        )
    return counts


def test_report_of_a_2000_contact_demo_store(app: App, tmp_path: Path) -> None:
    demo.fill(app, contacts=2000, seed=5)
    today = app.store.clock.today()
    report = report_export.build_report(app, EARLIEST, today)
    out = tmp_path / "ausgabe"
    out.mkdir()
    report_export.write_pdf(app, report, out / "bericht.pdf")
    report_export.write_csv(app, report, out / "bericht.csv")
    pdf = out / "bericht.pdf"
    assert_qpdf_accepts(pdf)
    assert_fonts_embedded(pdf)
    assert len(PdfReader(pdf).pages) >= 15
    text = pdf_text(pdf)
    for number, section in enumerate(report.sections, start=1):
        assert f"{number} {section.title}" in text
    assert len(re.findall(r"Abbildung \d+:", text)) >= 18

    expected = independent_counts(app, EARLIEST, today)
    lines = {(b, m, w): n for b, m, w, n in read_csv(out / "bericht.csv")[1:]}
    assert expected["kontakte"] == 2000
    assert lines[("Kontakte", "Zielgruppe", "Insgesamt")] == str(expected["kontakte"])
    assert lines[("Verweise", "Status der Verweisung", "Insgesamt")] == str(expected["verweise"])
    assert lines[("Konflikte", "Bearbeitungsstand", "Insgesamt")] == str(expected["konflikte"])
    assert lines[("Veranstaltungen", "Art der Veranstaltung", "Insgesamt")] == str(
        expected["veranstaltungen"]
    )
    assert lines[("Kontakte", "Thema", "Wohnen")] == str(expected["thema:wohnen"])
    assert lines[("Kontakte", "Thema", "Arbeit")] == str(expected["thema:arbeit"])
    assert lines[("Verweise", "Status der Verweisung", "abgeschlossen")] == str(
        expected["status:abgeschlossen"]
    )
    assert f"Kontakte {fmt.integer(expected['kontakte'])}" in text
    assert f"Wohnen {fmt.integer(expected['thema:wohnen'])}" in text
    assert_pdf_tables_equal_csv(pdf, out / "bericht.csv", report)


def test_report_of_a_15_contact_store_hides_its_small_cells(app: App, tmp_path: Path) -> None:
    demo.fill(app, contacts=15, seed=2)
    report = report_export.build_report(app, EARLIEST, app.store.clock.today())
    report_export.write_pdf(app, report, tmp_path / "klein.pdf")
    report_export.write_csv(app, report, tmp_path / "klein.csv")
    lines = read_csv(tmp_path / "klein.csv")[1:]
    numbers = [n for _, m, _, n in lines if m != "Kennzahl"]
    assert numbers.count(".") >= 20
    assert all(n == "." or not 1 <= int(n) <= 4 for n in numbers)
    text = pdf_text(tmp_path / "klein.pdf")
    assert "Kontakte 15" in text
    assert re.search(r"divers \.", text) or re.search(r"divers –", text)
    assert_qpdf_accepts(tmp_path / "klein.pdf")


@pytest.mark.skipif(
    not os.environ.get("VIELFALT_LARGE_REPORT"),
    reason="benchmark: set VIELFALT_LARGE_REPORT=1 (fills 100 000 contacts, about 30 s)",
)
def test_full_report_of_the_large_data_set_takes_at_most_five_seconds(
    app: App, tmp_path: Path
) -> None:
    demo.fill(app, contacts=100_000, seed=1)
    start = time.perf_counter()
    report = report_export.build_report(app, EARLIEST, app.store.clock.today())
    report_export.write_pdf(app, report, tmp_path / "gross.pdf")
    report_export.write_csv(app, report, tmp_path / "gross.csv")
    elapsed = time.perf_counter() - start
    assert report.count(report.summary[0].cell) == 100_000  # type: ignore[arg-type]
    assert elapsed <= 5.0, f"{elapsed:.1f} s"

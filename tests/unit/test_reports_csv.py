"""CSV for German Excel: BOM, ";" delimiter, long format, same suppression as the PDF."""

from __future__ import annotations

import csv
import io

import pytest
from tests.unit.test_reports_statistics import PERIOD, fill_known

from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.reports.csv_export import HEADER, csv_rows, render_csv
from vielfalt_desktop.reports.published import Report
from vielfalt_desktop.services import report_export
from vielfalt_desktop.services.app import App


@pytest.fixture
def app(office_app: App) -> App:
    """Reports are the coordinator's: made on its store, which holds the partner directory."""
    return office_app


@pytest.fixture
def partner(office_partner: Partner) -> Partner:
    return office_partner


@pytest.fixture
def report(app: App, partner: Partner) -> Report:
    fill_known(app, partner)
    return report_export.build_report(app, PERIOD.start, PERIOD.end)


def parse(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM missing"
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_format_for_german_excel(report: Report) -> None:
    lines = parse(render_csv(report))
    assert lines[0] == ["Bereich", "Merkmal", "Wert", "Anzahl"] == list(HEADER)
    assert all(len(line) == 4 for line in lines)
    assert ["Kontakte", "Stadtteil", "Neustädter See", "0"] in lines  # umlauts intact
    assert [
        "Kontakte",
        "Setting (Ort des Kontakts)",
        "Aufsuchend (vor Ort im Stadtteil)",
        "19",
    ] in lines


def test_one_line_per_published_cell_with_the_report_values(report: Report) -> None:
    lines = parse(render_csv(report))[1:]
    cells = sum(len(row.cells) for table in report.tables() for row in table.rows)
    figures = sum(1 for _ in report.all_figures())
    assert len(lines) == cells + figures
    rows = list(csv_rows(report))
    assert [list(r) for r in rows] == lines


def test_withheld_cells_are_dots_and_no_small_count_is_left(report: Report) -> None:
    lines = parse(render_csv(report))[1:]
    counts = [line[3] for line in lines if line[1] != "Kennzahl"]
    assert "." in counts
    for value in counts:
        assert value == "." or value.isdigit()
        assert value == "." or not 1 <= int(value) <= 4
    assert ["Kontakte", "Geschlecht", "divers", "."] in lines
    assert ["Kontakte", "Geschlecht", "weiblich", "18"] in lines
    assert ["Kontakte", "Geschlecht", "keine Angabe", "0"] in lines


def test_key_figures_use_a_decimal_comma(report: Report) -> None:
    lines = parse(render_csv(report))
    assert ["Verweisberatung", "Kennzahl", "Annahmequote in %", "68,8"] in lines
    assert [
        "Nachbarschaftskonflikte",
        "Kennzahl",
        "Tage von der Meldung bis zur Beilegung (Median) in Tagen",
        "30,0",
    ] in lines


def test_cross_table_lines_name_both_features(report: Report) -> None:
    lines = parse(render_csv(report))
    assert [
        "Kontakte",
        "Gebiet und Staatsangehörigkeit",
        "Fokusgebiet Nord / Insgesamt",
        "19",
    ] in lines

"""Publishing: withheld cells are None, key figures only from published counts; the service."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from tests.unit.test_reports_statistics import PERIOD, fill_known

from vielfalt_desktop.domain.errors import NotFound, ValidationError, VielfaltError
from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.reports import formatting as fmt
from vielfalt_desktop.reports.published import Report
from vielfalt_desktop.reports.tables import CellKey
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


def c(report: Report, measure: str, **conditions: str) -> int | None:
    return report.count(CellKey.of(measure, **conditions))


def test_small_counts_are_withheld_and_large_ones_published(report: Report) -> None:
    assert c(report, "kontakte") == 33
    assert c(report, "kontakte", geschlecht="weiblich") == 18
    assert c(report, "kontakte", geschlecht="divers") is None  # 2: primary
    assert c(report, "kontakte", geschlecht="maennlich") is None  # 13: protects the 2
    assert c(report, "kontakte", geschlecht="keine_angabe") == 0  # zero is published
    assert c(report, "kontakte", thema="schule") is None
    assert c(report, "kontakte", thema="wohnen") == 17
    for key, value in report.published.items():
        assert value is None or not 1 <= value <= 4, key


def test_key_figures(report: Report) -> None:
    assert report.figure("annahmequote").text("rate") == f"68,8{fmt.NBSP}%"  # 11 of 16
    assert report.figure("beilegungsquote").text("rate") == f"50,0{fmt.NBSP}%"
    assert report.figure("tage_bis_beilegung").text("days") == "30 Tage"
    assert report.figure("anteil_sprachmittlung").value == pytest.approx(100 * 14 / 33)
    assert report.figure("teilnehmende").text("count") == "100"


def test_rates_from_withheld_counts_are_withheld(app: App, partner: Partner) -> None:
    fill_known(app, partner)
    # With threshold 5 the five settled conflicts are withheld, and so is everything
    # computed from them: the rate and the median.
    report = report_export.build_report(app, PERIOD.start, PERIOD.end, threshold=5)
    assert c(report, "konflikte", status="beigelegt") is None
    assert report.figure("beilegungsquote").text("rate") == fmt.SUPPRESSED
    assert report.figure("tage_bis_beilegung").text("days") == fmt.SUPPRESSED


def test_rates_without_cases_are_not_meaningful(app: App) -> None:
    report = report_export.build_report(app, PERIOD.start, PERIOD.end)
    assert report.figure("annahmequote").text("rate") == fmt.NOT_MEANINGFUL
    assert report.figure("tage_bis_beilegung").text("days") == fmt.NOT_MEANINGFUL
    assert report.figure("kontakte").text("count") == fmt.ZERO


def test_preview_for_the_screen(report: Report) -> None:
    shown = report_export.preview(report)
    assert shown["Berichtszeitraum"] == "01.01.2026–30.06.2026"
    assert shown["Kontakte"] == "33"
    assert shown["Annahmequote"] == f"68,8{fmt.NBSP}%"
    assert shown["Gebiet"] == "gesamte Stadt (alle Stadtteile)"
    assert "Gesperrte Werte" in shown


def test_report_knows_who_made_it_and_when(report: Report, app: App) -> None:
    assert report.produced_by == "Koordination"
    assert report.produced_at == app.store.clock.now()
    assert report.threshold == 4


def test_area_codes_stand_for_their_districts(app: App, partner: Partner) -> None:
    fill_known(app, partner)
    report = report_export.build_report(app, PERIOD.start, PERIOD.end, districts=("nord",))
    assert c(report, "kontakte") == 19
    assert [code for code, _ in report.districts] == [
        "neue_neustadt",
        "neustaedter_see",
        "kannenstieg",
    ]
    assert "Neustädter See" in report.area


def test_input_is_checked_with_german_messages(app: App) -> None:
    with pytest.raises(ValidationError, match=r"endet .* vor seinem Beginn") as error:
        report_export.build_report(app, dt.date(2026, 6, 1), dt.date(2026, 5, 31))
    assert set(error.value.problems) == {"date_to"}
    with pytest.raises(ValidationError, match="Unbekannter Stadtteil: „atlantis“"):
        report_export.build_report(app, PERIOD.start, PERIOD.end, districts=("atlantis",))
    with pytest.raises(ValidationError, match="mindestens 3"):
        report_export.build_report(app, PERIOD.start, PERIOD.end, threshold=2)
    with pytest.raises(ValidationError, match="als Datum"):
        report_export.build_report(app, "2026-01-01", PERIOD.end)  # type: ignore[arg-type]


def test_files_are_written_atomically_and_errors_are_clear(
    app: App, report: Report, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "ausgabe"
    tmp_path.mkdir()
    target = tmp_path / "bericht.pdf"
    target.write_bytes(b"old")
    report_export.write_pdf(app, report, target)
    assert target.read_bytes().startswith(b"%PDF-")
    report_export.write_csv(app, report, tmp_path / "bericht.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bericht.csv", "bericht.pdf"]
    reports = [e.detail for e in app.audit.entries() if e.action == "report"]
    assert reports == ["csv", "pdf"]  # newest first
    with pytest.raises(VielfaltError, match=r"Ordner .* existiert nicht"):
        report_export.write_pdf(app, report, tmp_path / "fehlt" / "bericht.pdf")
    if os.name == "posix" and os.geteuid() != 0:
        locked = tmp_path / "gesperrt"
        locked.mkdir(mode=0o500)
        with pytest.raises(VielfaltError, match="lässt sich nicht speichern"):
            report_export.write_pdf(app, report, locked / "bericht.pdf")


def test_slip_input_is_checked(app: App, partner: Partner, tmp_path: Path) -> None:
    tmp_path = tmp_path / "ausgabe"
    tmp_path.mkdir()
    with pytest.raises(ValidationError, match="Deutsch"):
        report_export.write_slip(app, partner.id, "wohnen", "fr", tmp_path / "s.pdf")
    with pytest.raises(ValidationError, match="kein bekanntes Thema"):
        report_export.write_slip(app, partner.id, "astrologie", "de", tmp_path / "s.pdf")
    with pytest.raises(NotFound):
        report_export.write_slip(app, "no-such-id", "wohnen", "de", tmp_path / "s.pdf")
    assert not list(tmp_path.iterdir())


def test_file_stem(report: Report) -> None:
    assert report_export.file_stem(report) == "Vielfalt-Bericht_2026-01-01_2026-06-30"


def test_german_formats() -> None:
    assert fmt.integer(1234567) == "1.234.567"
    assert fmt.decimal(1234.56) == "1.234,6"
    assert fmt.percent(56.66) == f"56,7{fmt.NBSP}%"
    assert fmt.count(None) == "."
    assert fmt.count(0) == "–"
    assert fmt.count(1000) == "1.000"
    assert fmt.date(dt.date(2026, 3, 5)) == "05.03.2026"
    moment = dt.datetime(2026, 11, 24, 10, 0)  # naive: shown as is
    assert fmt.datetime(moment) == "24.11.2026, 10:00 Uhr"
    signs = [sign for sign, _ in fmt.legend(4)]
    assert signs == [".", "–", "x"]
    assert "1 bis 4" in fmt.legend(4)[0][1]

"""Berichte (preview, PDF/CSV export, referral slip), Einstellungen and the Übersicht."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from vielfalt_desktop.domain.records import Contact, Partner, Referral
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.screens.overview_screen import OverviewScreen
from vielfalt_desktop.ui.screens.referrals_screen import ReferralsScreen
from vielfalt_desktop.ui.screens.reports_screen import ReportsScreen, period_of
from vielfalt_desktop.ui.screens.settings_screen import SettingsScreen
from vielfalt_desktop.ui.signals import emit

TODAY = dt.date(2026, 11, 24)


def test_report_periods() -> None:
    assert period_of("last_year", TODAY) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert period_of("quarter", TODAY) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert period_of("quarter", dt.date(2026, 2, 1)) == (
        dt.date(2025, 10, 1),
        dt.date(2025, 12, 31),
    )
    assert period_of("half1", TODAY) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert period_of("year", TODAY) == (dt.date(2026, 1, 1), TODAY)


def test_report_preview_and_export(ctx: UiContext, tmp_path: Path, qtbot, files) -> None:
    for i in range(12):
        ctx.records.create(
            Contact(
                date=TODAY - dt.timedelta(days=i),
                district="kannenstieg",
                target_group="drittstaat",
                topics=("arbeit",),
            )
        )
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.pdf_button.isEnabled()
    task = screen.compute()
    assert task is not None
    assert screen.busy.isVisible()
    qtbot.waitUntil(lambda: screen.task is None, timeout=30_000)
    labels = [screen.preview.item(r, 0).text() for r in range(screen.preview.rowCount())]
    assert "Berichtszeitraum" in labels
    assert screen.pdf_button.isEnabled()
    files.save_path = str(tmp_path / "bericht")
    screen.export("pdf")
    qtbot.waitUntil(lambda: screen.task is None, timeout=30_000)
    assert (tmp_path / "bericht.pdf").read_bytes().startswith(b"%PDF")
    assert "nicht verschlüsselt" in screen.message.text()
    files.save_path = str(tmp_path / "tabelle.csv")
    screen.export("csv")
    qtbot.waitUntil(lambda: screen.task is None, timeout=30_000)
    assert (tmp_path / "tabelle.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_report_preview_explains_its_signs(ctx: UiContext, qtbot) -> None:
    from vielfalt_desktop.reports import formatting

    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    screen.compute()
    qtbot.waitUntil(lambda: screen.task is None, timeout=30_000)
    shown = [screen.preview.item(r, 1).text() for r in range(screen.preview.rowCount())]
    assert "x" in shown  # no cases at all: rates are not meaningful
    pdf_wording = dict(formatting.legend(screen.threshold.value()))
    assert screen.message.text().splitlines() == [
        "„.“ = aus Datenschutzgründen verborgen (kleine Zahl oder daraus ableitbar).",
        f"„x“ = {pdf_wording['x']}.",
    ]


def test_report_refuses_a_reversed_period(ctx: UiContext, qtbot) -> None:
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    screen.period.setCurrentIndex(screen.period.findData("custom"))
    screen.date_from.set_value(TODAY)
    screen.date_to.set_value(TODAY - dt.timedelta(days=10))
    screen.compute()
    qtbot.waitUntil(lambda: screen.task is None, timeout=30_000)
    assert "vor seinem Beginn" in screen.message.text()
    assert not screen.pdf_button.isEnabled()


def test_referral_slip(ctx: UiContext, partner: Partner, tmp_path: Path, qtbot, files) -> None:
    ctx.records.create(Referral(partner_id=partner.id, topic="aufenthalt", date=TODAY))
    screen = ReferralsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    screen.view.selectRow(0)
    files.save_path = str(tmp_path / "zettel.pdf")
    assert screen.write_slip("en") == tmp_path / "zettel.pdf"
    assert (tmp_path / "zettel.pdf").read_bytes().startswith(b"%PDF")


def test_settings_screen(ctx: UiContext, qtbot) -> None:
    screen = SettingsScreen(ctx)
    qtbot.addWidget(screen)
    assert screen.idle.value() == 10
    with qtbot.waitSignal(screen.idle_minutes_changed) as changed:
        screen.idle.setValue(5)
    assert changed.args == [5]
    with qtbot.waitSignal(screen.language_changed) as chosen:
        screen.language.setCurrentIndex(screen.language.findData("en"))
        emit(screen.language.activated, screen.language.currentIndex())
    assert chosen.args == ["en"]
    assert "Laptop Test" in [label.text() for label in screen.findChildren(QLabel)]


def test_overview_month_tiles(ctx: UiContext, qtbot) -> None:
    ctx.records.create(
        Contact(date=TODAY, district="kannenstieg", target_group="drittstaat", topics=("arbeit",))
    )
    screen = OverviewScreen(ctx)
    qtbot.addWidget(screen)
    screen.reload()
    assert screen.tiles["contacts"].number.text() == "1"
    assert "November 2026" in screen.month_title.text()
    assert "Kannenstieg" in screen.districts.text()
    assert "Dienstag" in screen.today_label.text()
    assert screen.due_contacts.topLevelItem(0).text(1) == "Nichts fällig."


def test_overview_says_when_only_the_oldest_are_shown(
    ctx: UiContext, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    for days in range(3):
        ctx.records.create(
            Contact(
                date=TODAY - dt.timedelta(days=days),
                district="kannenstieg",
                target_group="drittstaat",
                topics=("arbeit",),
                follow_up=TODAY - dt.timedelta(days=days),
            )
        )
    monkeypatch.setattr(ctx.overview, "due", functools.partial(ctx.overview.due, limit=2))
    screen = OverviewScreen(ctx)
    qtbot.addWidget(screen)
    screen.reload()
    assert screen.due_contacts.topLevelItemCount() == 2
    assert screen.due_boxes["contacts"].title() == (
        "Wiedervorlagen aus Kontakten (3 fällig, die ältesten 2 werden angezeigt)"
    )
    assert screen.due_boxes["referrals"].title() == "Verweise ohne Rückmeldung (0)"

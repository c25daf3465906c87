"""Datenschutz screen: audit trail with filters and export, deletion log, retention rules and
"Jetzt anwenden" — real widgets over a real store on the fixed test clock (24.11.2026)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMessageBox
from tests.conftest import PASSPHRASE

from vielfalt_desktop.domain import retention as retention_rules
from vielfalt_desktop.domain.audit import ACTIONS
from vielfalt_desktop.domain.messages import KIND_LABELS
from vielfalt_desktop.domain.records import Contact
from vielfalt_desktop.domain.retention import RULE_LABELS, months_before
from vielfalt_desktop.services.app import App
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.models import privacy_labels
from vielfalt_desktop.ui.models.audit_model import AuditModel
from vielfalt_desktop.ui.screens.privacy.audit_page import FILTER_KINDS
from vielfalt_desktop.ui.screens.privacy.screen import PrivacyScreen
from vielfalt_desktop.ui.signals import emit

NOTE = "Fragen zur Wohnungssuche, Termin vereinbart."


def contact(day: dt.date, note: str = "") -> Contact:
    return Contact(
        date=day, district="kannenstieg", target_group="drittstaat", topics=("arbeit",), note=note
    )


@pytest.fixture
def screen(ctx: UiContext, qtbot) -> PrivacyScreen:
    widget = PrivacyScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    widget.activated()
    return widget


def column(screen: PrivacyScreen, number: int) -> list[str]:
    model = screen.audit_page.model
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_every_code_of_the_core_has_a_label() -> None:
    # A superset: trails written by older versions keep codes the core no longer writes.
    assert set(ACTIONS) <= set(privacy_labels.action_labels())
    assert set(KIND_LABELS) <= set(privacy_labels.kind_labels())
    assert set(FILTER_KINDS) <= set(privacy_labels.kind_labels())
    assert set(privacy_labels.rule_labels()) == set(RULE_LABELS)
    # German is the source language: the labels are the core's own words.
    for code, label in ACTIONS.items():
        assert privacy_labels.action_labels()[code] == label
    assert privacy_labels.action_label("neu_in_einer_spaeteren_version") == (
        "neu_in_einer_spaeteren_version"
    )


def test_audit_model_is_a_proper_model(app: App, qtmodeltester) -> None:
    for i in range(5):
        app.records.create(contact(dt.date(2026, 11, 20 + i)))
    model = AuditModel(app.audit, page_size=2)
    model.reload()
    qtmodeltester.check(model)
    assert model.total == 5
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 5


def test_audit_table_shows_a_new_record_by_id(ctx: UiContext, screen: PrivacyScreen) -> None:
    created = ctx.records.create(contact(ctx.today()))
    screen.activated()  # shown again: read anew
    page = screen.audit_page
    assert page.model.rowCount() == 1
    assert column(screen, 0) == ["24.11.2026 " + _local_hour_minute()]
    assert column(screen, 1) == ["Laptop Test"]
    assert column(screen, 2) == ["angelegt"]
    assert column(screen, 3) == ["Kontakte"]
    assert column(screen, 4) == [created.id]
    assert page.count_label.text() == "1 Eintrag"
    # Never content: nothing of the record but its id.
    assert "kannenstieg" not in " ".join(str(c) for n in range(7) for c in column(screen, n))


def _local_hour_minute() -> str:
    moment = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC).astimezone()
    return moment.strftime("%H:%M")


def test_filters_narrow_the_trail(ctx: UiContext, screen: PrivacyScreen, qtbot) -> None:
    first = ctx.records.create(contact(ctx.today()))
    ctx.records.update(dataclasses.replace(first, topics=("arbeit", "kita")))
    ctx.records.create(contact(ctx.today()))
    screen.activated()
    page = screen.audit_page
    assert page.model.rowCount() == 3
    assert not page.empty_label.isVisible()

    page.action.setCurrentIndex(page.action.findData("update"))
    assert column(screen, 2) == ["geändert"]
    assert page.count_label.text() == "1 von 3 Einträgen"

    page.action.setCurrentIndex(0)
    page.kind.setCurrentIndex(page.kind.findData("partner"))
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible()
    assert not page.pdf_button.isEnabled()

    page.reset()
    assert page.model.rowCount() == 3
    # Activating a row shows the history of that record.
    row = column(screen, 4).index(first.id)
    emit(page.view.activated, page.model.index(row, 0))
    assert page.record_id.text() == first.id
    assert column(screen, 2) == ["geändert", "angelegt"]

    # The period: nothing happened last month.
    page.reset()
    page.period.setCurrentIndex(page.period.findData("last_month"))
    assert page.model.rowCount() == 0
    page.period.setCurrentIndex(page.period.findData("custom"))
    assert page.date_from.isVisible()
    page.date_from.set_value(ctx.today())
    page.date_to.set_value(ctx.today())
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=3000)

    # Devices: all, this one, and the trusted ones.
    assert page.device.itemText(0) == "Alle Geräte"
    assert page.device.itemText(1) == "Laptop Test (dieses Gerät)"
    page.device.setCurrentIndex(1)
    assert page.model.rowCount() == 3


def test_the_coordinator_sees_the_laptops_entries(
    ctx: UiContext, tmp_path: Path, clock, qtbot
) -> None:
    laptop = ctx.app
    office, _key = App.create(
        tmp_path / "buero", PASSPHRASE, role="office", name="Koordination", clock=clock
    )
    try:
        laptop.sync.export_identity(tmp_path / "laptop.vfcard")
        office.sync.export_identity(tmp_path / "buero.vfcard")
        laptop.sync.add_peer(laptop.sync.read_card(tmp_path / "buero.vfcard"))
        office.sync.add_peer(office.sync.read_card(tmp_path / "laptop.vfcard"))
        laptop.records.create(contact(ctx.today()))
        laptop.sync.export("Koordination", tmp_path / "b.vfb")
        office.sync.import_file(tmp_path / "b.vfb")

        screen = PrivacyScreen(UiContext(office, ctx.settings))
        qtbot.addWidget(screen)
        screen.show()
        screen.activated()
        page = screen.audit_page
        assert "Laptop Test" in column(screen, 1)
        page.device.setCurrentIndex(page.device.findText("Laptop Test"))
        assert set(column(screen, 1)) == {"Laptop Test"}
        assert "angelegt" in column(screen, 2)
        # The coordinator has no removal after acknowledgement to set.
        assert screen.retention_page.ack_check is None
    finally:
        office.close()


def test_policy_edit_saves_and_a_bad_value_is_not_saved(
    ctx: UiContext, screen: PrivacyScreen, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen.tabs.setCurrentIndex(2)
    page = screen.retention_page
    assert page.note_months["contact"].value() == 12
    assert page.pseudonym_months.value() == 24
    assert not page.save_button.isEnabled()
    assert page.apply_button.isEnabled()

    page.note_months["contact"].setValue(6)
    assert page.save_button.isEnabled()
    assert not page.apply_button.isEnabled()  # applies the saved rules only
    assert page.ack_check is not None
    assert page.ack_days is not None
    page.ack_check.setChecked(True)
    page.ack_days.setValue(30)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=10_000)
    saved = ctx.app.retention.policy()
    assert saved.note_months["contact"] == 6
    assert saved.purge_after_ack_days == 30
    assert "Gespeichert" in page.message.text()
    assert not page.save_button.isEnabled()
    assert "Aufbewahrungsregeln" in column(screen, 3)

    # The spin box refuses what the rules would refuse …
    spin = page.pseudonym_months
    spin.setValue(500)
    assert spin.value() == retention_rules.MAX_MONTHS
    # … and what slips through is refused by the service and not saved.
    monkeypatch.setattr(retention_rules, "MAX_MONTHS", 60)
    spin.setValue(100)
    assert not page.save()
    assert page.errors.isVisible()
    assert "Nicht gespeichert" in page.errors.text()
    assert "60" in page.errors.text()
    assert ctx.app.retention.policy().pseudonym_months == 24
    assert page.dirty
    # Verwerfen shows the saved rules again.
    page.revert_button.click()
    assert spin.value() == 24
    assert not page.errors.isVisible()


def test_apply_now_clears_an_old_note_after_confirming(
    ctx: UiContext, screen: PrivacyScreen, qtbot, boxes, files, tmp_path: Path
) -> None:
    old = ctx.records.create(contact(months_before(ctx.today(), 13), note=NOTE))
    young = ctx.records.create(contact(ctx.today(), note=NOTE))
    screen.tabs.setCurrentIndex(2)
    page = screen.retention_page

    # Asked and refused: nothing changes.
    boxes.answer = QMessageBox.StandardButton.No
    page.apply_button.click()
    qtbot.waitUntil(lambda: page.task is None and bool(boxes.asked), timeout=10_000)
    assert ctx.records.get(Contact, old.id).note == NOTE
    assert "nichts wurde geändert" in page.message.text()

    boxes.asked.clear()
    boxes.answer = QMessageBox.StandardButton.Yes
    page.apply_button.click()
    qtbot.waitUntil(lambda: bool(boxes.asked), timeout=10_000)
    kind, title, text = boxes.asked[0]
    assert (kind, title) == ("question", "Aufbewahrungsfristen jetzt anwenden?")
    assert "• Freitext leeren – Kontakte: 1 (vor dem 24.11.2025)" in text
    qtbot.waitUntil(
        lambda: page.task is None and "Angewandt" in page.message.text(), timeout=10_000
    )
    assert ctx.records.get(Contact, old.id).note == ""
    assert ctx.records.get(Contact, young.id).note == NOTE
    assert "1 Eintrag betroffen" in page.message.text()

    # The tables show the run.
    table = screen.deletion_page.table
    assert table.rowCount() == 1
    assert table.item(0, 2).text() == "Freitext nach Ablauf geleert"
    assert table.item(0, 3).text() == "Kontakte"
    assert table.item(0, 5).text() == "24.11.2025"
    assert "Aufbewahrungsfristen angewandt" in column(screen, 2)

    # Nothing left: said so, nothing asked.
    boxes.asked.clear()
    page.apply_button.click()
    qtbot.waitUntil(lambda: bool(boxes.asked), timeout=10_000)
    assert boxes.asked[0][:2] == ("information", "Nichts fällig")


def test_deletion_log_and_audit_trail_exports(
    ctx: UiContext, screen: PrivacyScreen, qtbot, files, tmp_path: Path
) -> None:
    ctx.records.create(contact(months_before(ctx.today(), 13), note=NOTE))
    ctx.app.retention.purge()
    screen.activated()
    deletion = screen.deletion_page
    assert deletion.table.rowCount() == 1

    files.save_path = str(tmp_path / "loeschprotokoll")
    assert deletion.export() is not None
    qtbot.waitUntil(lambda: deletion.task is None, timeout=30_000)
    assert (tmp_path / "loeschprotokoll.pdf").read_bytes().startswith(b"%PDF")
    assert "nicht verschlüsselt" in deletion.message.text()
    assert ctx.settings.last("protocol_dir") == str(tmp_path)
    # The export is itself in the audit trail, shown at once.
    assert column(screen, 2)[0] == "Protokoll exportiert"
    assert column(screen, 3)[0] == "Löschprotokoll"

    audit = screen.audit_page
    audit.action.setCurrentIndex(audit.action.findData("create"))
    files.save_path = str(tmp_path / "pruefprotokoll.csv")
    audit.export("csv")
    qtbot.waitUntil(lambda: audit.task is None, timeout=30_000)
    lines = (tmp_path / "pruefprotokoll.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Zeitpunkt;Gerät;Aktion")
    assert len(lines) == 2  # the filter applies: one "angelegt"
    files.save_path = str(tmp_path / "pruefprotokoll.pdf")
    audit.export("pdf")
    qtbot.waitUntil(lambda: audit.task is None, timeout=30_000)
    assert (tmp_path / "pruefprotokoll.pdf").read_bytes().startswith(b"%PDF")

    # Cancelled dialog: nothing written, nothing running.
    files.save_path = ""
    assert audit.export("pdf") is None


def test_the_save_dialog_suggests_the_usual_file_names(
    screen: PrivacyScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested: list[str] = []

    def save(_parent: object, _title: str, path: str, _filters: str) -> tuple[str, str]:
        suggested.append(Path(path).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    assert screen.audit_page.export("pdf") is None
    assert screen.audit_page.export("csv") is None
    assert screen.deletion_page.export() is None
    assert suggested == [
        "Pruefprotokoll_Laptop-Test_2026-11-24.pdf",
        "Pruefprotokoll_Laptop-Test_2026-11-24.csv",
        "Loeschprotokoll_Laptop-Test_2026-11-24.pdf",
    ]


def test_the_last_run_of_the_rules_is_shown(ctx: UiContext, screen: PrivacyScreen) -> None:
    ctx.app.retention.purge()
    screen.activated()
    assert screen.retention_page.last_run.text() == (
        "Die Fristen werden beim ersten Entsperren jedes Tages angewandt. Zuletzt: 24.11.2026."
    )


def test_filters_and_unsaved_rules_survive_locking(ctx: UiContext, qtbot) -> None:
    ctx.records.create(contact(ctx.today()))
    first = PrivacyScreen(ctx)
    qtbot.addWidget(first)
    first.activated()
    first.tabs.setCurrentIndex(2)
    first.audit_page.action.setCurrentIndex(first.audit_page.action.findData("create"))
    first.retention_page.note_months["event"].setValue(3)
    state = first.state()

    second = PrivacyScreen(ctx)
    qtbot.addWidget(second)
    second.restore(state)
    second.show()
    second.activated()
    assert second.tabs.currentIndex() == 2
    assert second.audit_page.action.currentData() == "create"
    assert second.audit_page.model.rowCount() == 1
    assert second.retention_page.note_months["event"].value() == 3
    assert second.retention_page.dirty
    assert ctx.app.retention.policy().note_months["event"] == 12


def test_keyboard_reaches_every_filter(screen: PrivacyScreen) -> None:
    page = screen.audit_page
    for widget in (page.device, page.action, page.kind, page.period, page.record_id, page.view):
        assert widget.accessibleName(), widget
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    names = {spin.accessibleName() for spin in screen.retention_page.note_months.values()}
    assert len(names) == len(screen.retention_page.note_months)


def _mnemonic(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


def test_alt_keys_are_unique_on_every_tab(screen: PrivacyScreen) -> None:
    tabs = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    for page in (screen.audit_page, screen.deletion_page, screen.retention_page):
        texts = list(tabs)
        texts += [b.text() for b in page.findChildren(QAbstractButton)]
        texts += [label.text() for label in page.findChildren(QLabel) if label.buddy()]
        keys = [key for key in map(_mnemonic, texts) if key]
        assert len(keys) == len(set(keys)), sorted(texts)

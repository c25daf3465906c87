"""Einstellungen → „Passphrase ändern …“: the dialog drives PassphraseChange, Argon2id runs in
the background, a wrong old passphrase changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QProxyStyle, QStyle, QStyleFactory
from tests.conftest import PASSPHRASE

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import WrongPassphrase
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.audit import AuditFilter
from vielfalt_desktop.store.vault import KeyFile
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.main_window import MainWindow
from vielfalt_desktop.ui.passphrase_dialog import PassphraseDialog
from vielfalt_desktop.ui.screens.settings_screen import SettingsScreen

NEW = "amsel-teekanne-regen-bruecke"


def _open_dialog(ctx: UiContext, qtbot) -> tuple[SettingsScreen, PassphraseDialog]:
    screen = SettingsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.passphrase_button.text() == "&Passphrase ändern …"
    screen.passphrase_button.click()
    dialog = screen.findChild(PassphraseDialog)
    assert dialog is not None
    assert dialog.isVisible()
    return screen, dialog


def _type(qtbot, dialog: PassphraseDialog, old: str, new: str, repeat: str) -> None:
    qtbot.keyClicks(dialog.old, old)
    qtbot.keyClicks(dialog.fields.pass1, new)
    qtbot.keyClicks(dialog.fields.pass2, repeat)


def test_change_the_passphrase(ctx: UiContext, qtbot) -> None:
    screen, dialog = _open_dialog(ctx, qtbot)
    assert dialog.old.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.old.accessibleName() == "Bisherige Passphrase"
    assert not dialog.ok_button.isEnabled()
    _type(qtbot, dialog, PASSPHRASE, NEW, NEW)
    assert dialog.ok_button.isEnabled()
    assert dialog.fields.strength_label.text() == "sehr stark"
    with qtbot.waitSignal(dialog.changed, timeout=30_000):
        qtbot.keyClick(dialog.fields.pass2, Qt.Key.Key_Return)  # Enter = OK
        assert dialog.busy.isVisible()
        assert not dialog.inputs.isEnabled()
        assert not dialog.ok_button.isEnabled()
        assert not dialog.cancel_button.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # no cancelling halfway
        assert dialog.isVisible()
    assert not dialog.isVisible()
    assert dialog.old.text() == dialog.fields.passphrase() == ""  # nothing kept behind
    assert screen.passphrase_note.isVisible()
    assert "Die Passphrase wurde geändert." in screen.passphrase_note.text()
    keyfile = KeyFile.load(ctx.app.store.paths.key)
    assert keyfile.unlock(NEW)
    entries = ctx.app.audit.entries(AuditFilter(action="passphrase_changed"))
    assert [e.detail for e in entries] == [""]


def test_a_wrong_old_passphrase_is_reported_and_changes_nothing(ctx: UiContext, qtbot) -> None:
    _screen, dialog = _open_dialog(ctx, qtbot)
    key = ctx.app.store.paths.key
    before = key.read_bytes()
    _type(qtbot, dialog, "daneben-daneben-daneben", NEW, NEW)
    task = dialog.apply()
    assert task is not None
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert isinstance(task.error, WrongPassphrase)
    assert dialog.isVisible()
    assert dialog.message.text() == (
        "Die bisherige Passphrase stimmt nicht. Es wurde nichts geändert."
    )
    assert dialog.old.text() == "daneben-daneben-daneben"  # fields kept for a correction
    assert dialog.fields.passphrase() == dialog.fields.repeat() == NEW
    assert dialog.inputs.isEnabled()
    assert dialog.ok_button.isEnabled()
    assert not dialog.busy.isVisible()
    assert key.read_bytes() == before
    assert ctx.app.audit.entries(AuditFilter(action="unlock_failed"))
    qtbot.keyClicks(dialog.old, "x")
    assert dialog.message.text() == ""  # typing again clears the message


def test_ok_stays_disabled_until_the_new_passphrase_is_valid(ctx: UiContext, qtbot) -> None:
    _screen, dialog = _open_dialog(ctx, qtbot)
    _type(qtbot, dialog, PASSPHRASE, NEW, NEW + "x")
    assert not dialog.ok_button.isEnabled()
    assert dialog.fields.repeat_error.text() == "Die beiden Eingaben stimmen nicht überein."
    qtbot.keyClick(dialog.fields.pass2, Qt.Key.Key_Return)
    assert dialog.task is None
    assert dialog.isVisible()
    qtbot.keyClick(dialog.fields.pass2, Qt.Key.Key_Backspace)
    assert dialog.ok_button.isEnabled()
    assert not dialog.fields.repeat_error.isVisible()
    dialog.fields.pass1.setText("passwort12345")
    dialog.fields.pass2.setText("passwort12345")
    assert not dialog.ok_button.isEnabled()  # too easy to guess, as in the setup
    assert dialog.fields.strength_advice.text()
    dialog.fields.pass1.setText(PASSPHRASE)
    dialog.fields.pass2.setText(PASSPHRASE)
    assert not dialog.ok_button.isEnabled()  # the same as before
    qtbot.keyClick(dialog.old, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.old.text() == ""


def test_with_the_recovery_key(tmp_path: Path, clock: FixedClock, qtbot) -> None:
    app, recovery = App.create(tmp_path / "d", PASSPHRASE, role="office", name="Büro", clock=clock)
    try:
        dialog = PassphraseDialog(app)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.old, "bisher")
        dialog.use_recovery.setChecked(True)
        assert dialog.old.text() == ""  # a typed passphrase never becomes readable
        assert dialog.old.echoMode() == QLineEdit.EchoMode.Normal
        assert dialog.old_label.text() == "Wiederherstellungs&schlüssel:"
        assert dialog.old.accessibleName() == "Wiederherstellungsschlüssel"
        _type(qtbot, dialog, recovery, NEW, NEW)
        with qtbot.waitSignal(dialog.changed, timeout=30_000):
            dialog.ok_button.click()
        entries = app.audit.entries(AuditFilter(action="passphrase_changed"))
        assert [e.detail for e in entries] == ["wiederherstellungsschluessel"]
    finally:
        app.close()
    assert KeyFile.load(app.store.paths.key).unlock(NEW)


def test_locking_closes_the_dialog(ctx: UiContext, qtbot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    screen = window.show_key("settings")
    assert isinstance(screen, SettingsScreen)
    dialog = screen.change_passphrase()
    qtbot.keyClicks(dialog.old, PASSPHRASE)
    assert dialog in screen.open_dialogs()
    window.close_for_lock()
    assert not dialog.isVisible()
    assert dialog.old.text() == ""


class _IconButtonsStyle(QProxyStyle):
    """Like some desktop styles (KDE, GNOME): dialog buttons with icons."""

    def styleHint(self, hint, option=None, widget=None, returnData=None):  # type: ignore[no-untyped-def]
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, returnData)


def test_wording_and_buttons_without_icons(ctx: UiContext, qtbot) -> None:
    before = QApplication.style().name()
    QApplication.setStyle(_IconButtonsStyle(QStyleFactory.create(before)))
    try:
        dialog = PassphraseDialog(ctx.app)
        qtbot.addWidget(dialog)
    finally:
        QApplication.setStyle(QStyleFactory.create(before))
    assert dialog.intro.text() == (
        "Die Daten bleiben unverändert; nur der Schlüssel, der sie schützt, wird mit der neuen "
        "Passphrase neu verschlüsselt. Der Wiederherstellungsschlüssel gilt weiter."
    )
    assert dialog.ok_button.text() == "&Ändern"
    assert dialog.ok_button.icon().isNull()  # as every other button in the program
    assert dialog.cancel_button.icon().isNull()

"""The first-run dialog drives the SetupWizard; Argon2 runs off the UI thread."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import PASSPHRASE

from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.setup import SetupWizard, Step
from vielfalt_desktop.store.database import DataPaths
from vielfalt_desktop.ui.controller import Controller
from vielfalt_desktop.ui.settings import UiSettings
from vielfalt_desktop.ui.setup_dialog import SetupDialog


def _to_recovery(dialog: SetupDialog, qtbot, role: str = "field") -> None:
    (dialog.office if role == "office" else dialog.laptop).setChecked(True)
    dialog.name.setText("Laptop Nord")
    assert dialog.next_button.isEnabled()
    dialog.go_next()
    assert dialog.wizard.current is Step.PASSPHRASE
    assert not dialog.next_button.isEnabled()
    dialog.pass1.setText("passwort123")
    assert dialog.strength_bar.value() <= 1
    assert dialog.strength_advice.text()
    dialog.pass1.setText(PASSPHRASE)
    dialog.pass2.setText(PASSPHRASE + "x")
    assert "stimmen nicht" in dialog.repeat_error.text()
    dialog.pass2.setText(PASSPHRASE)
    assert dialog.next_button.isEnabled()
    dialog.go_next()
    assert dialog.busy.isVisible()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=20_000)
    assert dialog.wizard.current is Step.RECOVERY
    assert not dialog.busy.isVisible()


def test_first_run_as_laptop(data_dir: Path, ui_settings: UiSettings, qtbot) -> None:
    controller = Controller(data_dir, ui_settings)
    dialog = controller.start()
    assert isinstance(dialog, SetupDialog)
    qtbot.addWidget(dialog)
    assert "Vielfalt" in dialog.windowTitle()
    assert "Schritt 1 von 4" in dialog.step_label.text()
    dialog.name.setText("")
    assert not dialog.next_button.isEnabled()
    _to_recovery(dialog, qtbot)
    assert DataPaths(data_dir).exists()
    assert len(dialog.recovery.text()) > 20
    assert dialog.pass1.text() == ""
    assert not dialog.back_button.isEnabled()
    assert not dialog.next_button.isEnabled()
    dialog.noted.setChecked(True)
    dialog.go_next()
    assert dialog.wizard.current is Step.PEER
    assert dialog.next_button.text().replace("&", "") == "Fertigstellen"
    with qtbot.waitSignal(controller.entered, timeout=5000) as entered:
        dialog.skip_button.click()
    main = entered.args[0]
    assert "Laptop Nord" in main.windowTitle()
    assert controller.app is not None
    assert controller.app.store.role == "field"
    main.close_for_lock()
    controller.shutdown()


def test_first_run_as_coordination_with_back(data_dir: Path, qtbot) -> None:
    dialog = SetupDialog(SetupWizard(data_dir))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.office.setChecked(True)
    dialog.name.setText("Koordination")
    assert "Schritt 1 von 3" in dialog.step_label.text()
    dialog.go_next()
    dialog.go_back()
    assert dialog.wizard.current is Step.ROLE
    assert dialog.name.text() == "Koordination"
    dialog.go_next()
    dialog.pass1.setText(PASSPHRASE)
    dialog.pass2.setText(PASSPHRASE)
    dialog.go_next()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=20_000)
    assert dialog.wizard.current is Step.RECOVERY
    dialog.noted.setChecked(True)
    assert dialog.next_button.text().replace("&", "") == "Fertigstellen"
    with qtbot.waitSignal(dialog.completed, timeout=5000) as done:
        dialog.go_next()
    app = done.args[0]
    assert app.store.role == "office"
    app.close()


def test_peer_card_step(data_dir: Path, tmp_path: Path, qtbot, files) -> None:
    office, _key = App.create(tmp_path / "buero", PASSPHRASE, role="office", name="Koordination")
    card = tmp_path / "koordination.vfcard"
    office.sync.export_identity(card)
    fingerprint = office.sync.identity_card().fingerprint
    office.close()
    dialog = SetupDialog(SetupWizard(data_dir))
    qtbot.addWidget(dialog)
    dialog.show()
    _to_recovery(dialog, qtbot)
    dialog.noted.setChecked(True)
    dialog.go_next()
    assert dialog.card_button.isVisible()
    files.open_path = str(card)
    dialog.card_button.click()
    assert fingerprint in dialog.card_info.text()
    assert not dialog.next_button.isEnabled()
    dialog.fingerprint_ok.setChecked(True)
    with qtbot.waitSignal(dialog.completed, timeout=5000) as done:
        dialog.go_next()
    app = done.args[0]
    assert [p.fingerprint for p in app.sync.peers()] == [fingerprint]
    app.close()


def test_cancel_after_creation_keeps_the_store(data_dir: Path, qtbot, boxes) -> None:
    dialog = SetupDialog(SetupWizard(data_dir))
    qtbot.addWidget(dialog)
    dialog.show()
    _to_recovery(dialog, qtbot)
    app = dialog.wizard.app
    boxes.answer = boxes.answer.No
    dialog.reject()
    assert dialog.isVisible()
    boxes.answer = boxes.answer.Yes
    dialog.reject()
    assert not dialog.isVisible()
    assert not app.store.is_open
    assert DataPaths(data_dir).exists()

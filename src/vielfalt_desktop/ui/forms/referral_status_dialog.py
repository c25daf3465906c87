"""A referral's next step: new status, a note and the partner's feedback, with the history."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.errors import ValidationError, VielfaltError
from vielfalt_desktop.domain.records import Referral, ReferralStatusChange
from vielfalt_desktop.services.records import PersonalDataFound
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import error_text, fmt_date
from vielfalt_desktop.ui.signals import emit
from vielfalt_desktop.ui.widgets.code_inputs import CodeCombo, vocab_choices
from vielfalt_desktop.ui.widgets.pii_text import PiiTextEdit

ERROR_STYLE = "color: #c0392b;"


class ReferralStatusDialog(QDialog):
    saved = Signal(object)

    def __init__(self, ctx: UiContext, referral: Referral, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.referral = referral
        self.setWindowTitle(self.tr("Status des Verweises ändern – Vielfalt"))
        labels = ctx.labels
        history = ctx.records.status_history(referral)
        lines = [
            f"{fmt_date(h.date)}: {labels.code('referral_status', h.status)}"
            + (f" – {h.note}" if h.note else "")
            for h in history
        ]
        self.history = QLabel("\n".join(lines) or self.tr("Noch kein Verlauf."))
        self.history.setWordWrap(True)
        self.history.setAccessibleName(self.tr("Bisheriger Verlauf"))
        self.status = CodeCombo(vocab_choices(ctx.vocab, "referral_status", ctx.lang))
        self.status.set_code(referral.status)
        self.status.setAccessibleName(self.tr("Neuer Status"))
        self.note = PiiTextEdit(lines=2)
        self.note.setAccessibleName(self.tr("Notiz zum Schritt"))
        self.feedback = PiiTextEdit(lines=3)
        self.feedback.set_text(referral.feedback)
        self.feedback.setAccessibleName(self.tr("Rückmeldung der Organisation"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Verlauf:"), self.history)
        form.addRow(self.tr("Neuer Stat&us:"), self.status)
        form.addRow(self.tr("&Notiz:"), self.note)
        form.addRow(self.tr("&Rückmeldung:"), self.feedback)
        save = QPushButton(self.tr("&Speichern"))
        save.setAutoDefault(False)
        save.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Abbrechen"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.status.setFocus()
        self.resize(560, 420)

    def save(self) -> bool:
        status = self.status.code() or self.referral.status
        entry = ReferralStatusChange(
            referral_id=self.referral.id, status=status, note=self.note.text()
        )
        changed = dataclasses.replace(self.referral, feedback=self.feedback.text())
        found = {
            **{f"note:{k}": v for k, v in self.ctx.records.screen(entry).items()},
            **{f"feedback:{k}": v for k, v in self.ctx.records.screen(changed).items()},
        }
        self.note.set_findings(self.ctx.records.screen(entry).get("note", []))
        self.feedback.set_findings(self.ctx.records.screen(changed).get("feedback", []))
        if found:
            kinds = sorted({f.label for hits in found.values() for f in hits})
            self.message.setText(
                self.tr(
                    "Vermutlich personenbezogene Daten ({kinds}) – bitte entfernen. Ein "
                    "Statusschritt wird nur ohne solche Angaben gespeichert."
                ).format(kinds=", ".join(kinds))
            )
            return False
        try:
            saved = self.ctx.records.set_referral_status(
                self.referral.id, status, note=self.note.text(), feedback=self.feedback.text()
            )
        except (ValidationError, PersonalDataFound) as exc:
            self.message.setText(error_text(exc))
            return False
        except VielfaltError as exc:
            QMessageBox.warning(self, self.tr("Nicht gespeichert"), error_text(exc))
            return False
        self.ctx.announce("referral")
        emit(self.saved, saved)
        self.accept()
        return True

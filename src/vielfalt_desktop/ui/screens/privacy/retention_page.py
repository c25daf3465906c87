"""Aufbewahrung: the retention rules (months per kind of note, pseudonym links, and on a laptop
the optional removal after acknowledgement), saved through RetentionService, and "Jetzt
anwenden …": a dry run off the UI thread, a confirmation listing what is due, then the run.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.errors import ValidationError, VielfaltError
from vielfalt_desktop.domain.records import RECORD_TYPE_BY_KIND
from vielfalt_desktop.domain.retention import (
    MAX_ACK_DAYS,
    MAX_MONTHS,
    MIN_ACK_DAYS,
    MIN_MONTHS,
    NOTE_FIELDS,
    RetentionPolicy,
)
from vielfalt_desktop.services.retention import PurgeResult
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import error_text, fmt_date, fmt_int, message_text
from vielfalt_desktop.ui.models.privacy_labels import kind_label, kind_labels
from vielfalt_desktop.ui.signals import emit
from vielfalt_desktop.ui.tasks import Task, run_task
from vielfalt_desktop.ui.widgets.busy import busy_bar

DEFAULT_ACK_DAYS = 90


class RetentionPage(QWidget):
    """The policy editor and the manual run. ``changed``: the logs have new entries."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.retention = ctx.app.retention
        self.is_laptop = ctx.app.device.role == "field"
        self.task: Task | None = None
        self.dirty = False
        self._loading = False

        # free-text notes, per kind of record
        row_labels = {
            "contact": self.tr("&Kontakte:"),
            "referral": self.tr("&Verweise (ab Abschluss):"),
            "referral_status": self.tr("Verweis-Verla&uf (ab Abschluss des Verweises):"),
            "conflict": self.tr("K&onflikte (ab Abschluss):"),
            "intervention": self.tr("&Interventionen (ab Abschluss des Konflikts):"),
            "event": self.tr("Vera&nstaltungen:"),
        }
        kinds = kind_labels()
        self.note_months: dict[str, QSpinBox] = {}
        notes_box = QGroupBox(self.tr("Freitext leeren nach"))
        notes_form = QFormLayout(notes_box)
        notes_hint = QLabel(
            self.tr(
                "Notizen, Rückmeldungen, Ergebnisse und nächste Schritte werden geleert, "
                "gezählt ab dem Datum des Eintrags. Offene Verweise und Konflikte behalten "
                "ihre Notizen bis zum Abschluss."
            )
        )
        notes_hint.setWordWrap(True)
        notes_form.addRow(notes_hint)
        for kind in NOTE_FIELDS:
            spin = self._months_spin(
                self.tr("{kind}: Freitext leeren nach Monaten").format(kind=kind_label(kind, kinds))
            )
            self.note_months[kind] = spin
            notes_form.addRow(self._label(row_labels.get(kind, kind), spin), spin)

        # pseudonym links
        self.pseudonym_months = self._months_spin(
            self.tr("Pseudonym-Verknüpfung entfernen nach Monaten")
        )
        pseudonym_box = QGroupBox(self.tr("Pseudonyme"))
        pseudonym_form = QFormLayout(pseudonym_box)
        pseudonym_form.addRow(
            self._label(self.tr("&Pseudonym-Verknüpfung entfernen nach:"), self.pseudonym_months),
            self.pseudonym_months,
        )
        pseudonym_hint = QLabel(
            self.tr(
                "Danach lässt sich ein Kontakt keinem früheren derselben Person mehr zuordnen. "
                "Die Kontakte selbst bleiben als anonyme Statistik."
            )
        )
        pseudonym_hint.setWordWrap(True)
        pseudonym_form.addRow(pseudonym_hint)

        # removal after acknowledgement (laptops only)
        laptop_box = QGroupBox(self.tr("Auf diesem Laptop"))
        laptop_layout = QVBoxLayout(laptop_box)
        self.ack_check: QCheckBox | None = None
        self.ack_days: QSpinBox | None = None
        if self.is_laptop:
            self.ack_check = QCheckBox(
                self.tr("&Erledigte, von der Koordination bestätigte Einträge nach")
            )
            self.ack_days = QSpinBox()
            self.ack_days.setRange(MIN_ACK_DAYS, MAX_ACK_DAYS)
            self.ack_days.setValue(DEFAULT_ACK_DAYS)
            self.ack_days.setSuffix(self.tr(" Tagen"))
            self.ack_days.setAccessibleName(
                self.tr("Tage, nach denen bestätigte Einträge vom Laptop entfernt werden")
            )
            self.ack_days.setEnabled(False)
            self.ack_days.setFixedWidth(
                self.ack_days.fontMetrics().horizontalAdvance("3650 Tagen") + 48
            )
            line = QHBoxLayout()
            line.addWidget(self.ack_check)
            line.addWidget(self.ack_days)
            line.addWidget(QLabel(self.tr("vom Laptop entfernen")))
            line.addStretch(1)
            laptop_layout.addLayout(line)
            ack_hint = QLabel(
                self.tr(
                    "Erst wenn die Koordination den Empfang bestätigt hat, nie vorher. Was "
                    "noch offen ist, bleibt: Wiedervorlagen, laufende Konflikte, offene Verweise. "
                    "Die Koordination behält ihre Kopie."
                )
            )
            ack_hint.setWordWrap(True)
            laptop_layout.addWidget(ack_hint)
            self.ack_check.toggled.connect(self._ack_toggled)
            self.ack_days.valueChanged.connect(lambda _v: self._edited())
        else:
            note = QLabel(
                self.tr(
                    "Laptops können zusätzlich erledigte Einträge abgeben, sobald die "
                    "Koordination ihren Empfang bestätigt hat. Das stellt jedes Laptop selbst ein."
                )
            )
            note.setWordWrap(True)
            laptop_box.setTitle(self.tr("Auf den Laptops"))
            laptop_layout.addWidget(note)

        # buttons and messages
        self.save_button = QPushButton(self.tr("&Speichern"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Ver&werfen"))
        self.revert_button.setToolTip(self.tr("Die gespeicherten Fristen wieder anzeigen"))
        self.revert_button.clicked.connect(self.load)
        self.apply_button = QPushButton(self.tr("&Jetzt anwenden …"))
        self.apply_button.setToolTip(
            self.tr("Zuerst wird gezeigt, was fällig ist; geändert wird erst nach Rückfrage.")
        )
        self.apply_button.clicked.connect(self.apply_now)
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b00020;")
        self.errors.setVisible(False)
        self.errors.setAccessibleName(self.tr("Fehler in den Fristen"))
        self.busy = busy_bar(self.tr("Aufbewahrungsfristen werden angewandt"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_run = QLabel()
        self.last_run.setWordWrap(True)

        run_box = QGroupBox(self.tr("Anwenden"))
        run_layout = QVBoxLayout(run_box)
        run_layout.addWidget(self.last_run)
        apply_row = QHBoxLayout()
        apply_row.addWidget(self.apply_button)
        apply_row.addStretch(1)
        run_layout.addLayout(apply_row)
        run_layout.addWidget(self.busy)
        run_layout.addWidget(self.message)

        columns = QHBoxLayout()
        columns.addWidget(notes_box, 1)
        right = QVBoxLayout()
        right.addWidget(pseudonym_box)
        right.addWidget(laptop_box)
        right.addStretch(1)
        columns.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(columns)
        inner_layout.addWidget(self.errors)
        inner_layout.addLayout(buttons)
        inner_layout.addWidget(run_box)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self._update_buttons()

    # --- widgets ------------------------------------------------------------------------

    def _months_spin(self, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(MIN_MONTHS, MAX_MONTHS)
        spin.setAccessibleName(name)
        spin.setSuffix(self.tr(" Monate"))
        spin.setFixedWidth(spin.fontMetrics().horizontalAdvance("120 Monate") + 48)
        spin.valueChanged.connect(lambda value, s=spin: self._months_changed(s, value))
        return spin

    def _months_changed(self, spin: QSpinBox, value: int) -> None:
        spin.setSuffix(self.tr(" Monat") if value == 1 else self.tr(" Monate"))
        self._edited()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _ack_toggled(self, on: bool) -> None:
        if self.ack_days is not None:
            self.ack_days.setEnabled(on)
        self._edited()

    def _edited(self) -> None:
        if self._loading:
            return
        self.dirty = True
        self.message.setText(
            self.tr("Geänderte Fristen gelten erst nach dem Speichern.")
            if self.task is None
            else self.message.text()
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self.task is None
        self.save_button.setEnabled(self.dirty and idle)
        self.revert_button.setEnabled(self.dirty and idle)
        self.apply_button.setEnabled(not self.dirty and idle)
        self.busy.setVisible(not idle)

    # --- the policy ---------------------------------------------------------------------

    def load(self) -> None:
        """Show the saved policy (drops unsaved edits)."""
        self.show_policy(self.retention.policy())
        self.dirty = False
        self.errors.setVisible(False)
        if self.task is None:
            self.message.clear()
        self._update_buttons()
        self.show_last_run()

    def show_policy(self, policy: RetentionPolicy) -> None:
        self._loading = True
        try:
            for kind, spin in self.note_months.items():
                spin.setValue(policy.note_months.get(kind, spin.value()))
            self.pseudonym_months.setValue(policy.pseudonym_months)
            if self.ack_check is not None and self.ack_days is not None:
                days = policy.purge_after_ack_days
                self.ack_check.setChecked(days is not None)
                self.ack_days.setEnabled(days is not None)
                self.ack_days.setValue(days if days is not None else DEFAULT_ACK_DAYS)
        finally:
            self._loading = False

    def edited_policy(self) -> RetentionPolicy:
        days = None
        if self.ack_check is not None and self.ack_days is not None and self.ack_check.isChecked():
            days = self.ack_days.value()
        return RetentionPolicy(
            note_months={kind: spin.value() for kind, spin in self.note_months.items()},
            pseudonym_months=self.pseudonym_months.value(),
            purge_after_ack_days=days,
        )

    def show_last_run(self) -> None:
        day = self.retention.last_run()
        last = fmt_date(day) if day is not None else ""
        auto = self.tr("Die Fristen werden beim ersten Entsperren jedes Tages angewandt.")
        if last:
            auto += " " + self.tr("Zuletzt: {date}.").format(date=last)
        self.last_run.setText(auto)

    def save(self) -> bool:
        if self.task is not None:
            return False
        policy = self.edited_policy()
        try:
            self.retention.set_policy(policy)
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return False
        except VielfaltError as exc:
            self._show_problems({"": error_text(exc)})
            return False
        self.dirty = False
        self.errors.setVisible(False)
        self.message.setText(self.tr("Gespeichert. Es wird geprüft, was danach fällig ist …"))
        emit(self.changed)  # the audit trail has a new entry
        self._start(
            lambda: self.retention.purge(dry_run=True), self._checked_after_save, preview=True
        )
        return True

    def _show_problems(self, problems: dict[str, str]) -> None:
        self.errors.setText(
            self.tr("Nicht gespeichert: {problems}").format(
                problems=" ".join(map(message_text, problems.values()))
            )
        )
        self.errors.setVisible(True)
        widgets: dict[str, QWidget | None] = {
            **self.note_months,
            "pseudonym": self.pseudonym_months,
            "purge_after_ack_days": self.ack_days,
        }
        for field in problems:
            widget = widgets.get(field)
            if widget is not None:
                widget.setFocus()
                break

    def _checked_after_save(self, result: PurgeResult) -> None:
        if result.total:
            due = (
                self.tr("Gespeichert. Nach den neuen Fristen ist jetzt 1 Eintrag fällig.")
                if result.total == 1
                else self.tr(
                    "Gespeichert. Nach den neuen Fristen sind jetzt {n} Einträge fällig."
                ).format(n=fmt_int(result.total))
            )
            self.message.setText(
                due
                + " "
                + self.tr(
                    "Angewandt wird beim ersten Entsperren eines Tages oder mit „Jetzt anwenden …“."
                )
            )
        else:
            self.message.setText(self.tr("Gespeichert. Nach den neuen Fristen ist nichts fällig."))

    # --- running now --------------------------------------------------------------------

    def apply_now(self) -> Task | None:
        """Count what is due (off the UI thread), ask, then apply."""
        if self.task is not None or self.dirty:
            return None
        self.message.setText(self.tr("Es wird geprüft, was fällig ist …"))
        return self._start(lambda: self.retention.purge(dry_run=True), self._previewed)

    def _previewed(self, result: PurgeResult) -> None:
        if not result.counts:
            self.message.setText(self.tr("Geprüft: nichts fällig."))
            QMessageBox.information(
                self,
                self.tr("Nichts fällig"),
                self.tr("Nach den geltenden Aufbewahrungsregeln ist derzeit nichts fällig."),
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Aufbewahrungsfristen jetzt anwenden?"),
            self.confirmation_text(result),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.message.setText(self.tr("Nicht angewandt; nichts wurde geändert."))
            return
        self.message.setText(self.tr("Die Fristen werden angewandt …"))
        self._start(lambda: self.retention.purge(dry_run=False), self._purged)

    def confirmation_text(self, result: PurgeResult) -> str:
        rules = {
            "notes": self.tr("Freitext leeren"),
            "pseudonym": self.tr("Pseudonym-Verknüpfung entfernen"),
            "conflict_log": self.tr("Abgelegte Werte des Konfliktprotokolls entfernen"),
            "after_ack": self.tr("Vom Laptop entfernen (Empfang bestätigt)"),
        }
        kinds = kind_labels()
        lines = [self.tr("Nach den Aufbewahrungsregeln ist jetzt fällig:"), ""]
        for count in result.counts:
            line = self.tr("• {rule} – {kind}: {n}").format(
                rule=rules.get(count.rule, count.rule),
                kind=kind_label(count.record_kind, kinds),
                n=fmt_int(count.count),
            )
            if count.cutoff is not None:
                line += " " + self.tr("(vor dem {date})").format(date=fmt_date(count.cutoff))
            lines.append(line)
        lines.append("")
        if any(c.rule == "after_ack" for c in result.counts):
            lines.append(
                self.tr(
                    "Vom Laptop entfernte Einträge behält die Koordination; alle anderen "
                    "bleiben als anonyme Statistik erhalten."
                )
            )
        else:
            lines.append(self.tr("Die Einträge selbst bleiben als anonyme Statistik erhalten."))
        lines.append(
            self.tr(
                "Das lässt sich nicht rückgängig machen. Das Löschprotokoll hält fest, was "
                "wann nach welcher Regel gelöscht wurde – ohne Inhalte."
            )
        )
        lines.append("")
        lines.append(self.tr("Jetzt anwenden?"))
        return "\n".join(lines)

    def _purged(self, result: PurgeResult) -> None:
        if result.total == 1:
            self.message.setText(
                self.tr("Angewandt: 1 Eintrag betroffen. Einzelheiten stehen im Löschprotokoll.")
            )
        elif result.total:
            self.message.setText(
                self.tr(
                    "Angewandt: {n} Einträge betroffen. Einzelheiten stehen im Löschprotokoll."
                ).format(n=fmt_int(result.total))
            )
        else:
            self.message.setText(self.tr("Angewandt: inzwischen war nichts mehr fällig."))
        self.show_last_run()
        for kind in {c.record_kind for c in result.counts}:
            if kind in RECORD_TYPE_BY_KIND:
                self.ctx.announce(kind)
        emit(self.changed)

    # --- background work ----------------------------------------------------------------

    def _start(self, work: Any, done: Any, *, preview: bool = False) -> Task:
        def succeeded(result: Any) -> None:
            self.task = None
            self._update_buttons()
            done(result)

        def failed(error: BaseException) -> None:
            self.task = None
            self._update_buttons()
            text = error_text(error)
            if preview:
                self.message.setText(self.tr("Gespeichert."))
            else:
                self.message.setText(self.tr("Fehlgeschlagen: {message}").format(message=text))

        self.task = run_task(work, done=succeeded, failed=failed)
        self._update_buttons()
        return self.task

    # --- state across locking -----------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {"draft": self.edited_policy()} if self.dirty else {}

    def restore(self, state: dict[str, Any]) -> None:
        draft = state.get("draft")
        if isinstance(draft, RetentionPolicy):
            self.show_policy(draft)
            self._edited()

"""The base of every record form: validate as you type, show personal data inline, save by key.

A subclass builds its inputs with :meth:`RecordForm.add`, fills them in :meth:`load` and
turns them back into a record in :meth:`collect`. The base does the rest:

* ``RecordService.check`` runs shortly after every change; a field's message appears under it
  once the field was touched (after a first save attempt: for every field);
* ``RecordService.screen`` runs on the free-text fields; findings are underlined in the text
  and listed in a panel whose "Trotzdem speichern" button needs a second, explicit yes;
* Ctrl+S or Ctrl+Enter saves, Esc cancels (asking "Änderungen verwerfen?" if something
  changed). Enter alone never saves, so it cannot happen by accident.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.errors import ValidationError, VielfaltError
from vielfalt_desktop.domain.privacy import Finding
from vielfalt_desktop.domain.records import Record
from vielfalt_desktop.services.records import PersonalDataFound
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import error_text, message_text
from vielfalt_desktop.ui.signals import emit
from vielfalt_desktop.ui.widgets.pii_text import PiiTextEdit

R = TypeVar("R", bound=Record)
ERROR_COLOR = "#c0392b"


@dataclass
class FormField:
    name: str
    label: str
    widget: QWidget
    label_widget: QLabel
    error: QLabel


class RecordForm(QDialog, Generic[R]):
    saved = Signal(object)  # the saved record

    #: The record type this form edits; subclasses set it.
    record_type: type[Record] = Record

    def __init__(
        self,
        ctx: UiContext,
        record: R | None = None,
        parent: QWidget | None = None,
        *,
        draft: R | None = None,
        preset: R | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_new = record is None
        if record is not None:
            self.original: R = record
        else:
            self.original = preset if preset is not None else self.new_record()
        self._fields: dict[str, FormField] = {}
        self._order: list[QWidget] = []
        self._touched: set[str] = set()
        self._tried = False
        self._dirty = False
        self._loading = False
        self.problems: dict[str, str] = {}
        self.findings: dict[str, list[Finding]] = {}
        self.read_only = False
        self.setObjectName(type(self).__name__)
        self.setModal(True)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(150)
        self._check_timer.timeout.connect(self.run_check)
        self._screen_timer = QTimer(self)
        self._screen_timer.setSingleShot(True)
        self._screen_timer.setInterval(400)
        self._screen_timer.timeout.connect(self.run_screen)

        self.body = QWidget()
        self.columns = QHBoxLayout(self.body)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.setSpacing(24)
        self._forms: list[QFormLayout] = []
        scroll = QScrollArea()
        scroll.setWidget(self.body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.pii_panel = QFrame()
        self.pii_panel.setObjectName("piiPanel")
        self.pii_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.pii_panel.setStyleSheet(
            f"#piiPanel {{ border: 1px solid {ERROR_COLOR}; border-radius: 4px; }}"
        )
        self.pii_text = QLabel()
        self.pii_text.setWordWrap(True)
        self.pii_text.setAccessibleName(self.tr("Hinweis auf personenbezogene Daten"))
        self.save_anyway = QPushButton(self.tr("Trotzdem spei&chern"))
        self.save_anyway.setAutoDefault(False)
        self.save_anyway.clicked.connect(self.confirm_and_save)
        panel = QHBoxLayout(self.pii_panel)
        panel.addWidget(self.pii_text, 1)
        panel.addWidget(self.save_anyway, 0, Qt.AlignmentFlag.AlignTop)
        self.pii_panel.setVisible(False)

        self.save_button = QPushButton(self.tr("&Speichern"))
        self.save_button.setToolTip(self.tr("Speichern (Strg+S oder Strg+Eingabe)"))
        self.cancel_button = QPushButton(self.tr("Abbrechen"))
        self.cancel_button.setToolTip(self.tr("Abbrechen (Esc)"))
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button.clicked.connect(self.reject)
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_line, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.pii_panel)
        layout.addLayout(buttons)

        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, lambda: self.save())

        self.build()
        self._loading = True
        self.load(draft if draft is not None else self.original)
        self._loading = False
        # A record this device may not change (a laptop: the coordinator's partners, records
        # from other devices) opens for reading only (domain.authority).
        self.read_only = not ctx.records.may_edit(self.original)
        if self.read_only:
            self._make_read_only()
        self._set_tab_order()
        self._fit_to_content()
        self.setWindowTitle(self.title())
        if draft is not None:
            self._dirty = True
        self.run_check()
        self.run_screen()

    # --- for subclasses -----------------------------------------------------------------

    def new_record(self) -> R:
        raise NotImplementedError

    def title(self) -> str:
        raise NotImplementedError

    def build(self) -> None:
        raise NotImplementedError

    def load(self, record: R) -> None:
        raise NotImplementedError

    def collect(self) -> R:
        raise NotImplementedError

    def extra_problems(self, record: R) -> dict[str, str]:
        """Form-only rules on top of the domain's (e.g. a required partner choice)."""
        return {}

    def persist(self, record: R, accept_findings: bool) -> R:
        if self.is_new:
            return self.ctx.records.create(record, accept_findings=accept_findings)
        return self.ctx.records.update(record, accept_findings=accept_findings)

    def after_save(self, record: R) -> None:
        """Remember defaults for the next form, etc."""

    # --- building -----------------------------------------------------------------------

    def form_column(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(7)
        form.setHorizontalSpacing(10)
        column = QVBoxLayout()
        column.setSpacing(0)
        column.addLayout(form)
        column.addStretch(1)  # rows stay compact; spare height goes below them
        self.columns.addLayout(column, 1)
        self._forms.append(form)
        return form

    def add(
        self,
        name: str,
        label: str,
        widget: QWidget,
        signal: SignalInstance | None = None,
        *,
        form: QFormLayout | None = None,
        focus: QWidget | None = None,
    ) -> QWidget:
        """Put an input with its label and an (initially empty) message under it."""
        form = form or (self._forms[-1] if self._forms else self.form_column())
        plain = label.replace("&", "")
        label_widget = QLabel(label + ":")
        label_widget.setBuddy(focus or widget)
        widget.setAccessibleName(plain)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {ERROR_COLOR};")
        error.setVisible(False)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        form.addRow(label_widget, holder)
        self._fields[name] = FormField(name, plain, widget, label_widget, error)
        self._order.append(focus or widget)
        if signal is not None:
            signal.connect(lambda *_a, n=name: self._edited(n))
        return widget

    def add_aside(self, widget: QWidget, form: QFormLayout | None = None) -> None:
        """A row without a field of its own (hints, buttons)."""
        (form or self._forms[-1]).addRow("", widget)

    def field(self, name: str) -> QWidget:
        return self._fields[name].widget

    def _make_read_only(self) -> None:
        for info in self._fields.values():
            info.widget.setEnabled(False)
        self.save_button.setVisible(False)
        self.cancel_button.setText(self.tr("Schließen"))
        self.cancel_button.setToolTip(self.tr("Schließen (Esc)"))
        self.status_line.setText(message_text(self.ctx.records.refusal(self.original.kind)))

    def _fit_to_content(self) -> None:
        """As tall as the inputs need (no scrolling), within the screen."""
        wanted = self.body.sizeHint().height() + 140
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        limit = screen.height() - 60 if screen is not None else 900
        self.resize(self.width(), max(self.height(), min(wanted, limit)))

    def _set_tab_order(self) -> None:
        chain = [w for w in self._order if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        chain += [self.save_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        if self._order:
            self._order[0].setFocus()

    # --- checking -----------------------------------------------------------------------

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self._dirty = True
        self._touched.add(name)
        self._check_timer.start()
        if isinstance(self._fields[name].widget, PiiTextEdit):
            self._screen_timer.start()

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def run_check(self) -> dict[str, str]:
        record = self.collect()
        problems = dict(self.ctx.records.check(record))
        for key, value in self.extra_problems(record).items():
            problems.setdefault(key, value)
        self.problems = problems
        self._show_problems()
        return problems

    def _show_problems(self) -> None:
        for name, info in self._fields.items():
            message = message_text(self.problems.get(name, ""))
            visible = bool(message) and (self._tried or name in self._touched)
            info.error.setText(message if visible else "")
            info.error.setVisible(visible)
            info.widget.setAccessibleDescription(message if visible else "")
        if self.read_only:
            return
        hidden = [message_text(m) for n, m in self.problems.items() if n not in self._fields]
        self.status_line.setText(" ".join(hidden) if self._tried else "")
        self.status_line.setStyleSheet(f"color: {ERROR_COLOR};" if hidden else "")

    def run_screen(self) -> dict[str, list[Finding]]:
        record = self.collect()
        self.findings = self.ctx.records.screen(record)
        for name in record.screened:
            info = self._fields.get(name)
            if info is not None and isinstance(info.widget, PiiTextEdit):
                info.widget.set_findings(self.findings.get(name, []))
        self._show_findings()
        return self.findings

    def _show_findings(self) -> None:
        if not self.findings or self.read_only:
            self.pii_panel.setVisible(False)
            return
        parts = []
        for name, found in self.findings.items():
            label = self._fields[name].label if name in self._fields else name
            kinds = ", ".join(
                f"{f.label} („{f.text}“)" for f in sorted(found, key=lambda f: f.start)
            )
            parts.append(f"<b>{label}</b>: {kinds}")
        self.pii_text.setText(
            self.tr(
                "Der Text enthält vermutlich personenbezogene Daten – bitte entfernen oder "
                "umschreiben:"
            )
            + "<br>"
            + "<br>".join(parts)
        )
        self.pii_panel.setVisible(True)

    # --- saving -------------------------------------------------------------------------

    def save(self, accept_findings: bool = False) -> bool:
        """Save if the record is valid; True on success."""
        if self.read_only:
            return False
        self._tried = True
        self._check_timer.stop()
        self._screen_timer.stop()
        problems = self.run_check()
        if problems:
            self._focus_problem(problems)
            return False
        findings = self.run_screen()
        if findings and not accept_findings:
            first = next(iter(findings))
            if first in self._fields:
                self._fields[first].widget.setFocus()
            self.save_anyway.setFocus()
            return False
        record = self.collect()
        try:
            saved = self.persist(record, accept_findings)
        except ValidationError as exc:
            self.problems = dict(exc.problems)
            self._show_problems()
            self._focus_problem(exc.problems)
            if not any(n in self._fields for n in exc.problems):
                self.status_line.setText(" ".join(map(message_text, exc.problems.values())))
            return False
        except PersonalDataFound as exc:
            self.findings = exc.findings
            self._show_findings()
            return False
        except VielfaltError as exc:
            QMessageBox.warning(self, self.tr("Nicht gespeichert"), error_text(exc))
            return False
        self._dirty = False
        self.after_save(saved)
        self.ctx.announce(saved.kind)
        emit(self.saved, saved)
        self.accept()
        return True

    def confirm_and_save(self) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Trotzdem speichern?"),
            self.tr(
                "Der Text enthält vermutlich personenbezogene Daten. Die Dokumentation soll "
                "anonym bleiben. Wirklich unverändert speichern?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.save(accept_findings=True)

    def _focus_problem(self, problems: dict[str, str]) -> None:
        for widget in self._order:
            for name, info in self._fields.items():
                if (info.widget is widget or info.label_widget.buddy() is widget) and (
                    name in problems
                ):
                    widget.setFocus()
                    return

    # --- leaving ------------------------------------------------------------------------

    def reject(self) -> None:
        if self._dirty and not self._discard_confirmed():
            return
        super().reject()

    def _discard_confirmed(self) -> bool:
        """Ask before throwing unsaved input away; True only for an explicit "Verwerfen".

        "Weiter bearbeiten" is the default and what Esc answers. "Verwerfen" has no mnemonic on
        purpose: in a message box a bare letter (no Alt needed) presses its button, and a stray
        key must not discard the input.
        """
        discard, keep = QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Cancel
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Änderungen verwerfen?"),
            self.tr("Die Eingaben sind noch nicht gespeichert. Verwerfen?"),
            discard | keep,
            self,
        )
        box.button(discard).setText(self.tr("Verwerfen"))
        box.button(keep).setText(self.tr("&Weiter bearbeiten"))
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        answer = box.exec()
        box.deleteLater()
        return answer == discard.value

    def discard(self) -> None:
        """Close without asking (locking the store)."""
        self._dirty = False
        self.done(QDialog.DialogCode.Rejected)

    def draft(self) -> R | None:
        """The unsaved input, to reopen after unlocking; None if nothing changed."""
        return self.collect() if self._dirty else None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._dirty:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


def replace(record: R, **changes: Any) -> R:
    return dataclasses.replace(record, **changes)


Factory = Callable[..., RecordForm[Any]]

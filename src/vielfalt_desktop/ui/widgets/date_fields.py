"""Date inputs shown as TT.MM.JJJJ; an optional date is a checkbox plus a date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from vielfalt_desktop.ui.i18n import DATE_FORMAT
from vielfalt_desktop.ui.signals import emit

#: What people type between day, month and year.
SEPARATORS = frozenset(".,/-")


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class DateField(QDateEdit):
    """A date typed as TT.MM.JJJJ or picked from a calendar (Alt+↓)."""

    def __init__(self, value: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(QDate(2000, 1, 1))
        self.setMaximumDate(QDate(2099, 12, 31))
        self._advanced = False
        if value is not None:
            self.set_value(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # QDateEdit jumps to the next section once a day or month cannot take another digit;
        # the "." a German user types next would then skip the month (05.03. → 05.<old>.0003).
        # So a separator right after such a jump only confirms it.
        if self._advanced and event.text() in SEPARATORS:
            self._advanced = False
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            # Typing a whole date over "everything" starts with the day, as it reads.
            self._advanced = False
            self.setSelectedSection(self.sectionAt(0))
            event.accept()
            return
        section = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._advanced = event.text().isdigit() and self.currentSectionIndex() != section

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._advanced = False
        super().focusInEvent(event)

    def value(self) -> dt.date:
        return from_qdate(self.date())

    def set_value(self, value: dt.date) -> None:
        self.setDate(to_qdate(value))


class OptionalDateField(QWidget):
    """A date that may be left out: the checkbox says whether there is one."""

    changed = Signal()

    def __init__(self, label: str, default: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default = default
        self.check = QCheckBox(label, self)
        self.check.setAccessibleName(label)
        self.edit = DateField(default, self)
        self.edit.setAccessibleName(label)
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _d: emit(self.changed))
        self.setFocusProxy(self.check)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        emit(self.changed)

    def value(self) -> dt.date | None:
        return self.edit.value() if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        self.edit.set_value(value or self._default)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.check.setAccessibleName(name)
        self.edit.setAccessibleName(name)

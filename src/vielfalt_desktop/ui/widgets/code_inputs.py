"""Inputs for vocabulary codes: a combo box for one code, a check list for several."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QWidget

from vielfalt_desktop.domain.vocab import Vocabularies
from vielfalt_desktop.ui.signals import emit

Choice = tuple[str, str]  # (code, label)


def vocab_choices(
    vocab: Vocabularies, name: str, lang: str, *, keep: Iterable[str] = ()
) -> list[Choice]:
    """Active entries of a vocabulary (plus retired ones still used by the record)."""
    kept = set(keep)
    if name == "district":
        return [(d.code, d.label(lang)) for d in vocab.districts if d.active or d.code in kept]
    if name == "country":
        entries = sorted(vocab.countries, key=lambda e: e.label(lang))
        return [(e.code, e.label(lang)) for e in entries if e.active or e.code in kept]
    return [(e.code, e.label(lang)) for e in vocab[name] if e.active or e.code in kept]


def district_choices(vocab: Vocabularies, lang: str) -> list[Choice]:
    """Districts of the focus areas first, then the others alphabetically."""
    focus = vocab.districts.focus_codes()
    first = [(d.code, d.label(lang)) for d in vocab.districts if d.code in focus and d.active]
    rest = sorted(
        ((d.code, d.label(lang)) for d in vocab.districts if d.code not in focus and d.active),
        key=lambda c: c[1],
    )
    return first + rest


class CodeCombo(QComboBox):
    """One code from a list; an optional empty entry stands for "none"."""

    changed = Signal()

    def __init__(
        self,
        choices: Sequence[Choice] = (),
        *,
        empty_label: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._empty_label = empty_label
        self.setMaxVisibleItems(20)
        self.set_choices(choices)
        self.currentIndexChanged.connect(lambda _i: emit(self.changed))

    def set_choices(self, choices: Sequence[Choice], *, separator_after: int = -1) -> None:
        current = self.code()
        self.blockSignals(True)
        self.clear()
        if self._empty_label is not None:
            self.addItem(self._empty_label, None)
        for index, (code, label) in enumerate(choices):
            self.addItem(label, code)
            if index == separator_after:
                self.insertSeparator(self.count())
        self.set_code(current)
        self.blockSignals(False)
        if self.code() != current:  # the chosen value is gone: say so; otherwise nothing changed
            emit(self.changed)

    def code(self) -> str | None:
        data = self.currentData()
        return data if isinstance(data, str) else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code else -1
        if index < 0:
            index = 0 if self._empty_label is not None or self.count() else -1
        self.setCurrentIndex(index)


class CodeChecklist(QListWidget):
    """Several codes: tick with the mouse, or move with ↑/↓ and press Space."""

    changed = Signal()

    def __init__(
        self, choices: Sequence[Choice] = (), *, rows: int = 6, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.set_choices(choices)
        self.itemChanged.connect(lambda _item: emit(self.changed))
        row_height = self.fontMetrics().height() + 6
        self.setMinimumHeight(row_height * min(rows, 3) + 6)
        self.setMaximumHeight(row_height * rows + 6)

    def set_choices(self, choices: Sequence[Choice]) -> None:
        checked = set(self.codes())
        self.blockSignals(True)
        self.clear()
        for code, label in choices:
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(
                Qt.CheckState.Checked if code in checked else Qt.CheckState.Unchecked
            )
        self.blockSignals(False)

    def _items(self) -> list[QListWidgetItem]:
        return [self.item(i) for i in range(self.count())]

    def codes(self) -> tuple[str, ...]:
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_codes(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        self.blockSignals(True)
        for item in self._items():
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in wanted
                else Qt.CheckState.Unchecked
            )
        self.blockSignals(False)
        emit(self.changed)

    def toggle(self, code: str, on: bool = True) -> None:
        for item in self._items():
            if item.data(Qt.ItemDataRole.UserRole) == code:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

"""Filters above a list: period, district (or a whole area), topic, status, language, text.

The bar only builds a :class:`Query`; the list model runs it in SQL.

The bar never makes the window wider: the date range of "Zeitraum wählen …" opens a second row
under the period instead of lengthening the first, and the combo boxes are as wide as their
longest entry while there is room but give way (eliding their text) in a narrow window.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import translate
from vielfalt_desktop.ui.signals import emit, relay
from vielfalt_desktop.ui.widgets.code_inputs import CodeCombo, district_choices, vocab_choices
from vielfalt_desktop.ui.widgets.date_fields import DateField

QUERY_FIELDS = frozenset(f.name for f in dataclasses.fields(Query))
# The store's Query may learn a language filter; until then the language box is hidden.
LANGUAGE_FIELD = next((n for n in ("language", "languages") if n in QUERY_FIELDS), None)

PERIODS = ("all", "today", "week", "month", "last_month", "year", "last_year", "custom")
SHRINK_CHARS = 7  # how narrow a filter combo may get, in characters (plus room for an icon)


def shrinkable(combo: QComboBox, chars: int = SHRINK_CHARS) -> QComboBox:
    """Let ``combo`` shrink to about ``chars`` characters in a tight row; its size hint (the
    longest entry) stays, and the open list still shows the entries in full."""
    natural = combo.sizeAdjustPolicy()
    combo.setMinimumContentsLength(chars)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    minimum = combo.minimumSizeHint().width()  # Qt's own measure of `chars` characters
    combo.setSizeAdjustPolicy(natural)
    # A layout honours an explicit minimum width instead of the (full-length) minimum hint.
    combo.setMinimumWidth(min(minimum, combo.sizeHint().width()))
    return combo


def period_range(period: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    if period == "today":
        return today, today
    if period == "week":
        return today - dt.timedelta(days=6), today
    if period == "month":
        return today.replace(day=1), None
    if period == "last_month":
        last = today.replace(day=1) - dt.timedelta(days=1)
        return last.replace(day=1), last
    if period == "year":
        return today.replace(month=1, day=1), None
    if period == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    return None, None


def period_fields(today: dt.date) -> tuple[QComboBox, DateField, QLabel, DateField]:
    """The period choice, and the range it shows for "custom": from-date, "bis", to-date."""
    # Shared with the audit trail's filters; the words stay in FilterBar's translations.
    period = QComboBox()
    period.setAccessibleName(translate("FilterBar", "Zeitraum"))
    for code, label in zip(
        PERIODS,
        (
            translate("FilterBar", "Alle Zeiträume"),
            translate("FilterBar", "Heute"),
            translate("FilterBar", "Letzte 7 Tage"),
            translate("FilterBar", "Dieser Monat"),
            translate("FilterBar", "Letzter Monat"),
            translate("FilterBar", "Dieses Jahr"),
            translate("FilterBar", "Letztes Jahr"),
            translate("FilterBar", "Zeitraum wählen …"),
        ),
        strict=True,
    ):
        period.addItem(label, code)
    date_from = DateField(today.replace(day=1))
    date_from.setAccessibleName(translate("FilterBar", "Von"))
    date_to = DateField(today)
    date_to.setAccessibleName(translate("FilterBar", "Bis"))
    return period, date_from, QLabel(translate("FilterBar", "bis")), date_to


class FilterBar(QWidget):
    changed = Signal()

    def __init__(
        self,
        ctx: UiContext,
        *,
        dates: bool = True,
        districts: bool = True,
        topic_vocab: str | None = None,
        topic_label: str = "",
        status_vocab: str | None = None,
        languages: bool = False,
        text_hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lang = ctx.lang
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()  # the filters; a chosen date range gets a row of its own
        rows.addLayout(layout)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(relay(self.changed))

        self.period: QComboBox | None = None
        self.date_from: DateField | None = None
        self.date_to: DateField | None = None
        self.range_row: QWidget | None = None
        if dates:
            self.period, self.date_from, self.range_label, self.date_to = period_fields(ctx.today())
            layout.addWidget(self.period)
            self.range_row = QWidget()
            range_layout = QHBoxLayout(self.range_row)
            range_layout.setContentsMargins(0, 0, 0, 0)
            range_layout.addWidget(self.date_from)
            range_layout.addWidget(self.range_label)
            range_layout.addWidget(self.date_to)
            range_layout.addStretch(1)
            rows.addWidget(self.range_row)
            self.period.currentIndexChanged.connect(self._period_changed)
            self.date_from.dateChanged.connect(lambda _d: self._debounce.start())
            self.date_to.dateChanged.connect(lambda _d: self._debounce.start())
            self._show_range(False)

        self.district: QComboBox | None = None
        if districts:
            self.district = QComboBox()
            self.district.setAccessibleName(self.tr("Stadtteil"))
            self.district.setMaxVisibleItems(25)
            self.district.addItem(self.tr("Alle Stadtteile"), None)
            for group in ctx.vocab.districts.groups:
                if ctx.vocab.districts.in_group(group.code):
                    self.district.addItem("▸ " + group.label(lang), "group:" + group.code)
            self.district.insertSeparator(self.district.count())
            for code, label in district_choices(ctx.vocab, lang):
                self.district.addItem(label, code)
            layout.addWidget(shrinkable(self.district))
            self.district.currentIndexChanged.connect(lambda _i: emit(self.changed))

        self.topic: CodeCombo | None = None
        if topic_vocab:
            self.topic = CodeCombo(
                vocab_choices(ctx.vocab, topic_vocab, lang),
                empty_label=topic_label or self.tr("Alle Themen"),
            )
            self.topic.setAccessibleName(self.tr("Thema"))
            layout.addWidget(shrinkable(self.topic))
            self.topic.changed.connect(relay(self.changed))

        self.status: CodeCombo | None = None
        if status_vocab:
            self.status = CodeCombo(
                vocab_choices(ctx.vocab, status_vocab, lang), empty_label=self.tr("Alle Status")
            )
            self.status.setAccessibleName(self.tr("Status"))
            layout.addWidget(shrinkable(self.status))
            self.status.changed.connect(relay(self.changed))

        self.language: CodeCombo | None = None
        if languages and LANGUAGE_FIELD:
            self.language = CodeCombo(
                vocab_choices(ctx.vocab, "language", lang), empty_label=self.tr("Alle Sprachen")
            )
            self.language.setAccessibleName(self.tr("Sprache"))
            layout.addWidget(shrinkable(self.language))
            self.language.changed.connect(relay(self.changed))

        self._vocab_combos = [
            (combo, vocabulary)
            for combo, vocabulary in (
                (self.topic, topic_vocab),
                (self.status, status_vocab),
                (self.language, "language"),
            )
            if combo is not None and vocabulary
        ]
        ctx.bus.vocabulary_changed.connect(self._vocabulary_changed)

        self.text = QLineEdit()
        self.text.setPlaceholderText(text_hint or self.tr("Suchen …"))
        self.text.setAccessibleName(self.tr("Suchtext"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(160)
        self.text.textChanged.connect(lambda _t: self._debounce.start())
        self.text.returnPressed.connect(self._now)
        layout.addWidget(self.text, 1)

        self.reset_button = QPushButton(self.tr("Zurücksetzen"))
        self.reset_button.setAccessibleName(self.tr("Filter zurücksetzen"))
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.reset)
        layout.addWidget(self.reset_button)

    def _vocabulary_changed(self) -> None:
        """New or renamed values from the coordinator: offer them, keep what is chosen."""
        for combo, vocabulary in self._vocab_combos:
            combo.set_choices(vocab_choices(self.ctx.vocab, vocabulary, self.ctx.lang))

    def _now(self) -> None:
        self._debounce.stop()
        emit(self.changed)

    def _show_range(self, on: bool) -> None:
        if self.range_row is not None:
            self.range_row.setVisible(on)

    def _period_changed(self, _index: int) -> None:
        assert self.period is not None
        self._show_range(self.period.currentData() == "custom")
        emit(self.changed)

    # --- the query ----------------------------------------------------------------------

    def query(self, base: Query | None = None) -> Query:
        base = base or Query()
        values: dict[str, Any] = {"text": self.text.text().strip()}
        if self.period is not None:
            period = self.period.currentData()
            if period == "custom":
                assert self.date_from is not None
                assert self.date_to is not None
                values["date_from"] = self.date_from.value()
                values["date_to"] = self.date_to.value()
            else:
                values["date_from"], values["date_to"] = period_range(period, self.ctx.today())
        if self.district is not None:
            chosen = self.district.currentData()
            if isinstance(chosen, str) and chosen.startswith("group:"):
                group = chosen.removeprefix("group:")
                values["districts"] = tuple(
                    d.code for d in self.ctx.vocab.districts.in_group(group)
                )
            else:
                values["districts"] = (chosen,) if chosen else ()
        if self.topic is not None:
            values["topic"] = self.topic.code()
        if self.status is not None:
            values["status"] = self.status.code()
        if self.language is not None and LANGUAGE_FIELD:
            code = self.language.code()
            values[LANGUAGE_FIELD] = (code,) if LANGUAGE_FIELD == "languages" and code else code
        return dataclasses.replace(base, **values)

    def is_filtered(self) -> bool:
        return self.query() != Query()

    def reset(self) -> None:
        self.blockSignals(True)
        if self.period is not None:
            self.period.setCurrentIndex(0)
        for combo in (self.district, self.topic, self.status, self.language):
            if combo is not None:
                combo.setCurrentIndex(0)
        self.text.clear()
        self.blockSignals(False)
        self._debounce.stop()
        emit(self.changed)

    # --- remembered across locking ------------------------------------------------------

    def state(self) -> dict[str, Any]:
        state: dict[str, Any] = {"text": self.text.text()}
        for name in ("period", "district", "topic", "status", "language"):
            combo = getattr(self, name)
            if combo is not None:
                state[name] = combo.currentIndex()
        if self.date_from is not None and self.date_to is not None:
            state["range"] = (self.date_from.value(), self.date_to.value())
        return state

    def restore(self, state: dict[str, Any]) -> None:
        self.blockSignals(True)
        for name in ("period", "district", "topic", "status", "language"):
            combo = getattr(self, name)
            if combo is not None and name in state:
                combo.setCurrentIndex(state[name])
        if "range" in state and self.date_from is not None and self.date_to is not None:
            self.date_from.set_value(state["range"][0])
            self.date_to.set_value(state["range"][1])
        self.text.setText(state.get("text", ""))
        self.blockSignals(False)
        self._debounce.stop()
        if self.period is not None:
            self._show_range(self.period.currentData() == "custom")

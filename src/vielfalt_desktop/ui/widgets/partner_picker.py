"""Choose a partner organisation: type to search, or pick one of the suggestions.

Only a page of matching partners is read (search runs in SQL); with an empty search the list
shows suggestions for the referral's topic and the contact's district.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from vielfalt_desktop.domain.errors import NotFound
from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.services.records import RecordService
from vielfalt_desktop.ui.context import Labels
from vielfalt_desktop.ui.signals import emit
from vielfalt_desktop.ui.suggestions import suggest_partners

ID_ROLE = Qt.ItemDataRole.UserRole
SEARCH_LIMIT = 40


class PartnerPicker(QWidget):
    changed = Signal()

    def __init__(
        self, records: RecordService, labels: Labels, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._records = records
        self._labels = labels
        self._topics: tuple[str, ...] = ()
        self._district: str | None = None
        self._chosen: Partner | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Organisation suchen …"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Partnerorganisationen"))
        row = self.fontMetrics().height() + 8
        self.list.setMinimumHeight(row * 4)
        self.list.setMaximumHeight(row * 7)
        self.hint = QLabel()
        self.hint.setEnabled(False)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.installEventFilter(self)
        self.list.currentItemChanged.connect(self._picked)
        self.setFocusProxy(self.search)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.search.setAccessibleName(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # ↓ in the search field moves into the list, as in a completer.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.list.count()
        ):
            self.list.setFocus()
            if self.list.currentRow() < 0:
                self.list.setCurrentRow(0)
            return True
        return False

    def set_context(self, topics: tuple[str, ...], district: str | None) -> None:
        self._topics = topics
        self._district = district
        if not self.search.text().strip():
            self.refresh()

    def _describe(self, partner: Partner, extra: str = "") -> str:
        kind = self._labels.code("partner_kind", partner.partner_kind)
        text = f"{partner.name} – {kind}"
        if partner.languages:
            text += " · " + self._labels.codes("language", partner.languages[:4])
        return text + extra

    def refresh(self) -> None:
        if not self._records.is_open:
            return  # locked meanwhile (a late timer); the window is going away
        text = self.search.text().strip()
        self.list.blockSignals(True)
        self.list.clear()
        if text:
            partners = self._records.page(
                Partner, Query(text=text, order_by="name", descending=False), 0, SEARCH_LIMIT
            )
            for partner in partners:
                self._add(partner, self._describe(partner))
            self.hint.setText(self.tr("Keine Organisation gefunden.") if not partners else "")
        elif self._topics:
            suggestions = suggest_partners(self._records, self._topics, self._district, limit=15)
            for s in suggestions:
                extra = self.tr(" · im Stadtteil") if s.serves_district else ""
                self._add(s.partner, self._describe(s.partner, extra))
            if suggestions:
                self.hint.setText(
                    self.tr("Vorschläge zum Thema. Tippen, um im ganzen Verzeichnis zu suchen.")
                )
            else:
                self._add_directory()
        else:
            self._add_directory()
        if self._chosen is not None:
            self._select(self._chosen)
        self.list.blockSignals(False)

    def _add_directory(self) -> None:
        # Nothing fits the topic (or none is chosen yet): show the directory from A, so a
        # partner just added is not hidden behind a search.
        partners = self._records.page(
            Partner, Query(order_by="name", descending=False), 0, SEARCH_LIMIT
        )
        for partner in partners:
            self._add(partner, self._describe(partner))
        if not partners:
            self.hint.setText(self.tr("Das Partnerverzeichnis ist noch leer."))
        elif len(partners) < SEARCH_LIMIT:
            self.hint.setText(self.tr("Alle Organisationen. Tippen, um zu suchen."))
        else:
            self.hint.setText(
                self.tr("Die ersten {n} Organisationen von A. Tippen, um zu suchen.").format(
                    n=SEARCH_LIMIT
                )
            )

    def _add(self, partner: Partner, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text, self.list)
        item.setData(ID_ROLE, partner)
        return item

    def _select(self, partner: Partner) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE).id == partner.id:
                self.list.setCurrentRow(row)
                return
        item = QListWidgetItem(self._describe(partner))
        item.setData(ID_ROLE, partner)
        self.list.insertItem(0, item)
        self.list.setCurrentRow(0)

    def _picked(self, current: QListWidgetItem | None, _previous: object) -> None:
        self._chosen = current.data(ID_ROLE) if current is not None else None
        emit(self.changed)

    def value(self) -> str:
        return self._chosen.id if self._chosen is not None else ""

    def partner(self) -> Partner | None:
        return self._chosen

    def set_value(self, partner_id: str) -> None:
        self._chosen = None
        if partner_id:
            try:
                self._chosen = self._records.get(Partner, partner_id)
            except NotFound:
                self._chosen = None
        self.list.blockSignals(True)
        if self._chosen is not None:
            self._select(self._chosen)
        else:
            self.list.setCurrentRow(-1)
        self.list.blockSignals(False)

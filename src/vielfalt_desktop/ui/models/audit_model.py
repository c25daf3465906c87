"""The audit trail as a table, fed page by page from AuditService (like PagedRecordModel).

Only the rows the view has scrolled to are in memory: ``rowCount`` grows by
``canFetchMore``/``fetchMore`` (one ``AuditService.entries`` call each); the total comes from
``AuditService.count``. Filters change the model's :class:`AuditFilter`, so they run in SQL.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from vielfalt_desktop.services.audit import AuditFilter, AuditRow, AuditService
from vielfalt_desktop.ui.i18n import fmt_int, fmt_stamp, translate
from vielfalt_desktop.ui.models.privacy_labels import (
    action_label,
    action_labels,
    detail_labels,
    kind_label,
    kind_labels,
)
from vielfalt_desktop.ui.signals import emit

Index = QModelIndex | QPersistentModelIndex
COUNT_COLUMN = 5


class AuditModel(QAbstractTableModel):
    PAGE_SIZE = 200

    total_changed = Signal(int)

    def __init__(
        self, audit: AuditService, parent: QObject | None = None, *, page_size: int | None = None
    ) -> None:
        super().__init__(parent)
        self._audit = audit
        self._rows: list[AuditRow] = []
        self._total = 0
        self._filter = AuditFilter()
        self._page_size = page_size or self.PAGE_SIZE
        self._announcing = False
        self._fetch_pending = False
        self._actions = action_labels()
        self._kinds = kind_labels()
        self._details = detail_labels()
        self._titles = [
            translate("Spalten", "Zeitpunkt"),
            translate("Spalten", "Gerät"),
            translate("Spalten", "Aktion"),
            translate("Spalten", "Art"),
            translate("Spalten", "Kennung"),
            translate("Spalten", "Anzahl"),
            translate("Spalten", "Hinweis"),
        ]

    # --- filter -------------------------------------------------------------------------

    @property
    def filter(self) -> AuditFilter:
        return self._filter

    @property
    def total(self) -> int:
        return self._total

    def set_filter(self, where: AuditFilter) -> None:
        """Filter anew: counts in SQL, keeps nothing of the old result."""
        total = self._audit.count(where)
        self._announcing = True
        try:
            self.beginResetModel()
            self._filter = where
            self._rows = []
            self._total = total
            self.endResetModel()
        finally:
            self._announcing = False
        emit(self.total_changed, self._total)

    def reload(self) -> None:
        self.set_filter(self._filter)

    def entry(self, row: int) -> AuditRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- lazy loading -------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or len(self._rows) >= self._total:
            return
        if self._announcing:
            # Asked from a slot of a reset/insert signal: the rows come one event later.
            if not self._fetch_pending:
                self._fetch_pending = True
                QTimer.singleShot(0, self, self._deferred_fetch)
            return
        offset = len(self._rows)
        page = self._audit.entries(self._filter, offset, self._page_size)
        if not page:
            self._total = offset
            emit(self.total_changed, self._total)
            return
        self._announcing = True
        try:
            self.beginInsertRows(QModelIndex(), offset, offset + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        finally:
            self._announcing = False
        if len(page) < self._page_size and len(self._rows) < self._total:
            self._total = len(self._rows)
            emit(self.total_changed, self._total)

    def _deferred_fetch(self) -> None:
        self._fetch_pending = False
        if self._audit.store.is_open and self.canFetchMore():
            self.fetchMore()

    # --- the model interface ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def cell(self, entry: AuditRow, column: int) -> str:
        if column == 0:
            return fmt_stamp(entry.at)
        if column == 1:
            return entry.node_name
        if column == 2:
            return action_label(entry.action, self._actions)
        if column == 3:
            return kind_label(entry.record_kind, self._kinds)
        if column == 4:
            return entry.record_id or ""
        if column == COUNT_COLUMN:
            return fmt_int(entry.count)
        if entry.detail and entry.action == "export":
            return translate("Datenschutz", "an {name}").format(name=entry.detail)
        if entry.detail and entry.action == "import":
            return translate("Datenschutz", "von {name}").format(name=entry.detail)
        return self._details.get(entry.detail, entry.detail)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(entry, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return entry
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._titles):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

"""One small table model per list, fed page by page from a service.

Only the rows the view has scrolled to are in memory: ``rowCount`` grows by
``canFetchMore``/``fetchMore`` (one page from the service each), the total is counted by the
service. Sorting and filters change what selects the rows (a :class:`Query` for records, an
``AuditFilter`` for the audit trail), so both run in SQL; nothing loads a whole table.
:class:`PagedModel` does the paging; :class:`PagedRecordModel` reads records.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import Record
from vielfalt_desktop.services.records import RecordService
from vielfalt_desktop.ui.signals import emit

T = TypeVar("T")  # a row
W = TypeVar("W")  # what selects the rows: a Query, an AuditFilter
R = TypeVar("R", bound=Record)
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    title: str
    render: Callable[[T], str]
    sort_field: str | None = None  # a column of the record's table; None: not sortable
    numeric: bool = False
    tooltip: Callable[[T], str] | None = None


class PagedModel(QAbstractTableModel, Generic[T, W]):
    """Rows selected by ``W``, counted by ``count`` and read a page at a time by ``page``."""

    PAGE_SIZE = 200

    total_changed = Signal(int)

    def __init__(
        self,
        columns: Sequence[Column[T]],
        where: W,
        *,
        count: Callable[[W], int],
        page: Callable[[W, int, int], Sequence[T]],
        is_open: Callable[[], bool],
        parent: QObject | None = None,
        page_size: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._count = count
        self._page = page
        self._is_open = is_open  # False after locking: a late timer must not read
        self._rows: list[T] = []
        self._total = 0
        self._where = where
        self._page_size = page_size or self.PAGE_SIZE
        self._announcing = False
        self._fetch_pending = False

    # --- selection ----------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    @property
    def columns(self) -> list[Column[T]]:
        return self._columns

    def set_where(self, where: W) -> None:
        """Select anew: counts in SQL, keeps nothing of the old result."""
        total = self._count(where)
        self._announcing = True
        try:
            self.beginResetModel()
            self._where = where
            self._rows = []
            self._total = total
            self.endResetModel()
        finally:
            self._announcing = False
        emit(self.total_changed, self._total)

    def reload(self) -> None:
        self.set_where(self._where)

    def row_at(self, row: int) -> T | None:
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
            # A slot of a reset/insert signal (QAbstractItemModelTester is one) asks for more
            # while the change is still being announced: the rows come one event later.
            if not self._fetch_pending:
                self._fetch_pending = True
                QTimer.singleShot(0, self, self._deferred_fetch)
            return
        offset = len(self._rows)
        page = self._page(self._where, offset, self._page_size)
        if not page:
            # Rows vanished since counting (deleted elsewhere): stop asking.
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
        if self._is_open() and self.canFetchMore():
            self.fetchMore()

    # --- the model interface ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.render(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(item) if column.tooltip else column.render(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class PagedRecordModel(PagedModel[R, Query]):
    def __init__(
        self,
        records: RecordService,
        record_type: type[R],
        columns: Sequence[Column[R]],
        parent: QObject | None = None,
        *,
        page_size: int | None = None,
    ) -> None:
        super().__init__(
            columns,
            Query(),
            count=lambda query: records.count(record_type, query),
            page=lambda query, offset, limit: records.page(record_type, query, offset, limit),
            is_open=lambda: records.is_open,
            parent=parent,
            page_size=page_size,
        )

    # --- query --------------------------------------------------------------------------

    @property
    def query(self) -> Query:
        return self._where

    def set_query(self, query: Query) -> None:
        self.set_where(query)

    def set_filters(self, query: Query) -> None:
        """New filters, same order."""
        self.set_query(
            dataclasses.replace(
                query, order_by=self._where.order_by, descending=self._where.descending
            )
        )

    def record(self, row: int) -> R | None:
        return self.row_at(row)

    def row_of(self, record_id: str) -> int:
        for row, record in enumerate(self._rows):
            if record.id == record_id:
                return row
        return -1

    # --- sorting ------------------------------------------------------------------------

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort_field is not None

    def sort_column(self) -> int:
        """The column the current order belongs to (-1 if it is the default order)."""
        for number, column in enumerate(self._columns):
            if column.sort_field and column.sort_field == self._where.order_by:
                return number
        return -1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        field = self._columns[column].sort_field
        descending = order == Qt.SortOrder.DescendingOrder
        if self._where.order_by == field and self._where.descending == descending:
            return
        self.set_query(dataclasses.replace(self._where, order_by=field, descending=descending))

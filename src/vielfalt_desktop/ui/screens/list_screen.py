"""A list screen: filters, a lazily paged table, New/Edit/Delete, optionally a detail pane."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.authority import DELETED
from vielfalt_desktop.domain.errors import VielfaltError
from vielfalt_desktop.domain.records import Record
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.forms.record_form import RecordForm
from vielfalt_desktop.ui.i18n import error_text, fmt_int, message_text
from vielfalt_desktop.ui.models.paged_model import PagedRecordModel
from vielfalt_desktop.ui.screens.base import Screen, heading
from vielfalt_desktop.ui.widgets.filter_bar import FilterBar

R = TypeVar("R", bound=Record)
MAX_COLUMN_WIDTH = 300


class ListScreen(Screen, Generic[R]):
    record_type: type[Record] = Record
    form_class: type[RecordForm[Any]] = RecordForm

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.watches = (self.record_type.kind,)
        self.model: PagedRecordModel[R] = self.make_model()
        self.filters = self.make_filters()
        self._sized = False
        self.form: RecordForm[Any] | None = None

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        # Column widths from the rows on screen only (sizeHintForColumn), not from every row
        # fetched so far: measuring 200 rows × 10 columns took 80 ms of the first page.
        self.view.verticalHeader().setResizeContentsPrecision(0)
        self.view.setAccessibleName(self.list_name())
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._header_clicked)
        self.view.doubleClicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Anzahl"))
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)
        self.empty_label.setVisible(False)
        self.new_button = QPushButton(self.new_label())
        self.new_button.setToolTip(self.tr("Neu anlegen (Strg+N)"))
        self.edit_button = QPushButton(self.tr("&Bearbeiten"))
        self.edit_button.setToolTip(self.tr("Bearbeiten (Eingabetaste)"))
        self.delete_button = QPushButton(self.tr("&Löschen"))
        self.delete_button.setToolTip(self.tr("Löschen (Entf)"))
        self.new_button.clicked.connect(lambda: self.open_new())
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        # What this device may write (domain.authority): a laptop only reads the partner
        # directory the coordinator keeps, and records other devices made.
        self.may_create = ctx.records.may_create(self.record_type.kind)
        self.read_only_hint = QLabel(message_text(ctx.records.refusal(self.record_type.kind)))
        self.read_only_hint.setWordWrap(True)
        self.read_only_hint.setAccessibleName(self.tr("Nur lesen"))
        self.read_only_hint.setVisible(not self.may_create)
        if not self.may_create:
            self.new_button.setVisible(False)
            self.delete_button.setVisible(False)
            self.edit_button.setText(self.tr("&Ansehen"))
            self.edit_button.setToolTip(self.tr("Ansehen (Eingabetaste)"))
        QShortcut(QKeySequence.StandardKey.New, self, self._new_if_allowed)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.activated.connect(self.delete_selected)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(lambda: self.filters.text.setFocus())

        top = QHBoxLayout()
        top.addWidget(heading(self.heading_text()))
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(self.read_only_hint, 1)
        top.addStretch(0 if not self.may_create else 1)
        for button in self.extra_buttons():
            top.addWidget(button)
        top.addWidget(self.delete_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.new_button)

        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.empty_label)
        table_layout.addWidget(self.view, 1)
        detail = self.make_detail()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        if detail is not None:
            splitter = QSplitter(self.detail_orientation())
            splitter.addWidget(table_box)
            splitter.addWidget(detail)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            splitter.setChildrenCollapsible(False)
            if self.detail_orientation() == Qt.Orientation.Horizontal:
                detail.setMinimumWidth(280)
                splitter.setSizes([800, 330])
            else:
                splitter.setSizes([420, 300])
            layout.addWidget(splitter, 1)
        else:
            layout.addWidget(table_box, 1)

        self.filters.changed.connect(self.reload)
        self.model.total_changed.connect(self._total_changed)
        self.model.modelReset.connect(self._update_buttons)
        header.setSortIndicator(self.default_sort_column(), self._default_order())
        self._update_buttons()

    # --- for subclasses -----------------------------------------------------------------

    def make_model(self) -> PagedRecordModel[R]:
        raise NotImplementedError

    def make_filters(self) -> FilterBar:
        return FilterBar(self.ctx)

    def make_detail(self) -> QWidget | None:
        return None

    def detail_orientation(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def extra_buttons(self) -> list[QPushButton]:
        return []

    def heading_text(self) -> str:
        raise NotImplementedError

    def list_name(self) -> str:
        return self.heading_text()

    def new_label(self) -> str:
        return self.tr("&Neu")

    def count_text(self, total: int, filtered: bool) -> str:
        return self.tr("{n} Einträge").format(n=fmt_int(total))

    def empty_text(self, filtered: bool) -> str:
        if filtered:
            return self.tr("Keine Treffer für diese Filter.")
        return self.tr("Noch nichts erfasst. Mit „Neu“ (Strg+N) anlegen.")

    def default_sort_column(self) -> int:
        return 0

    #: the store's default order for the kind: newest first (partners: by name)
    default_descending = True

    def _default_order(self) -> Qt.SortOrder:
        return (
            Qt.SortOrder.DescendingOrder if self.default_descending else Qt.SortOrder.AscendingOrder
        )

    def show_detail(self, record: R | None) -> None:
        """The selection changed (None: nothing selected)."""

    def form_args(self) -> dict[str, Any]:
        return {}

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        if not self.ctx.app.is_open:
            return  # a late timer after locking
        selected = self.selected()
        self.model.set_filters(self.filters.query())
        if self.model.canFetchMore():
            self.model.fetchMore()
        if not self._sized:
            QTimer.singleShot(0, self, self._size_columns)
        if selected is not None:
            self.select_id(selected.id)
        elif self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.show_detail(None)

    def _size_columns(self) -> None:
        """Columns as wide as their content, shrunk together to fit the visible width."""
        if self._sized or not self.model.rowCount() or not self.view.isVisible():
            return
        self._sized = True
        header = self.view.horizontalHeader()
        count = self.model.columnCount()
        available = self.view.viewport().width() - 2
        minimum = [header.sectionSizeHint(c) + 8 for c in range(count)]
        widths = [
            min(max(self.view.sizeHintForColumn(c) + 12, minimum[c]), MAX_COLUMN_WIDTH)
            for c in range(count)
        ]
        excess = sum(widths) - available
        if excess > 0:
            room = [max(0, w - m) for w, m in zip(widths, minimum, strict=True)]
            pool = sum(room)
            if pool:
                for c in range(count):
                    widths[c] -= min(room[c], round(excess * room[c] / pool))
        for c in range(count):
            header.resizeSection(c, widths[c])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._size_columns)

    def _total_changed(self, total: int) -> None:
        filtered = self.filters.is_filtered()
        self.count_label.setText(self.count_text(total, filtered))
        self.empty_label.setText(self.empty_text(filtered))
        self.empty_label.setVisible(total == 0)

    def _header_clicked(self, column: int) -> None:
        if not self.model.is_sortable(column):
            # Not sortable (a list of codes): put the indicator back where the order is.
            current = self.model.sort_column()
            if current < 0:
                self.view.horizontalHeader().setSortIndicator(
                    self.default_sort_column(), self._default_order()
                )
            else:
                order = (
                    Qt.SortOrder.DescendingOrder
                    if self.model.query.descending
                    else Qt.SortOrder.AscendingOrder
                )
                self.view.horizontalHeader().setSortIndicator(current, order)
            return
        order = self.view.horizontalHeader().sortIndicatorOrder()
        self.model.sort(column, order)
        if self.model.canFetchMore():
            self.model.fetchMore()

    # --- selection ----------------------------------------------------------------------

    def selected(self) -> R | None:
        index = self.view.selectionModel().currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def select_id(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            self.show_detail(self.selected())
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        self.show_detail(self.model.record(current.row()) if current.isValid() else None)

    def _update_buttons(self) -> None:
        record = self.selected()
        self.edit_button.setEnabled(record is not None)
        deletable = record is not None and self.may_delete(record)
        self.delete_button.setEnabled(deletable)
        if record is not None and not deletable:
            self.delete_button.setToolTip(message_text(self.ctx.records.refusal(record.kind)))
        else:
            self.delete_button.setToolTip(self.tr("Löschen (Entf)"))

    def may_delete(self, record: R) -> bool:
        """Whether this device may delete ``record`` (only its own, on a laptop)."""
        if not self.ctx.app.is_open:
            return False
        return self.ctx.records.may_edit(record, [DELETED])

    def _new_if_allowed(self) -> None:
        if self.may_create:
            self.open_new()

    def _activated(self, index: QModelIndex) -> None:
        record = self.model.record(index.row())
        if record is not None:
            self.open_edit(record)

    # --- forms --------------------------------------------------------------------------

    def _open(self, form: RecordForm[Any]) -> RecordForm[Any]:
        self.form = form
        form.saved.connect(self._saved)
        form.finished.connect(lambda _r, f=form: self._closed(f))
        form.open()
        return form

    def open_new(self, draft: R | None = None, preset: R | None = None) -> RecordForm[Any]:
        return self._open(
            self.form_class(self.ctx, None, self, draft=draft, preset=preset, **self.form_args())
        )

    def open_edit(self, record: R, draft: R | None = None) -> RecordForm[Any]:
        return self._open(self.form_class(self.ctx, record, self, draft=draft, **self.form_args()))

    def open_id(self, record_id: str) -> RecordForm[Any] | None:
        """Select the record if it is loaded, and open it (from the Übersicht)."""
        try:
            record = self.ctx.records.get(self.record_type, record_id)
        except VielfaltError as exc:
            QMessageBox.information(self, self.tr("Nicht gefunden"), error_text(exc))
            return None
        self.activated()
        self.select_id(record_id)
        return self.open_edit(record)  # type: ignore[arg-type]

    def edit_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.open_edit(record)

    def _closed(self, form: RecordForm[Any]) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()
        self.view.setFocus()

    def _saved(self, record: R) -> None:
        self._stale = False
        self.reload()
        self.select_id(record.id)

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None or not self.may_delete(record):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Löschen?"),
            self.delete_question(record),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.records.delete(type(record), record.id)
        except VielfaltError as exc:
            QMessageBox.warning(self, self.tr("Nicht gelöscht"), error_text(exc))
            return
        self._stale = False
        row = self.view.selectionModel().currentIndex().row()
        self.view.selectionModel().clear()
        self.reload()
        self.ctx.announce(record.kind)
        if self.model.rowCount():
            self.view.selectRow(min(row, self.model.rowCount() - 1))

    def delete_question(self, record: R) -> str:
        return self.tr("Diesen Eintrag wirklich löschen?")

    # --- state across locking -----------------------------------------------------------

    def state(self) -> dict[str, Any]:
        selected = self.selected()
        state: dict[str, Any] = {
            "filters": self.filters.state(),
            "selected": selected.id if selected else None,
            "order": (self.model.query.order_by, self.model.query.descending),
        }
        if self.form is not None:
            draft = self.form.draft()
            if draft is not None:
                state["draft"] = (draft, self.form.is_new, self.form.original)
        return state

    def restore(self, state: dict[str, Any]) -> None:
        import dataclasses

        self.filters.restore(state.get("filters", {}))
        order_by, descending = state.get("order", (None, True))
        self.model.set_query(
            dataclasses.replace(self.filters.query(), order_by=order_by, descending=descending)
        )
        column = self.model.sort_column()
        if column >= 0:
            self.view.horizontalHeader().setSortIndicator(
                column,
                Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
            )
        self._stale = False
        if self.model.canFetchMore():
            self.model.fetchMore()
        if state.get("selected"):
            self.select_id(state["selected"])
        if "draft" in state:
            draft, is_new, original = state["draft"]
            if is_new:
                self.open_new(draft=draft)
            else:
                self.open_edit(original, draft=draft)

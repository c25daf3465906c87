"""Konflikte: neighbourhood conflicts, and for the selected one the timeline of interventions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.errors import VielfaltError
from vielfalt_desktop.domain.records import Conflict, Intervention
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.forms.conflict_form import ConflictForm
from vielfalt_desktop.ui.forms.intervention_form import InterventionForm
from vielfalt_desktop.ui.i18n import error_text, fmt_date, fmt_int
from vielfalt_desktop.ui.models.conflict_model import conflict_model
from vielfalt_desktop.ui.models.paged_model import PagedRecordModel
from vielfalt_desktop.ui.screens.list_screen import ListScreen
from vielfalt_desktop.ui.widgets.filter_bar import FilterBar

ID_ROLE = Qt.ItemDataRole.UserRole


class ConflictsScreen(ListScreen[Conflict]):
    record_type = Conflict
    form_class = ConflictForm

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.intervention_form: InterventionForm | None = None
        QShortcut(QKeySequence("Ctrl+I"), self, lambda: self.new_intervention())

    def make_model(self) -> PagedRecordModel[Conflict]:
        return conflict_model(self.ctx.records, self.ctx.labels, self)

    def make_filters(self) -> FilterBar:
        return FilterBar(
            self.ctx,
            topic_vocab="conflict_category",
            topic_label=self.tr("Alle Konfliktthemen"),
            status_vocab="conflict_status",
            text_hint=self.tr("Suchen in Notiz und Ergebnis …"),
        )

    def make_detail(self) -> QWidget | None:
        self.conflict: Conflict | None = None
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Einzelheiten zum Konflikt"))
        self.timeline = QTreeWidget()
        self.timeline.setAccessibleName(self.tr("Verlauf der Interventionen"))
        self.timeline.setHeaderLabels(
            [
                self.tr("Datum"),
                self.tr("Intervention"),
                self.tr("Ergebnis"),
                self.tr("Nächster Schritt"),
            ]
        )
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(True)
        header = self.timeline.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.timeline.itemActivated.connect(lambda item, _c: self.edit_intervention(item))
        self.add_step = QPushButton(self.tr("&Intervention erfassen …"))
        self.add_step.setToolTip(self.tr("Neue Intervention zu diesem Konflikt (Strg+I)"))
        self.add_step.clicked.connect(lambda: self.new_intervention())
        self.edit_step = QPushButton(self.tr("Intervention bearbeiten"))
        self.edit_step.clicked.connect(lambda: self.edit_intervention(self._selected_step_item()))
        self.delete_step = QPushButton(self.tr("Intervention löschen"))
        self.delete_step.clicked.connect(self.delete_intervention)
        self.timeline.currentItemChanged.connect(lambda _c, _p: self._update_step_buttons())
        self.timeline.itemSelectionChanged.connect(self._update_step_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_step)
        buttons.addWidget(self.edit_step)
        buttons.addWidget(self.delete_step)
        buttons.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("<b>" + self.tr("Verlauf") + "</b>"))
        layout.addWidget(self.timeline, 1)
        layout.addLayout(buttons)
        return box

    def detail_orientation(self) -> Qt.Orientation:
        return Qt.Orientation.Vertical

    def heading_text(self) -> str:
        return self.tr("Konflikte")

    def new_label(self) -> str:
        return self.tr("&Neuer Konflikt")

    def count_text(self, total: int, filtered: bool) -> str:
        if total == 1:
            return self.tr("1 Konflikt")
        return self.tr("{n} Konflikte").format(n=fmt_int(total))

    def empty_text(self, filtered: bool) -> str:
        if filtered:
            return self.tr("Keine Konflikte für diese Filter.")
        return self.tr("Noch keine Konflikte erfasst. Mit „Neuer Konflikt“ (Strg+N) anlegen.")

    def delete_question(self, record: Conflict) -> str:
        return self.tr("Den Konflikt vom {date} mit allen Interventionen löschen?").format(
            date=fmt_date(record.opened)
        )

    # --- detail -------------------------------------------------------------------------

    def show_detail(self, record: Conflict | None) -> None:
        self.conflict = record
        self.timeline.clear()
        self.add_step.setEnabled(record is not None)
        self._update_step_buttons()
        if record is None:
            self.summary.setText(self.tr("Kein Konflikt ausgewählt."))
            return
        labels = self.ctx.labels
        parts = [
            labels.code("district", record.district)
            + (f" ({labels.code('district', record.sub_area)})" if record.sub_area else ""),
            labels.code("place_type", record.place_type),
            labels.codes("conflict_category", record.categories),
        ]
        text = " · ".join(p for p in parts if p)
        extra = []
        if record.households or record.groups:
            extra.append(
                self.tr("{h} Haushalte, {g} Gruppen").format(h=record.households, g=record.groups)
            )
        if record.institutions:
            extra.append(labels.codes("institution", record.institutions))
        if record.outcome:
            extra.append(self.tr("Ergebnis: {text}").format(text=record.outcome))
        self.summary.setText("\n".join([text, *extra]))
        steps = self.ctx.records.interventions_of(record)
        for step in steps:
            next_text = step.next_step.replace("\n", " ")
            if step.next_step_date:
                next_text = f"{fmt_date(step.next_step_date)}: {next_text}".rstrip(": ")
            kind = labels.code("intervention_kind", step.intervention_kind)
            if step.participants:
                kind += self.tr(" ({n} Pers.)").format(n=step.participants)
            item = QTreeWidgetItem(
                self.timeline,
                [fmt_date(step.date), kind, step.result.replace("\n", " "), next_text],
            )
            item.setData(0, ID_ROLE, step)
            item.setToolTip(2, step.result)
        if not steps:
            item = QTreeWidgetItem(self.timeline, ["", self.tr("Noch keine Intervention erfasst.")])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        else:
            last = self.timeline.topLevelItem(len(steps) - 1)
            if last is not None:
                self.timeline.setCurrentItem(last)
        self._update_step_buttons()

    def _selected_step_item(self) -> QTreeWidgetItem | None:
        """The timeline's current row if it is selected and is an intervention."""
        item = self.timeline.currentItem()
        if item is None or not item.isSelected():
            return None
        return item if isinstance(item.data(0, ID_ROLE), Intervention) else None

    def _update_step_buttons(self) -> None:
        """Bearbeiten/Löschen only with a selected intervention (not on an empty timeline)."""
        has = self._selected_step_item() is not None
        self.edit_step.setEnabled(has)
        self.delete_step.setEnabled(has)

    def _open_intervention(self, form: InterventionForm) -> InterventionForm:
        self.intervention_form = form
        form.saved.connect(lambda _r: self._intervention_saved())
        form.finished.connect(lambda _r, f=form: self._intervention_closed(f))
        form.open()
        return form

    def new_intervention(self) -> InterventionForm | None:
        if self.conflict is None:
            return None
        preset = Intervention(conflict_id=self.conflict.id, date=self.ctx.today())
        return self._open_intervention(InterventionForm(self.ctx, None, self, preset=preset))

    def edit_intervention(self, item: QTreeWidgetItem | None) -> InterventionForm | None:
        step = item.data(0, ID_ROLE) if item is not None else None
        if not isinstance(step, Intervention):
            return None
        return self._open_intervention(InterventionForm(self.ctx, step, self))

    def delete_intervention(self) -> None:
        item = self._selected_step_item()
        step = item.data(0, ID_ROLE) if item is not None else None
        if not isinstance(step, Intervention):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Löschen?"),
            self.tr("Die Intervention vom {date} löschen?").format(date=fmt_date(step.date)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.records.delete(Intervention, step.id)
        except VielfaltError as exc:
            QMessageBox.warning(self, self.tr("Nicht gelöscht"), error_text(exc))
            return
        self.ctx.announce("intervention")
        self.show_detail(self.conflict)

    def _intervention_saved(self) -> None:
        self.show_detail(self.conflict)

    def _intervention_closed(self, form: InterventionForm) -> None:
        if self.intervention_form is form:
            self.intervention_form = None
        form.deleteLater()

    # --- state across locking -----------------------------------------------------------

    def state(self) -> dict[str, Any]:
        state = super().state()
        form = self.intervention_form
        if form is not None:
            draft = form.draft()
            if draft is not None:
                state["intervention_draft"] = (draft, form.is_new, form.original)
        return state

    def restore(self, state: dict[str, Any]) -> None:
        super().restore(state)
        if "intervention_draft" in state:
            draft, is_new, original = state["intervention_draft"]
            if is_new:
                self._open_intervention(InterventionForm(self.ctx, None, self, draft=draft))
            else:
                self._open_intervention(InterventionForm(self.ctx, original, self, draft=draft))

"""Veranstaltungen: encounter events with participant counts and voiced interests."""

from __future__ import annotations

from vielfalt_desktop.domain.records import Event
from vielfalt_desktop.ui.forms.event_form import EventForm
from vielfalt_desktop.ui.i18n import fmt_date, fmt_int
from vielfalt_desktop.ui.models.event_model import event_model
from vielfalt_desktop.ui.models.paged_model import PagedRecordModel
from vielfalt_desktop.ui.screens.list_screen import ListScreen
from vielfalt_desktop.ui.widgets.filter_bar import FilterBar


class EventsScreen(ListScreen[Event]):
    record_type = Event
    form_class = EventForm

    def make_model(self) -> PagedRecordModel[Event]:
        return event_model(self.ctx.records, self.ctx.labels, self)

    def make_filters(self) -> FilterBar:
        return FilterBar(
            self.ctx,
            topic_vocab="interest",
            topic_label=self.tr("Alle Interessen"),
            text_hint=self.tr("Suchen in Titel und Notiz …"),
        )

    def heading_text(self) -> str:
        return self.tr("Veranstaltungen")

    def new_label(self) -> str:
        return self.tr("&Neue Veranstaltung")

    def count_text(self, total: int, filtered: bool) -> str:
        if total == 1:
            return self.tr("1 Veranstaltung")
        return self.tr("{n} Veranstaltungen").format(n=fmt_int(total))

    def empty_text(self, filtered: bool) -> str:
        if filtered:
            return self.tr("Keine Veranstaltungen für diese Filter.")
        return self.tr("Noch keine Veranstaltungen. Mit „Neue Veranstaltung“ (Strg+N) anlegen.")

    def delete_question(self, record: Event) -> str:
        return self.tr("Die Veranstaltung „{title}“ vom {date} löschen?").format(
            title=record.title, date=fmt_date(record.date)
        )

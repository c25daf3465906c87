"""Kontakte: the counselling contacts, newest first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton

from vielfalt_desktop.domain.records import Contact
from vielfalt_desktop.ui.forms.contact_form import ContactForm
from vielfalt_desktop.ui.i18n import fmt_date, fmt_int
from vielfalt_desktop.ui.models.contact_model import contact_model
from vielfalt_desktop.ui.models.paged_model import PagedRecordModel
from vielfalt_desktop.ui.screens.list_screen import ListScreen
from vielfalt_desktop.ui.signals import emit
from vielfalt_desktop.ui.widgets.filter_bar import FilterBar


class ContactsScreen(ListScreen[Contact]):
    record_type = Contact
    form_class = ContactForm

    #: the user wants to record a referral for this contact
    refer = Signal(object)
    #: the user wants partner suggestions for this contact's topics
    suggest = Signal(object)

    def make_model(self) -> PagedRecordModel[Contact]:
        return contact_model(self.ctx.records, self.ctx.labels, self)

    def make_filters(self) -> FilterBar:
        return FilterBar(
            self.ctx,
            topic_vocab="topic",
            text_hint=self.tr("Suchen in Notiz und Pseudonym …"),
        )

    def extra_buttons(self) -> list[QPushButton]:
        self.refer_button = QPushButton(self.tr("&Verweis anlegen …"))
        self.refer_button.clicked.connect(self._refer)
        self.suggest_button = QPushButton(self.tr("&Passende Partner"))
        self.suggest_button.setToolTip(
            self.tr("Partnerorganisationen zu den Themen dieses Kontakts zeigen")
        )
        self.suggest_button.clicked.connect(self._suggest)
        return [self.suggest_button, self.refer_button]

    def _update_buttons(self) -> None:
        super()._update_buttons()
        has = self.selected() is not None
        if hasattr(self, "refer_button"):
            self.refer_button.setEnabled(has)
            self.suggest_button.setEnabled(has)

    def _refer(self) -> None:
        record = self.selected()
        if record is not None:
            emit(self.refer, record)

    def _suggest(self) -> None:
        record = self.selected()
        if record is not None:
            emit(self.suggest, record)

    def heading_text(self) -> str:
        return self.tr("Kontakte")

    def new_label(self) -> str:
        return self.tr("&Neuer Kontakt")

    def count_text(self, total: int, filtered: bool) -> str:
        if total == 1:
            return self.tr("1 Kontakt")
        return self.tr("{n} Kontakte").format(n=fmt_int(total))

    def empty_text(self, filtered: bool) -> str:
        if filtered:
            return self.tr("Keine Kontakte für diese Filter.")
        return self.tr("Noch keine Kontakte erfasst. Mit „Neuer Kontakt“ (Strg+N) anlegen.")

    def delete_question(self, record: Contact) -> str:
        return self.tr(
            "Den Kontakt vom {date} löschen? Verweise zu diesem Kontakt werden mitgelöscht."
        ).format(date=fmt_date(record.date))

"""Netzwerk: the partner directory (Ressourcenbörse) with offers and seeks, searchable by topic,
district and language, and partner suggestions for a contact's topics.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.records import Contact, Partner
from vielfalt_desktop.ui.forms.partner_form import PartnerForm
from vielfalt_desktop.ui.i18n import fmt_date, fmt_int
from vielfalt_desktop.ui.models.paged_model import PagedRecordModel
from vielfalt_desktop.ui.models.partner_model import partner_model
from vielfalt_desktop.ui.screens.list_screen import ListScreen
from vielfalt_desktop.ui.suggestions import Suggestion, suggest_partners
from vielfalt_desktop.ui.widgets.filter_bar import FilterBar

ID_ROLE = Qt.ItemDataRole.UserRole


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class NetworkScreen(ListScreen[Partner]):
    record_type = Partner
    form_class = PartnerForm

    def make_model(self) -> PagedRecordModel[Partner]:
        return partner_model(self.ctx.records, self.ctx.labels, self)

    def make_filters(self) -> FilterBar:
        return FilterBar(
            self.ctx,
            dates=False,
            topic_vocab="topic",
            languages=True,
            text_hint=self.tr("Suchen in Name, Angebot, Gesuch …"),
        )

    def make_detail(self) -> QWidget | None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 0, 0, 0)
        self.card = QLabel()
        self.card.setWordWrap(True)
        self.card.setTextFormat(Qt.TextFormat.RichText)
        self.card.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.card.setAccessibleName(self.tr("Angaben zur Organisation"))
        self.card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.suggest_box = QGroupBox(self.tr("Vorschläge"))
        inner = QVBoxLayout(self.suggest_box)
        self.suggest_title = QLabel()
        self.suggest_title.setWordWrap(True)
        self.suggestions = QListWidget()
        self.suggestions.setAccessibleName(self.tr("Vorgeschlagene Organisationen"))
        self.suggestions.setWordWrap(True)
        self.suggestions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.suggestions.setAlternatingRowColors(True)
        self.suggestions.currentItemChanged.connect(self._suggestion_picked)
        close = QPushButton(self.tr("Vorschläge schließen"))
        close.clicked.connect(lambda: self.suggest_box.setVisible(False))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        inner.addWidget(self.suggest_title)
        inner.addWidget(self.suggestions, 1)
        inner.addLayout(row)
        self.suggest_box.setVisible(False)
        card_scroll = QScrollArea()
        card_scroll.setWidget(self.card)
        card_scroll.setWidgetResizable(True)
        card_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(self.suggest_box, 2)
        layout.addWidget(card_scroll, 3)
        return box

    def heading_text(self) -> str:
        return self.tr("Netzwerk")

    def list_name(self) -> str:
        return self.tr("Partnerverzeichnis")

    def new_label(self) -> str:
        return self.tr("&Neue Organisation")

    default_descending = False

    def count_text(self, total: int, filtered: bool) -> str:
        if total == 1:
            return self.tr("1 Organisation")
        return self.tr("{n} Organisationen").format(n=fmt_int(total))

    def empty_text(self, filtered: bool) -> str:
        if filtered:
            return self.tr("Keine Organisation für diese Filter.")
        if not self.may_create:
            return self.tr(
                "Das Partnerverzeichnis ist leer. Es kommt mit der Synchronisation von der "
                "Koordination."
            )
        return self.tr(
            "Das Partnerverzeichnis ist leer. Es kommt mit der Synchronisation von der "
            "Koordination oder wird mit „Neue Organisation“ angelegt."
        )

    def delete_question(self, record: Partner) -> str:
        return self.tr("Die Organisation „{name}“ löschen?").format(name=record.name)

    # --- details ------------------------------------------------------------------------

    def show_detail(self, record: Partner | None) -> None:
        if record is None:
            self.card.setText(self.tr("Keine Organisation ausgewählt."))
            return
        labels = self.ctx.labels
        rows: list[tuple[str, str]] = [
            (self.tr("Art"), labels.code("partner_kind", record.partner_kind)),
            (self.tr("Themen"), labels.codes("topic", record.topics)),
            (self.tr("Bietet an"), labels.codes("offer", record.offers)),
            ("", record.offer_text),
            (self.tr("Sucht"), labels.codes("offer", record.seeks)),
            ("", record.seek_text),
            (self.tr("Sprachen"), labels.codes("language", record.languages)),
            (self.tr("Stadtteile"), labels.codes("district", record.districts)),
            (self.tr("Adresse"), record.address),
            (self.tr("Kontaktweg"), record.contact_channel),
            (self.tr("Öffnungszeiten"), record.opening_hours),
            (self.tr("Notiz"), record.note),
        ]
        html = [f"<h3>{_escape(record.name)}</h3><table cellspacing='4'>"]
        for label, value in rows:
            if value:
                html.append(
                    f"<tr><td valign='top'><b>{_escape(label)}</b></td>"
                    f"<td>{_escape(value)}</td></tr>"
                )
        html.append("</table>")
        self.card.setText("".join(html))

    # --- suggestions --------------------------------------------------------------------

    def suggest_for(self, contact: Contact) -> list[Suggestion]:
        """Show partners for the contact's topics, those in its district first."""
        self.activated()
        labels = self.ctx.labels
        found = suggest_partners(self.ctx.records, contact.topics, contact.district)
        self.suggest_title.setText(
            self.tr("Für den Kontakt vom {date} ({district}) zu: {topics}").format(
                date=fmt_date(contact.date),
                district=labels.code("district", contact.district),
                topics=labels.codes("topic", contact.topics),
            )
        )
        self.suggestions.clear()
        for s in found:
            topics = labels.codes("topic", s.topics)
            text = f"{s.partner.name}\n    {topics}"
            if s.serves_district:
                text += self.tr(" · im Stadtteil")
            item = QListWidgetItem(text, self.suggestions)
            item.setData(ID_ROLE, s.partner)
        if not found:
            item = QListWidgetItem(self.tr("Keine passende Organisation im Verzeichnis."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.suggestions.addItem(item)
        self.suggest_box.setVisible(True)
        if found:
            self.suggestions.setCurrentRow(0)
            self.suggestions.setFocus()
        return found

    def _suggestion_picked(self, current: QListWidgetItem | None, _previous: object) -> None:
        partner = current.data(ID_ROLE) if current is not None else None
        if isinstance(partner, Partner) and not self.select_id(partner.id):
            self.show_detail(partner)

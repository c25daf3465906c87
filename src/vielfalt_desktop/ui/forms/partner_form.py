"""A partner organisation in the Ressourcenbörse: who offers what, seeks what, where, in which
languages. Organisations are not clients: their name, address and contact channel may be stored.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.ui.forms.record_form import RecordForm, replace
from vielfalt_desktop.ui.widgets.code_inputs import (
    CodeChecklist,
    CodeCombo,
    district_choices,
    vocab_choices,
)
from vielfalt_desktop.ui.widgets.pii_text import PiiTextEdit


class PartnerForm(RecordForm[Partner]):
    record_type = Partner

    def new_record(self) -> Partner:
        return Partner()

    def title(self) -> str:
        if self.is_new:
            return self.tr("Neue Partnerorganisation – Vielfalt")
        return self.tr("{name} – Vielfalt").format(name=self.original.name)

    def build(self) -> None:
        vocab, lang = self.ctx.vocab, self.ctx.lang
        keep = self.original
        left = self.form_column()
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.add("name", self.tr("&Name"), self.name, self.name.textChanged, form=left)
        self.kind = CodeCombo(vocab_choices(vocab, "partner_kind", lang, keep=[keep.partner_kind]))
        self.add("partner_kind", self.tr("&Art"), self.kind, self.kind.changed)
        self.address = QLineEdit()
        self.add("address", self.tr("A&dresse"), self.address, self.address.textChanged)
        self.channel = QLineEdit()
        self.channel.setPlaceholderText(self.tr("Telefon, E-Mail oder Webseite der Organisation"))
        self.add("contact_channel", self.tr("&Kontaktweg"), self.channel, self.channel.textChanged)
        self.hours = QLineEdit()
        self.add("opening_hours", self.tr("Ö&ffnungszeiten"), self.hours, self.hours.textChanged)
        self.districts = CodeChecklist(district_choices(vocab, lang), rows=5)
        self.add("districts", self.tr("S&tadtteile"), self.districts, self.districts.changed)
        self.languages = CodeChecklist(
            vocab_choices(vocab, "language", lang, keep=keep.languages), rows=5
        )
        self.add("languages", self.tr("S&prachen"), self.languages, self.languages.changed)

        right = self.form_column()
        self.topics = CodeChecklist(vocab_choices(vocab, "topic", lang, keep=keep.topics), rows=5)
        self.add("topics", self.tr("T&hemen"), self.topics, self.topics.changed, form=right)
        self.offers = CodeChecklist(vocab_choices(vocab, "offer", lang, keep=keep.offers), rows=5)
        self.add("offers", self.tr("&Bietet an"), self.offers, self.offers.changed)
        self.offer_text = PiiTextEdit(lines=2)
        self.add("offer_text", self.tr("Angebot (Text)"), self.offer_text, self.offer_text.changed)
        self.seeks = CodeChecklist(vocab_choices(vocab, "offer", lang, keep=keep.seeks), rows=4)
        self.add("seeks", self.tr("S&ucht"), self.seeks, self.seeks.changed)
        self.seek_text = PiiTextEdit(lines=2)
        self.add("seek_text", self.tr("Gesuch (Text)"), self.seek_text, self.seek_text.changed)
        self.note = PiiTextEdit(lines=2)
        self.add("note", self.tr("N&otiz"), self.note, self.note.changed)
        self.resize(1000, 680)

    def load(self, record: Partner) -> None:
        self.name.setText(record.name)
        self.kind.set_code(record.partner_kind)
        self.address.setText(record.address)
        self.channel.setText(record.contact_channel)
        self.hours.setText(record.opening_hours)
        self.districts.set_codes(record.districts)
        self.languages.set_codes(record.languages)
        self.topics.set_codes(record.topics)
        self.offers.set_codes(record.offers)
        self.offer_text.set_text(record.offer_text)
        self.seeks.set_codes(record.seeks)
        self.seek_text.set_text(record.seek_text)
        self.note.set_text(record.note)

    def collect(self) -> Partner:
        return replace(
            self.original,
            name=self.name.text().strip(),
            partner_kind=self.kind.code() or "",
            address=self.address.text().strip(),
            contact_channel=self.channel.text().strip(),
            opening_hours=self.hours.text().strip(),
            districts=self.districts.codes(),
            languages=self.languages.codes(),
            topics=self.topics.codes(),
            offers=self.offers.codes(),
            offer_text=self.offer_text.text(),
            seeks=self.seeks.codes(),
            seek_text=self.seek_text.text(),
            note=self.note.text(),
        )

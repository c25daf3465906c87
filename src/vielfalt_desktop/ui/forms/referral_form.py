"""A referral (Verweisberatung) to a partner organisation, usually from a contact."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from vielfalt_desktop.domain.errors import NotFound
from vielfalt_desktop.domain.records import Contact, Referral
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.forms.record_form import RecordForm, replace
from vielfalt_desktop.ui.i18n import fmt_date
from vielfalt_desktop.ui.widgets.code_inputs import CodeCombo, vocab_choices
from vielfalt_desktop.ui.widgets.date_fields import DateField, OptionalDateField
from vielfalt_desktop.ui.widgets.partner_picker import PartnerPicker
from vielfalt_desktop.ui.widgets.pii_text import PiiTextEdit

FOLLOW_UP_DAYS = 14


class ReferralForm(RecordForm[Referral]):
    record_type = Referral

    def new_record(self) -> Referral:
        today = self.ctx.today()
        return Referral(date=today, follow_up=today + dt.timedelta(days=FOLLOW_UP_DAYS))

    @staticmethod
    def preset_for(ctx: UiContext, contact: Contact) -> Referral:
        """A new referral for ``contact``: its first topic, follow-up in two weeks."""
        today = ctx.today()
        return Referral(
            contact_id=contact.id,
            topic=contact.topics[0] if contact.topics else "",
            date=today,
            follow_up=today + dt.timedelta(days=FOLLOW_UP_DAYS),
        )

    def title(self) -> str:
        if self.is_new:
            return self.tr("Neuer Verweis – Vielfalt")
        return self.tr("Verweis vom {date} – Vielfalt").format(date=fmt_date(self.original.date))

    def _contact(self) -> Contact | None:
        if not self.original.contact_id:
            return None
        try:
            return self.ctx.records.get(Contact, self.original.contact_id)
        except NotFound:
            return None

    def build(self) -> None:
        vocab, lang, labels = self.ctx.vocab, self.ctx.lang, self.ctx.labels
        keep = self.original
        self.contact = self._contact()
        left = self.form_column()
        if self.contact is not None:
            c = self.contact
            text = self.tr("Kontakt vom {date}").format(date=fmt_date(c.date))
            if c.pseudonym:
                text += f" · {c.pseudonym}"
            text += f" · {labels.code('district', c.district)}"
            text += "\n" + labels.codes("topic", c.topics)
        else:
            text = self.tr("ohne Bezug zu einem erfassten Kontakt")
        self.contact_label = QLabel(text)
        self.contact_label.setWordWrap(True)
        left.addRow(self.tr("Kontakt:"), self.contact_label)
        topics = vocab_choices(vocab, "topic", lang, keep=[keep.topic])
        if self.contact is not None:
            first = set(self.contact.topics)
            topics = [t for t in topics if t[0] in first] + [t for t in topics if t[0] not in first]
        self.topic = CodeCombo(topics, empty_label=self.tr("– bitte wählen –"))
        self.add("topic", self.tr("&Thema"), self.topic, self.topic.changed, form=left)
        self.topic.changed.connect(self._topic_changed)
        self.partner = PartnerPicker(self.ctx.records, labels)
        self.add(
            "partner_id",
            self.tr("&Partnerorganisation"),
            self.partner,
            self.partner.changed,
            focus=self.partner.search,
        )
        self._order.append(self.partner.list)
        self.date = DateField(self.ctx.today())
        self.add("date", self.tr("&Datum"), self.date, self.date.dateChanged)
        self.kind = CodeCombo(
            vocab_choices(vocab, "referral_kind", lang, keep=[keep.referral_kind])
        )
        self.add("referral_kind", self.tr("&Art"), self.kind, self.kind.changed)
        self.status = CodeCombo(vocab_choices(vocab, "referral_status", lang, keep=[keep.status]))
        self.add("status", self.tr("Stat&us"), self.status, self.status.changed)
        self.follow_up = OptionalDateField(self.tr("nachfragen am"), self.ctx.today())
        self.add(
            "follow_up",
            self.tr("&Wiedervorlage"),
            self.follow_up,
            self.follow_up.changed,
            focus=self.follow_up.check,
        )
        self._order.append(self.follow_up.edit)
        self.feedback = PiiTextEdit(lines=3)
        self.feedback.setPlaceholderText(self.tr("Rückmeldung der Organisation (ohne Namen)"))
        self.add("feedback", self.tr("&Rückmeldung"), self.feedback, self.feedback.changed)
        self.resize(760, 620)

    def _topic_changed(self) -> None:
        topic = self.topic.code()
        district = self.contact.district if self.contact is not None else None
        self.partner.set_context((topic,) if topic else (), district)

    def extra_problems(self, record: Referral) -> dict[str, str]:
        if not record.topic:
            return {"topic": self.tr("Bitte ein Thema wählen.")}
        return {}

    def load(self, record: Referral) -> None:
        self.topic.set_code(record.topic or None)
        self._topic_changed()
        self.partner.set_value(record.partner_id)
        self.date.set_value(record.date)
        self.kind.set_code(record.referral_kind)
        self.status.set_code(record.status)
        self.follow_up.set_value(record.follow_up)
        self.feedback.set_text(record.feedback)

    def collect(self) -> Referral:
        return replace(
            self.original,
            topic=self.topic.code() or "",
            partner_id=self.partner.value(),
            date=self.date.value(),
            referral_kind=self.kind.code() or "",
            status=self.status.code() or "",
            follow_up=self.follow_up.value(),
            feedback=self.feedback.text(),
        )

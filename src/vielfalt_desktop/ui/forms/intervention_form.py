"""One step in settling a conflict: a talk, a house meeting, a notice, a hand-over."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QSpinBox

from vielfalt_desktop.domain.records import Intervention
from vielfalt_desktop.ui.forms.record_form import RecordForm, replace
from vielfalt_desktop.ui.i18n import fmt_date
from vielfalt_desktop.ui.widgets.code_inputs import CodeCombo, vocab_choices
from vielfalt_desktop.ui.widgets.date_fields import DateField, OptionalDateField
from vielfalt_desktop.ui.widgets.pii_text import PiiTextEdit

NEXT_STEP_DAYS = 14


class InterventionForm(RecordForm[Intervention]):
    record_type = Intervention

    def new_record(self) -> Intervention:
        return Intervention(date=self.ctx.today())

    def title(self) -> str:
        if self.is_new:
            return self.tr("Neue Intervention – Vielfalt")
        return self.tr("Intervention vom {date} – Vielfalt").format(
            date=fmt_date(self.original.date)
        )

    def build(self) -> None:
        vocab, lang = self.ctx.vocab, self.ctx.lang
        keep = self.original
        form = self.form_column()
        self.date = DateField(self.ctx.today())
        self.add("date", self.tr("&Datum"), self.date, self.date.dateChanged, form=form)
        self.kind = CodeCombo(
            vocab_choices(vocab, "intervention_kind", lang, keep=[keep.intervention_kind])
        )
        self.add("intervention_kind", self.tr("&Art"), self.kind, self.kind.changed)
        self.participants = QSpinBox()
        self.participants.setRange(0, 1000)
        self.add(
            "participants",
            self.tr("&Teilnehmende"),
            self.participants,
            self.participants.valueChanged,
        )
        self.bridge = QCheckBox(self.tr("Brückenbauer/in oder Sprachmittler/in beteiligt"))
        self.add("bridge_builder", self.tr("Sprach&mittlung"), self.bridge, self.bridge.toggled)
        self.result_text = PiiTextEdit(lines=3)
        self.result_text.setPlaceholderText(self.tr("Was wurde besprochen oder erreicht?"))
        self.add("result", self.tr("&Ergebnis"), self.result_text, self.result_text.changed)
        self.next_step = PiiTextEdit(lines=2)
        self.add("next_step", self.tr("&Nächster Schritt"), self.next_step, self.next_step.changed)
        self.next_date = OptionalDateField(
            self.tr("am"), self.ctx.today() + dt.timedelta(days=NEXT_STEP_DAYS)
        )
        self.add(
            "next_step_date",
            self.tr("&Fällig"),
            self.next_date,
            self.next_date.changed,
            focus=self.next_date.check,
        )
        self._order.append(self.next_date.edit)
        self.resize(640, 560)

    def load(self, record: Intervention) -> None:
        self.date.set_value(record.date)
        self.kind.set_code(record.intervention_kind)
        self.participants.setValue(record.participants)
        self.bridge.setChecked(record.bridge_builder)
        self.result_text.set_text(record.result)
        self.next_step.set_text(record.next_step)
        self.next_date.set_value(record.next_step_date)

    def collect(self) -> Intervention:
        return replace(
            self.original,
            date=self.date.value(),
            intervention_kind=self.kind.code() or "",
            participants=self.participants.value(),
            bridge_builder=self.bridge.isChecked(),
            result=self.result_text.text(),
            next_step=self.next_step.text(),
            next_step_date=self.next_date.value(),
        )

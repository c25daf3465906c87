"""A neighbourhood conflict (Nachbarschaftskonflikt): where, what about, how far escalated."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QSpinBox

from vielfalt_desktop.domain.records import Conflict
from vielfalt_desktop.ui.forms.record_form import RecordForm, replace
from vielfalt_desktop.ui.i18n import fmt_date
from vielfalt_desktop.ui.widgets.code_inputs import (
    CodeChecklist,
    CodeCombo,
    district_choices,
    vocab_choices,
)
from vielfalt_desktop.ui.widgets.date_fields import DateField, OptionalDateField
from vielfalt_desktop.ui.widgets.pii_text import PiiTextEdit


class ConflictForm(RecordForm[Conflict]):
    record_type = Conflict

    def new_record(self) -> Conflict:
        district = self.ctx.settings.last("district")
        if district not in self.ctx.vocab.districts:
            district = ""
        return Conflict(opened=self.ctx.today(), district=district)

    def title(self) -> str:
        if self.is_new:
            return self.tr("Neuer Konflikt – Vielfalt")
        return self.tr("Konflikt vom {date} – Vielfalt").format(date=fmt_date(self.original.opened))

    def build(self) -> None:
        vocab, lang = self.ctx.vocab, self.ctx.lang
        keep = self.original
        left = self.form_column()
        self.opened = DateField(self.ctx.today())
        self.add("opened", self.tr("&Gemeldet am"), self.opened, self.opened.dateChanged, form=left)
        self.district = CodeCombo(
            district_choices(vocab, lang), empty_label=self.tr("– bitte wählen –")
        )
        self.add("district", self.tr("S&tadtteil"), self.district, self.district.changed)
        self.sub_area = CodeCombo(empty_label=self.tr("– ganzer Stadtteil –"))
        self.add("sub_area", self.tr("Teilge&biet"), self.sub_area, self.sub_area.changed)
        self.district.changed.connect(self._district_changed)
        self.place = CodeCombo(vocab_choices(vocab, "place_type", lang, keep=[keep.place_type]))
        self.add("place_type", self.tr("&Ort"), self.place, self.place.changed)
        self.households = QSpinBox()
        self.households.setRange(0, 500)
        self.add(
            "households",
            self.tr("Beteiligte &Haushalte"),
            self.households,
            self.households.valueChanged,
        )
        self.groups = QSpinBox()
        self.groups.setRange(0, 100)
        self.add("groups", self.tr("Beteiligte Gru&ppen"), self.groups, self.groups.valueChanged)
        self.escalation = CodeCombo(
            vocab_choices(vocab, "escalation_stage", lang, keep=[keep.escalation])
        )
        self.escalation.setToolTip(
            self.tr("Glasl: 1–3 Selbsthilfe möglich, 4–6 Vermittlung nötig, 7–9 Machteingriff")
        )
        self.add(
            "escalation", self.tr("&Eskalationsstufe"), self.escalation, self.escalation.changed
        )
        self.status = CodeCombo(vocab_choices(vocab, "conflict_status", lang, keep=[keep.status]))
        self.add("status", self.tr("Stat&us"), self.status, self.status.changed)
        self.closed = OptionalDateField(self.tr("am"), self.ctx.today())
        self.add(
            "closed",
            self.tr("&Abgeschlossen"),
            self.closed,
            self.closed.changed,
            focus=self.closed.check,
        )
        self._order.append(self.closed.edit)
        self.status.changed.connect(self._status_changed)
        self.shared = QCheckBox(self.tr("Fall mit der Koordination teilen"))
        self.add("shared", self.tr("Tei&len"), self.shared, self.shared.toggled)

        right = self.form_column()
        self.categories = CodeChecklist(
            vocab_choices(vocab, "conflict_category", lang, keep=keep.categories), rows=6
        )
        self.add(
            "categories",
            self.tr("&Konfliktthemen"),
            self.categories,
            self.categories.changed,
            form=right,
        )
        self.institutions = CodeChecklist(
            vocab_choices(vocab, "institution", lang, keep=keep.institutions), rows=5
        )
        self.add(
            "institutions",
            self.tr("Beteiligte &Institutionen"),
            self.institutions,
            self.institutions.changed,
        )
        self.outcome = PiiTextEdit(lines=2)
        self.outcome.setPlaceholderText(self.tr("Ergebnis, wenn beigelegt oder weitergeleitet"))
        self.add("outcome", self.tr("E&rgebnis"), self.outcome, self.outcome.changed)
        self.note = PiiTextEdit(lines=3)
        self.note.setPlaceholderText(self.tr("Ohne Namen, Adressen oder Hausnummern"))
        self.add("note", self.tr("&Notiz"), self.note, self.note.changed)
        self.resize(980, 620)

    def _district_changed(self) -> None:
        code = self.district.code()
        districts = self.ctx.vocab.districts
        subs = districts.get(code).sub_areas if code and code in districts else ()
        self.sub_area.set_choices([(s.code, s.label(self.ctx.lang)) for s in subs])
        self.sub_area.setEnabled(bool(subs))

    def _status_changed(self) -> None:
        """Closing statuses need a closing date: tick it with today's date."""
        if self._loading:
            return
        code = self.status.code()
        vocab = self.ctx.vocab["conflict_status"]
        closing = code is not None and code in vocab and vocab.get(code).flag("closed")
        if closing and self.closed.value() is None:
            self.closed.set_value(self.ctx.today())
        elif not closing and self.closed.value() is not None:
            self.closed.set_value(None)

    def load(self, record: Conflict) -> None:
        self.opened.set_value(record.opened)
        self.district.set_code(record.district)
        self._district_changed()
        self.sub_area.set_code(record.sub_area)
        self.place.set_code(record.place_type)
        self.households.setValue(record.households)
        self.groups.setValue(record.groups)
        self.escalation.set_code(record.escalation)
        self.status.set_code(record.status)
        self.closed.set_value(record.closed)
        self.shared.setChecked(record.shared)
        self.categories.set_codes(record.categories)
        self.institutions.set_codes(record.institutions)
        self.outcome.set_text(record.outcome)
        self.note.set_text(record.note)

    def collect(self) -> Conflict:
        return replace(
            self.original,
            opened=self.opened.value(),
            district=self.district.code() or "",
            sub_area=self.sub_area.code(),
            place_type=self.place.code() or "",
            households=self.households.value(),
            groups=self.groups.value(),
            escalation=self.escalation.code() or "",
            status=self.status.code() or "",
            closed=self.closed.value(),
            shared=self.shared.isChecked(),
            categories=self.categories.codes(),
            institutions=self.institutions.codes(),
            outcome=self.outcome.text(),
            note=self.note.text(),
        )

"""Recording a contact (Beratungskontakt): quick by keyboard, with remembered defaults."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox

from vielfalt_desktop.domain.records import Contact
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
from vielfalt_desktop.ui.widgets.pseudonym_field import PseudonymField

REMEMBERED = ("setting", "district", "sub_area", "interpreter")


class ContactForm(RecordForm[Contact]):
    record_type = Contact

    def new_record(self) -> Contact:
        s = self.ctx.settings
        district = s.last("district")
        sub_area = s.last("sub_area") or None
        if district not in self.ctx.vocab.districts:
            district, sub_area = "", None
        elif sub_area and sub_area not in self.ctx.vocab.districts.sub_area_codes(district):
            sub_area = None
        setting = s.last("setting", "projektbuero")
        if setting not in self.ctx.vocab["setting"]:
            setting = "projektbuero"
        interpreter = s.last("interpreter", "keine")
        if interpreter not in self.ctx.vocab["interpreter"]:
            interpreter = "keine"
        return Contact(
            date=self.ctx.today(),
            setting=setting,
            district=district,
            sub_area=sub_area,
            interpreter=interpreter,
        )

    def title(self) -> str:
        if self.is_new:
            return self.tr("Neuer Kontakt – Vielfalt")
        return self.tr("Kontakt vom {date} – Vielfalt").format(date=fmt_date(self.original.date))

    def build(self) -> None:
        vocab, lang = self.ctx.vocab, self.ctx.lang
        keep = self.original
        left = self.form_column()
        self.date = DateField(self.ctx.today())
        self.add("date", self.tr("&Datum"), self.date, self.date.dateChanged, form=left)
        self.duration = QSpinBox()
        self.duration.setRange(1, 600)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" Min."))
        self.add("duration_min", self.tr("Da&uer"), self.duration, self.duration.valueChanged)
        self.setting = CodeCombo(vocab_choices(vocab, "setting", lang, keep=[keep.setting]))
        self.add("setting", self.tr("S&etting"), self.setting, self.setting.changed)
        self.district = CodeCombo(
            district_choices(vocab, lang), empty_label=self.tr("– bitte wählen –")
        )
        self.add("district", self.tr("S&tadtteil"), self.district, self.district.changed)
        self.sub_area = CodeCombo(empty_label=self.tr("– ganzer Stadtteil –"))
        self.add("sub_area", self.tr("Teilge&biet"), self.sub_area, self.sub_area.changed)
        self.district.changed.connect(self._district_changed)
        self.pseudonym = PseudonymField(self.ctx.records.contacts_with_pseudonym)
        self.add(
            "pseudonym",
            self.tr("&Pseudonym"),
            self.pseudonym,
            self.pseudonym.changed,
            focus=self.pseudonym.edit,
        )
        self._order.append(self.pseudonym.new_button)
        self.target_group = CodeCombo(
            vocab_choices(vocab, "target_group", lang, keep=[keep.target_group]),
            empty_label=self.tr("– bitte wählen –"),
        )
        self.add(
            "target_group", self.tr("&Zielgruppe"), self.target_group, self.target_group.changed
        )
        self.citizenship = CodeCombo(
            vocab_choices(vocab, "country", lang), empty_label=self.tr("– keine Angabe –")
        )
        self.add(
            "citizenship",
            self.tr("Staatsangehörig&keit"),
            self.citizenship,
            self.citizenship.changed,
        )
        self.citizenship.changed.connect(self._citizenship_changed)
        self.age_band = CodeCombo(vocab_choices(vocab, "age_band", lang, keep=[keep.age_band]))
        self.add("age_band", self.tr("&Altersgruppe"), self.age_band, self.age_band.changed)
        self.gender = CodeCombo(vocab_choices(vocab, "gender", lang, keep=[keep.gender]))
        self.add("gender", self.tr("&Geschlecht"), self.gender, self.gender.changed)
        self.interpreter = CodeCombo(
            vocab_choices(vocab, "interpreter", lang, keep=[keep.interpreter])
        )
        self.add(
            "interpreter", self.tr("Sprach&mittlung"), self.interpreter, self.interpreter.changed
        )
        self.follow_up = OptionalDateField(self.tr("am"), self.ctx.today())
        self.add(
            "follow_up",
            self.tr("&Wiedervorlage"),
            self.follow_up,
            self.follow_up.changed,
            focus=self.follow_up.check,
        )
        self._order.append(self.follow_up.edit)

        right = self.form_column()
        self.topics = CodeChecklist(vocab_choices(vocab, "topic", lang, keep=keep.topics), rows=7)
        self.add("topics", self.tr("T&hemen"), self.topics, self.topics.changed, form=right)
        self.languages = CodeChecklist(
            vocab_choices(vocab, "language", lang, keep=keep.languages), rows=4
        )
        self.add("languages", self.tr("Sp&rachen"), self.languages, self.languages.changed)
        self.interests = CodeChecklist(
            vocab_choices(vocab, "interest", lang, keep=keep.interests), rows=4
        )
        self.add("interests", self.tr("&Interessen"), self.interests, self.interests.changed)
        self.note = PiiTextEdit(lines=4)
        self.note.setPlaceholderText(
            self.tr("Ohne Namen, Adressen, Telefonnummern oder Geburtsdaten")
        )
        self.add("note", self.tr("N&otiz"), self.note, self.note.changed)
        self.resize(980, 640)

    def _district_changed(self) -> None:
        code = self.district.code()
        districts = self.ctx.vocab.districts
        subs = districts.get(code).sub_areas if code and code in districts else ()
        self.sub_area.set_choices([(s.code, s.label(self.ctx.lang)) for s in subs])
        self.sub_area.setEnabled(bool(subs))

    def _citizenship_changed(self) -> None:
        code = self.citizenship.code()
        if self._loading or not code or self.target_group.code():
            return
        countries = self.ctx.vocab.countries
        if code == "DE":
            return
        guess = "drittstaat" if countries.is_third_country(code) else "unionsbuerger"
        if guess in self.ctx.vocab["target_group"]:
            self.target_group.set_code(guess)

    def load(self, record: Contact) -> None:
        self.date.set_value(record.date)
        self.duration.setValue(record.duration_min)
        self.setting.set_code(record.setting)
        self.district.set_code(record.district)
        self._district_changed()
        self.sub_area.set_code(record.sub_area)
        self.pseudonym.set_value(record.pseudonym)
        self.target_group.set_code(record.target_group)
        self.citizenship.set_code(record.citizenship)
        self.age_band.set_code(record.age_band)
        self.gender.set_code(record.gender)
        self.interpreter.set_code(record.interpreter)
        self.follow_up.set_value(record.follow_up)
        self.topics.set_codes(record.topics)
        self.languages.set_codes(record.languages)
        self.interests.set_codes(record.interests)
        self.note.set_text(record.note)

    def collect(self) -> Contact:
        return replace(
            self.original,
            date=self.date.value(),
            duration_min=self.duration.value(),
            setting=self.setting.code() or "",
            district=self.district.code() or "",
            sub_area=self.sub_area.code(),
            pseudonym=self.pseudonym.value(),
            target_group=self.target_group.code() or "",
            citizenship=self.citizenship.code(),
            age_band=self.age_band.code() or "",
            gender=self.gender.code() or "",
            interpreter=self.interpreter.code() or "",
            follow_up=self.follow_up.value(),
            topics=self.topics.codes(),
            languages=self.languages.codes(),
            interests=self.interests.codes(),
            note=self.note.text(),
        )

    def after_save(self, record: Contact) -> None:
        for name in REMEMBERED:
            self.ctx.settings.remember(name, getattr(record, name))

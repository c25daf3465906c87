"""An encounter event (Begegnungsfest, Sprachcafé, Hausversammlung …) with its participants."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.errors import NotFound
from vielfalt_desktop.domain.records import Event, Partner
from vielfalt_desktop.ui.forms.record_form import RecordForm, replace
from vielfalt_desktop.ui.i18n import fmt_date
from vielfalt_desktop.ui.widgets.code_inputs import (
    CodeChecklist,
    CodeCombo,
    district_choices,
    vocab_choices,
)
from vielfalt_desktop.ui.widgets.date_fields import DateField
from vielfalt_desktop.ui.widgets.partner_picker import PartnerPicker
from vielfalt_desktop.ui.widgets.pii_text import PiiTextEdit

COUNTS = (
    "participants_total",
    "participants_third_country",
    "participants_women",
    "participants_men",
    "participants_divers",
    "participants_children",
)
ID_ROLE = Qt.ItemDataRole.UserRole


class EventForm(RecordForm[Event]):
    record_type = Event

    def new_record(self) -> Event:
        district = self.ctx.settings.last("district")
        if district not in self.ctx.vocab.districts:
            district = ""
        return Event(date=self.ctx.today(), district=district)

    def title(self) -> str:
        if self.is_new:
            return self.tr("Neue Veranstaltung – Vielfalt")
        return self.tr("Veranstaltung vom {date} – Vielfalt").format(
            date=fmt_date(self.original.date)
        )

    def build(self) -> None:
        vocab, lang = self.ctx.vocab, self.ctx.lang
        keep = self.original
        left = self.form_column()
        self.date = DateField(self.ctx.today())
        self.add("date", self.tr("&Datum"), self.date, self.date.dateChanged, form=left)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.title_edit.setPlaceholderText(self.tr("z. B. Sprachcafé im Bürgerhaus"))
        self.add("title", self.tr("Tite&l"), self.title_edit, self.title_edit.textChanged)
        self.kind = CodeCombo(vocab_choices(vocab, "event_kind", lang, keep=[keep.event_kind]))
        self.add("event_kind", self.tr("&Art"), self.kind, self.kind.changed)
        self.district = CodeCombo(
            district_choices(vocab, lang), empty_label=self.tr("– bitte wählen –")
        )
        self.add("district", self.tr("S&tadtteil"), self.district, self.district.changed)
        self.counts: dict[str, QSpinBox] = {}
        for name, label in zip(
            COUNTS,
            (
                self.tr("Teilnehmende &gesamt"),
                self.tr("davon D&rittstaatsangehörige"),
                self.tr("davon &Frauen"),
                self.tr("davon &Männer"),
                self.tr("davon di&vers"),
                self.tr("davon &Kinder"),
            ),
            strict=True,
        ):
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            self.counts[name] = spin
            self.add(name, label, spin, spin.valueChanged)

        right = self.form_column()
        self.interests = CodeChecklist(
            vocab_choices(vocab, "interest", lang, keep=keep.interests), rows=6
        )
        self.add(
            "interests",
            self.tr("Geäußerte &Interessen"),
            self.interests,
            self.interests.changed,
            form=right,
        )
        self.partner_box = QWidget()
        self.picker = PartnerPicker(self.ctx.records, self.ctx.labels)
        self.chosen = QListWidget()
        self.chosen.setAccessibleName(self.tr("Beteiligte Partner"))
        row = self.fontMetrics().height() + 8
        self.chosen.setMaximumHeight(row * 4)
        add = QPushButton(self.tr("&Hinzufügen"))
        add.setAutoDefault(False)
        add.clicked.connect(self._add_partner)
        remove = QPushButton(self.tr("&Entfernen"))
        remove.setAutoDefault(False)
        remove.clicked.connect(self._remove_partner)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        box = QVBoxLayout(self.partner_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.picker)
        box.addLayout(buttons)
        box.addWidget(self.chosen)
        self.add(
            "partner_ids",
            self.tr("Beteiligte &Partner"),
            self.partner_box,
            focus=self.picker.search,
        )
        self._order += [self.picker.list, add, self.chosen, remove]
        self.note = PiiTextEdit(lines=3)
        self.add("note", self.tr("N&otiz"), self.note, self.note.changed)
        self.resize(980, 660)

    def _add_partner(self) -> None:
        partner = self.picker.partner()
        if partner is None or partner.id in self._partner_ids():
            return
        item = QListWidgetItem(partner.name, self.chosen)
        item.setData(ID_ROLE, partner.id)
        self._edited("partner_ids")

    def _remove_partner(self) -> None:
        row = self.chosen.currentRow()
        if row >= 0:
            self.chosen.takeItem(row)
            self._edited("partner_ids")

    def _partner_ids(self) -> tuple[str, ...]:
        return tuple(self.chosen.item(i).data(ID_ROLE) for i in range(self.chosen.count()))

    def load(self, record: Event) -> None:
        self.date.set_value(record.date)
        self.title_edit.setText(record.title)
        self.kind.set_code(record.event_kind)
        self.district.set_code(record.district)
        for name, spin in self.counts.items():
            spin.setValue(getattr(record, name))
        self.interests.set_codes(record.interests)
        self.chosen.clear()
        for partner_id in record.partner_ids:
            try:
                name = self.ctx.records.get(Partner, partner_id).name
            except NotFound:
                name = self.tr("(gelöschte Organisation)")
            item = QListWidgetItem(name, self.chosen)
            item.setData(ID_ROLE, partner_id)
        self.note.set_text(record.note)

    def collect(self) -> Event:
        return replace(
            self.original,
            date=self.date.value(),
            title=self.title_edit.text().strip(),
            event_kind=self.kind.code() or "",
            district=self.district.code() or "",
            interests=self.interests.codes(),
            partner_ids=self._partner_ids(),
            note=self.note.text(),
            **{name: spin.value() for name, spin in self.counts.items()},
        )

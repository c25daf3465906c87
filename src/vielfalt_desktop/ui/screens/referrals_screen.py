"""Verweise: referrals to partner organisations, with their status history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.errors import NotFound, VielfaltError
from vielfalt_desktop.domain.records import Contact, Partner, Referral
from vielfalt_desktop.services import report_export
from vielfalt_desktop.ui.forms.referral_form import ReferralForm
from vielfalt_desktop.ui.forms.referral_status_dialog import ReferralStatusDialog
from vielfalt_desktop.ui.i18n import error_text, fmt_date, fmt_int
from vielfalt_desktop.ui.models.paged_model import PagedRecordModel
from vielfalt_desktop.ui.models.partner_names import PartnerNames
from vielfalt_desktop.ui.models.referral_model import referral_model
from vielfalt_desktop.ui.screens.list_screen import ListScreen
from vielfalt_desktop.ui.widgets.filter_bar import FilterBar


class ReferralsScreen(ListScreen[Referral]):
    record_type = Referral
    form_class = ReferralForm

    def make_model(self) -> PagedRecordModel[Referral]:
        self.partner_names = PartnerNames(self.ctx.records)
        return referral_model(self.ctx.records, self.ctx.labels, self.partner_names, self)

    def make_filters(self) -> FilterBar:
        return FilterBar(
            self.ctx,
            topic_vocab="topic",
            status_vocab="referral_status",
            districts=False,
            text_hint=self.tr("Suchen in Rückmeldungen …"),
        )

    def make_detail(self) -> QWidget | None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 0, 0, 0)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("Einzelheiten zum Verweis"))
        layout.addWidget(self.detail)
        layout.addStretch(1)
        return box

    def extra_buttons(self) -> list[QPushButton]:
        self.status_button = QPushButton(self.tr("&Status ändern …"))
        self.status_button.clicked.connect(self.change_status)
        buttons = [self.status_button]
        self.slip_button = QPushButton(self.tr("Verweis&zettel"))
        self.slip_button.setToolTip(
            self.tr("Ein Blatt mit Anschrift und Öffnungszeiten der Organisation zum Mitgeben")
        )
        menu = QMenu(self.slip_button)
        menu.addAction(self.tr("auf Deutsch …"), lambda: self.write_slip("de"))
        menu.addAction(self.tr("auf Englisch …"), lambda: self.write_slip("en"))
        self.slip_button.setMenu(menu)
        buttons.insert(0, self.slip_button)
        return buttons

    def _update_buttons(self) -> None:
        super()._update_buttons()
        has = self.selected() is not None
        if hasattr(self, "status_button"):
            self.status_button.setEnabled(has)
        if hasattr(self, "slip_button"):
            self.slip_button.setEnabled(has)

    def write_slip(self, lang: str) -> Path | None:
        """A referral slip (PDF) for the selected referral's partner and topic."""
        record = self.selected()
        if record is None:
            return None
        name = report_export.slip_stem(self.partner_names(record.partner_id))
        folder = self.ctx.settings.last("report_dir") or str(Path.home())
        path, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Verweiszettel speichern"),
            str(Path(folder) / f"{name}.pdf"),
            self.tr("PDF-Dokument (*.pdf)"),
        )
        if not path:
            return None
        target = Path(path)
        try:
            report_export.write_slip(self.ctx.app, record.partner_id, record.topic, lang, target)
        except VielfaltError as exc:
            QMessageBox.warning(self, self.tr("Nicht gespeichert"), error_text(exc))
            return None
        self.ctx.settings.remember("report_dir", str(target.parent))
        QMessageBox.information(
            self,
            self.tr("Verweiszettel gespeichert"),
            self.tr("Gespeichert: {path}\nDer Zettel enthält keine Daten der Person.").format(
                path=target
            ),
        )
        return target

    def heading_text(self) -> str:
        return self.tr("Verweise")

    def new_label(self) -> str:
        return self.tr("&Neuer Verweis")

    def count_text(self, total: int, filtered: bool) -> str:
        if total == 1:
            return self.tr("1 Verweis")
        return self.tr("{n} Verweise").format(n=fmt_int(total))

    def empty_text(self, filtered: bool) -> str:
        if filtered:
            return self.tr("Keine Verweise für diese Filter.")
        return self.tr(
            "Noch keine Verweise. Am schnellsten geht es unter „Kontakte“ mit „Verweis anlegen“."
        )

    def reload(self) -> None:
        self.partner_names.forget()
        super().reload()

    def show_detail(self, record: Referral | None) -> None:
        if record is None:
            self.detail.setText(self.tr("Kein Verweis ausgewählt."))
            return
        labels = self.ctx.labels
        lines = [f"<b>{_escape(self.partner_names(record.partner_id))}</b>"]
        try:
            partner = self.ctx.records.get(Partner, record.partner_id)
        except NotFound:
            partner = None
        if partner is not None:
            for label, value in (
                (self.tr("Kontaktweg"), partner.contact_channel),
                (self.tr("Öffnungszeiten"), partner.opening_hours),
                (self.tr("Adresse"), partner.address),
            ):
                if value:
                    lines.append(_escape(f"{label}: {value}"))
        lines.append(
            _escape(
                self.tr("Thema: {topic} · {kind}").format(
                    topic=labels.code("topic", record.topic),
                    kind=labels.code("referral_kind", record.referral_kind),
                )
            )
        )
        if record.feedback:
            lines.append(_escape(self.tr("Rückmeldung: {text}").format(text=record.feedback)))
        lines.append("<br><b>" + _escape(self.tr("Verlauf")) + "</b>")
        for step in self.ctx.records.status_history(record):
            line = f"{fmt_date(step.date)} – {labels.code('referral_status', step.status)}"
            if step.note:
                line += f": {step.note}"
            lines.append(_escape(line))
        self.detail.setText("<br>".join(lines))

    def open_for_contact(self, contact: Contact) -> ReferralForm:
        self.activated()
        preset = ReferralForm.preset_for(self.ctx, contact)
        return self.open_new(preset=preset)  # type: ignore[return-value]

    def change_status(self) -> ReferralStatusDialog | None:
        record = self.selected()
        if record is None:
            return None
        dialog = ReferralStatusDialog(self.ctx, record, self)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

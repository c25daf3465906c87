"""Keyboard mnemonics (Alt+letter, the "&" in a text) are unique within every form and dialog.

Qt does not activate a widget whose mnemonic another widget of the same window shares: Alt+letter
only moves the focus from one to the next, and on a button the Space that follows presses it.
That is how Alt+S meant for "Stadtteile", then Space, once saved a half-filled partner. Hidden
widgets count as well: "Trotzdem speichern" only shows with a personal-data warning, so it is
checked in that state, and its letter belongs to no field of any form.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QTabBar,
    QWidget,
)

from vielfalt_desktop.domain.records import Partner, Referral
from vielfalt_desktop.resources import resource_path
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.forms.conflict_form import ConflictForm
from vielfalt_desktop.ui.forms.contact_form import ContactForm
from vielfalt_desktop.ui.forms.event_form import EventForm
from vielfalt_desktop.ui.forms.intervention_form import InterventionForm
from vielfalt_desktop.ui.forms.partner_form import PartnerForm
from vielfalt_desktop.ui.forms.record_form import RecordForm
from vielfalt_desktop.ui.forms.referral_form import ReferralForm
from vielfalt_desktop.ui.forms.referral_status_dialog import ReferralStatusDialog
from vielfalt_desktop.ui.screens.conflicts_screen import ConflictsScreen
from vielfalt_desktop.ui.screens.contacts_screen import ContactsScreen
from vielfalt_desktop.ui.screens.events_screen import EventsScreen
from vielfalt_desktop.ui.screens.network_screen import NetworkScreen
from vielfalt_desktop.ui.screens.referrals_screen import ReferralsScreen
from vielfalt_desktop.ui.widgets.pii_text import PiiTextEdit

TODAY = dt.date(2026, 11, 24)
PII = "Frau Müller ruft unter 0391 5401234 zurück"


def mnemonic(text: str) -> str:
    """The Alt+letter of a text ("Alt+S" for "&Speichern"), "" if none ("&&" is a plain "&")."""
    return QKeySequence.mnemonic(text).toString(QKeySequence.SequenceFormat.PortableText)


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Every mnemonic of the window, shown or not, with the texts that carry it."""
    found: dict[str, list[str]] = defaultdict(list)
    for widget in window.findChildren(QWidget):
        if widget.window() is not window:
            continue  # a popup (calendar) or message box: a window of its own
        if isinstance(widget, QLabel):
            # A label's mnemonic only works with a buddy (without one the "&" is just shown).
            texts = [widget.text()] if widget.buddy() is not None else []
        elif isinstance(widget, QAbstractButton):  # push buttons, check boxes, radio buttons
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count())]
        else:
            texts = []
        for text in texts:
            if key := mnemonic(text):
                found[key].append(text)
    return dict(found)


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {key: sorted(texts) for key, texts in mnemonics(window).items() if len(texts) > 1}


def english_texts() -> frozenset[str]:
    """Every finished translation in vielfalt_en.ts."""
    found = set()
    for message in ET.parse(resource_path("translations", "vielfalt_en.ts")).iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and translation.text:
            found.add(translation.text)
    return frozenset(found)


def untranslated(window: QWidget, english: frozenset[str]) -> list[str]:
    """Texts with a mnemonic that are no English translation: German left in the English UI."""
    return sorted(
        text
        for texts in mnemonics(window).values()
        for text in texts
        if text not in english and text.removesuffix(":") not in english
    )


# --- the forms, each with a screened text field to provoke the personal-data warning ----------

Build = Callable[[UiContext, Partner], tuple[QDialog, PiiTextEdit]]


def _contact(ctx: UiContext, partner: Partner) -> tuple[QDialog, PiiTextEdit]:
    form = ContactForm(ctx)
    return form, form.note


def _referral(ctx: UiContext, partner: Partner) -> tuple[QDialog, PiiTextEdit]:
    form = ReferralForm(ctx)
    return form, form.feedback


def _referral_status(ctx: UiContext, partner: Partner) -> tuple[QDialog, PiiTextEdit]:
    referral = ctx.records.create(Referral(partner_id=partner.id, topic="arbeit", date=TODAY))
    dialog = ReferralStatusDialog(ctx, referral)
    return dialog, dialog.note


def _conflict(ctx: UiContext, partner: Partner) -> tuple[QDialog, PiiTextEdit]:
    form = ConflictForm(ctx)
    return form, form.note


def _intervention(ctx: UiContext, partner: Partner) -> tuple[QDialog, PiiTextEdit]:
    form = InterventionForm(ctx)
    return form, form.result_text


def _event(ctx: UiContext, partner: Partner) -> tuple[QDialog, PiiTextEdit]:
    form = EventForm(ctx)
    return form, form.note


def _partner(ctx: UiContext, partner: Partner) -> tuple[QDialog, PiiTextEdit]:
    form = PartnerForm(ctx)
    return form, form.note


FORMS: dict[str, Build] = {
    "contact": _contact,
    "referral": _referral,
    "referral_status": _referral_status,
    "conflict": _conflict,
    "intervention": _intervention,
    "event": _event,
    "partner": _partner,
}


def _open_with_warning(ctx: UiContext, partner: Partner, kind: str, qtbot) -> QDialog:
    """The form with personal data in a text field, so "Trotzdem speichern" is shown.

    Partners are organisations and their texts are not screened: there the button stays hidden,
    and is counted all the same.
    """
    dialog, screened = FORMS[kind](ctx, partner)
    qtbot.addWidget(dialog)
    screened.set_text(PII)
    if isinstance(dialog, RecordForm):
        dialog.run_screen()
        assert dialog.pii_panel.isVisibleTo(dialog) == bool(dialog.record_type.screened)
        assert mnemonic(dialog.save_anyway.text()) in ("", *mnemonics(dialog))
    return dialog


def _close(dialog: QDialog) -> None:
    if isinstance(dialog, RecordForm):
        dialog.discard()
    else:
        dialog.done(QDialog.DialogCode.Rejected)


def _save_button(dialog: QDialog) -> QAbstractButton:
    if isinstance(dialog, RecordForm):
        return dialog.save_button
    buttons = dialog.findChildren(QAbstractButton)
    [save] = [b for b in buttons if b.text() in ("&Speichern", "&Save")]
    return save


def _check_form(
    ctx: UiContext, partner: Partner, kind: str, qtbot, english: frozenset[str] | None = None
) -> None:
    dialog = _open_with_warning(ctx, partner, kind, qtbot)
    try:
        if english is not None:
            assert untranslated(dialog, english) == []
        assert clashes(dialog) == {}
        # The save button keeps the Alt+S people know; fields take other letters.
        assert mnemonic(_save_button(dialog).text()) == "Alt+S"
    finally:
        _close(dialog)


def _check_save_anyway_letter(ctx: UiContext, partner: Partner, qtbot) -> None:
    """The button that saves personal data has a letter that nothing else uses, in any form."""
    own: set[str] = set()
    elsewhere: dict[str, list[str]] = defaultdict(list)
    for kind in FORMS:
        dialog = _open_with_warning(ctx, partner, kind, qtbot)
        try:
            if isinstance(dialog, RecordForm):
                own.add(mnemonic(dialog.save_anyway.text()))
                skip = dialog.save_anyway.text()
            else:
                skip = None
            for key, texts in mnemonics(dialog).items():
                elsewhere[key] += [f"{kind}: {t}" for t in texts if t != skip]
        finally:
            _close(dialog)
    assert len(own) == 1
    [key] = own
    assert not key or not elsewhere.get(key), (key, elsewhere.get(key))


def _check_discard_question(ctx: UiContext, qtbot, boxes) -> QMessageBox:
    form = ContactForm(ctx)
    qtbot.addWidget(form)
    form.topics.toggle("arbeit")
    assert form.is_dirty
    boxes.answer = QMessageBox.StandardButton.Cancel
    form.reject()
    assert len(boxes.shown) == 1
    box = boxes.shown[0]
    keep = box.button(QMessageBox.StandardButton.Cancel)
    assert keep is not None
    assert box.defaultButton() is keep
    assert box.escapeButton() is keep
    assert clashes(box) == {}
    form.discard()
    return box


SCREENS = {
    "contacts": ContactsScreen,
    "referrals": ReferralsScreen,
    "conflicts": ConflictsScreen,
    "events": EventsScreen,
    "network": NetworkScreen,
}


def _check_screen(ctx: UiContext, kind: str, qtbot, english: frozenset[str] | None = None) -> None:
    screen = SCREENS[kind](ctx)
    qtbot.addWidget(screen)
    if english is not None:
        assert untranslated(screen, english) == []
    assert clashes(screen) == {}


# --- German (the source texts) ----------------------------------------------------------------


@pytest.mark.parametrize("kind", list(FORMS))
def test_form_mnemonics_are_unique(ctx: UiContext, partner: Partner, kind: str, qtbot) -> None:
    _check_form(ctx, partner, kind, qtbot)


def test_save_anyway_has_a_letter_no_form_uses(ctx: UiContext, partner: Partner, qtbot) -> None:
    _check_save_anyway_letter(ctx, partner, qtbot)


def test_discard_question_offers_to_keep_editing(ctx: UiContext, qtbot, boxes) -> None:
    box = _check_discard_question(ctx, qtbot, boxes)
    assert boxes.titles() == ["Änderungen verwerfen?"]
    keep = box.button(QMessageBox.StandardButton.Cancel)
    discard = box.button(QMessageBox.StandardButton.Discard)
    assert keep is not None
    assert discard is not None
    assert keep.text() == "&Weiter bearbeiten"
    # No mnemonic: in a message box a bare letter (no Alt) presses its button, and a stray key
    # must not throw away unsaved input.
    assert discard.text() == "Verwerfen"


@pytest.mark.parametrize("kind", list(SCREENS))
def test_list_screen_mnemonics_are_unique(ctx: UiContext, kind: str, qtbot) -> None:
    _check_screen(ctx, kind, qtbot)


# --- English (vielfalt_en.ts) -----------------------------------------------------------------


@pytest.fixture
def ctx_en(ctx: UiContext, english: None) -> UiContext:
    return UiContext(ctx.app, ctx.settings, lang="en")


@pytest.mark.parametrize("kind", list(FORMS))
def test_form_mnemonics_are_unique_in_english(
    ctx_en: UiContext, partner: Partner, kind: str, qtbot
) -> None:
    _check_form(ctx_en, partner, kind, qtbot, english_texts())


def test_save_anyway_has_a_letter_no_form_uses_in_english(
    ctx_en: UiContext, partner: Partner, qtbot
) -> None:
    _check_save_anyway_letter(ctx_en, partner, qtbot)


def test_discard_question_offers_to_keep_editing_in_english(
    ctx_en: UiContext, qtbot, boxes
) -> None:
    box = _check_discard_question(ctx_en, qtbot, boxes)
    texts = [box.windowTitle(), *(button.text() for button in box.buttons())]
    english = english_texts()
    assert [text for text in texts if text not in english] == []


@pytest.mark.parametrize("kind", list(SCREENS))
def test_list_screen_mnemonics_are_unique_in_english(ctx_en: UiContext, kind: str, qtbot) -> None:
    _check_screen(ctx_en, kind, qtbot, english_texts())

"""Recording and editing a contact through its form, by keyboard, with the PII warning."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from tests.gui.helpers import activate

from vielfalt_desktop.domain import pseudonym
from vielfalt_desktop.domain.records import Contact
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.forms.contact_form import ContactForm
from vielfalt_desktop.ui.screens.contacts_screen import ContactsScreen

TODAY = dt.date(2026, 11, 24)


def _screen(ctx: UiContext, qtbot) -> ContactsScreen:
    screen = ContactsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    return screen


def _fill_minimum(form: ContactForm) -> None:
    form.district.set_code("kannenstieg")
    form.target_group.set_code("drittstaat")
    form.topics.toggle("wohnen")


def test_new_contact_defaults_and_accessible_names(ctx: UiContext, qtbot) -> None:
    screen = _screen(ctx, qtbot)
    form = screen.open_new()
    assert "Vielfalt" in form.windowTitle()
    assert form.date.value() == TODAY
    assert form.date.displayFormat() == "dd.MM.yyyy"
    assert form.setting.code() == "projektbuero"
    assert form.duration.value() == 30
    for info in form._fields.values():
        assert info.widget.accessibleName(), info.name
    assert form.date.hasFocus() or form.focusWidget() is form.date
    form.discard()


def test_validation_as_you_type(ctx: UiContext, qtbot) -> None:
    form = ContactForm(ctx)
    qtbot.addWidget(form)
    form.show()
    # Nothing touched yet: no messages, though topics are missing.
    assert "topics" in form.problems
    assert not form._fields["topics"].error.isVisible()
    form.topics.toggle("arbeit")
    form.topics.toggle("arbeit", on=False)
    qtbot.waitUntil(lambda: form._fields["topics"].error.isVisible(), timeout=2000)
    assert "Thema" in form._fields["topics"].error.text()
    form.topics.toggle("arbeit")
    qtbot.waitUntil(lambda: not form._fields["topics"].error.isVisible(), timeout=2000)
    form.discard()


def test_save_refused_shows_all_problems(ctx: UiContext, qtbot) -> None:
    form = ContactForm(ctx)
    qtbot.addWidget(form)
    form.show()
    assert not form.save()
    assert form._fields["district"].error.isVisible()
    assert form._fields["target_group"].error.isVisible()
    assert form.isVisible()
    assert ctx.records.count(Contact) == 0
    form.discard()


def test_create_contact_with_keyboard_and_ctrl_s(ctx: UiContext, qtbot) -> None:
    screen = _screen(ctx, qtbot)
    form = screen.open_new()
    activate(qtbot, form)
    _fill_minimum(form)
    form.pseudonym.generate()
    code = form.pseudonym.value()
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()
    saved = ctx.records.page(Contact)
    assert len(saved) == 1
    assert saved[0].pseudonym == code
    assert saved[0].district == "kannenstieg"
    assert screen.model.total == 1
    assert screen.selected() is not None
    assert screen.count_label.text() == "1 Kontakt"
    # The next contact starts with the district just used.
    again = screen.open_new()
    assert again.district.code() == "kannenstieg"
    again.discard()


def test_ctrl_enter_saves_from_the_note(ctx: UiContext, qtbot) -> None:
    form = ContactForm(ctx)
    qtbot.addWidget(form)
    activate(qtbot, form)
    _fill_minimum(form)
    form.note.setFocus()
    qtbot.keyClicks(form.note, "Fragen zur Kita-Anmeldung")
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(form.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert ctx.records.page(Contact)[0].note == "Fragen zur Kita-Anmeldung"


def test_edit_contact(ctx: UiContext, qtbot) -> None:
    contact = ctx.records.create(
        Contact(date=TODAY, district="kannenstieg", target_group="drittstaat", topics=("arbeit",))
    )
    screen = _screen(ctx, qtbot)
    assert screen.model.total == 1
    screen.view.selectRow(0)
    form = screen.open_edit(screen.selected())
    assert "24.11.2026" in form.windowTitle()
    assert form.topics.codes() == ("arbeit",)
    form.topics.toggle("wohnen")
    form.follow_up.set_value(TODAY + dt.timedelta(days=7))
    assert form.is_dirty
    assert form.save()
    changed = ctx.records.get(Contact, contact.id)
    assert changed.topics == ("arbeit", "wohnen")
    assert changed.follow_up == TODAY + dt.timedelta(days=7)
    assert screen.model.data(screen.model.index(0, 9)) == "01.12.2026"


def test_pii_warning_inline_and_explicit_confirmation(ctx: UiContext, qtbot, boxes) -> None:
    form = ContactForm(ctx)
    qtbot.addWidget(form)
    form.show()
    _fill_minimum(form)
    form.note.set_text("Rückruf unter 0176 12345678 vereinbart")
    qtbot.waitUntil(form.pii_panel.isVisible, timeout=3000)
    assert "Telefonnummer" in form.pii_text.text()
    assert form.note.extraSelections()  # the number is marked in the text
    # Saving does not go through while the finding stands.
    assert not form.save()
    assert ctx.records.count(Contact) == 0
    # "Trotzdem speichern" asks once more; "No" keeps the form open.
    boxes.answer = QMessageBox.StandardButton.No
    assert not form.confirm_and_save()
    assert ctx.records.count(Contact) == 0
    boxes.answer = QMessageBox.StandardButton.Yes
    assert form.confirm_and_save()
    assert ctx.records.count(Contact) == 1
    assert "Trotzdem speichern?" in boxes.titles()


def test_pii_removed_hides_the_panel(ctx: UiContext, qtbot) -> None:
    form = ContactForm(ctx)
    qtbot.addWidget(form)
    form.show()
    _fill_minimum(form)
    form.note.set_text("Mail an max.mustermann@example.org")
    qtbot.waitUntil(form.pii_panel.isVisible, timeout=3000)
    form.note.set_text("Mail an die Beratungsstelle geschickt")
    qtbot.waitUntil(lambda: not form.pii_panel.isVisible(), timeout=3000)
    assert form.save()


def test_escape_on_a_changed_form_asks_first(ctx: UiContext, qtbot, boxes) -> None:
    form = ContactForm(ctx)
    qtbot.addWidget(form)
    activate(qtbot, form)
    form.topics.toggle("arbeit")
    boxes.answer = QMessageBox.StandardButton.Cancel
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible()
    assert "Änderungen verwerfen?" in boxes.titles()
    boxes.answer = QMessageBox.StandardButton.Discard
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()


def test_escape_on_an_untouched_form_just_closes(ctx: UiContext, qtbot, boxes) -> None:
    form = ContactForm(ctx)
    qtbot.addWidget(form)
    activate(qtbot, form)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert boxes.asked == []


def test_pseudonym_lookup(ctx: UiContext, qtbot) -> None:
    code = pseudonym.new_code()
    ctx.records.create(
        Contact(
            date=TODAY,
            district="kannenstieg",
            target_group="drittstaat",
            topics=("arbeit",),
            pseudonym=code,
        )
    )
    form = ContactForm(ctx)
    qtbot.addWidget(form)
    form.pseudonym.edit.setText(code.replace("-", "").lower())
    form.pseudonym.look_up()
    assert "1 Kontakt" in form.pseudonym.info.text()
    assert form.pseudonym.value() == code
    form.pseudonym.edit.setText("K-AAAA-AAAA")
    form.pseudonym.look_up()
    form.pseudonym.edit.setText("")
    form.pseudonym.generate()
    assert pseudonym.is_valid(form.pseudonym.value() or "")
    form.pseudonym.look_up()
    assert "noch nicht vergeben" in form.pseudonym.info.text()
    form.discard()


def test_citizenship_suggests_target_group(ctx: UiContext, qtbot) -> None:
    form = ContactForm(ctx)
    qtbot.addWidget(form)
    form.citizenship.set_code("SY")
    assert form.target_group.code() == "drittstaat"
    form.target_group.set_code(None)
    form.citizenship.set_code("PL")
    assert form.target_group.code() == "unionsbuerger"
    form.discard()


def test_sub_area_follows_district(ctx: UiContext, qtbot) -> None:
    form = ContactForm(ctx)
    qtbot.addWidget(form)
    form.district.set_code("leipziger_strasse")
    assert form.sub_area.isEnabled()
    assert form.sub_area.findData("schilfbreite") >= 0
    form.district.set_code("altstadt")
    assert not form.sub_area.isEnabled()
    form.discard()


def test_delete_contact(ctx: UiContext, qtbot, boxes) -> None:
    ctx.records.create(
        Contact(date=TODAY, district="kannenstieg", target_group="drittstaat", topics=("arbeit",))
    )
    screen = _screen(ctx, qtbot)
    screen.view.selectRow(0)
    boxes.answer = QMessageBox.StandardButton.No
    screen.delete_selected()
    assert ctx.records.count(Contact) == 1
    boxes.answer = QMessageBox.StandardButton.Yes
    screen.delete_selected()
    assert ctx.records.count(Contact) == 0
    assert screen.model.total == 0
    assert screen.empty_label.isVisibleTo(screen)

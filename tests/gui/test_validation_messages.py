"""Validation messages from the core appear in the UI's language (German templates, Qt .ts)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from vielfalt_desktop.domain import messages
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.resources import resource_path
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.forms.contact_form import ContactForm
from vielfalt_desktop.ui.i18n import message_text

TODAY = dt.date(2026, 11, 24)


def _translations() -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) → (translation, type) for every message in the .ts."""
    tree = ET.parse(resource_path("translations", "vielfalt_en.ts"))
    found = {}
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            translation = m.find("translation")
            assert translation is not None
            found[(name, m.findtext("source") or "")] = (
                translation.text or "",
                translation.get("type"),
            )
    return found


def test_every_template_and_label_has_an_english_translation() -> None:
    marked = set(messages.marked())  # (context, template) of every message and label
    assert {text for _context, text in marked} >= set(messages.FIELD_LABELS.values())
    assert len(marked) > 150
    ts = _translations()
    missing = sorted(f"{c}: {t}" for c, t in marked - ts.keys())
    assert not missing, "run `make translations`: " + ", ".join(missing)
    for key in marked:
        english, kind = ts[key]
        assert kind is None, f"unfinished: {key!r}"
        assert english.strip(), f"not translated: {key!r}"


def _refused_form(ctx: UiContext, qtbot) -> ContactForm:
    """A new contact saved without district, target group and topics, follow-up too early."""
    form = ContactForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.follow_up.set_value(TODAY - dt.timedelta(days=3))
    assert not form.save()
    return form


def _error(form: ContactForm, name: str) -> str:
    info = form._fields[name]
    assert info.error.isVisible(), name
    return info.error.text()


def test_contact_form_messages_in_german(ctx: UiContext, qtbot) -> None:
    form = _refused_form(ctx, qtbot)
    assert _error(form, "topics") == "Bitte mindestens ein Thema angeben."
    assert _error(form, "target_group") == "Bitte „Zielgruppe“ angeben."
    assert _error(form, "district") == "Bitte „Stadtteil“ angeben."
    assert _error(form, "follow_up") == "„Wiedervorlage“ darf nicht vor „Datum“ liegen."
    assert form._fields["topics"].widget.accessibleDescription() == (
        "Bitte mindestens ein Thema angeben."
    )
    form.discard()


def test_contact_form_messages_in_english(ctx: UiContext, english: None, qtbot) -> None:
    form = _refused_form(UiContext(ctx.app, ctx.settings, lang="en"), qtbot)
    assert _error(form, "topics") == "Please choose at least one topic."
    assert _error(form, "target_group") == "Please fill in “Target group”."
    assert _error(form, "district") == "Please fill in “District”."
    assert _error(form, "follow_up") == "“Follow-up” cannot be before “Date”."
    assert form._fields["topics"].widget.accessibleDescription() == (
        "Please choose at least one topic."
    )
    # The form keeps the core's messages; only what is shown is translated.
    assert form.problems["topics"] == "Bitte mindestens ein Thema angeben."
    form.discard()


def test_message_text_translates_values_that_are_messages(english: None) -> None:
    message = Message(messages.TOO_LARGE, label=messages.label("households"), maximum=500)
    assert message == "„Beteiligte Haushalte“ ist unplausibel groß (höchstens 500)."
    assert message_text(message) == "“Households involved” is implausibly large (at most 500)."
    code = Message(messages.NOT_A_VALUE, value="gibt_es_nicht", label=messages.label("district"))
    assert message_text(code) == "“gibt_es_nicht” is not a valid value for “District”."
    assert message_text("Schon übersetzt.") == "Schon übersetzt."  # plain text passes through

"""The English translation: complete, placeholders intact, and switchable at run time."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import Qt

from vielfalt_desktop.resources import resource_path
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.main_window import MainWindow

TS = resource_path("translations", "vielfalt_en.ts")
PLACEHOLDER = re.compile(r"\{\w+\}")


def _messages() -> list[tuple[str, str, str | None]]:
    tree = ET.parse(TS)
    found = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        found.append(
            (message.findtext("source") or "", translation.text or "", translation.get("type"))
        )
    return found


def test_every_string_is_translated_with_its_placeholders() -> None:
    messages = _messages()
    assert len(messages) > 400
    for source, english, kind in messages:
        assert kind is None, f"unfinished: {source!r}"
        assert english.strip(), source
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(english)), source


def test_main_window_in_english(ctx: UiContext, english: None, qtbot) -> None:
    window = MainWindow(UiContext(ctx.app, ctx.settings, lang="en"))
    qtbot.addWidget(window)
    assert [window.nav.item(i).text() for i in range(3)] == ["Overview", "Contacts", "Referrals"]
    assert "Vielfalt" in window.windowTitle()
    assert "(Laptop)" in window.windowTitle()
    contacts = window.show_key("contacts")
    assert contacts.new_button.text() == "&New contact"
    assert contacts.model.headerData(0, Qt.Orientation.Horizontal) == "Date"
    assert contacts.filters.district.itemText(0) == "All districts"
    window.close_for_lock()

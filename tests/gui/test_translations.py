"""The English translation: complete, placeholders intact, and switchable at run time."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from vielfalt_desktop.resources import resource_path
from vielfalt_desktop.ui import i18n
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


def _lrelease() -> str | None:
    candidate = Path(sys.executable).with_name("pyside6-lrelease")
    return str(candidate) if candidate.exists() else shutil.which("pyside6-lrelease")


@pytest.fixture
def english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    tool = _lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    qm = tmp_path / "vielfalt_en.qm"
    subprocess.run([tool, str(TS), "-qm", str(qm)], check=True, capture_output=True)
    monkeypatch.setattr(i18n, "qm_path", lambda lang: str(qm))
    assert i18n.install("en")
    yield
    i18n.install("de")


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

"""A write that waits for another program on the same store says so in the window (issue 13)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

from PySide6.QtWidgets import QMainWindow
from tests.conftest import PASSPHRASE

from vielfalt_desktop.domain.records import Contact
from vielfalt_desktop.services.app import App
from vielfalt_desktop.ui.busy_notice import busy_text
from vielfalt_desktop.ui.controller import default_opener


def _contact(day: dt.date) -> Contact:
    return Contact(date=day, district="kannenstieg", target_group="drittstaat", topics=("arbeit",))


def test_a_write_waiting_for_another_program_shows_a_line_and_then_saves(
    app: App, data_dir: Path, clock, qtbot
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    opened = default_opener(clock)(data_dir, PASSPHRASE)  # the app's own way of opening
    holding = threading.Event()

    def other_program() -> None:
        with app.store.write():  # a second program on the same store keeps the write lock
            holding.set()
            time.sleep(2.5)

    holder = threading.Thread(target=other_program)
    holder.start()
    try:
        assert holding.wait(10)
        saved = opened.records.create(_contact(opened.today()))  # waits, then goes through
        assert window.statusBar().currentMessage() == busy_text()
    finally:
        holder.join()
        opened.close()
    assert app.records.get(Contact, saved.id) is not None


def test_no_line_when_nobody_else_writes(app: App, data_dir: Path, clock, qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    opened = default_opener(clock)(data_dir, PASSPHRASE)
    try:
        opened.records.create(_contact(opened.today()))
    finally:
        opened.close()
    assert window.statusBar().currentMessage() == ""

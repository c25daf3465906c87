"""Typing dates the German way into a DateField: 05.03.2026, 5.3.2026, or digits only."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from vielfalt_desktop.ui.widgets.date_fields import DateField

TYPED = [
    ("05.03.2026", dt.date(2026, 3, 5)),
    ("5.3.2026", dt.date(2026, 3, 5)),
    ("15.11.2026", dt.date(2026, 11, 15)),
    ("01.12.2026", dt.date(2026, 12, 1)),
    ("31.12.2025", dt.date(2025, 12, 31)),
    ("1.1.2026", dt.date(2026, 1, 1)),
    ("05032026", dt.date(2026, 3, 5)),
    ("5,3,2026", dt.date(2026, 3, 5)),
]


@pytest.fixture
def form(qtbot):
    window = QWidget()
    before = QLineEdit()
    field = DateField(dt.date(2026, 10, 24))
    layout = QVBoxLayout(window)
    layout.addWidget(before)
    layout.addWidget(field)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield before, field
    window.close()  # the window must outlive the test: the fields are its children


@pytest.mark.parametrize(("typed", "expected"), TYPED)
def test_typed_after_tabbing_in(form, qtbot, typed: str, expected: dt.date) -> None:
    before, field = form
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert field.hasFocus()
    qtbot.keyClicks(field, typed)
    assert field.value() == expected
    assert field.text() == expected.strftime("%d.%m.%Y")


@pytest.mark.parametrize(("typed", "expected"), TYPED[:3])
def test_typed_over_everything(form, qtbot, typed: str, expected: dt.date) -> None:
    _before, field = form
    field.setFocus()
    field.setSelectedSection(DateField.Section.YearSection)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, typed)
    assert field.value() == expected


def test_a_dot_still_moves_on_when_the_day_could_take_another_digit(form, qtbot) -> None:
    _before, field = form
    field.setFocus()
    field.setSelectedSection(DateField.Section.DaySection)
    qtbot.keyClicks(field, "2.")  # "2" might become 20–29, so the dot is what moves on
    assert field.currentSection() == DateField.Section.MonthSection
    qtbot.keyClicks(field, "3.2027")
    assert field.value() == dt.date(2027, 3, 2)

"""GUI tests: real widgets on the offscreen platform, a fresh encrypted store per test.

Every test here is marked ``gui`` (run the fast ones with ``pytest -m "not gui"``). Message
boxes and file dialogs are patched so nothing ever blocks.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from vielfalt_desktop.resources import resource_path
from vielfalt_desktop.services.app import App
from vielfalt_desktop.ui import i18n
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.settings import UiSettings
from vielfalt_desktop.ui.tasks import wait_all

# Qt messages that are not a problem of the program, each with the reason:
IGNORED_QT_MESSAGES = (
    # The offscreen platform cannot pass size hints to a window manager (it has none);
    # Qt says so whenever a top-level window is shown.
    "This plugin does not support propagateSizeHints",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/gui/" in str(item.path):
            item.add_marker(pytest.mark.gui)
            item.add_marker(pytest.mark.qt_log_ignore(*IGNORED_QT_MESSAGES))


class Boxes:
    """Stands in for QMessageBox: records what was asked and answers as told."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, str]] = []
        self.answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
        self.shown: list[QMessageBox] = []  # boxes built by hand, shown with exec()

    def _record(self, kind: str, args: tuple[Any, ...]) -> None:
        title = args[1] if len(args) > 1 else ""
        text = args[2] if len(args) > 2 else ""
        self.asked.append((kind, str(title), str(text)))

    def question(self, *args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        self._record("question", args)
        return self.answer

    def warning(self, *args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        self._record("warning", args)
        return self.answer

    def information(self, *args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        self._record("information", args)
        return QMessageBox.StandardButton.Ok

    def critical(self, *args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        self._record("critical", args)
        return QMessageBox.StandardButton.Ok

    def exec_box(self, box: QMessageBox) -> int:
        """A message box built by hand (e.g. with its own button texts) and run with exec()."""
        kinds = {
            QMessageBox.Icon.Question: "question",
            QMessageBox.Icon.Warning: "warning",
            QMessageBox.Icon.Information: "information",
            QMessageBox.Icon.Critical: "critical",
        }
        kind = kinds.get(box.icon(), "message")
        self.asked.append((kind, box.windowTitle(), box.text()))
        self.shown.append(box)
        if kind in ("question", "warning"):
            return self.answer.value
        return QMessageBox.StandardButton.Ok.value

    def titles(self) -> list[str]:
        return [title for _kind, title, _text in self.asked]


class Files:
    """Stands in for QFileDialog: returns the prepared paths."""

    def __init__(self) -> None:
        self.open_path: str = ""
        self.open_paths: list[str] = []
        self.save_path: str = ""
        self.directory: str = ""
        self.filters: list[str] = []  # the file-type filter each dialog offered

    def _offered(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self.filters.append(str(kwargs.get("filter", args[3] if len(args) > 3 else "")))

    def getOpenFileName(self, *args: Any, **kwargs: Any) -> tuple[str, str]:
        self._offered(args, kwargs)
        return self.open_path, ""

    def getOpenFileNames(self, *args: Any, **kwargs: Any) -> tuple[list[str], str]:
        self._offered(args, kwargs)
        return self.open_paths, ""

    def getSaveFileName(self, *args: Any, **kwargs: Any) -> tuple[str, str]:
        self._offered(args, kwargs)
        return self.save_path, ""

    def getExistingDirectory(self, *args: Any, **kwargs: Any) -> str:
        return self.directory


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    fake = Boxes()
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, getattr(fake, name))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: fake.exec_box(box))
    return fake


@pytest.fixture(autouse=True)
def files(monkeypatch: pytest.MonkeyPatch) -> Files:
    fake = Files()
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, getattr(fake, name))
    return fake


@pytest.fixture(autouse=True)
def _finish_tasks(qapp: Any) -> Iterator[None]:
    yield
    assert wait_all(30_000)
    qapp.processEvents()


def _lrelease() -> str | None:
    candidate = Path(sys.executable).with_name("pyside6-lrelease")
    return str(candidate) if candidate.exists() else shutil.which("pyside6-lrelease")


@pytest.fixture
def english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The program in English, from the current ``vielfalt_en.ts`` (compiled for the test)."""
    tool = _lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    ts = resource_path("translations", "vielfalt_en.ts")
    qm = tmp_path / "vielfalt_en.qm"
    subprocess.run([tool, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    monkeypatch.setattr(i18n, "qm_path", lambda lang: str(qm))
    assert i18n.install("en")
    yield
    i18n.install("de")


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    return UiSettings(tmp_path / "ui.ini")


@pytest.fixture
def ctx(app: App, ui_settings: UiSettings, qapp: Any) -> Iterator[UiContext]:
    yield UiContext(app, ui_settings, lang="de")
    # Background work (reports, sync) must end before the store closes.
    assert wait_all(30_000)
    qapp.processEvents()


@pytest.fixture
def office_ctx(office_app: App, ui_settings: UiSettings, qapp: Any) -> Iterator[UiContext]:
    """The coordinator's window: it keeps the partner directory."""
    yield UiContext(office_app, ui_settings, lang="de")
    assert wait_all(30_000)
    qapp.processEvents()

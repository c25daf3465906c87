"""The GUI side of the benchmarks, in its own process (offscreen Qt, its own peak memory).

    python -m benchmarks.gui_worker lists DATA_DIR SETTINGS.ini REPS
    python -m benchmarks.gui_worker rss DATA_DIR SETTINGS.ini

Prints one JSON line. ``{"missing": "…"}`` when the GUI is not there (yet). The data key is
derived once up front (Argon2id is excluded from every GUI number); each repetition then opens
the store anew with that key, so SQLCipher's page cache starts cold as after unlocking.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "benchmark-pferd-batterie-heftklammer"
SEARCH_TEXT = "wohnung"
TIMEOUT_S = 120.0


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    """Start the high-water mark of resident memory anew (Linux: clear_refs 5)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _mb(kb: int | None) -> float | None:
    return None if kb is None else kb * 1024 / 1e6


class Harness:
    def __init__(self, data_dir: Path, settings_path: Path) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        from vielfalt_desktop.services.app import App
        from vielfalt_desktop.store.database import DataPaths, Store
        from vielfalt_desktop.store.vault import KeyFile
        from vielfalt_desktop.ui import i18n
        from vielfalt_desktop.ui.controller import Controller, apply_color_scheme
        from vielfalt_desktop.ui.main import make_application
        from vielfalt_desktop.ui.settings import UiSettings
        from vielfalt_desktop.ui.tasks import wait_all

        self.data_dir = data_dir
        self.paths = DataPaths(data_dir)
        self.key = KeyFile.load(self.paths.key).unlock(PASSPHRASE)
        self.qapp = make_application()
        self.settings = UiSettings(settings_path)
        i18n.install(self.settings.language)
        apply_color_scheme(self.settings.color_scheme)
        self._App, self._Store, self._Controller = App, Store, Controller
        self.wait_all = wait_all
        self.QApplication = QApplication

        class PaintCounter(QObject):
            def __init__(self) -> None:
                super().__init__()
                self.count = 0

            def eventFilter(self, watched: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint:
                    self.count += 1
                return False

        self.PaintCounter = PaintCounter

    def open_app(self) -> Any:
        return self._App(self._Store.open_with_key(self.paths, self.key))

    def controller(self, app: Any) -> Any:
        controller = self._Controller(self.data_dir, self.settings, opener=lambda _d, _p: app)
        controller.start()  # the unlock window, as after starting the program
        self.pump()
        return controller

    def pump(self, rounds: int = 5) -> None:
        for _ in range(rounds):
            self.QApplication.processEvents()

    def until(self, done: Callable[[], bool]) -> None:
        deadline = time.perf_counter() + TIMEOUT_S
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError("Das Fenster wurde nicht gezeichnet.")
            self.QApplication.processEvents()


def lists(harness: Harness, reps: int) -> dict[str, Any]:
    from sqlalchemy import func, select

    from vielfalt_desktop.domain.query import Query
    from vielfalt_desktop.domain.records import Contact
    from vielfalt_desktop.store.models import TABLE_BY_KIND

    out: dict[str, Any] = {k: [] for k in ("first_page", "main", "base", "filter", "filter_base")}
    table = TABLE_BY_KIND["contact"]
    for _rep in range(reps):
        # Baseline: the list's own two queries on a freshly opened store, no widgets.
        app = harness.open_app()
        start = time.perf_counter()
        total = app.records.count(Contact, Query())
        page = app.records.page(Contact, Query(), 0, 200)
        out["base"].append(time.perf_counter() - start)
        if "district" not in out:
            with app.store.read() as conn:
                out["district"] = conn.execute(
                    select(table.c.district)
                    .group_by(table.c.district)
                    .order_by(func.count().desc())
                    .limit(1)
                ).scalar_one()
        query = Query(districts=(out["district"],), text=SEARCH_TEXT)
        start = time.perf_counter()
        filtered = app.records.count(Contact, query)
        app.records.page(Contact, query, 0, 200)
        out["filter_base"].append(time.perf_counter() - start)
        app.close()
        if len(page) != min(200, total):
            raise RuntimeError(f"Seite mit {len(page)} von {total} Kontakten")

        # The GUI: unlocked → main window → Kontakte → first page painted.
        app = harness.open_app()
        controller = harness.controller(app)
        start = time.perf_counter()
        window = controller.enter(app)
        out["main"].append(time.perf_counter() - start)
        screen = window.show_key("contacts")
        counter = harness.PaintCounter()
        screen.view.viewport().installEventFilter(counter)
        harness.until(lambda s=screen, c=counter: s.model.rowCount() > 0 and c.count > 0)
        out["first_page"].append(time.perf_counter() - start)
        out["total"] = screen.model.total
        harness.pump(20)  # column sizing and the like, outside the clock

        # District + text, applied with Enter (no typing delay), until the table repainted.
        bar = screen.filters
        for widget, apply in (
            (
                bar.district,
                lambda b=bar: b.district.setCurrentIndex(b.district.findData(out["district"])),
            ),
            (bar.text, lambda b=bar: b.text.setText(SEARCH_TEXT)),
        ):
            widget.blockSignals(True)
            apply()
            widget.blockSignals(False)
        harness.pump()
        before = counter.count
        start = time.perf_counter()
        bar.text.returnPressed.emit()
        harness.until(lambda c=counter, b=before: c.count > b)
        out["filter"].append(time.perf_counter() - start)
        out["filter_rows"] = screen.model.total
        if screen.model.total != filtered:
            raise RuntimeError(f"Filter: {screen.model.total} statt {filtered} Treffer")
        screen.view.viewport().removeEventFilter(counter)

        controller.lock()
        harness.wait_all(30_000)
        harness.pump()
        if controller.unlock_window is not None:
            controller.unlock_window.close()
            controller.unlock_window.deleteLater()
        controller.deleteLater()
        harness.pump()
    return out


def rss(harness: Harness) -> dict[str, Any]:
    from vielfalt_desktop.ui.main_window import SCREEN_KEYS

    controller = harness.controller(None)
    harness.pump()
    base = _status_kb("VmRSS")
    reset = _reset_peak()
    app = harness.open_app()
    controller.opener = lambda _d, _p: app
    window = controller.enter(app)
    harness.pump()
    for number, _key in enumerate(SCREEN_KEYS):
        window.show_screen(number)
        harness.pump(10)
        harness.wait_all(120_000)  # reports compute in the background
        harness.pump(10)
    contacts = window.page("contacts")
    harness.until(lambda: contacts.model.rowCount() > 0)
    return {
        "peak_mb": _mb(_status_kb("VmHWM")),
        "end_mb": _mb(_status_kb("VmRSS")),
        "base_mb": _mb(base),
        "reset": reset,
        "screens": len(SCREEN_KEYS),
    }


def main(argv: list[str]) -> int:
    mode, data_dir, settings_path = argv[0], Path(argv[1]), Path(argv[2])
    try:
        harness = Harness(data_dir, settings_path)
    except (ImportError, AttributeError) as exc:
        print(json.dumps({"missing": f"{type(exc).__name__}: {exc}"}), flush=True)
        return 0
    if mode == "lists":
        result = lists(harness, int(argv[3]))
    elif mode == "rss":
        result = rss(harness)
    else:
        raise SystemExit(f"unknown mode {mode}")
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    # Skip Qt's and SQLAlchemy's teardown: the numbers are out.
    code = main(sys.argv[1:])
    sys.stdout.flush()
    os._exit(code)

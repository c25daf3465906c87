"""How long from a bundle appearing in this device's mailbox to it being imported (issue 15).

A coordinator and a laptop that trust each other share a folder under a temporary directory;
the laptop's main window runs with the production intervals of ``ui/auto_sync.py``. Each
round the coordinator adds a partner and runs its own ``folder_sync.run()``, which renames a
finished bundle into the laptop's mailbox; the clock stops when the laptop's automatic run has
imported it (the QFileSystemWatcher's event, no click, no poll: the poll is set to an hour).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/measure_watcher.py [--rounds 7]
        [--settle SECONDS]

``--settle`` overrides ``FolderSync.settle_seconds`` (how long a file must stand still before
it counts as complete; the default is the core's).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("VIELFALT_TESTING", "1")
os.environ.setdefault("VIELFALT_ARGON2_MEMORY_MIB", "64")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.services.app import App
from vielfalt_desktop.ui.auto_sync import DEBOUNCE_MS, WATCHER
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.main_window import MainWindow
from vielfalt_desktop.ui.settings import UiSettings
from vielfalt_desktop.ui.tasks import wait_all

PASSPHRASE = "korrekt-pferd-batterie-heftklammer"  # noqa: S105 - a throwaway store


def pump_until(done: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until ``done()`` (checked every 5 ms) or the timeout.

    An event loop with a timer rather than a processEvents() loop: PySide6 6.12 on Python 3.11
    drops a reference to None on every call of a void Qt method from Python, and thousands of
    processEvents() calls end the interpreter ("none_dealloc") at exit.
    """
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(5)
    end = time.monotonic() + timeout_s
    reached = [False]

    def check() -> None:
        if done():
            reached[0] = True
            loop.quit()
        elif time.monotonic() > end:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return reached[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--settle", type=float, default=None)
    args = parser.parse_args()
    qapp = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        office, _ = App.create(root / "c", PASSPHRASE, role="office", name="Koordination")
        laptop, _ = App.create(root / "l", PASSPHRASE, role="field", name="Laptop Nord")
        office.sync.export_identity(root / "c.card")
        laptop.sync.export_identity(root / "l.card")
        office.sync.add_peer(office.sync.read_card(root / "l.card"))
        laptop.sync.add_peer(laptop.sync.read_card(root / "c.card"))
        shared = root / "geteilt"
        shared.mkdir()
        for app in (office, laptop):
            app.folder_sync.set_folder(shared)
            if args.settle is not None:
                app.folder_sync.settle_seconds = args.settle
        settle = laptop.folder_sync.settle_seconds
        window = MainWindow(
            UiContext(laptop, UiSettings(root / "ui.ini")), auto_sync={"poll_ms": 3_600_000}
        )
        window.show()
        events: list[tuple[str, int]] = []
        window.folder_job.succeeded.connect(
            lambda result, why: events.append((why, len(result.imported)))
        )
        pump_until(lambda: bool(events) and not window.folder_job.running, 30)  # the unlock run
        times = []
        for n in range(args.rounds):
            events.clear()
            office.records.create(Partner(name=f"Partner {n}", partner_kind="behoerde"))
            office.folder_sync.run()  # ends with the rename into the laptop's mailbox
            start = time.monotonic()
            if not pump_until(lambda: any(why == WATCHER and k for why, k in events), 60):
                print(f"round {n}: not imported within 60 s", file=sys.stderr)
                return 1
            times.append(time.monotonic() - start)
            pump_until(lambda: not window.folder_job.running, 30)
            pump_until(lambda: False, 0.3)
        window.close_for_lock()
        assert wait_all(30_000)
        qapp.processEvents()
        office.close()
        laptop.close()
    print(
        "watcher latency, bundle renamed into the mailbox -> imported: "
        f"median {statistics.median(times):.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f}, {len(times)} rounds; "
        f"debounce {DEBOUNCE_MS} ms, settle {settle:.2f} s)"
    )
    print("rounds: " + ", ".join(f"{t:.2f}" for t in times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

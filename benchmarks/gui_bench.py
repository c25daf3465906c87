"""The desktop GUI: cold start, the Kontakte list at 100 000 rows, a filter, peak memory.

Every GUI number comes from a separate process on Qt's offscreen platform, so the runner's
own memory and imports do not count. When the GUI is not there (yet), the entries say so and
carry no number.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.common import Context, Result, check, load, log, median, missing

NAMES = ("cold_start", "gui_first_page", "gui_filter", "gui_rss")
TARGETS = {"cold_start": 1.0, "gui_first_page": 0.5, "gui_filter": 0.1, "gui_rss": 300.0}
MARK = "VIELFALT-BENCH-SHOWN"

# What `vielfalt` does up to the unlock window (ui.main.run without the event loop), then one
# pass of the event loop and a line on stdout. Settings go to a throwaway .ini file.
COLD_START = f"""
import os, sys
from pathlib import Path
try:
    from vielfalt_desktop.ui.main import make_application
    from vielfalt_desktop.ui import i18n
    from vielfalt_desktop.ui.controller import Controller, apply_color_scheme
    from vielfalt_desktop.ui.settings import UiSettings
except ImportError as exc:
    print("MISSING", exc, flush=True)
    os._exit(0)
app = make_application()
settings = UiSettings(Path(sys.argv[2]))
i18n.install(settings.language)
apply_color_scheme(settings.color_scheme)
controller = Controller(Path(sys.argv[1]), settings)
window = controller.start()
window.show()
app.processEvents()
ok = window.isVisible() and type(window).__name__ == "UnlockWindow"
print("{MARK}" if ok else "WRONG " + type(window).__name__, flush=True)
os._exit(0)
"""

# The floor: the interpreter, Qt and one empty window.
QT_HELLO = f"""
import os, sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
window = QWidget()
window.show()
app.processEvents()
print("{MARK}", flush=True)
os._exit(0)
"""


def _env(ctx: Context) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(ctx.work / "config")  # never the user's own settings
    env["XDG_CACHE_HOME"] = str(ctx.work / "cache")
    env.pop("VIELFALT_PASSPHRASE", None)
    return env


def _spawn_until_mark(ctx: Context, code: str, *args: str) -> tuple[float, str]:
    """Seconds from spawning ``python -c code`` to the line it prints when its window shows."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=_env(ctx),
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    seconds = time.perf_counter() - start
    _out, err = proc.communicate(timeout=60)
    if proc.returncode != 0 or not line:
        raise RuntimeError(f"Prozess endete mit {proc.returncode}: {err.strip()[-2000:]}")
    return seconds, line


def cold_start(ctx: Context) -> Result:
    data_dir = ctx.field_copy()
    settings = ctx.work / "cold.ini"
    subject: list[float] = []
    base: list[float] = []
    # One untimed round each: the files are then in the OS cache, as on a second start.
    _spawn_until_mark(ctx, QT_HELLO)
    _, line = _spawn_until_mark(ctx, COLD_START, str(data_dir), str(settings))
    if line.startswith("MISSING"):
        return missing("cold_start", "s", TARGETS["cold_start"], f"GUI fehlt ({line[8:]}).")
    if line != MARK:
        raise RuntimeError(f"Statt des Entsperrfensters: {line}")
    for rep in range(max(ctx.reps, 5)):
        base.append(_spawn_until_mark(ctx, QT_HELLO)[0])
        seconds, line = _spawn_until_mark(ctx, COLD_START, str(data_dir), str(settings))
        check(line == MARK, line)
        subject.append(seconds)
        log(f"  Lauf {rep + 1}: Entsperrfenster {seconds:.3f} s, Qt allein {base[-1]:.3f} s")
    s, b = median(subject), median(base)
    note = (
        f"Prozessstart bis Entsperrfenster gezeigt + ein Durchlauf der Ereignisschleife "
        f"(offscreen, ohne Argon2id). Basis: Python + Qt + leeres Fenster {b:.3f} s. {load()}."
    )
    target = TARGETS["cold_start"]
    return Result("cold_start", s, "s", target, s <= target, b, note)


def _worker(ctx: Context, *args: str) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.gui_worker", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=_env(ctx),
        cwd=Path(__file__).resolve().parent.parent,
        timeout=1800,
        check=False,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(
            f"GUI-Messprozess endete mit {proc.returncode}: {proc.stderr.strip()[-3000:]}"
        )
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def lists(ctx: Context) -> list[Result]:
    out = _worker(ctx, "lists", str(ctx.field_copy()), str(ctx.work / "gui.ini"), str(ctx.reps))
    if "missing" in out:
        note = f"GUI fehlt ({out['missing']})."
        return [
            missing("gui_first_page", "s", TARGETS["gui_first_page"], note),
            missing("gui_filter", "s", TARGETS["gui_filter"], note),
        ]
    for rep, (first, filt) in enumerate(zip(out["first_page"], out["filter"], strict=True)):
        log(f"  Lauf {rep + 1}: erste Seite {first:.3f} s, Filter {filt:.3f} s")
    first, main_window, base = median(out["first_page"]), median(out["main"]), median(out["base"])
    filt, filt_base = median(out["filter"]), median(out["filter_base"])
    first_note = (
        f"Entsperrt (App offen) → Hauptfenster ({main_window:.3f} s, mit Übersicht) → Kontakte: "
        f"erste Seite von {out['total']} Kontakten gezeichnet. Basis: count + erste Seite "
        f"(200) über RecordService ohne Fenster, frisch geöffnet: {base:.3f} s. {load()}."
    )
    filter_note = (
        f"Stadtteil „{out['district']}“ + Text „wohnung“ mit Eingabetaste bis neu gezeichnet "
        f"({out['filter_rows']} Treffer). Basis: dieselbe count + Seite über RecordService "
        f"{filt_base * 1000:.0f} ms. {load()}."
    )
    t_first, t_filter = TARGETS["gui_first_page"], TARGETS["gui_filter"]
    return [
        Result("gui_first_page", first, "s", t_first, first <= t_first, base, first_note),
        Result("gui_filter", filt, "s", t_filter, filt <= t_filter, filt_base, filter_note),
    ]


def memory(ctx: Context) -> Result:
    target = TARGETS["gui_rss"]
    peaks: list[float] = []
    for rep in range(ctx.reps):
        out = _worker(ctx, "rss", str(ctx.field_copy()), str(ctx.work / "rss.ini"))
        if "missing" in out:
            return missing("gui_rss", "MB", target, f"GUI fehlt ({out['missing']}).")
        peaks.append(out["peak_mb"])
        log(f"  Lauf {rep + 1}: Spitze {out['peak_mb']:.0f} MB, Basis {out['base_mb']:.0f} MB")
    peak = median(peaks)
    how = (
        "Spitze ab dem Öffnen (clear_refs)"
        if out["reset"]
        else "Spitze des ganzen Prozesses (ru_maxrss, mit Argon2id)"
    )
    note = (
        f"VmHWM des GUI-Prozesses, Bestand offen, alle {out['screens']} Bildschirme besucht "
        f"(Berichte rechnen fertig); {how}. Basis: Qt + Entsperrfenster, noch ohne Bestand "
        f"({out['base_mb']:.0f} MB); MB = 10^6 Byte."
    )
    return Result("gui_rss", peak, "MB", target, peak <= target, out["base_mb"], note)


def run(ctx: Context) -> list[Result]:
    results = [cold_start(ctx)]
    results.extend(lists(ctx))
    results.append(memory(ctx))
    return results

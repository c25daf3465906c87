"""The coordinator's full report (statistics, small-cell protection, PDF) over the large set."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

from benchmarks.common import Context, Result, load, log, median, missing, opened, timed
from benchmarks.sync_bench import read_everything

NAMES = ("report_pdf",)
TARGET_S = 5.0


def run(ctx: Context) -> list[Result]:
    try:
        report_export: Any = importlib.import_module("vielfalt_desktop.services.report_export")
    except ImportError as exc:
        return [missing("report_pdf", "s", TARGET_S, f"Berichte fehlen ({exc}).")]
    from vielfalt_desktop.demo import SPAN_DAYS

    subject: list[float] = []
    base: list[float] = []
    with opened(ctx.field_copy()) as app:
        end = app.store.clock.today()
        start = end - dt.timedelta(days=SPAN_DAYS + 1)  # every record of the demo data
        for rep in range(ctx.reps):
            path = ctx.scratch("bericht.pdf")

            def report(a: Any = app, p: Any = path) -> Any:
                built = report_export.build_report(a, start, end)
                report_export.write_pdf(a, built, p)
                return built

            seconds, built = timed(report)
            subject.append(seconds)
            scan, rows = timed(lambda a=app: read_everything(a))
            base.append(scan)
            log(
                f"  Lauf {rep + 1}: Bericht {seconds:.2f} s ({path.stat().st_size / 1e3:.0f} kB "
                f"PDF), Basis {scan:.2f} s"
            )
        contacts = built.figure("kontakte").value or 0
    s, b = median(subject), median(base)
    note = (
        f"build_report + write_pdf für {start.isoformat()}–{end.isoformat()} (ganze Stadt, "
        f"{contacts:.0f} Kontakte gezählt). Basis: SELECT aller {rows} Zeilen jeder Art "
        f"({b:.2f} s). {load()}."
    )
    return [Result("report_pdf", s, "s", TARGET_S, s <= TARGET_S, b, note)]

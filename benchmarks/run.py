"""Run the benchmarks, print a table, write JSON.

    python -m benchmarks                      # the large data set, 3 repetitions, build/bench.json
    python -m benchmarks --quick --output x.json   # tiny sizes, 1 repetition (the test suite)
    python -m benchmarks --only bundle_import report_pdf

Exit status 0 when every benchmark ran (targets met or not), 1 when one of them failed with an
error (its entry then says so and carries no number), 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from benchmarks import gui_bench, report_bench, store_bench, sync_bench
from benchmarks.common import LARGE, QUICK, ROOT, Context, Result, Sizes, load, log
from benchmarks.profiles import PROFILES

Group = tuple[tuple[str, ...], Callable[[Context], list[Result]]]

#: Groups in running order; each yields its entries. Units and targets for error entries.
GROUPS: tuple[Group, ...] = (
    (store_bench.NAMES, store_bench.run),
    (sync_bench.NAMES, sync_bench.run),
    (report_bench.NAMES, report_bench.run),
    (gui_bench.NAMES, gui_bench.run),
)
SPECS: dict[str, tuple[str, float]] = {
    "encryption_overhead": ("ratio", 1.3),
    "store_floor": ("ratio", 3.0),
    "bundle_export": ("ratio", 2.0),
    "bundle_import": ("ratio", 3.0),
    "bundle_reimport": ("%", 5.0),
    "report_pdf": ("s", 5.0),
    "cold_start": ("s", 1.0),
    "gui_first_page": ("s", 0.5),
    "gui_filter": ("s", 0.1),
    "gui_rss": ("MB", 300.0),
}
ALL_NAMES = tuple(name for names, _ in GROUPS for name in names)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repetition")
    parser.add_argument("--only", nargs="+", metavar="NAME", choices=ALL_NAMES, default=None)
    parser.add_argument("--output", type=Path, default=None, help="default: build/bench.json")
    parser.add_argument("--reps", type=int, default=None, help="repetitions (default 3, quick 1)")
    parser.add_argument("--contacts", type=int, default=None, help="size of the data set")
    parser.add_argument(
        "--cache", type=Path, default=None, help="data set cache (default: build/bench)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    sizes: Sizes = QUICK if args.quick else LARGE
    if args.contacts:
        sizes = replace(sizes, contacts=args.contacts)
    reps = args.reps or (1 if args.quick else 3)
    output = args.output or ROOT / "build" / "bench.json"
    cache = args.cache or ROOT / "build" / "bench"
    wanted = set(args.only or ALL_NAMES)
    ctx = Context(sizes=sizes, reps=reps, cache=cache, quick=args.quick)
    results: dict[str, Result] = {}
    failed = False
    started = time.perf_counter()
    print(
        f"Benchmarks: {sizes.contacts} Kontakte, {reps} Wiederholung(en), Median; "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}",
        file=sys.stderr,
    )
    try:
        for names, run_group in GROUPS:
            if not wanted.intersection(names):
                continue
            log(f"Gruppe {', '.join(names)}")
            group_start = time.perf_counter()
            try:
                for result in run_group(ctx):
                    results[result.name] = result
            except Exception as exc:
                failed = True
                traceback.print_exc()
                for name in names:
                    if name not in results:
                        unit, target = SPECS[name]
                        results[name] = Result(
                            name, None, unit, target, False, None, f"Fehler: {exc!r}"
                        )
            log(f"Gruppe fertig in {time.perf_counter() - group_start:.0f} s")
    finally:
        ctx.close()
    chosen = [results[name] for name in ALL_NAMES if name in wanted and name in results]
    for result in chosen:
        profile = PROFILES.get(result.name, "")
        # The profiles were taken on the large set; tiny quick sizes miss for other reasons.
        if not result.met and result.value is not None and profile and not args.quick:
            result.note = f"{result.note} {profile}".strip()
    print_table(chosen)
    output.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "results": [r.as_json() for r in chosen],
        "contacts": sizes.contacts,
        "repetitions": reps,
        "seconds": round(time.perf_counter() - started, 1),
        "load_at_end": load(),
    }
    output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    print(f"\nGeschrieben: {output}")
    return 1 if failed else 0


def _fmt(value: float | None) -> str:
    if value is None:
        return "–"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"


def print_table(results: Sequence[Result]) -> None:
    rows = [
        (
            r.name,
            _fmt(r.value),
            r.unit,
            f"≤ {_fmt(r.target)}",
            "ja" if r.met else "NEIN",
            _fmt(r.baseline),
        )
        for r in results
    ]
    head = ("name", "value", "unit", "target", "met", "baseline")
    widths = [max(len(row[i]) for row in (head, *rows)) for i in range(len(head))]
    line = "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))
    print()
    print(line)
    print("-" * len(line))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    print()
    for r in results:
        if r.note:
            print(f"{r.name}: {r.note}")

"""The benchmarks in their quick mode (tiny data set, one repetition), so they never rot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAMES = {
    "encryption_overhead",
    "store_floor",
    "bundle_export",
    "bundle_import",
    "bundle_reimport",
    "gui_first_page",
    "gui_filter",
    "report_pdf",
    "gui_rss",
    "cold_start",
}
KEYS = {"name", "value", "unit", "target", "met", "baseline"}


def test_quick_benchmarks_run_and_write_every_entry(tmp_path: Path) -> None:
    output = tmp_path / "bench.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIELFALT_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--quick",
            "--output",
            str(output),
            "--cache",
            str(tmp_path / "cache"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    document = json.loads(output.read_text())
    entries = document["results"]
    assert {entry["name"] for entry in entries} == NAMES
    for entry in entries:
        assert KEYS <= set(entry) <= KEYS | {"note"}, entry
        assert isinstance(entry["met"], bool), entry
        assert entry["value"] is None or isinstance(entry["value"], int | float), entry
        assert isinstance(entry["target"], int | float), entry
    # The table is printed too.
    assert "encryption_overhead" in result.stdout
    assert str(output) in result.stdout

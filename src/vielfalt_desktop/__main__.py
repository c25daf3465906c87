"""`vielfalt` and `python -m vielfalt_desktop`: the command line, and with no command the
desktop app. The one place that knows both, so that the command line never imports the UI."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from vielfalt_desktop.cli import main as run_command


def run_gui(data_dir: Path) -> int:
    from vielfalt_desktop.ui.main import run

    return run(data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    return run_command(argv, gui=run_gui)


if __name__ == "__main__":
    raise SystemExit(main())

import subprocess
import sys
from pathlib import Path

import vielfalt_desktop

CORE = ("domain", "store", "sync", "reports", "services")


def _core_modules() -> list[str]:
    root = Path(vielfalt_desktop.__file__).parent
    modules = []
    for package in CORE:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(root.parent).with_suffix("").parts
            modules.append(".".join(p for p in parts if p != "__init__"))
    return modules


def test_core_packages_import_no_qt() -> None:
    modules = _core_modules()
    assert len(modules) > 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "qt = ('PySide6', 'shiboken6', 'PyQt6')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in qt)\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_core_source_mentions_no_qt() -> None:
    root = Path(vielfalt_desktop.__file__).parent
    for package in CORE:
        for path in (root / package).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            assert "PySide6" not in source, path

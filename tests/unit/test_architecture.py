import subprocess
import sys
from pathlib import Path

import pytest
from tests.unit import layers

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


SRC = Path(vielfalt_desktop.__file__).parent.parent


def test_no_module_imports_against_the_layers() -> None:
    sources = layers.module_sources(SRC)
    assert len(sources) > 50
    assert layers.violations(sources) == []


def test_the_import_graph_has_no_circle() -> None:
    assert layers.circles(layers.module_sources(SRC)) == []


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("vielfalt_desktop.domain.extra", "from vielfalt_desktop.store.database import Store"),
        ("vielfalt_desktop.store.extra", "from vielfalt_desktop.services import app"),
        ("vielfalt_desktop.services.extra", "import vielfalt_desktop.ui.main"),
        ("vielfalt_desktop.ui.extra", "from vielfalt_desktop.store import repository"),
        ("vielfalt_desktop.ui.extra", "from vielfalt_desktop.sync.naming import file_slug"),
        ("vielfalt_desktop.cli.extra", "from vielfalt_desktop.store.vault import KeyFile"),
        ("vielfalt_desktop.domain.extra", "from ..reports import pdf"),
    ],
)
def test_an_upward_import_is_caught(module: str, line: str) -> None:
    sources = layers.module_sources(SRC)
    sources[module] = line + "\n"
    assert layers.violations(sources), line


def test_a_circle_is_caught() -> None:
    sources = layers.module_sources(SRC)
    sources["vielfalt_desktop.domain.ping"] = "from vielfalt_desktop.domain import pong\n"
    sources["vielfalt_desktop.domain.pong"] = "import vielfalt_desktop.domain.ping\n"
    assert ["vielfalt_desktop.domain.ping", "vielfalt_desktop.domain.pong"] in layers.circles(
        sources
    )


def test_the_ui_never_reaches_into_the_store() -> None:
    root = SRC / "vielfalt_desktop" / "ui"
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".store." in text or text.rstrip().endswith(".store")
    ]
    assert found == []


def test_no_source_file_is_over_700_lines() -> None:
    long = {
        str(path.relative_to(SRC)): n
        for path in (SRC / "vielfalt_desktop").rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 700
    }
    assert long == {}

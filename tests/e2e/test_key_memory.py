"""Key hygiene, measured: how many copies of the data key a locked program still holds.

A child process unlocks the store, works, locks (the app's auto-lock: App.close) and waits;
this process reads the child's memory through /proc/PID/mem and counts the key as raw bytes,
as hex text and as SQLCipher's ``x'<hex>'`` literal. Linux only; marked slow.

``python tests/e2e/test_key_memory.py [SRC]`` prints the counts for the code in SRC (default:
this checkout), e.g. for comparing with an older commit checked out elsewhere.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PASS = "korrekt-pferd-batterie-heftklammer"
SRC = Path(__file__).resolve().parents[2] / "src"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/PID/mem"),
]

CHILD = textwrap.dedent(
    """
    import gc, sys
    from pathlib import Path
    from vielfalt_desktop.services.app import App

    data_dir, passphrase, harden = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "1"
    if harden:
        from vielfalt_desktop.store.keymem import harden_process
        harden_process()
    app = App.open(data_dir, passphrase)
    app.stats.counts()
    app.sync.digest()
    app.audit.log("log_export")
    print("offen", flush=True)
    sys.stdin.readline()
    app.close()  # the lock
    del app
    gc.collect()
    print("gesperrt", flush=True)
    sys.stdin.readline()
    """
)


def _env(src: Path) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("VIELFALT_")}
    environment["VIELFALT_TESTING"] = "1"
    environment["VIELFALT_ARGON2_MEMORY_MIB"] = "64"
    environment["PYTHONPATH"] = str(src)
    return environment


def count_in_memory(pid: int, needles: dict[str, bytes]) -> dict[str, int]:
    """Occurrences of each needle in the readable memory of process ``pid``."""
    found = dict.fromkeys(needles, 0)
    maps = Path(f"/proc/{pid}/maps").read_text().splitlines()
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for line in maps:
            fields = line.split()
            if "r" not in fields[1] or (len(fields) > 5 and fields[5] in ("[vvar]", "[vsyscall]")):
                continue
            start, end = (int(x, 16) for x in fields[0].split("-"))
            try:
                mem.seek(start)
                chunk = mem.read(end - start)
            except (OSError, ValueError, OverflowError):
                continue
            for name, needle in needles.items():
                found[name] += len(re.findall(re.escape(needle), chunk))
    return found


def measure(src: Path, data_dir: Path) -> dict[str, dict[str, int]]:
    """Key copies in a child running the code in ``src``: while unlocked and after the lock."""
    sys.path.insert(0, str(src))
    try:
        from vielfalt_desktop.store.vault import KeyFile

        key = KeyFile.load(data_dir / "vielfalt.key").unlock(PASS)
    finally:
        sys.path.remove(str(src))
    hexkey = key.hex().encode()
    needles = {"raw": key, "hex": hexkey, "HEX": hexkey.upper(), "literal": b"x'" + hexkey}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), PASS, "0"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_env(src),
    )
    assert child.stdin is not None
    assert child.stdout is not None
    try:
        result = {}
        for state in ("offen", "gesperrt"):
            assert child.stdout.readline().strip() == state
            result[state] = count_in_memory(child.pid, needles)
            child.stdin.write("\n")
            child.stdin.flush()
        child.wait(timeout=60)
        return result
    finally:
        child.kill()
        child.communicate()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from vielfalt_desktop.services.app import App

    data_dir = tmp_path_factory.mktemp("speicher") / "daten"
    app, _ = App.create(data_dir, PASS, role="office", name="Koordination")
    app.close()
    return data_dir


def test_no_copy_of_the_key_is_left_in_memory_after_the_lock(store_dir: Path) -> None:
    counts = measure(SRC, store_dir)
    print(counts)
    assert counts["offen"]["raw"] >= 1  # the scan does find the key while unlocked
    assert counts["gesperrt"] == {"raw": 0, "hex": 0, "HEX": 0, "literal": 0}
    assert counts["offen"]["literal"] == 0  # never as SQL text, not even while open


def test_core_dumps_are_off_and_memory_is_closed_to_other_processes(store_dir: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(store_dir), PASS, "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_env(SRC),
    )
    assert child.stdin is not None
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "offen"
        limits = Path(f"/proc/{child.pid}/limits").read_text()
        core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
        assert core.split()[4:6] == ["0", "0"]
        status = Path(f"/proc/{child.pid}/status").read_text()
        assert "Uid" in status
        if os.geteuid() != 0:  # root may read any process; others are refused (not dumpable)
            with pytest.raises(PermissionError):
                count_in_memory(child.pid, {"x": b"x"})
        else:
            assert os.stat(f"/proc/{child.pid}/mem").st_uid == 0
    finally:
        child.kill()
        child.communicate()


if __name__ == "__main__":
    import tempfile

    src = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else SRC
    sys.path.insert(0, str(src))
    os.environ.update({"VIELFALT_TESTING": "1", "VIELFALT_ARGON2_MEMORY_MIB": "64"})
    from vielfalt_desktop.services.app import App

    target = Path(tempfile.mkdtemp()) / "daten"
    made, _ = App.create(target, PASS, role="office", name="Koordination")
    made.close()
    print(src, measure(src, target))

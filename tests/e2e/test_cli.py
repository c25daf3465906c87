"""The command line as a user or a script drives it: real processes, real files."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASS = "korrekt-pferd-batterie-heftklammer"
KEYS = {"contacts", "referrals", "conflicts", "interventions", "events", "partners"}


def run(
    data_dir: Path, *args: str, passphrase: str | None = PASS, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("VIELFALT_")}
    environment["VIELFALT_TESTING"] = "1"
    environment["VIELFALT_ARGON2_MEMORY_MIB"] = "64"
    if passphrase is not None:
        environment["VIELFALT_PASSPHRASE"] = passphrase
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "vielfalt_desktop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=environment,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )


def snapshot(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The coordinator's store with demo data (the partner directory is written there)."""
    data_dir = tmp_path_factory.mktemp("cli") / "daten"
    init = run(data_dir, "init", "--role", "office", "--name", "Koordination Nord")
    assert init.returncode == 0, init.stderr
    demo = run(data_dir, "demo", "--contacts", "500", "--seed", "7")
    assert demo.returncode == 0, demo.stderr
    return data_dir


def test_stats_json_has_the_contract_keys(filled: Path) -> None:
    result = run(filled, "stats", "--json")
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert counts.keys() >= KEYS
    assert counts["contacts"] == 500
    assert all(counts[key] > 0 for key in KEYS)


def test_wrong_passphrase_exits_3_and_changes_nothing(filled: Path) -> None:
    before = snapshot(filled)
    result = run(filled, "stats", "--json", passphrase="falsche-passphrase")
    assert result.returncode == 3
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    after = snapshot(filled)
    # Only the time of the attempt is noted beside the store, for the audit trail.
    assert after.pop("entsperrversuche.json")
    assert after == before
    (filled / "entsperrversuche.json").unlink()


def test_no_passphrase_and_no_terminal_exits_3(filled: Path) -> None:
    result = run(filled, "stats", passphrase=None)
    assert result.returncode == 3
    assert "VIELFALT_PASSPHRASE" in result.stderr


def test_check_passes(filled: Path) -> None:
    result = run(filled, "check")
    assert result.returncode == 0, result.stderr
    assert "in Ordnung" in result.stdout


def test_no_plaintext_under_the_data_dir(filled: Path, tmp_path: Path) -> None:
    marker = "Sprachcafé-Nachfrage Kannenstieg Markierungstext"
    csv_file = tmp_path / "p.csv"
    csv_file.write_text(f"Name;Notiz\nMarkierungsverein Elbe;{marker}\n", encoding="utf-8")
    assert run(filled, "partners", "import", str(csv_file)).returncode == 0
    for path in filled.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        assert not data.startswith(b"SQLite format 3"), path
        for needle in (marker, "Markierungsverein", "Koordination Nord", "kannenstieg"):
            assert needle.encode("utf-8") not in data, (path, needle)
            assert needle.encode("utf-16-le") not in data, (path, needle)


def test_partners_import_and_update(filled: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "partner.csv"
    csv_file.write_bytes(
        "\ufeffName,Art,Sprachen,Stadtteile\n"
        'Verein Brücke e.V.,Verein,"Arabisch, Deutsch",Kannenstieg\n'.encode()
    )
    first = run(filled, "partners", "import", str(csv_file))
    assert first.returncode == 0, first.stderr
    assert "1 neu" in first.stdout
    again = run(filled, "partners", "import", str(csv_file))
    assert "1 unverändert" in again.stdout


def test_malformed_csv_exits_4_and_changes_nothing(filled: Path, tmp_path: Path) -> None:
    bad = tmp_path / "kaputt.csv"
    bad.write_text("Name;Sprachen\nGuter Verein;Deutsch\nBöser Verein;Klingonisch\n")
    before = run(filled, "stats", "--json").stdout
    result = run(filled, "partners", "import", str(bad))
    assert result.returncode == 4
    assert "Zeile 3" in result.stderr
    assert run(filled, "stats", "--json").stdout == before


def test_init_refuses_an_existing_store(filled: Path) -> None:
    before = snapshot(filled)
    result = run(filled, "init", "--role", "office", "--name", "Zweiter Versuch")
    assert result.returncode == 1
    assert snapshot(filled) == before


def test_usage_error_exits_2(filled: Path) -> None:
    assert run(filled, "init", "--role", "chef", "--name", "x").returncode == 2
    assert run(filled, "demo", "--contacts", "0").returncode == 2


def test_passwd_and_recovery(tmp_path: Path) -> None:
    data_dir = tmp_path / "daten"
    key_out = tmp_path / "wiederherstellung.txt"
    init = run(
        data_dir, "init", "--role", "office", "--name", "Koordination",
        "--recovery-key-out", str(key_out),
    )  # fmt: skip
    assert init.returncode == 0, init.stderr
    recovery = key_out.read_text().split("\n\n")[1].strip()
    assert recovery not in init.stdout

    changed = run(data_dir, "passwd", env={"VIELFALT_NEW_PASSPHRASE": "zweite-passphrase-lang"})
    assert changed.returncode == 0, changed.stderr
    assert run(data_dir, "stats").returncode == 3
    assert run(data_dir, "stats", passphrase="zweite-passphrase-lang").returncode == 0

    env = {"VIELFALT_RECOVERY_KEY": recovery, "VIELFALT_NEW_PASSPHRASE": "dritte-passphrase-lang"}
    restored = run(data_dir, "passwd", "--recovery", passphrase=None, env=env)
    assert restored.returncode == 0, restored.stderr
    assert run(data_dir, "stats", passphrase="dritte-passphrase-lang").returncode == 0


# --- a field laptop: the partner directory and vocabularies come from the coordinator -------


@pytest.fixture(scope="module")
def laptop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("cli-laptop") / "daten"
    init = run(data_dir, "init", "--role", "field", "--name", "Laptop Süd")
    assert init.returncode == 0, init.stderr
    return data_dir


def _refused_on_the_laptop(laptop: Path, *args: str) -> str:
    before = run(laptop, "stats", "--json").stdout
    result = run(laptop, *args)
    assert result.returncode == 4, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert run(laptop, "stats", "--json").stdout == before
    return result.stderr


def test_partners_import_on_a_laptop_exits_4(laptop: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "partner.csv"
    csv_file.write_text("Name;Art\nVerein Brücke e.V.;Verein\n", encoding="utf-8")
    error = _refused_on_the_laptop(laptop, "partners", "import", str(csv_file))
    assert "Partner pflegt die Koordination" in error


def test_vocab_set_on_a_laptop_exits_4(laptop: Path) -> None:
    args = ("vocab", "set", "topic", "energiekosten", "--de", "Energiekosten", "--en", "Energy")
    error = _refused_on_the_laptop(laptop, *args)
    assert "pflegt die Koordination" in error
    listed = run(laptop, "vocab", "list", "topic")
    assert listed.returncode == 0, listed.stderr
    assert "energiekosten" not in listed.stdout


def test_demo_on_a_laptop_without_directory_writes_no_partners(laptop: Path) -> None:
    demo = run(laptop, "demo", "--contacts", "50", "--seed", "3")
    assert demo.returncode == 0, demo.stderr
    counts = json.loads(run(laptop, "stats", "--json").stdout)
    assert counts["contacts"] == 50
    assert counts["partners"] == 0
    assert counts["referrals"] == 0
    assert counts["conflicts"] > 0
    assert counts["events"] > 0

"""Data protection from the command line: rules, purge, deletion log and audit trail."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.e2e.test_cli import PASS, run

NEW_PASS = "neue-lange-passphrase-fuer-den-laptop"


@pytest.fixture(scope="module")
def laptop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("privacy") / "daten"
    assert run(data_dir, "init", "--role", "field", "--name", "Laptop Süd").returncode == 0
    demo = run(data_dir, "demo", "--contacts", "300", "--seed", "3")
    assert demo.returncode == 0, demo.stderr
    return data_dir


def ok(data_dir: Path, *args: str, passphrase: str = PASS) -> str:
    result = run(data_dir, *args, passphrase=passphrase)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_rules_show_set_and_refuse_bad_values(laptop: Path) -> None:
    shown = ok(laptop, "retention", "show")
    assert "Kontakte" in shown
    assert "Pseudonym-Verknüpfung entfernt nach: 24 Monaten" in shown
    assert "vom Laptop entfernen: aus" in shown
    bad = run(laptop, "retention", "set", "--pseudonym-months", "0")
    assert bad.returncode == 4
    assert "Monaten" in bad.stderr
    assert run(laptop, "retention", "set", "--notes", "kontakte=5").returncode == 2
    ok(laptop, "retention", "set", "--notes", "all=18", "--purge-after-ack", "90")
    shown = ok(laptop, "retention", "show")
    assert "(contact): 18" in shown
    assert "nach 90 Tagen" in shown
    ok(laptop, "retention", "set", "--notes", "all=12", "--purge-after-ack", "off")


def test_dry_run_counts_then_purge_applies_and_logs(laptop: Path, tmp_path: Path) -> None:
    dry = ok(laptop, "purge", "--dry-run")
    assert "Freitext nach Ablauf geleert" in dry
    assert "Probelauf" in dry
    assert ok(laptop, "purge", "--dry-run") == dry  # counting changed nothing
    done = ok(laptop, "purge")
    assert done == dry.replace("Probelauf – nichts wurde geändert.\n", "")
    assert "Nichts fällig" in ok(laptop, "purge")
    listed = ok(laptop, "deletion-log")
    assert "Laptop Süd" in listed
    assert "Freitext nach Ablauf geleert" in listed
    pdf = tmp_path / "loeschprotokoll.pdf"
    assert "nicht verschlüsselt" in ok(laptop, "deletion-log", "-o", str(pdf))
    assert "Löschprotokoll" in PdfReader(pdf).pages[0].extract_text()


def test_audit_lists_filters_and_exports(laptop: Path, tmp_path: Path) -> None:
    wrong = run(laptop, "stats", passphrase="falsch-falsch-falsch")
    assert wrong.returncode == 3
    listed = ok(laptop, "audit", "--limit", "500")
    assert "Entsperren fehlgeschlagen" in listed
    assert "entsperrt" in listed
    creates = ok(laptop, "audit", "--action", "create")
    assert "contact" in creates
    assert "×300" in creates  # demo data: one entry per kind, with the count
    assert "entsperrt" not in creates
    csv_path = tmp_path / "pruef.csv"
    ok(laptop, "audit", "-o", str(csv_path), "--action", "create")
    assert csv_path.read_text(encoding="utf-8-sig").startswith("Zeitpunkt;Gerät;Aktion")
    assert run(laptop, "audit", "-o", str(tmp_path / "pruef.txt")).returncode == 2


def test_changing_the_passphrase_is_logged(laptop: Path) -> None:
    result = run(laptop, "passwd", env={"VIELFALT_NEW_PASSPHRASE": NEW_PASS})
    assert result.returncode == 0, result.stderr
    assert "Passphrase geändert" in ok(laptop, "audit", passphrase=NEW_PASS)
    back = run(laptop, "passwd", passphrase=NEW_PASS, env={"VIELFALT_NEW_PASSPHRASE": PASS})
    assert back.returncode == 0, back.stderr


def test_peers_remove_withdraws_trust(tmp_path: Path) -> None:
    office, laptop = tmp_path / "koord", tmp_path / "laptop"
    ok(office, "init", "--role", "office", "--name", "Koordination")
    ok(laptop, "init", "--role", "field", "--name", "Laptop Verloren")
    for source, target, card in ((office, laptop, "k.card"), (laptop, office, "l.card")):
        ok(source, "identity", "export", "-o", str(tmp_path / card))
        ok(target, "peers", "add", str(tmp_path / card), "--yes")
    ok(laptop, "export", "--to", "Koordination", "-o", str(tmp_path / "b.vfb"))

    unconfirmed = run(office, "peers", "remove", "Laptop Verloren")
    assert unconfirmed.returncode == 2  # no terminal to ask, no --yes: nothing removed
    assert "Laptop Verloren" in ok(office, "peers", "list")
    out = ok(office, "peers", "remove", "Laptop Verloren", "--yes")
    assert "kein vertrautes Gerät mehr" in out
    refused = run(office, "import", str(tmp_path / "b.vfb"))
    assert refused.returncode == 4
    assert "Vertrauen in ein Gerät entzogen" in ok(office, "audit", "--action", "peer_removed")

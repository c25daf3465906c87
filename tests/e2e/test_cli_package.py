"""The command line under the app's rules: `passwd` refuses what the passphrase dialog refuses,
and `-o FOLDER` writes cards and bundles under the app's default names."""

from pathlib import Path

import pytest
from tests.e2e.test_cli import PASS, run, snapshot

from vielfalt_desktop.services.passphrase import PassphraseChange

NAME = "Laptop Süd"


@pytest.fixture(scope="module")
def laptop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("cli-package") / "daten"
    init = run(data_dir, "init", "--role", "field", "--name", NAME)
    assert init.returncode == 0, init.stderr
    return data_dir


def _dialog_refusal(new: str, *, new_key: bool = False) -> str:
    """What the „Passphrase ändern“ dialog says about ``new`` on this laptop."""
    change = PassphraseChange(device_name=NAME, old=PASS, new=new, repeat=new, new_key=new_key)
    found = change.problems()
    assert found, new
    return " ".join(found.values())


@pytest.mark.parametrize(
    ("new", "rekey"),
    [
        ("passwort123", False),  # ten characters and more, but easy to guess
        ("kurz", False),
        (PASS, False),  # unchanged
        (PASS, True),  # the passphrase became known: it must change
    ],
)
def test_passwd_refuses_what_the_dialog_refuses(laptop: Path, new: str, rekey: bool) -> None:
    before = snapshot(laptop)
    args = ("passwd", "--rekey") if rekey else ("passwd",)
    result = run(laptop, *args, env={"VIELFALT_NEW_PASSPHRASE": new})
    assert result.returncode == 4, result.stderr
    assert result.stdout == ""
    refusal = _dialog_refusal(new, new_key=rekey)
    assert result.stderr.strip().splitlines() == [f"vielfalt: {refusal}"]
    assert snapshot(laptop) == before  # key file and store unchanged
    assert run(laptop, "stats").returncode == 0  # the old passphrase still opens it


def test_a_card_and_bundles_in_a_folder_get_the_default_names(laptop: Path, tmp_path: Path) -> None:
    office = tmp_path / "koordination"
    assert run(office, "init", "--role", "office", "--name", "Koordination").returncode == 0
    cards = tmp_path / "karten"
    cards.mkdir()
    card = run(office, "identity", "export", "-o", str(cards))
    assert card.returncode == 0, card.stderr
    assert [p.name for p in cards.iterdir()] == ["Koordination.vfcard"]
    assert str(cards / "Koordination.vfcard") in card.stdout
    added = run(laptop, "peers", "add", str(cards / "Koordination.vfcard"), "--yes")
    assert added.returncode == 0, added.stderr

    outbox = tmp_path / "ausgang"
    outbox.mkdir()
    first = run(laptop, "export", "--to", "Koordination", "-o", str(outbox))
    second = run(laptop, "export", "--to", "koordination", "-o", str(outbox))
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    names = {p.name for p in outbox.iterdir()}
    assert len(names) == 2
    (single,) = (name for name in names if not name.endswith("-2.vfb"))
    stem = single.removesuffix(".vfb")
    assert stem.startswith("Laptop-Sued_an_Koordination_")
    assert f"{stem}-2.vfb" in names  # a second bundle that day does not overwrite the first
    assert str(outbox / single) in first.stdout

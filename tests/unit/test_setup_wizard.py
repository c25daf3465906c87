"""The first-run wizard's logic, without a window."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE

from vielfalt_desktop.domain.errors import VielfaltError
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.setup import (
    MIN_LENGTH,
    PeerCard,
    SetupError,
    SetupWizard,
    Step,
    estimate,
)
from vielfalt_desktop.store.database import DataPaths

STRONG = PASSPHRASE


class FakePeers:
    """Stands in for the sync layer's identity cards."""

    def __init__(self, role: str = "office") -> None:
        self.role = role
        self.trusted: list[Path] = []

    def read_card(self, path: Path) -> PeerCard:
        return PeerCard(
            name="Koordination Lübecker Straße", role=self.role, fingerprint="AB12 CD34"
        )

    def trust(self, app: App, path: Path) -> PeerCard:
        self.trusted.append(path)
        return self.read_card(path)


@pytest.fixture
def wizard(data_dir: Path):
    w = SetupWizard(data_dir)
    yield w
    w.abort()
    if w.app is not None:
        w.app.close()


def test_estimate_scores_and_german_feedback() -> None:
    weak = estimate("passwort")
    assert weak.score <= 1
    assert not weak.acceptable
    assert weak.label in ("sehr schwach", "schwach")
    assert weak.warning or weak.suggestions
    text = " ".join((weak.warning, *weak.suggestions))
    assert "Mindestens" in text or "Passwort" in text or "Wort" in text
    assert not any(ch in text for ch in ("common", "guess"))
    strong = estimate(STRONG)
    assert strong.score >= 3
    assert strong.acceptable
    assert strong.label in ("stark", "sehr stark")


def test_estimate_needs_length_even_when_score_is_high() -> None:
    short = "x9$Qv!7z"  # random but short
    result = estimate(short)
    assert len(short) < MIN_LENGTH
    assert not result.acceptable
    assert any("Mindestens" in s for s in result.suggestions)


def test_estimate_knows_german_words() -> None:
    assert not estimate("Sommer2024!").acceptable
    assert not estimate("Magdeburg2024").acceptable


def test_device_name_counts_as_guessable(wizard: SetupWizard) -> None:
    wizard.set_role("field", "Laptop Nord")
    wizard.next()
    assert not wizard.set_passphrase("LaptopNord123", "LaptopNord123").acceptable


def test_estimate_empty_and_very_long() -> None:
    assert estimate("").score == 0
    assert estimate("abcdefghij" * 20).score >= 0  # longer than zxcvbn's limit: no error


def test_role_step_needs_a_name(wizard: SetupWizard) -> None:
    assert wizard.current is Step.ROLE
    assert not wizard.can_back()
    wizard.set_role("field", "  ")
    assert "name" in wizard.problems()
    assert not wizard.can_next()
    with pytest.raises(SetupError, match="Namen"):
        wizard.next()
    with pytest.raises(SetupError):
        wizard.set_role("admin", "x")


def test_field_role_has_peer_step_office_not(wizard: SetupWizard) -> None:
    wizard.set_role("field", "Laptop Nord")
    assert Step.PEER in wizard.steps()
    wizard.set_role("office", "Koordination")
    assert Step.PEER not in wizard.steps()


def test_passphrase_rules(wizard: SetupWizard) -> None:
    wizard.set_role("field", "Laptop Nord")
    assert wizard.next() is Step.PASSPHRASE
    assert wizard.next_is_slow()
    wizard.set_passphrase("kurz", "kurz")
    assert "passphrase" in wizard.problems()
    wizard.set_passphrase("passwort12345", "passwort12345")
    assert "zu leicht" in wizard.problems()["passphrase"]
    wizard.set_passphrase(STRONG, STRONG + "x")
    assert set(wizard.problems()) == {"repeat"}
    wizard.set_passphrase(STRONG, STRONG)
    assert wizard.problems() == {}
    assert wizard.can_back()
    assert wizard.back() is Step.ROLE
    assert wizard.data.name == "Laptop Nord"


def test_full_run_as_laptop_skipping_the_peer(wizard: SetupWizard, data_dir: Path) -> None:
    wizard.set_role("field", " Laptop Nord ")
    wizard.next()
    wizard.set_passphrase(STRONG, STRONG)
    assert wizard.next() is Step.RECOVERY
    assert DataPaths(data_dir).exists()
    assert wizard.store_created
    assert wizard.data.passphrase == ""  # not kept once the store exists
    assert len(wizard.data.recovery_key) > 20
    assert not wizard.can_back()  # the store is made: no way back to the passphrase
    with pytest.raises(SetupError):
        wizard.back()
    with pytest.raises(SetupError, match="notiert"):
        wizard.next()
    wizard.set_recovery_noted(True)
    assert wizard.next() is Step.PEER
    assert "card" in wizard.problems()
    wizard.skip_peer()
    assert wizard.next() is Step.DONE
    app = wizard.finish()
    try:
        assert app.store.role == "field"
        assert app.store.node_name == "Laptop Nord"
        assert wizard.data.recovery_key == ""
    finally:
        app.close()
    reopened = App.open(data_dir, STRONG)
    reopened.close()


def test_office_run_ends_after_recovery(data_dir: Path) -> None:
    created: list[tuple[str, str]] = []

    def fake_create(path: Path, passphrase: str, role: str, name: str):
        created.append((role, name))
        app, key = App.create(path, passphrase, role=role, name=name)
        return app, key

    wizard = SetupWizard(data_dir, create_app=fake_create)
    wizard.set_role("office", "Koordination")
    wizard.next()
    wizard.set_passphrase(STRONG, STRONG)
    wizard.next()
    wizard.set_recovery_noted(True)
    assert wizard.next() is Step.DONE
    assert created == [("office", "Koordination")]
    wizard.finish().close()


def test_peer_step_with_sync_support(data_dir: Path) -> None:
    peers = FakePeers()
    wizard = SetupWizard(data_dir, peer_support=peers)
    wizard.set_role("field", "Laptop Süd")
    wizard.next()
    wizard.set_passphrase(STRONG, STRONG)
    wizard.next()
    wizard.set_recovery_noted(True)
    wizard.next()
    with pytest.raises(SetupError):
        wizard.confirm_fingerprint(True)
    card = wizard.load_card(data_dir / "koordination.card")
    assert card.fingerprint == "AB12 CD34"
    assert not wizard.can_next()  # loaded, but not yet compared
    wizard.confirm_fingerprint(True)
    assert wizard.next() is Step.DONE
    assert peers.trusted == [data_dir / "koordination.card"]
    assert wizard.data.peer_trusted == card
    wizard.finish().close()


def test_peer_card_of_a_laptop_is_refused(data_dir: Path) -> None:
    wizard = SetupWizard(data_dir, peer_support=FakePeers(role="field"))
    with pytest.raises(SetupError, match="nicht zur Koordination"):
        wizard.load_card(data_dir / "laptop.card")


def test_existing_store_is_never_overwritten(app: App, data_dir: Path) -> None:
    wizard = SetupWizard(data_dir)
    wizard.set_role("field", "Laptop")
    wizard.next()
    wizard.set_passphrase(STRONG, STRONG)
    assert "data_dir" in wizard.problems()


def test_finish_before_done_and_abort(wizard: SetupWizard, data_dir: Path) -> None:
    with pytest.raises(SetupError):
        wizard.finish()
    wizard.set_role("office", "Büro")
    wizard.next()
    wizard.set_passphrase(STRONG, STRONG)
    wizard.next()
    app = wizard.app
    assert app is not None
    wizard.abort()
    assert wizard.app is None
    assert not app.store.is_open
    assert wizard.data.recovery_key == ""


def test_peer_step_with_the_real_sync_layer(tmp_path: Path) -> None:
    office, _key = App.create(tmp_path / "buero", STRONG, role="office", name="Koordination")
    card_path = tmp_path / "koordination.card"
    try:
        office.sync.export_identity(card_path)
        expected = office.sync.identity_card().fingerprint
    finally:
        office.close()
    wizard = SetupWizard(tmp_path / "laptop")
    wizard.set_role("field", "Laptop Nord")
    wizard.next()
    wizard.set_passphrase(STRONG, STRONG)
    wizard.next()
    wizard.set_recovery_noted(True)
    wizard.next()
    card = wizard.load_card(card_path)
    assert card.fingerprint == expected
    assert card.name == "Koordination"
    wizard.confirm_fingerprint(True)
    assert wizard.next() is Step.DONE
    app = wizard.finish()
    try:
        assert [p.fingerprint for p in app.sync.peers()] == [expected]
    finally:
        app.close()


def test_a_broken_card_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "kaputt.card"
    bad.write_text("{}", encoding="utf-8")
    wizard = SetupWizard(tmp_path / "laptop")
    with pytest.raises(VielfaltError, match="Identitätskarte"):
        wizard.load_card(bad)

"""Errors the GUI shows are translatable :class:`Message` texts with the German of before.

The German wording is the core's (CLI, logs, tests); these tests pin a representative few
byte for byte and check that what real failures raise is made of templates lupdate extracts.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE, trusted_pair

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import (
    NotFound,
    RejectedInput,
    StoreError,
    ValidationError,
    VielfaltError,
    WrongPassphrase,
)
from vielfalt_desktop.domain.messages import Message, kind_label
from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.domain.retention import RetentionPolicy
from vielfalt_desktop.reports.disclosure import check_threshold
from vielfalt_desktop.services import report_export
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.passphrase import PassphraseChange
from vielfalt_desktop.services.setup import SetupError, SetupWizard, Step, estimate
from vielfalt_desktop.store.database import DataPaths, Store

PLACEHOLDER = re.compile(r"\{(\w+)\}")
CONTEXTS = {"Validation", "Errors", "Passphrase", "Sync"}


def _extracted() -> dict[str, str]:
    """Template → lupdate context, for everything marked in domain/messages.py."""
    return {text: context for context, text in msg.marked()}


def _assert_translatable(text: object) -> None:
    """A Message from a marked template, its placeholders filled, nested messages too."""
    assert isinstance(text, Message), repr(text)
    assert text.template in _extracted(), text
    assert set(PLACEHOLDER.findall(text.template)) == set(text.params), text
    for value in text.params.values():
        if isinstance(value, Message):
            _assert_translatable(value)


def _assert_error(error: VielfaltError) -> None:
    if isinstance(error, ValidationError):
        assert error.problems
        for problem in error.problems.values():
            _assert_translatable(problem)
    else:
        _assert_translatable(error.message)


def test_every_template_has_one_known_context() -> None:
    pairs = msg.marked()
    assert len(pairs) > 150
    contexts: dict[str, set[str]] = {}
    for context, text in pairs:
        contexts.setdefault(text, set()).add(context)
    assert {c for found in contexts.values() for c in found} == CONTEXTS
    twice = {text: found for text, found in contexts.items() if len(found) > 1}
    assert not twice, twice
    assert Message(msg.BUNDLE_DAMAGED).context == "Errors"
    assert Message(msg.REQUIRED, label=msg.label("date")).context == "Validation"
    assert Message(msg.STRENGTH_LABELS[0]).context == "Passphrase"
    assert Message("nie markiert").context == msg.CONTEXT


@pytest.mark.parametrize(
    ("message", "german"),
    [
        (
            Message(msg.UNTRUSTED_SENDER, sender="Laptop Nord"),
            "Das Bündel kommt von „Laptop Nord“, einem nicht vertrauten Gerät. "
            "Zuerst dessen Identitätskarte hinzufügen.",
        ),
        (
            Message(msg.IN_FILE, file="a.vfb", message=Message(msg.BUNDLE_DAMAGED)),
            "a.vfb: Das Bündel ist beschädigt oder wurde verändert; es wurde nicht eingelesen.",
        ),
        (
            Message(msg.BUNDLE_TOO_NEW, version=2, known=1),
            "Das Bündel hat Format 2; dieses Programm kennt nur Format 1. "
            "Bitte Vielfalt Desktop aktualisieren.",
        ),
        (
            Message(msg.KEYS_CHANGED, name="Koordination"),
            "„Koordination“ ist schon mit anderen Schlüsseln bekannt. "
            "Eine geänderte Identität wird nicht stillschweigend übernommen.",
        ),
        (
            Message(msg.KEY_FILE_MISSING, path=Path("/daten/schluessel.json")),
            "Die Schlüsseldatei /daten/schluessel.json fehlt. Ohne sie lassen sich die Daten "
            "nicht öffnen; bitte aus der Sicherung zurückholen.",
        ),
        (
            Message(msg.FILE_UNREADABLE, path=Path("/stick/x.vfb"), reason="Permission denied"),
            "/stick/x.vfb: Die Datei lässt sich nicht lesen (Permission denied).",
        ),
        (
            Message(msg.NOTE_MONTHS, kind=kind_label("referral_status"), minimum=1, maximum=120),
            "Freitext der Verweis-Verlauf: zwischen 1 und 120 Monaten.",
        ),
        (
            Message(msg.PASSPHRASE_TOO_WEAK, strength=Message(msg.STRENGTH_LABELS[1])),
            "Die Passphrase ist zu leicht zu erraten (schwach). "
            "Bitte mindestens „stark“ erreichen.",
        ),
        (Message(msg.CRACK_DAYS, n=3), "etwa 3 Tage"),
    ],
)
def test_templates_give_the_german_of_before(message: Message, german: str) -> None:
    assert message == german
    _assert_translatable(message)


def test_rules_give_the_german_of_before(app: App) -> None:
    with pytest.raises(ValidationError) as low:
        check_threshold(2)
    assert low.value.problems["threshold"] == (
        "Die Sperrgrenze 2 ist zu niedrig: Fallzahlen von 1 bis mindestens 3 müssen gesperrt "
        "bleiben, sonst können einzelne Personen erkennbar werden."
    )
    with pytest.raises(ValidationError) as reversed_period:
        report_export.build_report(app, dt.date(2026, 6, 30), dt.date(2026, 1, 1))
    assert reversed_period.value.problems["date_to"] == (
        "Der Berichtszeitraum endet (01.01.2026) vor seinem Beginn (30.06.2026)."
    )
    policy = RetentionPolicy(note_months={"contact": 0}, pseudonym_months=121)
    assert policy.problems() == {
        "contact": "Freitext der Kontakte: zwischen 1 und 120 Monaten.",
        "pseudonym": "Pseudonym-Verknüpfung: zwischen 1 und 120 Monaten.",
    }
    with pytest.raises(StoreError) as exists:
        Store.create(app.store.paths, PASSPHRASE, role="field", name="Noch einer")
    assert exists.value.message == (
        f"In {app.store.paths.root} liegt schon ein Datenbestand; er wird nicht überschrieben."
    )
    with pytest.raises(NotFound) as gone:
        app.records.get(Partner, "gibt-es-nicht")
    assert gone.value.message == "Der Eintrag wurde nicht gefunden oder ist gelöscht."


def test_wrong_passphrase_and_recovery_key(app: App, data_dir: Path, clock: FixedClock) -> None:
    with pytest.raises(WrongPassphrase) as wrong:
        App.open(data_dir, "falsch-falsch-falsch", clock=clock)
    assert wrong.value.message == "Die Passphrase ist falsch."
    _assert_error(wrong.value)
    with pytest.raises(WrongPassphrase) as invalid:
        Store.open_with_recovery(DataPaths(data_dir), "ABCD")
    assert invalid.value.message == "Der Wiederherstellungsschlüssel ist ungültig."
    _assert_error(invalid.value)
    with pytest.raises(StoreError) as missing:
        App.open(data_dir.parent / "leer", PASSPHRASE)
    _assert_error(missing.value)


def test_refused_cards_and_bundles(tmp_path: Path, clock: FixedClock) -> None:
    office, laptop = trusted_pair(tmp_path, clock, "Laptop Nord")
    try:
        with pytest.raises(RejectedInput) as own:
            laptop.sync.check_card(laptop.sync.identity_card())
        assert own.value.message == "Das ist die Identitätskarte dieses Geräts selbst."
        _assert_error(own.value)

        junk = tmp_path / "keine.vfcard"
        junk.write_text("{}", encoding="utf-8")
        with pytest.raises(RejectedInput) as card:
            laptop.sync.read_card(junk)
        _assert_error(card.value)

        bundle = tmp_path / "Laptop-Nord_an_Koordination.vfb"
        laptop.sync.export("Koordination", bundle)
        data = bytearray(bundle.read_bytes())
        data[len(data) // 2] ^= 0x01
        bundle.write_bytes(bytes(data))
        with pytest.raises(RejectedInput) as tampered:
            office.sync.import_file(bundle)
        assert tampered.value.message == (
            "Laptop-Nord_an_Koordination.vfb: Das Bündel ist beschädigt oder wurde verändert; "
            "es wurde nicht eingelesen."
        )
        _assert_error(tampered.value)
        assert tampered.value.message.params["message"].template == msg.BUNDLE_DAMAGED

        with pytest.raises(VielfaltError) as unknown:
            laptop.sync.find_peer("Niemand")
        _assert_error(unknown.value)
        with pytest.raises(ValidationError) as office_purge:
            office.retention.set_policy(RetentionPolicy(purge_after_ack_days=30))
        _assert_error(office_purge.value)
    finally:
        office.close()
        laptop.close()


def test_bad_retention_months() -> None:
    policy = RetentionPolicy(
        note_months={"contact": 0, "event": 121, "partner": 12},
        pseudonym_months=0,
        purge_after_ack_days=1,
    )
    with pytest.raises(ValidationError) as broken:
        policy.checked()
    assert set(broken.value.problems) == {
        "contact",
        "event",
        "partner",
        "pseudonym",
        "purge_after_ack_days",
    }
    _assert_error(broken.value)


def test_setup_and_passphrase_problems(tmp_path: Path) -> None:
    wizard = SetupWizard(tmp_path / "neu")
    _assert_translatable(wizard.problems()["name"])
    with pytest.raises(SetupError) as blocked:
        wizard.next()
    _assert_error(blocked.value)
    wizard.set_role("field", "Laptop Nord")
    wizard.next()
    assert wizard.current is Step.PASSPHRASE
    wizard.set_passphrase("sommer", "winter")
    found = wizard.problems()
    assert set(found) == {"passphrase", "repeat"}
    for problem in found.values():
        _assert_translatable(problem)
    assert found["repeat"] == "Die beiden Eingaben stimmen nicht überein."

    change = PassphraseChange(device_name="Laptop Nord", new="passwort1234", repeat="x")
    problems = change.problems()
    assert set(problems) == {"old", "passphrase", "repeat"}
    for problem in problems.values():
        _assert_translatable(problem)

    weak = estimate("passwort")
    for advice in (weak.label, weak.warning, *weak.suggestions, weak.crack_time):
        if advice:
            _assert_translatable(advice)
    assert "Mindestens 10 Zeichen verwenden." in weak.suggestions

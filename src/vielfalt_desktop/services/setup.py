"""The first-run setup as a plain state machine (no Qt), in the style of Electrum's wizard.

The dialog only drives it: it shows the page for :attr:`SetupWizard.current`, feeds the
user's input in, asks :meth:`SetupWizard.problems` what still blocks "Weiter" and calls
:meth:`SetupWizard.next` / :meth:`SetupWizard.back`. Leaving the passphrase step creates the
encrypted store (Argon2id takes seconds), so the dialog runs that one call off the UI thread
(:meth:`SetupWizard.next_is_slow` says when).

Steps::

    role ──► passphrase ──► recovery ──► peer (laptops only, skippable) ──► done

Once the store exists there is no way back to the passphrase step: the store is made.

The peer step (trusting the coordinator's identity card) goes through the sync layer
(:class:`SyncPeers`); it can always be skipped and done later on the Synchronisation
screen.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import zxcvbn

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import VielfaltError
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.resources import resource_path
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.sync import SyncService
from vielfalt_desktop.store.database import DataPaths
from vielfalt_desktop.store.vault import MIN_PASSPHRASE_LENGTH
from vielfalt_desktop.sync.identity import IdentityCard

MIN_SCORE = 3
MIN_LENGTH = max(10, MIN_PASSPHRASE_LENGTH)
MAX_NAME_LENGTH = 60
# zxcvbn refuses longer input; a passphrase this long is judged by its first 72 characters.
_ZXCVBN_MAX = 72

ROLES: dict[str, str] = {"field": "Laptop", "office": "Koordination"}

STRENGTH_LABELS = msg.STRENGTH_LABELS  # sehr schwach … sehr stark

# zxcvbn's dictionaries are English; German passphrases need German words to be judged fairly.
_GERMAN_TEXT = (
    "passwort kennwort geheim hallo sommer winter herbst fruehling frühling sonne liebe schatz "
    "maus hase fussball fußball bayern schalke werder dortmund hamburg berlin deutschland "
    "magdeburg elbe sachsen anhalt vielfalt integration stadt laptop koordination büro buero "
    "arbeit computer willkommen freiheit familie sicherheit daten "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag "
    "januar februar märz maerz april mai juni juli august september oktober november dezember"
)
_GERMAN_WORDS = tuple(_GERMAN_TEXT.split())


class SetupError(VielfaltError):
    """A wizard step cannot be left yet; the message says why."""


class Step(enum.Enum):
    ROLE = "role"
    PASSPHRASE = "passphrase"  # noqa: S105 - a step's name, not a secret
    RECOVERY = "recovery"
    PEER = "peer"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Strength:
    """A passphrase's estimated strength (zxcvbn score 0–4) with German advice.

    Label, advice and crack time are :class:`Message` texts (empty ones plain), so the UI can
    show them translated.
    """

    score: int
    label: str
    acceptable: bool
    warning: str
    suggestions: tuple[str, ...]
    crack_time: str


@dataclass(frozen=True, slots=True)
class PeerCard:
    """What the wizard shows of a loaded identity card, for the user to compare."""

    name: str
    role: str
    fingerprint: str


class PeerSupport(Protocol):
    """What the peer step needs from the sync layer (:class:`SyncPeers`; tests give a fake)."""

    def read_card(self, path: Path) -> PeerCard:
        """Parse and check an identity card file; raise VielfaltError if it is unusable."""

    def trust(self, app: App, path: Path) -> PeerCard:
        """Store the card's node as a trusted peer of ``app``'s store."""


@functools.cache
def _word_list() -> tuple[str, ...]:
    words = list(_GERMAN_WORDS)
    try:
        lines = resource_path("names", "vornamen.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    words += [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return tuple(words)


def _german(message: str) -> str:
    """zxcvbn's advice in German (msg.PASSPHRASE_ADVICE); unknown advice is dropped."""
    template = msg.PASSPHRASE_ADVICE.get(" ".join(message.split()))
    return Message(template) if template else ""


def _crack_time(seconds: float) -> str:
    """How long an offline attacker with the stored Argon2id parameters would need, roughly.

    zxcvbn's "offline slow hashing" assumes 10 000 guesses per second; Argon2id with 256 MiB
    is slower still, so this errs on the cautious side.
    """
    minute, hour, day, year = 60, 3600, 86400, 31_557_600
    if seconds < minute:
        return Message(msg.CRACK_MINUTE)
    if seconds < hour:
        return Message(msg.CRACK_MINUTES, n=round(seconds / minute))
    if seconds < day:
        return Message(msg.CRACK_HOURS, n=round(seconds / hour))
    if seconds < year:
        return Message(msg.CRACK_DAYS, n=round(seconds / day))
    if seconds < 100 * year:
        return Message(msg.CRACK_YEARS, n=round(seconds / year))
    return Message(msg.CRACK_CENTURY)


def estimate(passphrase: str, user_inputs: Sequence[str] = ()) -> Strength:
    """Strength of ``passphrase``; acceptable means score ≥ 3 and at least 10 characters."""
    if not passphrase:
        return Strength(0, Message(STRENGTH_LABELS[0]), False, "", (), "")
    sample = passphrase[:_ZXCVBN_MAX]
    result: dict[str, Any] = zxcvbn.zxcvbn(sample, user_inputs=[*user_inputs, *_word_list()])
    score = int(result["score"])
    feedback = result.get("feedback") or {}
    warning = _german(str(feedback.get("warning") or ""))
    suggestions = [_german(str(s)) for s in feedback.get("suggestions") or ()]
    if len(passphrase) < MIN_LENGTH:
        suggestions.insert(0, Message(msg.USE_AT_LEAST, minimum=MIN_LENGTH))
    seconds = float(result["crack_times_seconds"]["offline_slow_hashing_1e4_per_second"])
    return Strength(
        score=score,
        label=Message(STRENGTH_LABELS[max(0, min(score, 4))]),
        acceptable=score >= MIN_SCORE and len(passphrase) >= MIN_LENGTH,
        warning=warning,
        suggestions=tuple(dict.fromkeys(s for s in suggestions if s)),
        crack_time=_crack_time(seconds),
    )


def name_words(name: str) -> list[str]:
    """A device name as zxcvbn user inputs: a passphrase made of it is easy to guess."""
    name = name.strip()
    return [name, name.replace(" ", ""), *name.split()]


def passphrase_problems(passphrase: str, repeat: str, strength: Strength) -> dict[str, str]:
    """What keeps a new passphrase from being accepted, by field ("passphrase", "repeat").

    The rules of the setup; changing the passphrase later follows them too.
    """
    found: dict[str, str] = {}
    if len(passphrase) < MIN_LENGTH:
        found["passphrase"] = Message(msg.PASSPHRASE_TOO_SHORT, minimum=MIN_LENGTH)
    elif not strength.acceptable:
        found["passphrase"] = Message(msg.PASSPHRASE_TOO_WEAK, strength=strength.label)
    if repeat != passphrase:
        found["repeat"] = Message(msg.PASSPHRASES_DIFFER)
    return found


class SyncPeers:
    """The peer step on the sync layer: SyncService reads and checks the card, App trusts it."""

    @staticmethod
    def _card(found: IdentityCard) -> PeerCard:
        return PeerCard(name=found.name, role=found.role, fingerprint=found.fingerprint)

    def read_card(self, path: Path) -> PeerCard:
        return self._card(SyncService.read_card(path))

    def trust(self, app: App, path: Path) -> PeerCard:
        info = app.sync.add_peer(SyncService.read_card(path))
        return PeerCard(name=info.name, role=info.role, fingerprint=info.fingerprint)


CreateApp = Callable[[Path, str, str, str], tuple[App, str]]


def _create_app(data_dir: Path, passphrase: str, role: str, name: str) -> tuple[App, str]:
    return App.create(data_dir, passphrase, role=role, name=name)


@dataclass
class WizardData:
    role: str = "field"
    name: str = ""
    passphrase: str = field(default="", repr=False)
    repeat: str = field(default="", repr=False)
    recovery_key: str = field(default="", repr=False)
    recovery_noted: bool = False
    card_path: Path | None = None
    card: PeerCard | None = None
    card_confirmed: bool = False
    peer_skipped: bool = False
    peer_trusted: PeerCard | None = None


class SetupWizard:
    """First-run setup. ``app`` is the opened App once the store exists; the caller keeps it."""

    def __init__(
        self,
        data_dir: Path,
        *,
        create_app: CreateApp = _create_app,
        peer_support: PeerSupport | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.data = WizardData()
        self.current = Step.ROLE
        self.history: list[Step] = []
        self.app: App | None = None
        self._create_app = create_app
        self.peer_support: PeerSupport = peer_support or SyncPeers()

    # --- what the pages show ------------------------------------------------------------

    def steps(self) -> tuple[Step, ...]:
        """The visible steps for the chosen role, for a "Schritt 2 von 4" indicator."""
        if self.data.role == "field":
            return (Step.ROLE, Step.PASSPHRASE, Step.RECOVERY, Step.PEER)
        return (Step.ROLE, Step.PASSPHRASE, Step.RECOVERY)

    @property
    def store_created(self) -> bool:
        return self.app is not None

    def strength(self) -> Strength:
        return estimate(self.data.passphrase, name_words(self.data.name))

    # --- input --------------------------------------------------------------------------

    def set_role(self, role: str, name: str) -> None:
        if self.store_created:
            raise SetupError(Message(msg.SETUP_ROLE_FIXED))
        if role not in ROLES:
            raise SetupError(Message(msg.SETUP_UNKNOWN_ROLE, role=role))
        self.data.role = role
        self.data.name = name

    def set_passphrase(self, passphrase: str, repeat: str) -> Strength:
        if self.store_created:
            raise SetupError(Message(msg.SETUP_STORE_CREATED))
        self.data.passphrase = passphrase
        self.data.repeat = repeat
        return self.strength()

    def set_recovery_noted(self, noted: bool) -> None:
        self.data.recovery_noted = noted

    def load_card(self, path: Path) -> PeerCard:
        """Read the coordinator's identity card; the user then compares its fingerprint."""
        card = self.peer_support.read_card(Path(path))
        if card.role and card.role != "office":
            raise SetupError(Message(msg.SETUP_CARD_NOT_OFFICE, name=card.name))
        self.data.card_path = Path(path)
        self.data.card = card
        self.data.card_confirmed = False
        self.data.peer_skipped = False
        return card

    def confirm_fingerprint(self, confirmed: bool) -> None:
        if confirmed and self.data.card is None:
            raise SetupError(Message(msg.SETUP_LOAD_CARD_FIRST))
        self.data.card_confirmed = confirmed

    def skip_peer(self) -> None:
        """Leave the coordinator's card for later (Synchronisation screen)."""
        self.data.peer_skipped = True
        self.data.card = None
        self.data.card_path = None
        self.data.card_confirmed = False

    # --- rules --------------------------------------------------------------------------

    def problems(self, step: Step | None = None) -> dict[str, str]:
        """What keeps ``step`` (default: the current one) from being left, by field."""
        step = step or self.current
        found: dict[str, str] = {}
        d = self.data
        if step is Step.ROLE:
            name = d.name.strip()
            if not name:
                found["name"] = Message(msg.DEVICE_NAME_EXAMPLE)
            elif len(name) > MAX_NAME_LENGTH:
                found["name"] = Message(msg.NAME_TOO_LONG, maximum=MAX_NAME_LENGTH)
        elif step is Step.PASSPHRASE:
            found.update(passphrase_problems(d.passphrase, d.repeat, self.strength()))
            if DataPaths(self.data_dir).exists() and not self.store_created:
                found["data_dir"] = Message(msg.STORE_EXISTS, folder=self.data_dir)
        elif step is Step.RECOVERY:
            if not d.recovery_noted:
                found["recovery_noted"] = Message(msg.RECOVERY_NOT_NOTED)
        elif step is Step.PEER and not d.peer_skipped and not d.card_confirmed:
            found["card"] = Message(msg.CARD_NOT_CONFIRMED)
        return found

    def can_next(self) -> bool:
        return self.current is not Step.DONE and not self.problems()

    def can_back(self) -> bool:
        if not self.history:
            return False
        return not (self.store_created and self.history[-1] in (Step.ROLE, Step.PASSPHRASE))

    def next_is_slow(self) -> bool:
        """True when :meth:`next` derives the key and creates the store (run it off the UI)."""
        return self.current is Step.PASSPHRASE and not self.store_created

    # --- navigation ---------------------------------------------------------------------

    def _following(self) -> Step:
        if self.current is Step.ROLE:
            return Step.PASSPHRASE
        if self.current is Step.PASSPHRASE:
            return Step.RECOVERY
        if self.current is Step.RECOVERY:
            return Step.PEER if self.data.role == "field" else Step.DONE
        return Step.DONE

    def next(self) -> Step:
        """Leave the current step. Raises SetupError (with a German message) when blocked."""
        found = self.problems()
        if found:
            raise SetupError(next(iter(found.values())))
        if self.current is Step.PASSPHRASE and not self.store_created:
            self._create_store()
        elif self.current is Step.PEER and self.data.card_confirmed and not self.data.peer_skipped:
            self._trust_peer()
        self.history.append(self.current)
        self.current = self._following()
        return self.current

    def back(self) -> Step:
        if not self.can_back():
            raise SetupError(Message(msg.SETUP_NO_WAY_BACK))
        self.current = self.history.pop()
        return self.current

    def _create_store(self) -> None:
        d = self.data
        app, recovery = self._create_app(self.data_dir, d.passphrase, d.role, d.name.strip())
        self.app = app
        d.recovery_key = recovery
        # The passphrase is not needed any more; do not keep it around.
        d.passphrase = d.repeat = ""

    def _trust_peer(self) -> None:
        assert self.app is not None
        assert self.data.card_path is not None
        self.data.peer_trusted = self.peer_support.trust(self.app, self.data.card_path)

    def finish(self) -> App:
        """The opened App; the wizard forgets the recovery key."""
        if self.current is not Step.DONE or self.app is None:
            raise SetupError(Message(msg.SETUP_UNFINISHED))
        self.data.recovery_key = ""
        app, self.app = self.app, None
        return app

    def abort(self) -> None:
        """Cancel: close a store already created (it stays on disk and can be unlocked)."""
        if self.app is not None:
            self.app.close()
            self.app = None
        self.data.passphrase = self.data.repeat = self.data.recovery_key = ""

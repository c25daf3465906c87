"""The core's messages: German templates the UI can translate.

The core stays free of Qt and speaks German (CLI, logs, tests). A message is a :class:`Message`:
a plain ``str`` holding the German text, which also remembers its template and the values put
into it. The UI looks the template up in Qt's translator (in the template's context, see
:attr:`Message.context`) and fills in the same values, so the English UI shows English messages
(``ui.i18n.message_text`` and ``ui.i18n.error_text``).

Every template and every label lives in this one file (zxcvbn's passphrase advice, a
table of its own, in ``_passphrase_advice.py``, imported here), each wrapped in
:func:`QT_TRANSLATE_NOOP` so that ``pyside6-lupdate`` (``make translations``) extracts it into
``resources/translations/vielfalt_en.ts``. The contexts there:

* ``Validation`` – what is wrong with what the user entered (records, setup, passphrase,
  retention rules, report settings), mostly by field;
* ``Errors`` – why something was refused or failed (bundles and identity cards, the store and
  its key file, files, entries deleted meanwhile, the sync folder);
* ``Passphrase`` – the strength of a new passphrase and advice on it.
* ``Sync`` – what a „Synchronisieren“ over the sync folder did (its result line).

Rules for templates:

* placeholders are named (``{label}``, ``{value}``, ``{maximum}``) and may be reordered;
* a value that is itself text for the reader (a field label, a wrapped message) is passed as a
  :class:`Message`, so it is translated too; codes, numbers, names and paths are passed as they
  are;
* a German text is a template in one context only.
"""

from __future__ import annotations

from collections.abc import Mapping

CONTEXT = "Validation"  # the context of templates marked before contexts were told apart

_CONTEXT_OF: dict[str, str] = {}
_MARKED: list[tuple[str, str]] = []


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate, which knows this name, and returns it unchanged (no Qt).

    Also notes the context, so that a :class:`Message` made from ``text`` knows where the UI
    finds its translation.
    """
    _CONTEXT_OF.setdefault(text, context)
    _MARKED.append((context, text))
    return text


def context_of(template: str) -> str:
    """The lupdate context of a template (:data:`CONTEXT` for text that was never marked)."""
    return _CONTEXT_OF.get(template, CONTEXT)


def marked() -> list[tuple[str, str]]:
    """Every (context, template) marked in this file, in order (for tests)."""
    return list(_MARKED)


class Message(str):
    """German text of a message, plus its template and values for translating it later."""

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, /, **params: object) -> Message:
        message = super().__new__(cls, template.format_map(params))
        message.template = template
        message.params = params
        return message

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, object]]:
        return (self.template,), dict(self.params)

    @property
    def context(self) -> str:
        """Where the UI's translator finds the template (``Validation``, ``Errors`` …)."""
        return context_of(self.template)


def label(name: str) -> Message:
    """The label of a record field (its name if there is none), as a translatable message."""
    return Message(FIELD_LABELS.get(name, name))


def kind_label(kind: str) -> Message:
    """The plural name of a record kind (``contact`` → Kontakte), as a translatable message."""
    return Message(KIND_LABELS.get(kind, kind))


# --- field labels ---------------------------------------------------------------------------

FIELD_LABELS: dict[str, str] = {
    "date": QT_TRANSLATE_NOOP("Validation", "Datum"),
    "opened": QT_TRANSLATE_NOOP("Validation", "Eröffnet am"),
    "closed": QT_TRANSLATE_NOOP("Validation", "Abgeschlossen am"),
    "follow_up": QT_TRANSLATE_NOOP("Validation", "Wiedervorlage"),
    "next_step_date": QT_TRANSLATE_NOOP("Validation", "Nächster Schritt am"),
    "district": QT_TRANSLATE_NOOP("Validation", "Stadtteil"),
    "sub_area": QT_TRANSLATE_NOOP("Validation", "Teilgebiet"),
    "setting": QT_TRANSLATE_NOOP("Validation", "Setting"),
    "target_group": QT_TRANSLATE_NOOP("Validation", "Zielgruppe"),
    "citizenship": QT_TRANSLATE_NOOP("Validation", "Staatsangehörigkeit"),
    "age_band": QT_TRANSLATE_NOOP("Validation", "Altersgruppe"),
    "gender": QT_TRANSLATE_NOOP("Validation", "Geschlecht"),
    "languages": QT_TRANSLATE_NOOP("Validation", "Sprachen"),
    "interpreter": QT_TRANSLATE_NOOP("Validation", "Sprachmittlung"),
    "topics": QT_TRANSLATE_NOOP("Validation", "Themen"),
    "interests": QT_TRANSLATE_NOOP("Validation", "Interessen"),
    "partner_kind": QT_TRANSLATE_NOOP("Validation", "Art der Organisation"),
    "districts": QT_TRANSLATE_NOOP("Validation", "Stadtteile"),
    "offers": QT_TRANSLATE_NOOP("Validation", "Angebote"),
    "seeks": QT_TRANSLATE_NOOP("Validation", "Gesuche"),
    "topic": QT_TRANSLATE_NOOP("Validation", "Thema"),
    "referral_kind": QT_TRANSLATE_NOOP("Validation", "Art der Verweisung"),
    "status": QT_TRANSLATE_NOOP("Validation", "Status"),
    "place_type": QT_TRANSLATE_NOOP("Validation", "Ort"),
    "categories": QT_TRANSLATE_NOOP("Validation", "Konfliktthemen"),
    "institutions": QT_TRANSLATE_NOOP("Validation", "Beteiligte Institutionen"),
    "escalation": QT_TRANSLATE_NOOP("Validation", "Eskalationsstufe"),
    "intervention_kind": QT_TRANSLATE_NOOP("Validation", "Art der Intervention"),
    "event_kind": QT_TRANSLATE_NOOP("Validation", "Art der Veranstaltung"),
    # counts and texts checked under a label of their own
    "households": QT_TRANSLATE_NOOP("Validation", "Beteiligte Haushalte"),
    "groups": QT_TRANSLATE_NOOP("Validation", "Beteiligte Gruppen"),
    "participants": QT_TRANSLATE_NOOP("Validation", "Teilnehmende"),
    "de": QT_TRANSLATE_NOOP("Validation", "Deutsche Bezeichnung"),
    "en": QT_TRANSLATE_NOOP("Validation", "Englische Bezeichnung"),
}

# --- any field ------------------------------------------------------------------------------

REQUIRED = QT_TRANSLATE_NOOP("Validation", "Bitte „{label}“ angeben.")
NOT_A_VALUE = QT_TRANSLATE_NOOP("Validation", "„{value}“ ist kein gültiger Wert für „{label}“.")
IN_FUTURE = QT_TRANSLATE_NOOP("Validation", "„{label}“ darf nicht in der Zukunft liegen.")
BEFORE_PROJECT = QT_TRANSLATE_NOOP("Validation", "„{label}“ liegt vor Projektbeginn ({year}).")
NOT_BEFORE = QT_TRANSLATE_NOOP("Validation", "„{label}“ darf nicht vor „{other}“ liegen.")
NEGATIVE = QT_TRANSLATE_NOOP("Validation", "„{label}“ darf nicht negativ sein.")
TOO_LARGE = QT_TRANSLATE_NOOP("Validation", "„{label}“ ist unplausibel groß (höchstens {maximum}).")
TOO_LONG = QT_TRANSLATE_NOOP("Validation", "„{label}“ ist zu lang (höchstens {maximum} Zeichen).")
NOT_A_SUB_AREA = QT_TRANSLATE_NOOP("Validation", "„{value}“ ist kein Teilgebiet dieses Stadtteils.")

# --- contacts -------------------------------------------------------------------------------

DURATION = QT_TRANSLATE_NOOP("Validation", "Die Dauer muss zwischen 1 und 600 Minuten liegen.")
PSEUDONYM_INVALID = QT_TRANSLATE_NOOP(
    "Validation", "Der Pseudonym-Code ist ungültig (Tippfehler?)."
)
TOPICS_REQUIRED = QT_TRANSLATE_NOOP("Validation", "Bitte mindestens ein Thema angeben.")

# --- partners -------------------------------------------------------------------------------

NAME_REQUIRED = QT_TRANSLATE_NOOP("Validation", "Bitte den Namen der Organisation angeben.")
NAME_TOO_LONG = QT_TRANSLATE_NOOP(
    "Validation", "Der Name ist zu lang (höchstens {maximum} Zeichen)."
)
PARTNER_EXISTS = QT_TRANSLATE_NOOP("Validation", "Eine Organisation „{name}“ gibt es schon.")
PARTNER_IN_USE = QT_TRANSLATE_NOOP(
    "Validation",
    "Diese Organisation hat noch {count} Verweise; sie kann nicht gelöscht werden.",
)

# --- referrals ------------------------------------------------------------------------------

REFERRAL_NEEDS_PARTNER = QT_TRANSLATE_NOOP(
    "Validation", "Ein Verweis braucht eine Partnerorganisation."
)
STATUS_NEEDS_REFERRAL = QT_TRANSLATE_NOOP(
    "Validation", "Der Statuseintrag gehört zu keinem Verweis."
)
PARTNER_GONE = QT_TRANSLATE_NOOP(
    "Validation", "Die gewählte Partnerorganisation gibt es nicht (mehr)."
)
CONTACT_GONE = QT_TRANSLATE_NOOP(
    "Validation", "Der Kontakt zu diesem Verweis gibt es nicht (mehr)."
)
REFERRAL_GONE = QT_TRANSLATE_NOOP("Validation", "Den Verweis gibt es nicht (mehr).")

# --- conflicts and interventions ------------------------------------------------------------

CATEGORIES_REQUIRED = QT_TRANSLATE_NOOP("Validation", "Bitte mindestens ein Konfliktthema angeben.")
CLOSED_NEEDS_OUTCOME = QT_TRANSLATE_NOOP(
    "Validation", "Ein abgeschlossener Konflikt braucht ein Ergebnis."
)
CLOSED_NEEDS_DATE = QT_TRANSLATE_NOOP(
    "Validation", "Ein abgeschlossener Konflikt braucht ein Abschlussdatum."
)
CLOSED_DATE_NEEDS_STATUS = QT_TRANSLATE_NOOP(
    "Validation", "Ein Abschlussdatum passt nur zu „beigelegt“ oder „weitergeleitet“."
)
INTERVENTION_NEEDS_CONFLICT = QT_TRANSLATE_NOOP(
    "Validation", "Eine Intervention gehört zu einem Konflikt."
)
CONFLICT_GONE = QT_TRANSLATE_NOOP(
    "Validation", "Den Konflikt zu dieser Intervention gibt es nicht (mehr)."
)

# --- events ---------------------------------------------------------------------------------

TITLE_REQUIRED = QT_TRANSLATE_NOOP("Validation", "Bitte einen Titel angeben.")
MORE_THIRD_COUNTRY = QT_TRANSLATE_NOOP("Validation", "Mehr Drittstaatsangehörige als Teilnehmende.")
GENDERS_EXCEED_TOTAL = QT_TRANSLATE_NOOP(
    "Validation", "Frauen, Männer und Diverse ergeben mehr als die Gesamtzahl."
)
MORE_CHILDREN = QT_TRANSLATE_NOOP("Validation", "Mehr Kinder als Teilnehmende.")
EVENT_PARTNER_GONE = QT_TRANSLATE_NOOP(
    "Validation", "Eine gewählte Partnerorganisation gibt es nicht (mehr)."
)

# --- choice lists, audit trail, deletion log ------------------------------------------------

NOT_A_VOCABULARY = QT_TRANSLATE_NOOP("Validation", "„{value}“ ist kein Vokabular.")
CODE_FORMAT = QT_TRANSLATE_NOOP(
    "Validation", "Der Code besteht aus Kleinbuchstaben, Ziffern und „_“ (höchstens 64)."
)
NOT_AN_ACTION = QT_TRANSLATE_NOOP("Validation", "„{value}“ ist keine protokollierte Aktion.")
COUNT_NEGATIVE = QT_TRANSLATE_NOOP("Validation", "Die Anzahl kann nicht negativ sein.")
NOT_A_RULE = QT_TRANSLATE_NOOP("Validation", "„{value}“ ist keine Aufbewahrungsregel.")
NOT_A_TIMESTAMP = QT_TRANSLATE_NOOP(
    "Validation", "„{label}“ ist kein Zeitpunkt der Form JJJJ-MM-TTThh:mm:ssZ."
)
NOT_PLAIN_TEXT = QT_TRANSLATE_NOOP(
    "Validation", "„{label}“ enthält Steuerzeichen oder unsichtbare Zeichen."
)
NOT_A_RECORD_ID = QT_TRANSLATE_NOOP("Validation", "„{label}“ ist keine Kennung eines Eintrags.")

# --- record kinds (plural), as values in messages -------------------------------------------

KIND_LABELS: dict[str, str] = {
    "contact": QT_TRANSLATE_NOOP("Validation", "Kontakte"),
    "referral": QT_TRANSLATE_NOOP("Validation", "Verweise"),
    "referral_status": QT_TRANSLATE_NOOP("Validation", "Verweis-Verlauf"),
    "conflict": QT_TRANSLATE_NOOP("Validation", "Konflikte"),
    "intervention": QT_TRANSLATE_NOOP("Validation", "Interventionen"),
    "event": QT_TRANSLATE_NOOP("Validation", "Veranstaltungen"),
    "partner": QT_TRANSLATE_NOOP("Validation", "Partner"),
    "vocab_entry": QT_TRANSLATE_NOOP("Validation", "Auswahllisten"),
    "audit": QT_TRANSLATE_NOOP("Validation", "Prüfprotokoll"),
    "deletion_log": QT_TRANSLATE_NOOP("Validation", "Löschprotokoll"),
    "retention_policy": QT_TRANSLATE_NOOP("Validation", "Aufbewahrungsregeln"),
    "conflict_log": QT_TRANSLATE_NOOP("Validation", "Konfliktprotokoll der Synchronisation"),
    "backup": QT_TRANSLATE_NOOP("Validation", "Sicherungskopien"),
}

# --- device roles ---------------------------------------------------------------------------

ROLE_LABELS: dict[str, str] = {
    "field": QT_TRANSLATE_NOOP("Validation", "Laptop"),
    "office": QT_TRANSLATE_NOOP("Validation", "Koordination"),
}


def role_label(role: str) -> Message:
    """A device role (``field`` → Laptop), as a translatable message."""
    return Message(ROLE_LABELS.get(role, role))


# --- retention rules ------------------------------------------------------------------------

NOT_A_NOTE_KIND = QT_TRANSLATE_NOOP(
    "Validation", "„{value}“ ist keine Art von Einträgen mit Freitext."
)
NOTE_MONTHS = QT_TRANSLATE_NOOP(
    "Validation", "Freitext der {kind}: zwischen {minimum} und {maximum} Monaten."
)
PSEUDONYM_MONTHS = QT_TRANSLATE_NOOP(
    "Validation", "Pseudonym-Verknüpfung: zwischen {minimum} und {maximum} Monaten."
)
ACK_DAYS = QT_TRANSLATE_NOOP(
    "Validation", "Entfernen nach Bestätigung: zwischen {minimum} und {maximum} Tagen."
)
ONLY_LAPTOP_PURGES = QT_TRANSLATE_NOOP(
    "Validation", "Nur ein Laptop gibt bestätigte Einträge wieder ab."
)

# --- choice lists ---------------------------------------------------------------------------

VOCABULARY_NOT_HERE = QT_TRANSLATE_NOOP(
    "Validation", "Stadtteile und Staaten werden nicht auf diesem Weg geändert."
)

# --- reports --------------------------------------------------------------------------------

PERIOD_START_REQUIRED = QT_TRANSLATE_NOOP(
    "Validation", "Bitte den Beginn des Berichtszeitraums als Datum angeben."
)
PERIOD_END_REQUIRED = QT_TRANSLATE_NOOP(
    "Validation", "Bitte das Ende des Berichtszeitraums als Datum angeben."
)
PERIOD_REVERSED = QT_TRANSLATE_NOOP(
    "Validation", "Der Berichtszeitraum endet ({end}) vor seinem Beginn ({start})."
)
UNKNOWN_DISTRICTS = QT_TRANSLATE_NOOP("Validation", "Unbekannter Stadtteil: {names}.")
THRESHOLD_NOT_AN_INTEGER = QT_TRANSLATE_NOOP(
    "Validation", "Die Sperrgrenze muss eine ganze Zahl sein."
)
THRESHOLD_TOO_LOW = QT_TRANSLATE_NOOP(
    "Validation",
    "Die Sperrgrenze {threshold} ist zu niedrig: Fallzahlen von 1 bis mindestens {minimum} "
    "müssen gesperrt bleiben, sonst können einzelne Personen erkennbar werden.",
)
SLIP_LANGUAGE = QT_TRANSLATE_NOOP(
    "Validation", "Der Verweiszettel gibt es auf Deutsch („de“) oder Englisch („en“)."
)
NOT_A_TOPIC = QT_TRANSLATE_NOOP("Validation", "„{value}“ ist kein bekanntes Thema.")

# --- setup and passphrase -------------------------------------------------------------------

DEVICE_NAME_EXAMPLE = QT_TRANSLATE_NOOP(
    "Validation", "Bitte einen Namen für dieses Gerät angeben, z. B. „Laptop Nord“."
)
RECOVERY_NOT_NOTED = QT_TRANSLATE_NOOP(
    "Validation",
    "Bitte bestätigen, dass der Wiederherstellungsschlüssel notiert oder ausgedruckt ist.",
)
CARD_NOT_CONFIRMED = QT_TRANSLATE_NOOP(
    "Validation",
    "Bitte die Identitätskarte der Koordination laden und den Fingerabdruck bestätigen – "
    "oder den Schritt überspringen.",
)
PASSPHRASE_TOO_SHORT = QT_TRANSLATE_NOOP(
    "Validation", "Die Passphrase braucht mindestens {minimum} Zeichen."
)
PASSPHRASE_TOO_WEAK = QT_TRANSLATE_NOOP(
    "Validation",
    "Die Passphrase ist zu leicht zu erraten ({strength}). Bitte mindestens „stark“ erreichen.",
)
PASSPHRASES_DIFFER = QT_TRANSLATE_NOOP("Validation", "Die beiden Eingaben stimmen nicht überein.")
OLD_PASSPHRASE_REQUIRED = QT_TRANSLATE_NOOP(
    "Validation", "Bitte die bisherige Passphrase eingeben."
)
RECOVERY_KEY_REQUIRED = QT_TRANSLATE_NOOP(
    "Validation", "Bitte den Wiederherstellungsschlüssel eingeben."
)
PASSPHRASE_UNCHANGED = QT_TRANSLATE_NOOP(
    "Validation", "Die neue Passphrase gleicht der bisherigen."
)

# --- errors: the setup ----------------------------------------------------------------------

SETUP_ROLE_FIXED = QT_TRANSLATE_NOOP(
    "Errors", "Der Datenbestand ist schon angelegt; die Rolle bleibt."
)
SETUP_UNKNOWN_ROLE = QT_TRANSLATE_NOOP("Errors", "Unbekannte Rolle „{role}“.")
SETUP_STORE_CREATED = QT_TRANSLATE_NOOP("Errors", "Der Datenbestand ist schon angelegt.")
SETUP_NO_CARDS_YET = QT_TRANSLATE_NOOP(
    "Errors",
    "Identitätskarten können noch nicht geladen werden. Das geht später unter „Synchronisation“.",
)
SETUP_NO_CARDS = QT_TRANSLATE_NOOP("Errors", "Identitätskarten können noch nicht geladen werden.")
SETUP_CARD_NOT_OFFICE = QT_TRANSLATE_NOOP(
    "Errors", "Diese Identitätskarte gehört zu „{name}“, nicht zur Koordination."
)
SETUP_LOAD_CARD_FIRST = QT_TRANSLATE_NOOP(
    "Errors", "Bitte zuerst die Identitätskarte der Koordination laden."
)
SETUP_NO_WAY_BACK = QT_TRANSLATE_NOOP(
    "Errors", "Hier geht es nicht zurück: der Datenbestand ist schon angelegt."
)
SETUP_UNFINISHED = QT_TRANSLATE_NOOP("Errors", "Die Einrichtung ist noch nicht abgeschlossen.")

# --- errors: the store and its key file -----------------------------------------------------

UNKNOWN_STORE_ROLE = QT_TRANSLATE_NOOP(
    "Errors", "Unbekannte Rolle „{role}“ (erlaubt: field, office)."
)
DEVICE_NAME_REQUIRED = QT_TRANSLATE_NOOP("Errors", "Bitte einen Namen für dieses Gerät angeben.")
STORE_EXISTS = QT_TRANSLATE_NOOP(
    "Errors", "In {folder} liegt schon ein Datenbestand; er wird nicht überschrieben."
)
NO_STORE = QT_TRANSLATE_NOOP(
    "Errors",
    "In {folder} gibt es keinen Datenbestand. Mit „vielfalt init“ wird einer angelegt.",
)
ONLY_KEY_FILE = QT_TRANSLATE_NOOP(
    "Errors", "Die Datenbank {path} fehlt, nur die Schlüsseldatei ist da."
)
STORE_LOCKED = QT_TRANSLATE_NOOP("Errors", "Der Datenbestand ist gesperrt.")
DATABASE_MISSING = QT_TRANSLATE_NOOP("Errors", "Die Datenbank {path} fehlt.")
NO_SQLCIPHER = QT_TRANSLATE_NOOP(
    "Errors", "Die Datenbankbibliothek verschlüsselt nicht (SQLCipher fehlt)."
)
DATABASE_WRONG_KEY = QT_TRANSLATE_NOOP(
    "Errors",
    "Die Datenbank {path} lässt sich mit diesem Schlüssel nicht öffnen "
    "(falsche Schlüsseldatei oder beschädigte Datei).",
)
KDF_TOO_WEAK = QT_TRANSLATE_NOOP(
    "Errors",
    "Die Schlüsselableitung ist zu schwach eingestellt "
    "(mindestens 64 MiB Speicher, 3 Durchläufe, 4 Spuren).",
)
KDF_LANES = QT_TRANSLATE_NOOP("Errors", "Die Schlüsselableitung braucht mindestens 4 Spuren.")
PASSPHRASE_MIN_LENGTH = QT_TRANSLATE_NOOP(
    "Errors", "Die Passphrase muss mindestens {minimum} Zeichen lang sein."
)
WRONG_PASSPHRASE = QT_TRANSLATE_NOOP("Errors", "Die Passphrase ist falsch.")
WRONG_RECOVERY_KEY = QT_TRANSLATE_NOOP("Errors", "Der Wiederherstellungsschlüssel ist falsch.")
INVALID_RECOVERY_KEY = QT_TRANSLATE_NOOP("Errors", "Der Wiederherstellungsschlüssel ist ungültig.")
KEY_FILE_EXISTS = QT_TRANSLATE_NOOP(
    "Errors", "Die Schlüsseldatei {path} gibt es schon; sie wird nicht ersetzt."
)
KEY_FILE_MISSING = QT_TRANSLATE_NOOP(
    "Errors",
    "Die Schlüsseldatei {path} fehlt. Ohne sie lassen sich die Daten nicht öffnen; "
    "bitte aus der Sicherung zurückholen.",
)
KEY_FILE_NEWER = QT_TRANSLATE_NOOP(
    "Errors",
    "Die Schlüsseldatei stammt aus einer neueren Programmversion. "
    "Bitte Vielfalt Desktop aktualisieren.",
)
KEY_FILE_DAMAGED = QT_TRANSLATE_NOOP("Errors", "Die Schlüsseldatei {path} ist beschädigt.")
KEY_FILE_FOREIGN = QT_TRANSLATE_NOOP(
    "Errors", "Die Schlüsseldatei {path} gehört nicht zu diesem Datenbestand."
)

# --- errors: entries ------------------------------------------------------------------------

DELETED_MEANWHILE = QT_TRANSLATE_NOOP("Errors", "Der Eintrag wurde inzwischen gelöscht.")
ALREADY_DELETED = QT_TRANSLATE_NOOP("Errors", "Der Eintrag wurde schon gelöscht.")
NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "Der Eintrag wurde nicht gefunden oder ist gelöscht.")
PERSONAL_DATA = QT_TRANSLATE_NOOP(
    "Errors",
    "Der Text enthält vermutlich personenbezogene Daten ({kinds}). "
    "Bitte entfernen oder ausdrücklich bestätigen.",
)

# --- errors: who may write what ------------------------------------------------------------

OFFICE_WRITES_ONLY = QT_TRANSLATE_NOOP(
    "Errors",
    "{kind} pflegt die Koordination; auf einem Laptop können sie nur gelesen werden.",
)
NOT_OWN_HERE = QT_TRANSLATE_NOOP(
    "Errors",
    "Dieser Eintrag stammt von einem anderen Gerät und kann hier nur gelesen werden.",
)
FEEDBACK_ONLY_HERE = QT_TRANSLATE_NOOP(
    "Errors",
    "An einem Verweis eines Laptops kann die Koordination nur Status, Rückmeldung und "
    "Wiedervorlage ändern.",
)

# --- errors: files --------------------------------------------------------------------------

IN_FILE = QT_TRANSLATE_NOOP("Errors", "{file}: {message}")
FILE_UNREADABLE = QT_TRANSLATE_NOOP(
    "Errors", "{path}: Die Datei lässt sich nicht lesen ({reason})."
)
FOLDER_MISSING = QT_TRANSLATE_NOOP("Errors", "Der Ordner {folder} existiert nicht.")
FILE_NOT_SAVED = QT_TRANSLATE_NOOP(
    "Errors", "Die Datei {path} lässt sich nicht speichern ({reason})."
)

# --- errors: synchronisation ----------------------------------------------------------------

NO_SYNC_KEYS = QT_TRANSLATE_NOOP(
    "Errors", "Dieses Gerät hat noch keine Schlüssel für die Synchronisation."
)
OWN_CARD = QT_TRANSLATE_NOOP("Errors", "Das ist die Identitätskarte dieses Geräts selbst.")
KEYS_CHANGED = QT_TRANSLATE_NOOP(
    "Errors",
    "„{name}“ ist schon mit anderen Schlüsseln bekannt. "
    "Eine geänderte Identität wird nicht stillschweigend übernommen.",
)
NOT_A_CARD = QT_TRANSLATE_NOOP("Errors", "Die Datei ist keine gültige Vielfalt-Identitätskarte.")
CARD_TOO_NEW = QT_TRANSLATE_NOOP(
    "Errors", "Die Identitätskarte stammt aus einer neueren Programmversion."
)
NO_SUCH_PEER = QT_TRANSLATE_NOOP("Errors", "Kein vertrautes Gerät „{name}“ gefunden.")
PEER_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "Errors", "„{name}“ ist nicht eindeutig; bitte die Geräte-ID angeben."
)
BUNDLE_TOO_LARGE = QT_TRANSLATE_NOOP("Errors", "{file}: Die Datei ist zu groß für ein Bündel.")
NOT_A_BUNDLE = QT_TRANSLATE_NOOP("Errors", "Die Datei ist kein Vielfalt-Bündel.")
BUNDLE_TOO_NEW = QT_TRANSLATE_NOOP(
    "Errors",
    "Das Bündel hat Format {version}; dieses Programm kennt nur Format {known}. "
    "Bitte Vielfalt Desktop aktualisieren.",
)
BUNDLE_DAMAGED = QT_TRANSLATE_NOOP(
    "Errors", "Das Bündel ist beschädigt oder wurde verändert; es wurde nicht eingelesen."
)
UNTRUSTED_SENDER = QT_TRANSLATE_NOOP(
    "Errors",
    "Das Bündel kommt von „{sender}“, einem nicht vertrauten Gerät. "
    "Zuerst dessen Identitätskarte hinzufügen.",
)
WRONG_RECIPIENT = QT_TRANSLATE_NOOP("Errors", "Das Bündel ist an ein anderes Gerät adressiert.")
BUNDLE_CONTENT_BROKEN = QT_TRANSLATE_NOOP("Errors", "Der Inhalt des Bündels ist fehlerhaft.")
BUNDLE_CONTENT_REFUSED = QT_TRANSLATE_NOOP(
    "Errors", "Der Inhalt des Bündels ist fehlerhaft; es wurde nichts übernommen."
)
SENDER_CLOCK_AHEAD = QT_TRANSLATE_NOOP(
    "Errors",
    "Die Uhr von „{sender}“ geht gegenüber diesem Gerät um etwa {minutes} Minuten vor. "
    "Bitte dort Datum und Uhrzeit richtig stellen und neu exportieren.",
)
STAMP_AFTER_CREATED = QT_TRANSLATE_NOOP(
    "Errors",
    "Das Bündel enthält Änderungen, die später datiert sind als das Bündel selbst; "
    "es wurde nichts übernommen.",
)
NOT_ALLOWED_KIND = QT_TRANSLATE_NOOP(
    "Errors",
    "„{sender}“ darf keine Einträge der Art „{kind}“ senden; es wurde nichts übernommen.",
)
NOT_OWN_RECORD = QT_TRANSLATE_NOOP(
    "Errors",
    "„{sender}“ will einen Eintrag ({kind}, {record}) ändern, der nicht von ihm stammt; "
    "es wurde nichts übernommen.",
)
FORGED_STAMP = QT_TRANSLATE_NOOP(
    "Errors",
    "Das Bündel von „{sender}“ gibt Änderungen als die eines anderen Geräts aus "
    "({kind}, {record}); es wurde nichts übernommen.",
)
ORIGIN_CHANGED = QT_TRANSLATE_NOOP(
    "Errors",
    "Das Bündel ändert die Herkunft eines Eintrags ({kind}, {record}); es wurde nichts übernommen.",
)
INVALID_ROW = QT_TRANSLATE_NOOP(
    "Errors",
    "Eintrag {record} ({kind}) im Bündel ist ungültig: {problem} Es wurde nichts übernommen.",
)
DANGLING_REFERENCE = QT_TRANSLATE_NOOP(
    "Errors",
    "Eintrag {record} ({kind}) im Bündel verweist auf einen Eintrag, den es hier nicht gibt; "
    "es wurde nichts übernommen.",
)
BUNDLE_PAYLOAD_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Errors",
    "Der Inhalt des Bündels ist größer, als seine Kopfdaten erlauben; es wurde nicht eingelesen.",
)
PEER_NAME_TAKEN = QT_TRANSLATE_NOOP(
    "Errors",
    "Ein anderes vertrautes Gerät heißt schon „{name}“. "
    "Bitte das Gerät umbenennen oder zuerst das andere entfernen.",
)
ROLE_CHANGED = QT_TRANSLATE_NOOP(
    "Errors",
    "„{name}“ ist schon als {old} bekannt und gibt sich jetzt als {new} aus. "
    "Eine geänderte Identität wird nicht stillschweigend übernommen.",
)
UNKNOWN_SENDER = QT_TRANSLATE_NOOP(
    "Errors",
    "Das Bündel kommt von einem nicht vertrauten Gerät (Kennung {sender}). "
    "Zuerst dessen Identitätskarte hinzufügen.",
)
LOGS_ARE_APPEND_ONLY = QT_TRANSLATE_NOOP(
    "Errors",
    "Das Bündel will Protokolleinträge ändern oder löschen; "
    "Protokolle werden nur ergänzt. Es wurde nichts übernommen.",
)

# --- passphrase strength --------------------------------------------------------------------

STRENGTH_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Passphrase", "sehr schwach"),
    QT_TRANSLATE_NOOP("Passphrase", "schwach"),
    QT_TRANSLATE_NOOP("Passphrase", "mäßig"),
    QT_TRANSLATE_NOOP("Passphrase", "stark"),
    QT_TRANSLATE_NOOP("Passphrase", "sehr stark"),
)
USE_AT_LEAST = QT_TRANSLATE_NOOP("Passphrase", "Mindestens {minimum} Zeichen verwenden.")
CRACK_MINUTE = QT_TRANSLATE_NOOP("Passphrase", "weniger als eine Minute")
CRACK_MINUTES = QT_TRANSLATE_NOOP("Passphrase", "etwa {n} Minuten")
CRACK_HOURS = QT_TRANSLATE_NOOP("Passphrase", "etwa {n} Stunden")
CRACK_DAYS = QT_TRANSLATE_NOOP("Passphrase", "etwa {n} Tage")
CRACK_YEARS = QT_TRANSLATE_NOOP("Passphrase", "etwa {n} Jahre")
CRACK_CENTURY = QT_TRANSLATE_NOOP("Passphrase", "mehr als ein Jahrhundert")

# zxcvbn speaks English; its messages in German (keys: zxcvbn's text) are a table of their
# own in domain/_passphrase_advice.py, so this file stays short.
from vielfalt_desktop.domain._passphrase_advice import (  # noqa: E402
    PASSPHRASE_ADVICE as PASSPHRASE_ADVICE,
)

for _advice in PASSPHRASE_ADVICE.values():
    QT_TRANSLATE_NOOP("Passphrase", _advice)

# --- errors: two programs, one store; key file integrity (issue 13) ------------------------

STORE_BUSY = QT_TRANSLATE_NOOP(
    "Errors",
    "Der Datenbestand wird gerade von einem anderen Vorgang benutzt; es wurde nichts "
    "geändert. Bitte später noch einmal versuchen.",
)
STORE_BUSY_WAITING = QT_TRANSLATE_NOOP(
    "Errors", "Der Datenbestand wird gerade von einem anderen Vorgang benutzt – warte …"
)
PERMISSIONS_OPEN = QT_TRANSLATE_NOOP(
    "Errors", "{name} ist für andere Benutzer zugänglich (Rechte {mode})."
)
KDF_UNREASONABLE = QT_TRANSLATE_NOOP(
    "Errors",
    "Die Schlüsseldatei verlangt eine unvernünftig aufwendige Schlüsselableitung "
    "(höchstens {memory} MiB Speicher, {iterations} Durchläufe, {lanes} Spuren); "
    "sie wird nicht ausgeführt. Die Datei wurde vermutlich verändert.",
)
KDF_BELOW_DEFAULT = QT_TRANSLATE_NOOP(
    "Errors",
    "Die Schlüsseldatei schützt die Passphrase schwächer als vorgesehen "
    "({memory} MiB, {iterations} Durchläufe, {lanes} Spuren statt {default_memory} MiB, "
    "{default_iterations}, {default_lanes}). „vielfalt passwd“ stellt die vorgesehenen "
    "Werte ein.",
)
UNLOCK_THROTTLED = QT_TRANSLATE_NOOP(
    "Errors", "Nach {count} falschen Eingaben bitte {seconds} Sekunden warten …"
)
REKEY_NEEDS_NEW_PASSPHRASE = QT_TRANSLATE_NOOP(
    "Validation", "Die neue Passphrase muss sich von der bekannt gewordenen unterscheiden."
)

# --- peer status: who is behind (issue 15) ---------------------------------------------------

WARN_DAYS = QT_TRANSLATE_NOOP(
    "Validation", "Warnen nach Tagen ohne Bündel: zwischen {minimum} und {maximum} Tagen."
)

# --- sync folder (issue 15): failures (Errors), result lines (Sync) -------------------------

SYNC_NO_FOLDER = QT_TRANSLATE_NOOP(
    "Errors",
    "Es ist kein Synchronisationsordner eingestellt (Einstellungen, oder "
    "„vielfalt sync-folder set ORDNER“).",
)
SYNC_FOLDER_MISSING = QT_TRANSLATE_NOOP(
    "Errors",
    "Der Synchronisationsordner {folder} ist nicht erreichbar (Netzlaufwerk getrennt, "
    "Stick nicht eingesteckt?). Es wurde nichts geändert.",
)
SYNC_NOT_A_FOLDER = QT_TRANSLATE_NOOP(
    "Errors", "{folder} ist kein Ordner. Es wurde nichts geändert."
)
SYNC_FOLDER_READ_ONLY = QT_TRANSLATE_NOOP(
    "Errors",
    "In den Synchronisationsordner {folder} kann nicht geschrieben werden ({reason}). "
    "Es wurde nichts geändert.",
)
SYNC_WRITE_FAILED = QT_TRANSLATE_NOOP(
    "Errors",
    "Das Bündel für „{peer}“ ließ sich nicht in {folder} schreiben ({reason}); dort liegt "
    "nichts Halbfertiges, und es gilt nicht als gesendet. {kept}",
)
SYNC_FOLDER_LOST = QT_TRANSLATE_NOOP(
    "Errors",
    "Der Synchronisationsordner {folder} ging während des Abgleichs verloren ({reason}). {kept}",
)
SYNC_KEPT = QT_TRANSLATE_NOOP("Errors", "Was davor gelang, bleibt gültig: {summary}")
SYNC_KEPT_NOTHING = QT_TRANSLATE_NOOP("Errors", "Sonst wurde nichts geändert.")
SYNC_FILE_FAILED = QT_TRANSLATE_NOOP(
    "Errors", "Die Datei ließ sich nicht verarbeiten ({kind}); es wurde nichts übernommen."
)
SYNC_NOTHING_NEW = QT_TRANSLATE_NOOP("Sync", "Nichts Neues.")
SYNC_READ = QT_TRANSLATE_NOOP("Sync", "{count} Bündel eingelesen: {details}.")
SYNC_FROM = QT_TRANSLATE_NOOP("Sync", "{count} neue Einträge von {sender}")
SYNC_FROM_ONE = QT_TRANSLATE_NOOP("Sync", "1 neuer Eintrag von {sender}")
SYNC_FROM_NONE = QT_TRANSLATE_NOOP("Sync", "nichts Neues von {sender}")
SYNC_FROM_MORE = QT_TRANSLATE_NOOP("Sync", "{count} von {sender}")
SYNC_LIST = QT_TRANSLATE_NOOP("Sync", "{first}, {rest}")
SYNC_KNOWN = QT_TRANSLATE_NOOP("Sync", "{count} Bündel waren schon eingelesen.")
SYNC_KNOWN_ONE = QT_TRANSLATE_NOOP("Sync", "1 Bündel war schon eingelesen.")
SYNC_WRITTEN = QT_TRANSLATE_NOOP("Sync", "{count} Bündel geschrieben.")
SYNC_SKIPPED = QT_TRANSLATE_NOOP("Sync", "{count} Dateien übersprungen: {refusals}")
SYNC_SKIPPED_ONE = QT_TRANSLATE_NOOP("Sync", "1 Datei übersprungen: {refusals}")
SYNC_REFUSAL = QT_TRANSLATE_NOOP("Sync", "{file} – {reason}")
SYNC_REFUSALS = QT_TRANSLATE_NOOP("Sync", "{first}; {rest}")
SYNC_SENTENCES = QT_TRANSLATE_NOOP("Sync", "{first} {rest}")

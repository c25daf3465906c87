"""The core's validation messages: German templates the UI can translate.

The core stays free of Qt and speaks German (CLI, logs, tests). A message is a :class:`Message`:
a plain ``str`` holding the German text, which also remembers its template and the values put
into it. The UI looks the template up in Qt's translator (context :data:`CONTEXT`) and fills
in the same values, so the English UI shows English messages (``ui.i18n.message_text``).

Every template and every field label lives in this one file, each wrapped in
:func:`QT_TRANSLATE_NOOP` so that ``pyside6-lupdate`` (``make translations``) extracts it into
``resources/translations/vielfalt_en.ts``. Rules for templates:

* placeholders are named (``{label}``, ``{value}``, ``{maximum}``) and may be reordered;
* a value that is itself text for the reader (a field label) is passed as a :class:`Message`,
  so it is translated too; codes and numbers are passed as they are.
"""

from __future__ import annotations

from collections.abc import Mapping

CONTEXT = "Validation"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate, which knows this name, and returns it unchanged (no Qt)."""
    return text


class Message(str):
    """German text of a message, plus its template and values for translating it later."""

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, **params: object) -> Message:
        message = super().__new__(cls, template.format_map(params))
        message.template = template
        message.params = params
        return message

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, object]]:
        return (self.template,), dict(self.params)


def label(name: str) -> Message:
    """The label of a record field (its name if there is none), as a translatable message."""
    return Message(FIELD_LABELS.get(name, name))


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

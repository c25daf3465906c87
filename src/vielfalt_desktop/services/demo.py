"""Realistic, invented, anonymised demo data for every record kind (``vielfalt demo``).

Everything is drawn from one seeded :class:`random.Random`, so the same
``(contacts, seed, today)`` gives the same records, ids included. The shape follows the
benchmark set of DESIGN §8: per 100 000 contacts about 40 000 referrals (each with its status
history), 10 000 conflicts with about 40 000 interventions, 2 000 events and 1 000 partners.

The partner organisations come from ``resources/demo/partners.json`` (real agencies of
Magdeburg with invented contact channels, plus clearly fictional associations); larger data
sets add numbered ones such as "Nachbarschaftsverein Beispiel 17". Free texts are ordinary
social-work phrases without personal data; they pass :func:`privacy.screen_text`.

Codes are only used if the loaded vocabularies know them, so a coordinator's edited
vocabulary (retired or added codes) still gives valid records.

Partners are written only by the coordinator (domain.authority). On an office store
:func:`fill` creates the directory as described; on a field laptop it creates no partners
and refers to the directory the laptop received from the coordinator; with none there it
writes no referrals and events without partners.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import random
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from vielfalt_desktop.domain import pseudonym
from vielfalt_desktop.domain.records import (
    Conflict,
    Contact,
    Event,
    Intervention,
    Partner,
    Record,
    Referral,
    ReferralStatusChange,
)
from vielfalt_desktop.domain.validation import EARLIEST
from vielfalt_desktop.domain.vocab import Vocabularies
from vielfalt_desktop.resources import resource_path
from vielfalt_desktop.services.app import App

__all__ = ["CHUNK", "DemoResult", "directory", "fill", "generate", "load_partner_templates"]

T = TypeVar("T")

#: Contacts per batch (each batch also holds their referrals, conflicts, interventions).
CHUNK = 10_000
#: Dates spread over this many days up to today.
SPAN_DAYS = 730

REFERRALS_PER_CONTACT = 0.4
CONFLICTS_PER_CONTACT = 0.1
EVENTS_PER_CONTACT = 0.02
PARTNERS_PER_CONTACT = 0.01
MIN_EVENTS = 3


@dataclass(frozen=True)
class DemoResult:
    contacts: int
    referrals: int
    conflicts: int
    interventions: int
    events: int
    partners: int


# --------------------------------------------------------------------------------------------
# Weighted choice


class _Pick(Generic[T]):
    """Weighted choice with precomputed cumulative weights (much faster than rng.choices)."""

    __slots__ = ("_cum", "_items", "_total")

    def __init__(self, weighted: Sequence[tuple[T, float]]) -> None:
        items = [(item, w) for item, w in weighted if w > 0]
        if not items:
            raise ValueError("Für die Demodaten fehlt eine Auswahl (leeres Vokabular?).")
        self._items = [item for item, _ in items]
        self._cum = list(itertools.accumulate(w for _, w in items))
        self._total = self._cum[-1]

    def __call__(self, rng: random.Random) -> T:
        return self._items[bisect.bisect_right(self._cum, rng.random() * self._total)]

    def distinct(self, rng: random.Random, k: int) -> tuple[T, ...]:
        """Up to ``k`` different items (fewer if there are not enough)."""
        k = min(k, len(self._items))
        chosen: list[T] = []
        while len(chosen) < k:
            item = self(rng)
            if item not in chosen:
                chosen.append(item)
        return tuple(chosen)


def _share(total: int, start: int, end: int, n: int) -> int:
    """How many of ``total`` belong to items ``start``…``end`` of ``n`` (sums exactly)."""
    return total * end // n - total * start // n


# --------------------------------------------------------------------------------------------
# Weights (codes the vocabulary does not know are skipped; unknown codes get `rest`)

TARGET_GROUP_WEIGHTS = {
    "drittstaat": 42,
    "familiennachzug": 8,
    "anwohner_mit_mh": 14,
    "anwohner_ohne_mh": 16,
    "unionsbuerger": 14,
    "weitere": 6,
}
# Leipziger Straße / Schilfbreite: many families from Romania and Bulgaria.
TARGET_GROUP_WEIGHTS_SOUTH = {**TARGET_GROUP_WEIGHTS, "unionsbuerger": 26, "drittstaat": 34}

THIRD_COUNTRIES = {
    "SY": 22, "UA": 16, "AF": 14, "IQ": 8, "IR": 5, "TR": 5, "ER": 4, "VN": 4, "SO": 3,
    "XK": 3, "RS": 3, "AL": 3, "RU": 3, "MK": 2, "GE": 2, "IN": 2, "BA": 1, "MA": 1,
    "NG": 1, "EG": 1, "LB": 1, "PK": 1, "XS": 1, "XU": 1,
}  # fmt: skip
FAMILY_REUNION_COUNTRIES = {"SY": 35, "AF": 20, "IQ": 15, "ER": 10, "TR": 5, "XK": 5, "SO": 5}
EU_COUNTRIES = {
    "RO": 30, "BG": 25, "PL": 15, "HU": 6, "HR": 5, "IT": 5, "GR": 4, "SK": 3, "LT": 3,
    "LV": 2, "CZ": 2, "ES": 2, "PT": 2,
}  # fmt: skip
WITH_MIGRATION_BACKGROUND = {"DE": 55, "": 20, "RU": 5, "KZ": 5, "TR": 5, "UA": 5, "VN": 5}
WITHOUT_MIGRATION_BACKGROUND = {"DE": 85, "": 15}
OTHER_FOREIGNERS = {"": 60, "XU": 20, "CH": 12, "NO": 8}

COUNTRY_LANGUAGES: dict[str, tuple[str, ...]] = {
    "SY": ("ar", "ar", "ar", "kmr"), "IQ": ("ar", "ar", "ckb", "kmr"), "AF": ("fa", "fa", "ps"),
    "IR": ("fa",), "UA": ("uk", "uk", "ru"), "RU": ("ru",), "KZ": ("ru",), "ER": ("ti",),
    "SO": ("so",), "TR": ("tr", "tr", "kmr"), "XK": ("sq",), "AL": ("sq",), "RS": ("sr", "rom"),
    "MK": ("mk", "sq", "rom"), "BA": ("bs",), "VN": ("vi",), "GE": ("ka",), "MA": ("ar", "fr"),
    "NG": ("en",), "EG": ("ar",), "LB": ("ar",), "IN": ("hi", "en"), "PK": ("ur",),
    "XS": ("ar", "kmr"), "XU": ("ar", "fa"), "RO": ("ro", "ro", "rom"),
    "BG": ("bg", "bg", "rom", "tr"),
    "PL": ("pl",), "HU": ("hu",), "HR": ("hr",), "IT": ("it",), "GR": ("el",), "SK": ("sk", "rom"),
    "LT": ("lt",), "LV": ("lv",), "CZ": ("cs",), "ES": ("es",), "PT": ("pt",), "CH": ("de",),
    "NO": ("en",), "DE": ("de",),
}  # fmt: skip

AGE_BAND_WEIGHTS = {"u18": 3, "18_26": 20, "27_44": 40, "45_64": 24, "65plus": 8, "unbekannt": 5}
GENDER_WEIGHTS = {"weiblich": 52, "maennlich": 44, "divers": 0.5, "keine_angabe": 3.5}
INTERPRETER_WEIGHTS = {
    "sprachmittler": 35,
    "brueckenbauer": 30,
    "angehoerige": 20,
    "digital": 10,
    "dolmetscher": 5,
}
SETTING_WEIGHTS = {
    "nord": {"projektbuero": 50, "aufsuchend": 22, "veranstaltung": 12, "telefon_online": 16},
    "sued": {"buero_sued": 50, "aufsuchend": 22, "veranstaltung": 12, "telefon_online": 16},
    "": {
        "projektbuero": 30,
        "buero_sued": 20,
        "telefon_online": 30,
        "aufsuchend": 8,
        "veranstaltung": 12,
    },
}
DURATIONS = {
    "telefon_online": ((10, 30), (15, 35), (20, 20), (30, 15)),
    "": ((15, 10), (20, 10), (30, 30), (45, 25), (60, 18), (90, 7)),
}
TOPIC_WEIGHTS = {
    "wohnen": 16, "behoerden": 16, "sprache": 13, "arbeit": 12, "kita": 9, "aufenthalt": 8,
    "leistungen": 7, "familie": 6, "schule": 6, "gesundheit": 5, "nachbarschaft": 5,
    "freizeit": 4, "bildung": 3, "anerkennung": 3, "ehrenamt": 2, "diskriminierung": 2,
    "digitales": 2, "mobilitaet": 1, "senioren": 1, "jugend": 1, "sonstiges": 1,
}  # fmt: skip
TOPIC_FACTORS_BY_GROUP: dict[str, dict[str, float]] = {
    "drittstaat": {"aufenthalt": 2.5, "sprache": 1.3, "anerkennung": 1.5},
    "familiennachzug": {"aufenthalt": 3.0, "kita": 1.5, "schule": 1.5, "familie": 2.0},
    "anwohner_mit_mh": {"aufenthalt": 0.4, "nachbarschaft": 2.5, "freizeit": 1.5},
    "anwohner_ohne_mh": {
        "aufenthalt": 0,
        "sprache": 0.1,
        "anerkennung": 0,
        "nachbarschaft": 4.0,
        "ehrenamt": 3.0,
        "senioren": 2.0,
    },
    "unionsbuerger": {"aufenthalt": 0.3, "arbeit": 1.6, "schule": 1.5, "leistungen": 1.5},
    "weitere": {},
}
TOPIC_FACTORS_BY_AGE: dict[str, dict[str, float]] = {
    "young": {"jugend": 12.0, "schule": 2.0, "bildung": 3.0, "kita": 0.3, "senioren": 0},
    "adult": {},
    "senior": {"senioren": 15.0, "gesundheit": 2.0, "kita": 0, "arbeit": 0.3, "schule": 0.2},
}
TOPIC_COUNT = _Pick([(1, 45.0), (2, 38.0), (3, 17.0)])
INTEREST_WEIGHTS = {
    "sprachcafe": 12, "deutschkurs": 12, "nachbarschaftsfest": 8, "sport": 7, "kinderangebote": 7,
    "schwimmkurs": 5, "kochen": 5, "elterncafe": 5, "hausaufgabenhilfe": 6, "frauentreff": 5,
    "computerkurs": 4, "bewerbungstraining": 4, "informationsabende": 4, "ausfluege": 4,
    "jugendangebote": 4, "kreativ": 3, "garten": 3, "musik": 2, "theater_kultur": 2,
    "ehrenamt_mitmachen": 3, "stadtteil_mitgestalten": 2, "seniorentreff": 2,
    "maennertreff": 1, "sonstiges": 1,
}  # fmt: skip

REFERRAL_KIND_WEIGHTS = {"information": 65, "begleitet": 35}
# Status paths a referral follows; cut short where the next step would lie after today.
REFERRAL_PATHS: tuple[tuple[tuple[str, ...], float], ...] = (
    (("vorgeschlagen", "vermittelt", "angenommen", "abgeschlossen"), 50),
    (("vorgeschlagen", "vermittelt", "angenommen"), 8),
    (("vorgeschlagen", "vermittelt"), 4),
    (("vorgeschlagen",), 4),
    (("vorgeschlagen", "vermittelt", "nicht_wahrgenommen"), 16),
    (("vorgeschlagen", "vermittelt", "abgelehnt"), 10),
    (("vorgeschlagen", "abgelehnt"), 8),
)
# Days from the previous step to this one: (min, max).
STEP_DAYS = {
    "vorgeschlagen": (0, 0),
    "vermittelt": (0, 7),
    "angenommen": (3, 21),
    "abgeschlossen": (14, 90),
    "nicht_wahrgenommen": (10, 35),
    "abgelehnt": (2, 21),
}

PLACE_WEIGHTS = {
    "hausflur": 22, "innenhof": 14, "wohnung_nachbarwohnung": 12, "spielplatz": 12,
    "strasse_platz": 10, "gruenanlage": 8, "parkplatz": 6, "umfeld_schule_kita": 5,
    "haltestelle": 4, "einkaufsbereich": 4, "sonstiges": 3,
}  # fmt: skip
PLACE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "hausflur": ("laerm", "laerm", "muell", "verstaendigung", "nachbarschaft_allgemein"),
    "innenhof": ("kinder_spielen", "laerm", "muell", "oeffentlicher_raum"),
    "wohnung_nachbarwohnung": ("laerm", "laerm", "haustiere", "verstaendigung"),
    "spielplatz": ("kinder_spielen", "jugendgruppen", "muell", "oeffentlicher_raum"),
    "strasse_platz": ("jugendgruppen", "oeffentlicher_raum", "laerm", "diskriminierung"),
    "gruenanlage": ("oeffentlicher_raum", "muell", "jugendgruppen", "haustiere"),
    "parkplatz": ("parken", "parken", "muell"),
    "umfeld_schule_kita": ("parken", "jugendgruppen", "diskriminierung", "kinder_spielen"),
    "haltestelle": ("jugendgruppen", "diskriminierung", "muell"),
    "einkaufsbereich": ("jugendgruppen", "oeffentlicher_raum", "diskriminierung"),
    "sonstiges": ("nachbarschaft_allgemein", "sonstiges", "verstaendigung"),
}
CATEGORY_WEIGHTS = {
    "laerm": 20, "muell": 15, "verstaendigung": 14, "kinder_spielen": 10, "jugendgruppen": 9,
    "nachbarschaft_allgemein": 9, "oeffentlicher_raum": 7, "parken": 5, "haustiere": 5,
    "diskriminierung": 4, "sonstiges": 2,
}  # fmt: skip
PLACE_INSTITUTIONS: dict[str, tuple[str, ...]] = {
    "hausflur": ("wohnungsunternehmen", "hausverwaltung"),
    "innenhof": ("wohnungsunternehmen", "hausverwaltung"),
    "wohnung_nachbarwohnung": ("wohnungsunternehmen", "hausverwaltung", "polizei"),
    "spielplatz": ("stadtwache", "buergerhaus", "jugendamt"),
    "strasse_platz": ("stadtwache", "polizei", "gwa"),
    "gruenanlage": ("stadtwache", "gwa"),
    "parkplatz": ("stadtwache", "wohnungsunternehmen"),
    "umfeld_schule_kita": ("schule", "kita", "stadtwache"),
    "haltestelle": ("stadtwache", "polizei"),
    "einkaufsbereich": ("stadtwache", "polizei"),
    "sonstiges": ("buergerhaus", "gwa", "sonstige"),
}
ESCALATION_WEIGHTS = {
    "glasl_1": 22, "glasl_2": 30, "glasl_3": 24, "glasl_4": 14, "glasl_5": 5, "glasl_6": 3,
    "glasl_7": 1, "glasl_8": 0.6, "glasl_9": 0.4,
}  # fmt: skip
INTERVENTION_COUNT = _Pick([(1, 10.0), (2, 14.0), (3, 17.0), (4, 18.0), (5, 15.0), (6, 11.0),
                            (7, 8.0), (8, 7.0)])  # fmt: skip
FIRST_INTERVENTION = {"einzelgespraech": 40, "vor_ort_begehung": 25, "telefonat": 25, "aushang": 10}
LATER_INTERVENTION = {
    "einzelgespraech": 24, "vermittlungsgespraech": 20, "telefonat": 18, "aushang": 8,
    "hausversammlung": 8, "vor_ort_begehung": 8, "runder_tisch": 6, "weiterleitung": 4,
    "sonstiges": 4,
}  # fmt: skip
PARTICIPANTS = {
    "einzelgespraech": (1, 2),
    "vermittlungsgespraech": (2, 6),
    "hausversammlung": (6, 30),
    "aushang": (0, 0),
    "weiterleitung": (0, 1),
    "vor_ort_begehung": (1, 4),
    "telefonat": (1, 1),
    "runder_tisch": (4, 12),
    "sonstiges": (0, 5),
}

EVENT_KIND_WEIGHTS = {
    "sprachcafe": 22, "informationsveranstaltung": 14, "elterncafe": 12, "begegnungsfest": 10,
    "hausversammlung": 8, "workshop": 8, "kulturveranstaltung": 8, "sportangebot": 8,
    "stadtteilspaziergang": 6, "sonstiges": 4,
}  # fmt: skip
EVENT_SIZE = {
    "begegnungsfest": (40, 250),
    "sprachcafe": (6, 25),
    "hausversammlung": (8, 40),
    "informationsveranstaltung": (10, 60),
    "stadtteilspaziergang": (6, 25),
    "workshop": (8, 20),
    "elterncafe": (5, 20),
    "kulturveranstaltung": (20, 150),
    "sportangebot": (8, 30),
    "sonstiges": (5, 40),
}
EVENT_CHILDREN = {"begegnungsfest": 0.4, "elterncafe": 0.35, "sportangebot": 0.5}

# Share of contacts (and conflicts, events) in the focus areas; the rest spreads over the city.
FOCUS_SHARE = 0.6
CONFLICT_FOCUS_SHARE = 0.7
# Outside the focus areas: where migrants live in larger numbers, more contacts.
BUSY_DISTRICTS = {
    "neu_olvenstedt": 6, "sudenburg": 5, "stadtfeld_ost": 5, "altstadt": 4, "neustaedter_feld": 3,
    "stadtfeld_west": 3, "nordwest": 2, "buckau": 2, "reform": 2, "alte_neustadt": 2,
    "fermersleben": 1.5, "salbke": 1.5, "cracau": 1.5, "hopfengarten": 1, "werder": 1,
    "lemsdorf": 1, "ottersleben": 1,
}  # fmt: skip
SUB_AREA_SHARE = 0.45

PSEUDONYM_SHARE = 0.4
REPEAT_SHARE = 0.6

# --------------------------------------------------------------------------------------------
# Texts: ordinary social-work wording, no names, addresses, dates or numbers of persons.

CONTACT_NOTES: dict[str, tuple[str, ...]] = {
    "arbeit": (
        "Lebenslauf gemeinsam überarbeitet, Hinweis auf Bewerbungstraining gegeben.",
        "Fragen zu Arbeitsvertrag und Probezeit besprochen.",
        "Sucht eine Teilzeitstelle in der Nähe; auf die Jobbörse hingewiesen.",
    ),
    "wohnen": (
        "Fragen zur Nebenkostenabrechnung; Unterlagen kommen zum nächsten Gespräch mit.",
        "Sucht eine größere Wohnung, Vorgehen für den Wohnberechtigungsschein erklärt.",
        "Schimmel in der Wohnung; Schreiben an die Hausverwaltung gemeinsam vorbereitet.",
        "Mietrückstand droht, Kontakt zur Schuldnerberatung empfohlen.",
    ),
    "schule": (
        "Schulanmeldung für ein Kind besprochen, Ablauf beim Schulamt erklärt.",
        "Elterngespräch in der Schule steht an; Sprachmittlung wird organisiert.",
    ),
    "kita": (
        "Sucht einen Kita-Platz, Anmeldung über das Kita-Portal gemeinsam begonnen.",
        "Antrag auf Kostenübernahme für die Kita erklärt.",
    ),
    "aufenthalt": (
        "Fragen zur Verlängerung des Aufenthaltstitels, an die Migrationsberatung verwiesen.",
        "Unsicherheit wegen der Fiktionsbescheinigung; Termin bei der Ausländerbehörde "
        "wird vorbereitet.",
        "Informationen zum Familiennachzug gegeben.",
    ),
    "behoerden": (
        "Schreiben vom Jobcenter gemeinsam gelesen und erklärt.",
        "Weiterbewilligungsantrag gemeinsam ausgefüllt.",
        "Unterlagenliste für den Termin beim Amt besprochen.",
    ),
    "gesundheit": (
        "Sucht eine Hausarztpraxis mit freien Plätzen, Übersicht der Praxen im Stadtteil "
        "mitgegeben.",
        "Fragen zur Krankenversicherung geklärt.",
    ),
    "sprache": (
        "Interesse an einem Integrationskurs, Kursangebote der Volkshochschule vorgestellt.",
        "Auf das Sprachcafé im Stadtteil hingewiesen.",
        "Wartet auf einen Platz im Deutschkurs, Alternativen besprochen.",
    ),
    "freizeit": (
        "Interesse an Freizeitangeboten für Kinder, Programm des Familienzentrums mitgegeben.",
        "Fragt nach Sportvereinen im Stadtteil.",
    ),
    "nachbarschaft": (
        "Beschwerde über Lärm im Haus; Möglichkeiten der Vermittlung erklärt.",
        "Möchte beim nächsten Nachbarschaftsfest mithelfen.",
    ),
    "ehrenamt": (
        "Möchte sich ehrenamtlich engagieren, Kontakt zur Freiwilligenagentur vermittelt.",
    ),
    "diskriminierung": (
        "Berichtet von Benachteiligung bei der Wohnungssuche; Antidiskriminierungsberatung "
        "empfohlen.",
        "Abwertende Bemerkungen im Bus geschildert, Unterstützungsangebote besprochen.",
    ),
    "familie": (
        "Fragen zu Kindergeld und Elterngeld.",
        "Belastende Situation zu Hause, Beratungsangebote für Eltern vorgestellt.",
    ),
    "leistungen": (
        "Fragen zu Wohngeld und Kinderzuschlag, Antrag besprochen.",
        "Mahnung erhalten; Ratenzahlung wird angefragt.",
    ),
    "bildung": ("Interesse an einer Ausbildung, Termin bei der Berufsberatung empfohlen.",),
    "anerkennung": ("Ausländischer Berufsabschluss; an die Anerkennungsberatung verwiesen.",),
    "mobilitaet": ("Fragen zum Sozialticket und zur Umschreibung des Führerscheins.",),
    "digitales": ("Hilfe beim Einrichten eines Online-Kontos für Behördentermine.",),
    "senioren": ("Fragen zu Pflegegrad und Unterstützung im Alltag.",),
    "jugend": ("Sucht einen Praktikumsplatz, Angebote des Jugendmigrationsdienstes vorgestellt.",),
    "sonstiges": ("Allgemeine Orientierung zu Angeboten im Stadtteil.",),
}
NOTE_ADDITIONS = (
    "Folgetermin vereinbart.",
    "Rückmeldung in zwei Wochen.",
    "Gespräch mit Sprachmittlung.",
    "Anliegen konnte direkt geklärt werden.",
    "Unterlagen fehlen noch.",
    "Erstkontakt, Projekt vorgestellt.",
)
REFERRAL_FEEDBACK: dict[str, tuple[str, ...]] = {
    "angenommen": (
        "Termin hat stattgefunden, Beratung läuft.",
        "Aufnahme in den Kurs ab nächstem Monat bestätigt.",
        "Antrag wurde gestellt, Bearbeitung läuft.",
    ),
    "abgeschlossen": (
        "Rückmeldung der Stelle: Anliegen geklärt.",
        "Beratung abgeschlossen, keine weitere Unterstützung nötig.",
        "Kurs erfolgreich beendet.",
        "Antrag bewilligt.",
    ),
    "nicht_wahrgenommen": (
        "Termin wurde nicht wahrgenommen, erneute Einladung verschickt.",
        "Keine Rückmeldung auf die Einladung.",
    ),
    "abgelehnt": (
        "Keine freien Plätze, Aufnahme auf die Warteliste.",
        "Nicht zuständig, andere Stelle empfohlen.",
        "Angebot passt nicht; hat sich dagegen entschieden.",
    ),
}
STATUS_NOTES: dict[str, tuple[str, ...]] = {
    "vorgeschlagen": ("Angebot vorgestellt.", "Kontaktdaten der Stelle mitgegeben."),
    "vermittelt": (
        "Termin telefonisch vereinbart.",
        "Gemeinsam zur Stelle gegangen.",
        "Anfrage per E-Mail an die Stelle geschickt.",
    ),
    "angenommen": ("Erstgespräch hat stattgefunden.", "Angebot wird genutzt."),
    "abgeschlossen": ("Rückmeldung erhalten, Anliegen erledigt.", "Beratung beendet."),
    "nicht_wahrgenommen": ("Termin verstrichen, keine Rückmeldung.",),
    "abgelehnt": ("Stelle nicht zuständig.", "Kein Interesse mehr."),
}
CONFLICT_NOTES: dict[str, tuple[str, ...]] = {
    "laerm": (
        "Beschwerden über Lärm in den Abendstunden, mehrere Parteien betroffen.",
        "Laute Musik und Feiern am Wochenende.",
    ),
    "muell": ("Müll im Hof und an den Containern, Mülltrennung unklar.",),
    "jugendgruppen": ("Jugendliche treffen sich abends, Anwohnende fühlen sich gestört.",),
    "kinder_spielen": ("Kinder spielen im Hof, ältere Nachbarn beschweren sich.",),
    "parken": ("Streit um Parkplätze vor dem Haus.",),
    "haustiere": ("Hundekot und Bellen sorgen für Unmut im Haus.",),
    "verstaendigung": ("Missverständnisse wegen Sprachbarrieren, Hausordnung nicht bekannt.",),
    "diskriminierung": ("Abwertende Äußerungen gegenüber neu zugezogenen Nachbarn gemeldet.",),
    "oeffentlicher_raum": ("Nutzung der Grünfläche umstritten, Grillen und Sitzgruppen.",),
    "nachbarschaft_allgemein": ("Angespannte Stimmung im Hausaufgang.",),
    "sonstiges": ("Meldung über das Bürgertelefon eingegangen.",),
}
OUTCOMES: dict[str, tuple[str, ...]] = {
    "beigelegt": (
        "Vereinbarung zu Ruhezeiten getroffen, seitdem keine Beschwerden.",
        "Hausordnung mehrsprachig ausgehängt, die Lage hat sich beruhigt.",
        "Gemeinsames Hoffest hat die Stimmung verbessert.",
        "Nach dem Vermittlungsgespräch tragen beide Seiten die Absprachen mit.",
        "Neue Stellplätze für Müllcontainer, Mülltrennung erklärt.",
        "Spielzeiten im Hof gemeinsam festgelegt.",
    ),
    "weitergeleitet": (
        "An das Ordnungsamt weitergeleitet, die Zuständigkeit liegt dort.",
        "Das Wohnungsunternehmen übernimmt die weitere Bearbeitung.",
        "Übergabe an die Polizei wegen Bedrohung.",
        "An die Antidiskriminierungsberatung weitergeleitet.",
    ),
}
INTERVENTION_RESULTS: dict[str, tuple[str, ...]] = {
    "einzelgespraech": (
        "Anliegen aufgenommen, Sichtweise der beschwerdeführenden Seite geklärt.",
        "Gespräch mit der anderen Seite geführt, Bereitschaft zur Klärung vorhanden.",
    ),
    "vermittlungsgespraech": (
        "Beide Seiten an einem Tisch, erste Absprachen getroffen.",
        "Vermittlungsgespräch abgebrochen, neuer Anlauf geplant.",
        "Absprachen schriftlich festgehalten.",
    ),
    "hausversammlung": ("Gute Beteiligung, Regeln für die Nutzung des Hofes vereinbart.",),
    "aushang": ("Mehrsprachiger Aushang zur Hausordnung angebracht.",),
    "weiterleitung": ("Fall an die zuständige Stelle übergeben.",),
    "vor_ort_begehung": ("Situation vor Ort angesehen, Hinweise bestätigt.",),
    "telefonat": ("Telefonische Rücksprache mit der Hausverwaltung.",),
    "runder_tisch": ("Runder Tisch mit Wohnungsunternehmen, Stadtwache und Bürgerhaus.",),
    "sonstiges": ("Informationsmaterial verteilt.",),
}
NEXT_STEPS = (
    "Nachgespräch mit beiden Seiten",
    "Rückmeldung der Hausverwaltung abwarten",
    "Hausversammlung vorbereiten",
    "Aushang übersetzen lassen",
    "Vor-Ort-Termin mit der Stadtwache",
    "Vermittlungsgespräch vereinbaren",
    "Lage in vier Wochen erneut prüfen",
    "Brückenbauer/in einbeziehen",
)
DORMANT_STEP = "Bei neuer Meldung wieder aufnehmen"
EVENT_VENUES: dict[str, tuple[str, ...]] = {
    "kannenstieg": ("im Bürgerhaus Kannenstieg",),
    "neustaedter_see": ("im Familienzentrum Neustädter See", "am Neustädter See"),
    "neue_neustadt": ("im Projektbüro Lübecker Straße", "im Nachbarschaftstreff Neue Neustadt"),
    "leipziger_strasse": ("im Familienzentrum Schilfbreite", "im Stadtteiltreff Leipziger Straße"),
    "stadtfeld_ost": ("im Einewelthaus",),
}
EVENT_TITLES: dict[str, tuple[str, ...]] = {
    "begegnungsfest": (
        "Begegnungsfest {district}",
        "Interkulturelles Sommerfest {district}",
        "Nachbarschaftsfest {venue}",
    ),
    "sprachcafe": ("Sprachcafé {venue}",),
    "hausversammlung": ("Hausversammlung {district}", "Mieterversammlung {district}"),
    "informationsveranstaltung": (
        "Infoabend zur Kita-Anmeldung {venue}",
        "Informationsabend Nebenkosten und Heizen {venue}",
        "Info-Café Anerkennung ausländischer Abschlüsse {venue}",
        "Ausbildung in Deutschland – Infoveranstaltung {venue}",
    ),
    "stadtteilspaziergang": ("Stadtteilspaziergang {district}",),
    "workshop": (
        "Workshop Bewerbung und Lebenslauf {venue}",
        "Workshop Mülltrennung leicht gemacht {venue}",
        "Workshop Umgang mit Alltagsrassismus {venue}",
    ),
    "elterncafe": ("Elterncafé {venue}",),
    "kulturveranstaltung": (
        "Interkultureller Filmabend {venue}",
        "Musik und Geschichten {venue}",
        "Lesung in mehreren Sprachen {venue}",
    ),
    "sportangebot": ("Bewegungstreff für Frauen {venue}", "Sportnachmittag {district}"),
    "sonstiges": ("Kleidertauschbörse {venue}", "Gemeinsam kochen {venue}"),
}
EVENT_NOTES = (
    "Viele neue Gesichter, Interesse an weiteren Terminen.",
    "Sprachmittlung auf Arabisch und Ukrainisch war vor Ort.",
    "Gute Zusammenarbeit mit den Partnern, Wiederholung geplant.",
    "Wetterbedingt weniger Teilnehmende als erwartet.",
    "Einladungen in mehreren Sprachen haben sich bewährt.",
)

# Numbered partners for larger data sets: (name prefix, kind, topics, offers, offer text).
EXTRA_PARTNERS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], str], ...] = (
    ("Nachbarschaftsverein", "verein", ("nachbarschaft", "freizeit"),
     ("raeume", "veranstaltungen"), "Nachbarschaftstreff und Feste im Quartier."),
    ("Sportverein", "verein", ("freizeit", "jugend"), ("sportangebote",),
     "Training für Kinder, Jugendliche und Erwachsene."),
    ("Elterninitiative", "verein", ("familie", "kita", "schule"), ("elternarbeit",),
     "Elterntreff und gegenseitige Unterstützung."),
    ("Kulturverein", "migrantenorganisation", ("freizeit", "sprache", "familie"),
     ("kulturangebote", "sprachmittlung"), "Kulturabende und Sprachmittlung."),
    ("Beratungsstelle", "beratungsstelle", ("behoerden", "leistungen", "wohnen"),
     ("beratung", "verweisberatung"), "Sozialberatung und Hilfe bei Anträgen."),
    ("Jugendtreff", "verein", ("jugend", "freizeit", "schule"),
     ("jugendarbeit", "hausaufgabenhilfe"), "Offene Jugendarbeit und Hausaufgabenhilfe."),
    ("Seniorentreff", "verein", ("senioren", "freizeit"), ("seniorenangebote",),
     "Treffpunkt und Ausflüge für ältere Menschen."),
    ("Kita", "bildung", ("kita", "familie"), ("kinderbetreuung", "elternarbeit"),
     "Kindertagesstätte mit Elterncafé."),
    ("Grundschule", "bildung", ("schule", "familie"), ("elternarbeit", "hausaufgabenhilfe"),
     "Grundschule mit Schulsozialarbeit."),
    ("Hausverwaltung", "wohnungsunternehmen", ("wohnen", "nachbarschaft"),
     ("mieterberatung",), "Ansprechpartner für Mieterinnen und Mieter."),
    ("Kirchengemeinde", "religioese_gemeinde", ("nachbarschaft", "senioren", "familie"),
     ("raeume", "ehrenamtliche"), "Gemeinderäume, Mittagstisch und Besuchsdienst."),
    ("Gesundheitstreff", "gesundheit", ("gesundheit",), ("gesundheitsberatung",),
     "Gesundheitsberatung und Präventionskurse."),
    ("Sprachschule", "bildung", ("sprache", "arbeit"), ("sprachkurse",),
     "Deutschkurse auf allen Niveaus."),
    ("Stadtteilinitiative", "sonstige", ("nachbarschaft", "ehrenamt"),
     ("vernetzung", "veranstaltungen"), "Engagierte Nachbarinnen und Nachbarn im Stadtteil."),
)  # fmt: skip
# What numbered partners look for: (offer code, seek text).
EXTRA_SEEKS: tuple[tuple[str, str], ...] = (
    ("ehrenamtliche", "Ehrenamtliche für regelmäßige Angebote."),
    ("raeume", "Räume für Treffen am Abend."),
    ("sprachmittlung", "Sprachmittlung für Gespräche mit Eltern und Nachbarn."),
    ("multiplikatoren", "Kontakte zu Migrantenorganisationen."),
    ("finanzierung", "Fördermittel für neue Projekte."),
    ("vernetzung", "Austausch mit anderen Trägern im Stadtteil."),
    ("technik", "Beamer und Lautsprecher für Veranstaltungen."),
    ("konfliktberatung", "Unterstützung bei Streit in der Nachbarschaft."),
)
# (street, postcode, district) for numbered partners' organisation addresses.
STREETS: tuple[tuple[str, str, str], ...] = (
    ("Lübecker Straße", "39124", "neue_neustadt"),
    ("Nicolaiplatz", "39124", "neue_neustadt"),
    ("Pablo-Neruda-Straße", "39126", "neustaedter_see"),
    ("Salvador-Allende-Straße", "39126", "neustaedter_see"),
    ("Johannes-R.-Becher-Straße", "39128", "kannenstieg"),
    ("Kritzmannstraße", "39128", "kannenstieg"),
    ("Leipziger Straße", "39120", "leipziger_strasse"),
    ("Schilfbreite", "39120", "leipziger_strasse"),
    ("Breiter Weg", "39104", "altstadt"),
    ("Olvenstedter Straße", "39108", "stadtfeld_ost"),
    ("Große Diesdorfer Straße", "39110", "stadtfeld_west"),
    ("Halberstädter Straße", "39112", "sudenburg"),
    ("Schönebecker Straße", "39104", "buckau"),
    ("Othrichstraße", "39128", "neu_olvenstedt"),
    ("Berliner Chaussee", "39114", "cracau"),
    ("Kastanienstraße", "39130", "nordwest"),
)
OPENING_HOURS = (
    "Mo–Do 9–15 Uhr",
    "Mo–Fr 9–16 Uhr",
    "Di und Do 14–18 Uhr",
    "Mi 10–13 Uhr und nach Vereinbarung",
    "Mo–Fr 13–19 Uhr",
    "nach Vereinbarung",
)


# --------------------------------------------------------------------------------------------
# Partner templates


@dataclass(frozen=True, slots=True)
class PartnerTemplate:
    name: str
    kind: str
    districts: tuple[str, ...]
    topics: tuple[str, ...]
    offers: tuple[str, ...]
    offer_text: str
    seeks: tuple[str, ...]
    seek_text: str
    languages: tuple[str, ...]
    address: str
    contact_channel: str
    opening_hours: str
    note: str = ""


def load_partner_templates() -> tuple[PartnerTemplate, ...]:
    """The partner organisations shipped in ``resources/demo/partners.json``."""
    raw = json.loads(resource_path("demo", "partners.json").read_text(encoding="utf-8"))
    templates = []
    for entry in raw["partners"]:
        templates.append(
            PartnerTemplate(
                name=str(entry["name"]),
                kind=str(entry["kind"]),
                districts=tuple(entry.get("districts", ())),
                topics=tuple(entry.get("topics", ())),
                offers=tuple(entry.get("offers", ())),
                offer_text=str(entry.get("offer_text", "")),
                seeks=tuple(entry.get("seeks", ())),
                seek_text=str(entry.get("seek_text", "")),
                languages=tuple(entry.get("languages", ())),
                address=str(entry.get("address", "")),
                contact_channel=str(entry.get("contact_channel", "")),
                opening_hours=str(entry.get("opening_hours", "")),
                note=str(entry.get("note", "")),
            )
        )
    return tuple(templates)


# --------------------------------------------------------------------------------------------
# The generator


@dataclass(slots=True)
class _Person:
    """What stays the same across one person's contacts (linked by the pseudonym code)."""

    code: str | None
    district: str
    sub_area: str | None
    target_group: str
    citizenship: str | None
    age_band: str
    gender: str
    native: tuple[str, ...]
    speaks_german: bool
    third_country: bool
    eu: bool


class _Generator:
    def __init__(self, vocab: Vocabularies, today: dt.date, seed: int, id_salt: str) -> None:
        if today < EARLIEST:
            raise ValueError(f"Demodaten brauchen ein Datum nach {EARLIEST.isoformat()}.")
        self.vocab = vocab
        self.today = today
        # Demo data, not secrets: a seeded generator is the point (reproducible data sets).
        self.rng = random.Random(seed)  # noqa: S311
        # Ids and pseudonym codes come from their own stream: a salt (fill uses the store's
        # node and revision) makes them unique per store and run without changing the data.
        self.id_rng = random.Random(f"vielfalt-demo/{seed}/{id_salt}")  # noqa: S311
        self.start = max(EARLIEST, today - dt.timedelta(days=SPAN_DAYS))
        self.span = (today - self.start).days
        self.codes_used: set[str] = set()
        self.persons: list[_Person] = []
        self.partner_ids: list[str] = []
        self.partners_by_district: dict[str, list[int]] = {}
        self._build_pickers()

    # --- setup ----------------------------------------------------------------------------

    def _vocab_pick(self, name: str, weights: Mapping[str, float], rest: float = 0.0) -> _Pick[str]:
        entries = self.vocab[name].active_entries()
        return _Pick([(e.code, float(weights.get(e.code, rest))) for e in entries])

    def _country_pick(self, weights: Mapping[str, float], want: str) -> _Pick[str]:
        """Citizenships; ``want`` is "third", "eu" or "any". "" means not stated."""
        countries = self.vocab.countries
        chosen: list[tuple[str, float]] = []
        for code, weight in weights.items():
            if code and code not in countries:
                continue
            if want == "third" and not (code and countries.is_third_country(code)):
                continue
            if want == "eu" and not (
                code and code != "DE" and not countries.is_third_country(code)
            ):
                continue
            chosen.append((code, float(weight)))
        return _Pick(chosen)

    def _district_pick(self, focus_share: float) -> _Pick[str]:
        districts = self.vocab.districts
        focus = districts.focus_codes()
        active = [d for d in districts if d.active]
        in_focus = [d.code for d in active if d.code in focus]
        others = [(d.code, BUSY_DISTRICTS.get(d.code, 0.4)) for d in active if d.code not in focus]
        other_total = sum(w for _, w in others) or 1.0
        weighted: list[tuple[str, float]] = []
        if in_focus:
            weighted += [(code, focus_share / len(in_focus)) for code in in_focus]
        else:
            focus_share = 0.0
        weighted += [(code, (1 - focus_share) * w / other_total) for code, w in others]
        return _Pick(weighted)

    def _build_pickers(self) -> None:
        v = self.vocab
        self.pick_district = self._district_pick(FOCUS_SHARE)
        self.pick_conflict_district = self._district_pick(CONFLICT_FOCUS_SHARE)
        self.district_group = {d.code: d.group for d in v.districts}
        self.sub_areas = {d.code: v.districts.sub_area_codes(d.code) for d in v.districts}
        self.district_label = {d.code: d.de for d in v.districts}
        self.pick_target = self._vocab_pick("target_group", TARGET_GROUP_WEIGHTS, 1)
        self.pick_target_south = self._vocab_pick("target_group", TARGET_GROUP_WEIGHTS_SOUTH, 1)
        self.pick_country: dict[str, _Pick[str]] = {
            "drittstaat": self._country_pick(THIRD_COUNTRIES, "third"),
            "familiennachzug": self._country_pick(FAMILY_REUNION_COUNTRIES, "third"),
            "anwohner_mit_mh": self._country_pick(WITH_MIGRATION_BACKGROUND, "any"),
            "anwohner_ohne_mh": self._country_pick(WITHOUT_MIGRATION_BACKGROUND, "any"),
            "unionsbuerger": self._country_pick(EU_COUNTRIES, "eu"),
            "weitere": self._country_pick(OTHER_FOREIGNERS, "any"),
        }
        self.pick_country_default = self._country_pick({"": 1}, "any")
        languages = v["language"]
        self.country_languages = {
            code: tuple(lang for lang in langs if lang in languages)
            for code, langs in COUNTRY_LANGUAGES.items()
        }
        self.has_german = "de" in languages
        self.has_english = "en" in languages
        self.pick_age = self._vocab_pick("age_band", AGE_BAND_WEIGHTS, 1)
        self.pick_gender = self._vocab_pick("gender", GENDER_WEIGHTS, 0.5)
        self.pick_interpreter = self._vocab_pick("interpreter", INTERPRETER_WEIGHTS, 1)
        interpreters = v["interpreter"]
        self.no_interpreter = "keine" if "keine" in interpreters else interpreters.codes()[0]
        self.pick_setting = {
            key: self._vocab_pick("setting", weights, 1) for key, weights in SETTING_WEIGHTS.items()
        }
        self.durations = {
            key: _Pick([(m, float(w)) for m, w in pairs]) for key, pairs in DURATIONS.items()
        }
        self.pick_topics: dict[tuple[str, str], _Pick[str]] = {}
        for group in v["target_group"].codes():
            for age, age_factors in TOPIC_FACTORS_BY_AGE.items():
                factors = {**TOPIC_FACTORS_BY_GROUP.get(group, {})}
                for code, factor in age_factors.items():
                    factors[code] = factors.get(code, 1.0) * factor
                weights = {c: w * factors.get(c, 1.0) for c, w in TOPIC_WEIGHTS.items()}
                self.pick_topics[(group, age)] = self._vocab_pick("topic", weights, 0.5)
        self.pick_interest = self._vocab_pick("interest", INTEREST_WEIGHTS, 1)
        self.pick_referral_kind = self._vocab_pick("referral_kind", REFERRAL_KIND_WEIGHTS, 1)
        statuses = v["referral_status"]
        self.pick_path = _Pick(
            [(path, w) for path, w in REFERRAL_PATHS if all(s in statuses for s in path)]
        )
        self.final_status = {e.code for e in statuses if e.flag("final")}
        self.pick_place = self._vocab_pick("place_type", PLACE_WEIGHTS, 1)
        self.pick_category = self._vocab_pick("conflict_category", CATEGORY_WEIGHTS, 1)
        categories = v["conflict_category"]
        self.place_categories = {
            place: tuple(c for c in cats if c in categories)
            for place, cats in PLACE_CATEGORIES.items()
        }
        institutions = v["institution"]
        self.institution_codes = tuple(e.code for e in institutions.active_entries())
        self.place_institutions = {
            place: tuple(i for i in insts if i in institutions)
            for place, insts in PLACE_INSTITUTIONS.items()
        }
        stages = v["escalation_stage"]
        self.pick_escalation = self._vocab_pick("escalation_stage", ESCALATION_WEIGHTS, 0.2)
        self.stage_level = {e.code: e.number("level") or 1 for e in stages}
        cstatus = v["conflict_status"]
        self.closed_status = {e.code for e in cstatus if e.flag("closed")}
        self.pick_first_intervention = self._vocab_pick("intervention_kind", FIRST_INTERVENTION)
        self.pick_intervention = self._vocab_pick("intervention_kind", LATER_INTERVENTION, 1)
        self.intervention_kinds = v["intervention_kind"]
        self.pick_event_kind = self._vocab_pick("event_kind", EVENT_KIND_WEIGHTS, 2)

    # --- helpers --------------------------------------------------------------------------

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.id_rng.getrandbits(128), version=4))

    def new_code(self) -> str:
        alphabet = pseudonym.ALPHABET
        while True:
            payload = "".join(
                alphabet[self.id_rng.randrange(len(alphabet))]
                for _ in range(pseudonym.PAYLOAD_LENGTH)
            )
            code = pseudonym.from_payload(payload)
            if code not in self.codes_used:
                self.codes_used.add(code)
                return code

    def day(self, workday: bool = True) -> dt.date:
        """A date in the window; mostly a working day (offices close at weekends)."""
        rng = self.rng
        date = self.start + dt.timedelta(days=rng.randint(0, self.span))
        while workday and date.weekday() >= 5 and rng.random() < 0.9:
            date = self.start + dt.timedelta(days=rng.randint(0, self.span))
        return date

    def later(self, date: dt.date, low: int, high: int) -> dt.date:
        return date + dt.timedelta(days=self.rng.randint(low, high))

    def sub_area(self, district: str) -> str | None:
        areas = self.sub_areas.get(district, ())
        if areas and self.rng.random() < SUB_AREA_SHARE:
            return self.rng.choice(areas)
        return None

    def codes(self, wanted: Sequence[str], vocabulary: str) -> tuple[str, ...]:
        known = self.vocab[vocabulary]
        return tuple(c for c in dict.fromkeys(wanted) if c in known)

    # --- partners -------------------------------------------------------------------------

    def partners(self, count: int) -> list[Partner]:
        rng = self.rng
        v = self.vocab
        templates = load_partner_templates()
        partners: list[Partner] = []
        names: set[str] = set()
        kinds = v["partner_kind"]
        fallback_kind = "sonstige" if "sonstige" in kinds else kinds.codes()[0]
        for t in templates:
            partners.append(
                Partner(
                    id=self.new_id(),
                    name=t.name,
                    partner_kind=t.kind if t.kind in kinds else fallback_kind,
                    districts=tuple(d for d in t.districts if d in v.districts),
                    topics=self.codes(t.topics, "topic"),
                    offers=self.codes(t.offers, "offer"),
                    offer_text=t.offer_text,
                    seeks=self.codes(t.seeks, "offer"),
                    seek_text=t.seek_text,
                    languages=self.codes(t.languages, "language"),
                    address=t.address,
                    contact_channel=t.contact_channel,
                    opening_hours=t.opening_hours,
                    note=t.note,
                )
            )
            names.add(t.name)
        seek_options = [(code, text) for code, text in EXTRA_SEEKS if code in v["offer"]]
        languages = [
            c for c in ("ar", "ru", "uk", "tr", "fa", "ro", "sq", "en") if c in v["language"]
        ]
        number = 0
        while len(partners) < count:
            number += 1
            prefix, kind, topics, offered, offer_text = rng.choice(EXTRA_PARTNERS)
            name = f"{prefix} Beispiel {number}"
            if name in names:
                continue
            names.add(name)
            street, postcode, home = rng.choice(STREETS)
            districts = [home] if home in v.districts else []
            for _ in range(rng.randint(0, 2)):
                districts.append(self.pick_district(rng))
            spoken = ["de", *rng.sample(languages, k=min(len(languages), rng.randint(0, 2)))]
            seeks = rng.sample(seek_options, k=min(len(seek_options), rng.randint(1, 2)))
            partners.append(
                Partner(
                    id=self.new_id(),
                    name=name,
                    partner_kind=kind if kind in kinds else fallback_kind,
                    districts=tuple(dict.fromkeys(districts)),
                    topics=self.codes(topics, "topic"),
                    offers=self.codes(offered, "offer"),
                    offer_text=offer_text,
                    seeks=tuple(code for code, _ in seeks),
                    seek_text=" ".join(text for _, text in seeks),
                    languages=self.codes(spoken, "language"),
                    address=f"{street} {rng.randint(1, 120)}, {postcode} Magdeburg",
                    contact_channel=(
                        f"0391 000-{3000 + number:04d} · kontakt@beispiel-partner-{number}.de"
                    ),
                    opening_hours=rng.choice(OPENING_HOURS),
                )
            )
        self._index_partners(partners, len(templates))
        return partners

    def use_partners(self, partners: Sequence[Partner]) -> None:
        """Refer to these (a laptop's directory from the coordinator) instead of new ones."""
        if partners:
            self._index_partners(partners, len(partners))

    def _index_partners(self, partners: Sequence[Partner], shipped: int) -> None:
        """Referrals go mostly to the well-known organisations, matching the topic."""
        self.partner_ids = [p.id for p in partners]
        by_topic: dict[str, list[tuple[int, float]]] = {}
        by_district: dict[str, list[int]] = {}
        for i, p in enumerate(partners):
            weight = 20.0 if i < shipped else 1.0
            for topic in p.topics:
                by_topic.setdefault(topic, []).append((i, weight))
            for district in p.districts:
                by_district.setdefault(district, []).append(i)
        self.partner_by_topic = {t: _Pick(items) for t, items in by_topic.items()}
        self.any_partner = _Pick([(i, 20.0 if i < shipped else 1.0) for i in range(len(partners))])
        self.partners_by_district = by_district

    def partner_for(self, topic: str) -> str:
        pick = self.partner_by_topic.get(topic, self.any_partner)
        return self.partner_ids[pick(self.rng)]

    # --- contacts -------------------------------------------------------------------------

    def person(self, code: str | None) -> _Person:
        rng = self.rng
        district = self.pick_district(rng)
        south = self.district_group.get(district) == "sued"
        target = (self.pick_target_south if south else self.pick_target)(rng)
        country = self.pick_country.get(target, self.pick_country_default)(rng) or None
        countries = self.vocab.countries
        third = country is not None and countries.is_third_country(country)
        eu = country is not None and country != "DE" and not third
        native = self.country_languages.get(country or "", ())
        if country is None and target in ("drittstaat", "familiennachzug"):
            native = self.country_languages.get(rng.choice(("SY", "AF", "UA", "IQ")), ())
        if country == "DE" or target == "anwohner_ohne_mh":
            speaks_german = True
        else:
            speaks_german = rng.random() < (0.75 if target == "anwohner_mit_mh" else 0.55)
        return _Person(
            code=code,
            district=district,
            sub_area=self.sub_area(district),
            target_group=target,
            citizenship=country,
            age_band=self.pick_age(rng),
            gender=self.pick_gender(rng),
            native=native,
            speaks_german=speaks_german,
            third_country=third or target in ("drittstaat", "familiennachzug"),
            eu=eu,
        )

    def contact(self) -> Contact:
        rng = self.rng
        if rng.random() < PSEUDONYM_SHARE:
            if self.persons and rng.random() < REPEAT_SHARE:
                who = rng.choice(self.persons)
            else:
                who = self.person(self.new_code())
                self.persons.append(who)
        else:
            who = self.person(None)
        date = self.day()
        group = self.district_group.get(who.district, "")
        setting = self.pick_setting.get(group, self.pick_setting[""])(rng)
        duration = self.durations.get(setting, self.durations[""])(rng)

        languages: list[str] = []
        native = rng.choice(who.native) if who.native else None
        if who.speaks_german and self.has_german:
            languages.append("de")
        if native and native != "de" and (not who.speaks_german or rng.random() < 0.5):
            languages.append(native)
        if not languages and self.has_english and rng.random() < 0.5:
            languages.append("en")
        if not languages and self.has_german:
            languages.append("de")
        if who.third_country:
            need = 0.85 if "de" not in languages else 0.3
        elif who.eu:
            need = 0.7 if "de" not in languages else 0.15
        else:
            need = 0.6 if "de" not in languages else 0.02
        interpreter = self.pick_interpreter(rng) if rng.random() < need else self.no_interpreter

        age = who.age_band
        age_class = "young" if age in ("u18", "18_26") else "senior" if age == "65plus" else "adult"
        topic_pick = self.pick_topics.get((who.target_group, age_class))
        if topic_pick is None:
            topic_pick = next(iter(self.pick_topics.values()))
        topics = topic_pick.distinct(rng, TOPIC_COUNT(rng))
        interests = (
            self.pick_interest.distinct(rng, rng.randint(1, 2)) if rng.random() < 0.3 else ()
        )

        age_days = (self.today - date).days
        follow_share = 0.4 if age_days <= 45 else 0.1 if age_days <= 120 else 0.01
        follow_up = None
        if rng.random() < follow_share:
            follow_up = date + dt.timedelta(days=rng.choice((7, 14, 14, 21, 28, 42)))

        note = ""
        if rng.random() < 0.55:
            note = rng.choice(CONTACT_NOTES.get(topics[0], CONTACT_NOTES["sonstiges"]))
            if rng.random() < 0.3:
                note = f"{note} {rng.choice(NOTE_ADDITIONS)}"
        return Contact(
            id=self.new_id(),
            date=date,
            duration_min=duration,
            setting=setting,
            district=who.district,
            sub_area=who.sub_area,
            pseudonym=who.code,
            target_group=who.target_group,
            citizenship=who.citizenship,
            age_band=age,
            gender=who.gender,
            languages=tuple(languages),
            interpreter=interpreter,
            topics=topics,
            interests=interests,
            follow_up=follow_up,
            note=note,
        )

    # --- referrals ------------------------------------------------------------------------

    def referral(self, contact: Contact) -> list[Record]:
        rng = self.rng
        today = self.today
        topic = rng.choice(contact.topics)
        date = contact.date if rng.random() < 0.7 else self.later(contact.date, 1, 10)
        date = min(date, today)
        referral = Referral(
            id=self.new_id(),
            contact_id=contact.id,
            partner_id=self.partner_for(topic),
            topic=topic,
            date=date,
            referral_kind=self.pick_referral_kind(rng),
        )
        steps: list[ReferralStatusChange] = []
        when = date
        for status in self.pick_path(rng):
            low, high = STEP_DAYS.get(status, (1, 14))
            if steps:
                when = self.later(when, low, high)
                if when > today:
                    break
            note = rng.choice(STATUS_NOTES.get(status, ("",))) if rng.random() < 0.5 else ""
            steps.append(
                ReferralStatusChange(
                    id=self.new_id(), referral_id=referral.id, status=status, date=when, note=note
                )
            )
        last = steps[-1]
        referral.status = last.status
        if last.status not in self.final_status:
            referral.follow_up = self.later(last.date, 7, 28)
        feedback = REFERRAL_FEEDBACK.get(last.status)
        if feedback and rng.random() < 0.6:
            referral.feedback = rng.choice(feedback)
        return [referral, *steps]

    # --- conflicts ------------------------------------------------------------------------

    def conflict(self) -> list[Record]:
        rng = self.rng
        today = self.today
        opened = self.day()
        district = self.pick_conflict_district(rng)
        place = self.pick_place(rng)
        categories = list(self.place_categories.get(place, ()))
        first = rng.choice(categories) if categories else self.pick_category(rng)
        chosen = [first]
        extra = 2 if rng.random() < 0.1 else 1 if rng.random() < 0.4 else 0
        for _ in range(extra):
            chosen.append(self.pick_category(rng))
        crowded = place in ("hausflur", "innenhof", "wohnung_nachbarwohnung")
        public = place in ("strasse_platz", "gruenanlage", "spielplatz", "haltestelle")
        households = rng.randint(2, 8) if crowded else rng.randint(0, 4)
        groups = rng.randint(1, 3) if public else rng.randint(0, 1)
        if households + groups == 0:
            households = 1
        institutions: list[str] = []
        typical = self.place_institutions.get(place, ())
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
            if typical and rng.random() < 0.7:
                institutions.append(rng.choice(typical))
            elif self.institution_codes:
                institutions.append(rng.choice(self.institution_codes))
        escalation = self.pick_escalation(rng)
        level = self.stage_level.get(escalation, 1)

        age = (today - opened).days
        closed_share = min(0.88, max(0.05, age / 150))
        status_codes = self.vocab["conflict_status"]
        closed: dt.date | None = None
        if rng.random() < closed_share:
            status = (
                "weitergeleitet" if rng.random() < (0.6 if level >= 5 else 0.18) else "beigelegt"
            )
            closed = opened + dt.timedelta(days=rng.randint(min(3, age), min(age, 150)))
        elif age > 180:
            status = rng.choice(("ruhend", "ruhend", "ruhend", "vermittlung", "in_klaerung"))
        elif age < 21:
            status = rng.choice(("gemeldet", "gemeldet", "in_klaerung"))
        else:
            status = rng.choice(
                ("in_klaerung", "in_klaerung", "vermittlung", "vermittlung", "ruhend")
            )
        if status not in status_codes:
            status = status_codes.codes()[0]
        is_closed = status in self.closed_status
        if is_closed and closed is None:
            closed = opened + dt.timedelta(days=rng.randint(0, min(age, 150)))
        if not is_closed:
            closed = None
        outcome = ""
        if is_closed:
            outcome = rng.choice(OUTCOMES.get(status, OUTCOMES["beigelegt"]))
        note = (
            rng.choice(CONFLICT_NOTES.get(first, CONFLICT_NOTES["sonstiges"]))
            if rng.random() < 0.6
            else ""
        )
        conflict = Conflict(
            id=self.new_id(),
            opened=opened,
            district=district,
            sub_area=self.sub_area(district),
            place_type=place,
            categories=tuple(dict.fromkeys(chosen)),
            households=households,
            groups=groups,
            institutions=tuple(dict.fromkeys(institutions)),
            escalation=escalation,
            status=status,
            outcome=outcome,
            closed=closed,
            shared=rng.random() < 0.12,
            note=note,
        )
        return [conflict, *self.interventions(conflict)]

    def interventions(self, conflict: Conflict) -> list[Intervention]:
        rng = self.rng
        today = self.today
        end = conflict.closed or min(today, conflict.opened + dt.timedelta(days=200))
        window = (end - conflict.opened).days
        count = INTERVENTION_COUNT(rng)
        dates = sorted(
            [min(end, conflict.opened + dt.timedelta(days=rng.randint(0, min(3, window))))]
            + [
                conflict.opened + dt.timedelta(days=rng.randint(0, window))
                for _ in range(count - 1)
            ]
        )
        kinds = [self.pick_first_intervention(rng)]
        kinds += [self.pick_intervention(rng) for _ in range(count - 1)]
        if conflict.status == "weitergeleitet" and "weiterleitung" in self.intervention_kinds:
            kinds[-1] = "weiterleitung"
        elif kinds[-1] == "weiterleitung" and count > 1:
            kinds[-1] = "vermittlungsgespraech"
        if (
            conflict.status in ("vermittlung", "beigelegt")
            and count > 1
            and "vermittlungsgespraech" not in kinds
            and "vermittlungsgespraech" in self.intervention_kinds
        ):
            kinds[rng.randint(1, count - 1)] = "vermittlungsgespraech"
        kinds = [k if k in self.intervention_kinds else self.pick_intervention(rng) for k in kinds]
        bridge = 0.55 if "verstaendigung" in conflict.categories else 0.25
        is_open = conflict.status not in self.closed_status
        result: list[Intervention] = []
        for i, (date, kind) in enumerate(zip(dates, kinds, strict=True)):
            low, high = PARTICIPANTS.get(kind, (0, 4))
            next_step, next_date = "", None
            if i < count - 1:
                if rng.random() < 0.35:
                    next_step, next_date = rng.choice(NEXT_STEPS), dates[i + 1]
            elif is_open and conflict.status == "ruhend":
                next_step = DORMANT_STEP
            elif is_open:
                next_step, next_date = rng.choice(NEXT_STEPS), self.later(date, 5, 28)
            result.append(
                Intervention(
                    id=self.new_id(),
                    conflict_id=conflict.id,
                    date=date,
                    intervention_kind=kind,
                    participants=rng.randint(low, high),
                    bridge_builder=rng.random() < bridge,
                    result=rng.choice(
                        INTERVENTION_RESULTS.get(kind, INTERVENTION_RESULTS["sonstiges"])
                    ),
                    next_step=next_step,
                    next_step_date=next_date,
                )
            )
        return result

    # --- events ---------------------------------------------------------------------------

    def event(self) -> Event:
        rng = self.rng
        district = self.pick_conflict_district(rng)
        kind = self.pick_event_kind(rng)
        label = self.district_label.get(district, district)
        venue = rng.choice(EVENT_VENUES.get(district, (f"in {label}",)))
        title = rng.choice(EVENT_TITLES.get(kind, EVENT_TITLES["sonstiges"]))
        title = title.format(district=label, venue=venue)
        low, high = EVENT_SIZE.get(kind, (5, 40))
        total = rng.randint(low, high)
        third = round(total * rng.uniform(0.2, 0.75))
        recorded = total - round(total * rng.uniform(0, 0.15))
        women = round(recorded * rng.uniform(0.4, 0.65))
        divers = 1 if recorded - women > 1 and rng.random() < 0.05 else 0
        men = recorded - women - divers
        children = round(total * rng.uniform(0, EVENT_CHILDREN.get(kind, 0.1)))
        nearby = self.partners_by_district.get(district, [])
        partner_ids: list[str] = []
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3)) if self.partner_ids else 0):
            index = rng.choice(nearby) if nearby and rng.random() < 0.8 else None
            if index is None:
                index = self.any_partner(rng)
            partner_ids.append(self.partner_ids[index])
        interests = self.pick_interest.distinct(rng, rng.randint(0, 3))
        return Event(
            id=self.new_id(),
            date=self.day(workday=kind not in ("begegnungsfest", "kulturveranstaltung")),
            title=title,
            event_kind=kind,
            district=district,
            participants_total=total,
            participants_third_country=third,
            participants_women=women,
            participants_men=men,
            participants_divers=divers,
            participants_children=children,
            partner_ids=tuple(dict.fromkeys(partner_ids)),
            interests=interests,
            note=rng.choice(EVENT_NOTES) if rng.random() < 0.4 else "",
        )


def _batches(
    vocab: Vocabularies,
    today: dt.date,
    contacts: int,
    seed: int,
    id_salt: str = "",
    directory: Sequence[Partner] | None = None,
) -> Iterator[tuple[int, list[Record]]]:
    """Batches of records, each with the number of contacts it holds.

    The first batch holds the partners and events; each later one ``CHUNK`` contacts with
    their referrals (and status histories), plus a share of the conflicts (with interventions).
    With ``directory`` (a laptop's partners) no partners are generated and referrals and
    events refer to those; an empty directory gives no referrals.
    """
    if contacts < 1:
        raise ValueError("Für Demodaten braucht es mindestens einen Kontakt.")
    gen = _Generator(vocab, today, seed, id_salt)
    gen_partners: list[Partner] = []
    if directory is None:
        gen_partners = gen.partners(round(contacts * PARTNERS_PER_CONTACT))
    else:
        gen.use_partners(directory)
    total_referrals = max(1, round(contacts * REFERRALS_PER_CONTACT)) if gen.partner_ids else 0
    total_conflicts = max(1, round(contacts * CONFLICTS_PER_CONTACT))
    total_events = max(MIN_EVENTS, round(contacts * EVENTS_PER_CONTACT))

    events = [gen.event() for _ in range(total_events)]
    events.sort(key=lambda e: e.date)
    yield 0, [*gen_partners, *events]

    for start in range(0, contacts, CHUNK):
        end = min(contacts, start + CHUNK)
        batch: list[Record] = []
        made = [gen.contact() for _ in range(end - start)]
        made.sort(key=lambda c: c.date)
        batch += made
        for _ in range(_share(total_referrals, start, end, contacts)):
            batch += gen.referral(gen.rng.choice(made))
        for _ in range(_share(total_conflicts, start, end, contacts)):
            batch += gen.conflict()
        yield end - start, batch


def directory(vocab: Vocabularies, today: dt.date, contacts: int, seed: int) -> list[Partner]:
    """The partner directory a coordinator would keep for ``contacts`` contacts (only that),
    e.g. to send to a laptop before its :func:`fill`."""
    return _Generator(vocab, today, seed, "directory").partners(
        round(contacts * PARTNERS_PER_CONTACT)
    )


def generate(vocab: Vocabularies, today: dt.date, contacts: int, seed: int) -> list[Record]:
    """All demo records for ``contacts`` contacts; the same arguments give the same records.

    Order: partners, events, then per batch of contacts the contacts, referrals with their
    status steps, conflicts with their interventions (parents before children).
    """
    records: list[Record] = []
    for _count, batch in _batches(vocab, today, contacts, seed):
        records += batch
    return records


def fill(
    app: App,
    contacts: int = 500,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Generate demo data for the store's today and write it in batches of ``CHUNK`` contacts.

    The content depends only on ``(contacts, seed, today)``; ids and pseudonym codes are
    additionally salted with the store's node and revision, so a second run (or a second
    laptop) gets new records instead of colliding ones. Partners whose name already exists
    in the store are reused, not duplicated. ``progress(done, total)`` counts contacts.

    A field laptop may not write partners: there the partners it received from the
    coordinator are used as they are (none: no referrals), and none are created.
    """
    store = app.store
    today = store.clock.today()
    salt = f"{store.node_id}/{store.rev}"
    directory = None if app.records.may_create("partner") else _all_partners(app)
    has_partners = directory is None and app.records.count(Partner) > 0
    replaced: dict[str, str] = {}
    counts: Counter[str] = Counter()
    done = 0
    for number, (contact_count, batch) in enumerate(
        _batches(app.vocab, today, contacts, seed, salt, directory)
    ):
        records = batch
        if number == 0 and has_partners:
            records = _reuse_partners(app, batch, replaced)
        else:
            _remap_partners(records, replaced)
        # Validating every record costs about 3 % of the run; the records are checked
        # against the store's own vocabulary and today, so an edited vocabulary is caught.
        app.records.create_many(records, validate=True)
        counts.update(r.kind for r in records)
        done += contact_count
        if progress is not None:
            progress(done, contacts)
    return DemoResult(
        contacts=counts["contact"],
        referrals=counts["referral"],
        conflicts=counts["conflict"],
        interventions=counts["intervention"],
        events=counts["event"],
        partners=counts["partner"],
    )


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _all_partners(app: App) -> list[Partner]:
    """The store's live partners, in the store's order (by name)."""
    found: list[Partner] = []
    offset, page = 0, 1000
    while True:
        partners = app.records.page(Partner, offset=offset, limit=page)
        found += partners
        if len(partners) < page:
            return found
        offset += page


def _existing_partners(app: App) -> dict[str, str]:
    """Ids of the store's live partners by normalised name.

    Compared in Python, not with ``find_partner_by_name``: SQLite's ``lower()`` folds only
    ASCII, so names such as "Ćuprija" or "Ökumenisches …" would not be found there.
    """
    found: dict[str, str] = {}
    for partner in _all_partners(app):
        found.setdefault(_name_key(partner.name), partner.id)
    return found


def _reuse_partners(app: App, batch: list[Record], replaced: dict[str, str]) -> list[Record]:
    """Drop generated partners whose name the store already has; point at the existing ones."""
    existing = _existing_partners(app)
    kept: list[Record] = []
    for record in batch:
        if isinstance(record, Partner):
            same = existing.get(_name_key(record.name))
            if same is not None:
                replaced[record.id] = same
                continue
        kept.append(record)
    _remap_partners(kept, replaced)
    return kept


def _remap_partners(records: list[Record], replaced: Mapping[str, str]) -> None:
    if not replaced:
        return
    for record in records:
        if isinstance(record, Referral):
            record.partner_id = replaced.get(record.partner_id, record.partner_id)
        elif isinstance(record, Event) and record.partner_ids:
            record.partner_ids = tuple(
                dict.fromkeys(replaced.get(p, p) for p in record.partner_ids)
            )

"""The shape of the demo data: weighted choices and the weights behind them.

Weights are relative (they need not add up to 100). Codes a loaded vocabulary does not know
are skipped, so a coordinator's edited vocabulary still gives valid records; codes it knows
but no table names get the ``rest`` weight given where the table is used (``Draw``).
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class Pick(Generic[T]):
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


def share(total: int, start: int, end: int, n: int) -> int:
    """How many of ``total`` belong to items ``start``…``end`` of ``n`` (sums exactly)."""
    return total * end // n - total * start // n


# --------------------------------------------------------------------------------------------
# Sizes: the benchmark set of DESIGN §8 (per 100 000 contacts about 40 000 referrals, 10 000
# conflicts, 2 000 events, 1 000 partners), dates over this many days up to today.

SPAN_DAYS = 730
REFERRALS_PER_CONTACT = 0.4
CONFLICTS_PER_CONTACT = 0.1
EVENTS_PER_CONTACT = 0.02
PARTNERS_PER_CONTACT = 0.01
MIN_EVENTS = 3

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
TOPIC_COUNT = Pick([(1, 45.0), (2, 38.0), (3, 17.0)])
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
INTERVENTION_COUNT = Pick([(1, 10.0), (2, 14.0), (3, 17.0), (4, 18.0), (5, 15.0), (6, 11.0),
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

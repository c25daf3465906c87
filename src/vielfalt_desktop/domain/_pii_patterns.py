"""Patterns, word lists and check digits behind `privacy.screen_text`.

Kept apart so `privacy.py` reads as the list of rules. Everything here is compiled or
loaded once: screening runs on every keystroke pause in the note editor.
"""

from __future__ import annotations

import re
from functools import cache

from vielfalt_desktop.resources import resource_path

# Python's `re` has no \p{Lu}. The class is built from the Unicode tables instead of
# typed out, so Turkish İ/Ş, Polish Ł, Vietnamese Đ and the like count as capitals.
UPPER = "".join(c for c in map(chr, range(0x41, 0x2000)) if c.isupper() and c.isalpha())
U = f"[{UPPER}]"
# A letter, but not a digit or underscore (\w would admit both).
LETTER = r"[^\W\d_]"
# A capitalised word, hyphenated parts included: "Al-Hassan", "Otto-von-Guericke-Straße".
CAP_WORD = rf"{U}{LETTER}*(?:-{LETTER}+)*"

# Only ASCII digits: \d also matches Arabic-Indic digits, which the check-digit code
# below cannot weigh.
D = "[0-9]"

# ---------------------------------------------------------------- e-mail, IBAN

EMAIL_RE = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")

# Generous on purpose (spaces every 4 characters or none, up to the longest IBAN);
# the checksum decides, and a trailing word glued on by the greedy match is cut off.
IBAN_CANDIDATE_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}(?:[ ]?[A-Za-z0-9]){11,30}")
IBAN_CUE_RE = re.compile(r"(?i:\bIBAN)[\s:.#]*$")

# ---------------------------------------------------------------- tax and insurance ids

TAX_ID_RE = re.compile(r"(?<![0-9])[0-9]{2}(?:[ ]?[0-9]{3}){3}(?![0-9])")
TAX_CUE_RE = re.compile(
    r"(?i:\b(?:Steuer[- ]?(?:ID|IdNr|Identifikationsnummer)|Steueridentifikationsnummer"
    r"|Identifikationsnummer|IdNr|TIN))[\s:.#-]*(?:Nr\.?)?[\s:.#]*$"
)

# Rentenversicherungsnummer (VKVV § 2): area, birth date DDMMYY, first letter of the
# birth name, serial number, check digit. python-stdnum has no module for it.
SVNR_RE = re.compile(
    r"(?<![0-9A-Za-z])(?P<area>[0-9]{2})[ ]?(?P<born>[0-9]{6})[ ]?(?P<letter>[A-Z])[ ]?"
    r"(?P<serial>[0-9]{2})[ ]?(?P<check>[0-9])(?![0-9A-Za-z])"
)
SVNR_CUE_RE = re.compile(
    r"(?i:\b(?:Sozialversicherungs|Rentenversicherungs|SV|RV|Versicherungs)[- ]?"
    r"(?:nummer|nr\.?)|\bSVNR|\bRVNR)[\s:.#]*$"
)
_SVNR_WEIGHTS = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)


def svnr_is_valid(area: str, born: str, letter: str, serial: str, check: str) -> bool:
    """VKVV § 2 (6): letter as its two-digit alphabet position, weights 2121…, sum of cross sums."""
    digits = f"{area}{born}{ord(letter) - ord('A') + 1:02d}{serial}"
    total = 0
    for digit, weight in zip(digits, _SVNR_WEIGHTS, strict=True):
        product = int(digit) * weight
        total += product // 10 + product % 10
    return total % 10 == int(check)


# ---------------------------------------------------------------- identity documents

# German ID card and passport numbers since 2010: nine characters from an alphabet
# without vowels and look-alikes, then the ICAO 9303 check digit (as in the MRZ).
ID_CARD_RE = re.compile(
    r"(?<![0-9A-Za-z])(?P<number>[CFGHJKLMNPRTVWXYZ0-9]{9})(?P<check>[0-9])(?![0-9A-Za-z])"
)
# With a cue any document number counts, also foreign passports and the nine
# characters people copy from the front of the card without the check digit.
ID_CUE_NUMBER_RE = re.compile(
    r"(?i:\b(?:Personalausweis|Ausweis|Reisepass|Pass|Aufenthaltstitel|eAT|Dokument)"
    r"(?:nummer|[- ]?Nr\.?|[- ]?No\.?)?)[\s:.#]*"
    r"(?P<id>[A-Z0-9]{6,12})(?![A-Za-z0-9])"
)
_ICAO_VALUES = {c: i for i, c in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")}


def icao_check_digit(chars: str) -> int:
    """ICAO 9303 part 3, weights 7-3-1."""
    weights = (7, 3, 1)
    return sum(_ICAO_VALUES[c] * weights[i % 3] for i, c in enumerate(chars)) % 10


# ---------------------------------------------------------------- file numbers

FILE_CUE_RE = re.compile(
    r"(?i:\b(?:Aktenzeichen|Az|Geschäftszeichen|Gz|Kundennummer|Kunden-?Nr|Kd\.?-?Nr"
    r"|BG-?Nummer|BG-?Nr|Bedarfsgemeinschafts-?nummer|Vorgangsnummer|Vorgangs-?Nr"
    r"|Fallnummer|Fall-?Nr|Steuernummer|St\.?-Nr|Versichertennummer|Mitgliedsnummer"
    r"|Antragsnummer|Kassenzeichen))(?![^\W\d_])\.?[\s:#]*(?:Nr\.?\s*)?"
)
# One part of an identifier; several parts may be separated by single spaces.
FILE_PART_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9./_-]*")

# ---------------------------------------------------------------- phone cue fallback

# phonenumbers only accepts numbers in allocated ranges; a cue like "Tel." catches the
# rest (typos, short extensions, foreign formats it does not know).
PHONE_CUE_RE = re.compile(
    r"(?i:\b(?:Tel|Telefon|Telefonnummer|Tel\.-?Nr|Handy|Handynummer|Mobil|Mobilnummer"
    r"|Rufnummer|WhatsApp|Fax))(?![^\W\d_])\.?[\s:#]*(?:Nr\.?\s*)?"
    r"(?P<number>\+?[0-9(][0-9 /()-]{4,}[0-9])"
)

# phonenumbers reads a period like "(09/2016 - 09/2019)" as a valid German number.
MONTH_YEAR_RE = re.compile(r"(?<![0-9])(?:0?[1-9]|1[0-2])/(?:19|20)[0-9]{2}(?![0-9])")

# ---------------------------------------------------------------- dates

# fmt: off
MONTH_NAMES = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3,
    "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7,
    "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}
# fmt: on

NUMERIC_DATE_RE = re.compile(
    r"(?<![0-9.])(?P<d>[0-3]?[0-9])\.[ ]?(?P<m>[01]?[0-9])\.(?:[ ]?(?P<y>[0-9]{4}|[0-9]{2}))?"
    r"(?![0-9])"
)
WORD_DATE_RE = re.compile(
    r"(?<![0-9])(?P<d>[0-3]?[0-9])\.?[ ]*(?P<mon>(?i:"
    + "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
    + r"))(?![^\W\d_])\.?(?:[ ]*(?P<y>[0-9]{4}))?(?![0-9])"
)
ISO_DATE_RE = re.compile(r"(?<![0-9-])(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9])")
SLASH_DATE_RE = re.compile(
    r"(?<![0-9/])(?P<d>[0-3]?[0-9])/(?P<m>[01]?[0-9])/(?P<y>[0-9]{4}|[0-9]{2})(?![0-9/])"
)
# Searched in the few characters before a date; "*" is the genealogical birth mark.
BIRTH_CUE_RE = re.compile(
    r"(?i:\bgeb\.|\bgeboren(?:e|er)?|\bgeburtsdatum|\bgeb\.-datum|\bgeburtstag|\*)"
    r"[ \t]*(?:(?:am|den|:|,|-)[ \t]*)?$"
)
BIRTH_YEAR_RE = re.compile(
    r"(?i:\bgeb\.|\bgeboren|\bgeburtsjahr|\bjahrgang)[ \t]*(?:(?:im|:)[ \t]*)?"
    r"(?P<y>(?:19|20)[0-9]{2})(?![0-9./-])"
)


def _words(listing: str, *, casefold: bool = False) -> frozenset[str]:
    """A word set written as whitespace-separated text, which reads better than literals."""
    return frozenset(w.casefold() if casefold else w for w in listing.split())


# ---------------------------------------------------------------- addresses

_STREET_SUFFIXES = (
    "straße|strasse|str\\.|weg|platz|allee|ring|gasse|damm|ufer|chaussee|steig|hof|promenade|wall"
)
_BARE_STREET = (
    r"(?:Straße|Strasse|Str\.|Weg|Platz|Allee|Ring|Gasse|Damm|Ufer|Chaussee|Steig|Hof"
    r"|Promenade|Wall)"
)
# Fixed list, not "any word ending in -er": "Jobcenter Lübecker Straße 12" must not
# pull "Jobcenter" into the address.
_STREET_ADJ = r"(?:Große|Grosse|Kleine|Alte|Neue|Hohe|Lange|Obere|Untere|Breite|Schöne)"
HOUSE_NUMBER = (
    r"[1-9][0-9]{0,2}(?:[ ]?[a-zA-Z](?![^\W\d_]))?(?:[ ]?[-–/][ ]?[1-9][0-9]{0,2}[a-zA-Z]?)?"
    r"(?![0-9]|[.,:][0-9])"
)
STREET_RE = re.compile(
    rf"(?<![\w-])(?P<street>(?:{_STREET_ADJ}[ ]+)?(?:{CAP_WORD}[ ]+{_BARE_STREET}"
    rf"|{U}[\w-]*?(?i:{_STREET_SUFFIXES})))(?![^\W\d_])[ ]*(?:Nr\.?[ ]*)?"
    rf"(?P<number>{HOUSE_NUMBER})"
)
# "Am Hansehafen 3a": no street word at all, so what follows the number has to vouch
# for it (PREFIX_STREET_TAIL_RE): "Im Sprachcafé 15 neue Gesichter" is no address.
PREFIX_STREET_RE = re.compile(
    r"(?<![\w-])(?:[Aa]m|[Aa]n der|[Aa]n den|[Ii]m|[Ii]n der|[Zz]um|[Zz]ur|[Aa]uf dem"
    r"|[Aa]uf der|[Hh]inter dem|[Hh]inter der|[Uu]nter den|[Vv]or dem)[ ]+"
    rf"(?P<street>{CAP_WORD}(?:[ ]{CAP_WORD})?)[ ]+(?:Nr\.?[ ]*)?(?P<number>{HOUSE_NUMBER})"
)
PREFIX_STREET_TAIL_RE = re.compile(
    r"[ \t]*(?:$|\n|[,;)]|[.!?](?![0-9])|[0-9]{5}(?![0-9])"
    r"|(?:und|in|bei|wohnt|wohnhaft|seit|zur|zum|ist|war|hat|haben)(?![^\W\d_]))"
)
# A capital word right after the house number is a counted noun ("Leipziger Straße
# 3 Familien erreicht") unless the phrase ends there ("Breiter Weg 114 Magdeburg.").
CAPITAL_AFTER_RE = re.compile(rf"[ \t]+{CAP_WORD}(?P<closed>[ \t]*(?:$|\n|[,;.!?)]))?")
# Compound nouns with a street ending that are everyday words in notes.
NOT_A_STREET = _words(
    """
    Spielplatz Parkplatz Arbeitsplatz Kitaplatz Kita-Platz Krippenplatz Schulplatz
    Ausbildungsplatz Praktikumsplatz Studienplatz Sportplatz Bolzplatz Sitzplatz Kursplatz
    Heimplatz Pflegeplatz Wohnheimplatz Therapieplatz Stellplatz Zeltplatz Marktplatz
    Schulhof Bahnhof Hauptbahnhof Friedhof Innenhof Hinterhof Bauernhof Gasthof Wertstoffhof
    Heimweg Schulweg Arbeitsweg Fußweg Radweg Rückweg Hinweg Umweg Ausweg Rechtsweg
    Lösungsweg Gehweg Wanderweg Bildungsweg Dienstweg Sackgasse Bahnsteig
    """,
    casefold=True,
)
# Words after "Am/Im …" that make a time or a place in a building, not a street.
NOT_A_PREFIX_STREET = _words(
    """
    Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag Wochenende
    Januar Februar März April Mai Juni Juli August September Oktober November Dezember
    Morgen Vormittag Mittag Nachmittag Abend Anfang Ende Jahr Jahre Monat Tag Termin
    Raum Zimmer Haus Block Kurs Alter Gebäude Aufgang Eingang Stock Stockwerk Etage Modul
    Level Niveau Tisch Bus Linie Gleis Bahnsteig Kapitel Teil Schritt Punkt Team Gruppe
    Klasse Semester Quartal Schnitt Durchschnitt Ganzen Moment Rahmen Sprachcafé Café
    Bürgerhaus Jobcenter Projektbüro Büro Treff Verein Landkreis Stadtteil Viertel
    """
)

POSTCODE_RE = re.compile(
    rf"(?<![0-9.,/])(?<![0-9]-)(?P<code>[0-9]{{5}})[ \t]+(?P<place>{CAP_WORD}"
    rf"(?:[ ](?:an der|am|bei|in der|ob der)[ ]{CAP_WORD})?(?:[ ]?\({CAP_WORD}\))?)"
)
# Amounts and counts read like "12500 Euro" or "15000 Einwohner".
NOT_A_PLACE = _words(
    """
    Euro EUR Einwohner Einwohnerinnen Menschen Personen Teilnehmende Teilnehmer Besucher
    Besucherinnen Haushalte Stück Kilometer Meter Stunden Minuten Sekunden Tage Wochen
    Monate Jahre Kinder Familien Mal Fälle Anfragen Kontakte Exemplare Flyer Seiten
    Zeichen Mitglieder Bewohner Bewohnerinnen Wohnungen Schüler Schülerinnen Studierende
    Beschäftigte Arbeitslose Geflüchtete Migranten Migrantinnen Leute Stimmen Klicks
    Aufrufe Dollar Franken Liter Gramm Kilogramm Tonnen Quadratmeter Punkte Plätze Betten
    Zimmer Frauen Männer Jugendliche Senioren Anträge Termine Euro-Gutscheine
    """
)

# ---------------------------------------------------------------- names

WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Words that introduce a name. The abbreviations count only with their full stop.
TITLE_WORDS = frozenset({"Herr", "Herrn", "Frau", "Familie", "Ehepaar", "Eheleute"})
TITLE_ABBREVIATIONS = frozenset({"Hr", "Fr", "Dr", "Prof", "Fam", "geb"})
# Roles between title and name: "Frau Beigeordnete Borris", "Herr Dr. med. Ahmadi".
ROLE_WORDS = _words(
    """
    Beigeordnete Beigeordneter Bürgermeister Bürgermeisterin Oberbürgermeister
    Oberbürgermeisterin Minister Ministerin Staatssekretär Staatssekretärin Pfarrer
    Pfarrerin Pastor Pastorin Imam Rechtsanwalt Rechtsanwältin Anwalt Anwältin Direktor
    Direktorin Präsident Präsidentin Abgeordnete Abgeordneter Stadtrat Stadträtin
    Professor Professorin Doktor Dr Prof med dent phil rer nat jur
    """
)
NAME_PARTICLES = _words(
    "von van vom zu zur de der den del della di da du la le ten ter al el bin ibn abu"
)
# Capitalised words that follow "Frau"/"Herr"/a first name in ordinary sentences.
NOT_A_NAME = _words(
    """
    Mitte Anfang Ende Kind Kinder Mutter Vater Sohn Tochter Mama Papa Oma Opa Eltern
    Nachbarin Nachbar Nachbarn Kollegin Kollege Bekannte Freundin Freund Und Oder Aus Mit
    Ohne Von Bei Im Am In Die Der Das Den Dem Des Ein Eine Einer Sie Er Es Wir Ihr Ihre
    Ihren Ihrem Sein Seine Mann Ehemann Ehefrau Partner Partnerin Schwester Bruder Familie
    Frau Herr Herrn Termin Beratung Jobcenter Ausländerbehörde Bürgerhaus Kita Schule
    Straße Str Weg Platz Magdeburg Deutschland Syrien Afghanistan Ukraine Türkei Eritrea
    """
)
# Endings of German abstract nouns; no first or family name in the list ends like this.
NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "ismus", "tion", "tät")
# Listed names that are also abbreviations when a full stop follows ("Jan. 2025", "max. 10").
NAME_ABBREVIATIONS = frozenset({"Jan", "Max"})
SAINT_BEFORE_RE = re.compile(r"(?:\bSt\.|\bSankt)[ \t]*$")


@cache
def first_names() -> frozenset[str]:
    """The shipped first-name list; `#` starts a comment line."""
    path = resource_path("names", "vornamen.txt")
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if name and not name.startswith("#"):
            names.add(name)
    return frozenset(names)

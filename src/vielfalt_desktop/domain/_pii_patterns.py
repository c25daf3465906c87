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


def _words(listing: str, *, casefold: bool = False) -> frozenset[str]:
    """A word set written as whitespace-separated text, which reads better than literals."""
    return frozenset(w.casefold() if casefold else w for w in listing.split())


# ---------------------------------------------------------------- e-mail, IBAN

EMAIL_RE = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")

# Addresses written so that spam robots miss them: "name[at]web.de", "name (at) gmx dot de",
# "name at web punkt de", "name @ gmx.de", "name@gmx punkt de". `privacy` keeps a match only
# if the domain ends in a known top-level domain, or is a bare mail provider ("name[at]gmx").
_OBF_AT = (
    r"(?:[ \t]*[\[({<][ \t]*(?i:at|ät|@)[ \t]*[\])}>][ \t]*|[ \t]+(?i:at|ät)[ \t]+"
    r"|[ \t]*@[ \t]*)"
)
_OBF_DOT = (
    r"(?:\.|[ \t]*[\[({<][ \t]*(?i:dot|punkt|\.)[ \t]*[\])}>][ \t]*|[ \t]+(?i:dot|punkt)[ \t]+)"
)
OBF_DOT_RE = re.compile(_OBF_DOT)
# Without one of these in the note, the pattern below cannot match; checked first for speed.
OBF_HINT_RE = re.compile(r"@|[\[({<][ \t]*(?i:at|ät)|[ \t](?i:at|ät)[ \t]")
OBFUSCATED_EMAIL_RE = re.compile(
    rf"(?<![\w.%+@-])[\w%+-]+(?:{_OBF_DOT}[\w%+-]+)*(?P<at>{_OBF_AT})"
    rf"(?P<domain>[\w-]+(?:{_OBF_DOT}[\w-]+)*)(?![\w-])"
)
MAIL_TLDS = _words(
    """
    de com net org eu info at ch io me biz online email edu gov app co fr it nl pl tr ru ua
    uk es be dk se fi no cz sk hu ro bg gr hr rs ba al mk si lt lv ee ir iq sy lb jo eg ma tn
    dz ng gh er et so vn cn us ca
    """
)
MAIL_PROVIDERS = _words(
    """
    gmx web gmail googlemail yahoo outlook hotmail live icloud posteo freenet t-online aol
    mailbox yandex proton protonmail
    """
)

# "@dragana_p" on Instagram, TikTok, Telegram …: handles are ASCII letters, digits, "_"
# and inner dots, so "@Bürgerhaus" (used for "at") never matches. A capitalised plain word
# ("@Jobcenter") counts only after a cue; "@alle" addresses colleagues.
HANDLE_RE = re.compile(
    r"@(?<![\w.@/+-]@)(?P<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])"
)
HANDLE_CUE_RE = re.compile(
    r"(?i:\b(?:Instagram|Insta|TikTok|Facebook|FB|Telegram|Twitter|Snapchat|Snap|YouTube"
    r"|Threads|Mastodon|Account|Profil|Kanal|Nutzername|Benutzername|Handle|folgt|folgen"
    r"|gefolgt|markiert|gepostet|postet))(?![^\W\d_])[^\n]{0,30}$"
)
NOT_A_HANDLE = _words("alle all team home here hier work everyone du ihr euch info mail")

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
# "Aktenzeichen der Ausländerbehörde: 123/45-ABC": words naming the office between the cue
# and the number (same line, no digits, no punctuation but hyphens) …
FILE_GAP_WORD_RE = re.compile(r"[ \t]*(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)")
# … then a colon or "lautet"/"ist" that introduces the number …
FILE_GAP_INTRO_RE = re.compile(
    r"[ \t]*(?::|=|(?<=[ \t])(?:lautet|lautete|ist|war)(?![^\W\d_]))[ \t]*(?:Nr\.?[ \t]*)?"
)
# … or, without one, the words begin with a preposition or article ("Kundennummer beim
# Jobcenter 123456") and the number is unmistakable (see `privacy._identifier_after_words`).
FILE_GAP_LEADS = _words("der des dem den die das beim bei vom von im am für zur zum aus an seitens")
FILE_GAP_MAX_WORDS = 4

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

# A number dictated in words, as it was said on the phone: "null eins sieben sechs …",
# "0391 fünf vier null …", "plus vier neun …", digit pairs ("zwölf vierunddreißig") too.
# It must start like a phone number (null, 0…, plus, +); `privacy` wants three number words
# and seven digits, so "null bis drei Jahre" or "Kinder von null, drei und fünf" stay quiet.
_UNITS = "eins|zwei|zwo|drei|vier|fünf|fuenf|sechs|sieben|acht|neun"
_TENS = "zwanzig|dreißig|dreissig|vierzig|fünfzig|fuenfzig|sechzig|siebzig|achtzig|neunzig"
_TEENS = (
    "zehn|elf|zwölf|zwoelf|dreizehn|vierzehn|fünfzehn|fuenfzehn|sechzehn|siebzehn|achtzehn|neunzehn"
)
_SPOKEN_PAIR = rf"(?:(?:ein|{_UNITS.replace('eins|', '')})und)?(?:{_TENS})|{_TEENS}"
SPOKEN_DIGIT_RE = re.compile(rf"(?i:null|{_UNITS})")
_SPOKEN_TOKEN = rf"(?:(?i:{_SPOKEN_PAIR}|null|{_UNITS})(?![^\W\d_])|[0-9]+(?![0-9]))"
SPOKEN_TOKEN_RE = re.compile(_SPOKEN_TOKEN)
SPOKEN_PHONE_RE = re.compile(
    rf"(?<![\w+])(?:\+[0-9]*|(?i:plus|null)(?![^\W\d_])|0[0-9]*)"
    rf"(?:(?:[ \t]+|[ \t]*[-,/][ \t]*){_SPOKEN_TOKEN})+"
)

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

# ---------------------------------------------------------------- licence plates

# "MD-AB 1234", "HAL K 12E", "B XY 123H": the district's Unterscheidungszeichen, one or two
# letters, one to four digits, maybe E (electric) or H (historic). Only a listed district
# counts, so "SGB II 12" or "ALG II 3" stay quiet. A plate without separators ("MDAB1234")
# counts only after a cue; see `privacy._licence_plates` for the rest. (The look-behinds come
# after the first letter so that `re` can skip quickly to the next capital or "@".)
PLATE_RE = re.compile(
    r"(?P<district>[A-ZÄÖÜ](?<![\w-][A-ZÄÖÜ])[A-ZÄÖÜ]{0,2})(?P<sep>-[ ]?|[ ])"
    r"(?P<letters>[A-Z]{1,2})[ ]?(?P<digits>[1-9][0-9]{0,3})(?![0-9]|[.,:/][0-9])"
    r"(?:[ ]?[EH])?(?![^\W\d_])"
)
PLATE_COMPACT_RE = re.compile(
    r"(?P<letters>[A-ZÄÖÜ](?<![\w-][A-ZÄÖÜ])[A-ZÄÖÜ]{1,4})(?P<digits>[1-9][0-9]{0,3})[EH]?(?![\w-])"
)
PLATE_CUE_RE = re.compile(
    r"(?i:\b(?:Kfz-Kennzeichen|Kennzeichen|Autokennzeichen|Nummernschild|Kfz|Pkw|Lkw|Auto"
    r"|Fahrzeug|Wagen|Transporter|Motorrad|Roller|Moped))(?![^\W\d_])[^\n.;]{0,20}$"
)
# Times and amounts after the digits: "AM DI 10 Uhr" in a note typed in capitals.
PLATE_UNIT_AFTER_RE = re.compile(r"[ \t]*(?:Uhr|UHR|h|min|%|€|Euro|EUR)(?![^\W\d_])")
# Codes that are also everyday capitals ("DIN A4", "IN KW 12"): with spaces only, no cue,
# they are not read as a plate.
PLATE_WORD_DISTRICTS = _words("A AM AN DA DE DIN ER ES EU IN OB OF OH OK SO UM UN WO ART HAM")
# Unterscheidungszeichen in use, as listed for the Fahrzeug-Zulassungsverordnung (Anlage 1),
# old district codes that may be issued again included.
PLATE_DISTRICTS = _words(
    """
    A AA AB ABG ABI AC AE AH AIB AIC AK ALF ALZ AM AN ANA ANG ANK AÖ AP APD ARN ART AS ASL ASZ
    AT AU AUR AW AZ AZE B BA BAD BAR BB BBG BBL BC BCH BD BE BED BER BF BGD BGL BH BI BID BIN
    BIR BIT BIW BK BKS BL BLB BLK BM BN BNA BO BÖ BOG BOH BOR BOT BP BRA BRB BRG BRK BRL BRV
    BS BSB BSK BT BTF BÜD BUL BÜR BÜS BÜZ BW BWL BYL BZ C CA CAS CB CE CHA CLP CLZ CO COC COE
    CR CUX CW D DA DAH DAN DAU DBR DD DE DEG DEL DGF DH DI DIL DIN DIZ DKB DL DLG DM DN DO DON
    DU DUD DÜW DW DZ E EA EB EBE EBN EBS ECK ED EE EF EG EH EI EIC EIL EIN EIS EL EM EMD EMS
    EN ER ERB ERH ERK ERZ ES ESB ESW EU EW F FB FD FDB FDS FEU FF FFB FG FI FKB FL FLÖ FN FO
    FOR FR FRG FRI FRW FS FT FTL FÜ FÜS FW FZ G GA GAN GAP GC GD GDB GE GEL GEO GER GF GG GHA
    GHC GI GK GL GLA GM GMN GN GNT GÖ GOA GOH GP GR GRA GRH GRI GRM GRZ GS GT GTH GÜ GUB GUN
    GV GVM GW GZ H HA HAB HAL HAM HAS HB HBN HBS HC HCH HD HDH HDL HE HEB HEF HEI HEL HER HET
    HF HG HGN HGW HH HHM HI HIG HIP HK HL HM HMÜ HN HO HOG HOH HOL HOM HOR HÖS HOT HP HR HRO
    HS HSK HST HU HV HVL HWI HX HY HZ IGB IK IL ILL IN IZ J JE JL JÜL K KA KB KC KE KEH KEL
    KEM KF KG KH KI KIB KK KL KLE KLZ KM KN KO KÖN KÖT KÖZ KR KRU KS KT KU KÜN KUS KW KY KYF
    L LA LAN LAU LB LBS LBZ LC LD LDK LDS LEO LER LEV LF LG LH LI LIB LIF LIP LL LM LN LÖ LÖB
    LOS LP LR LRO LSA LSN LSZ LU LÜN LUP LWL M MA MAB MAI MAK MAL MB MC MD ME MED MEG MEI MEK
    MEL MER MET MG MGH MGN MH MHL MI MIL MK MKK ML MM MN MO MOD MOL MON MOS MQ MR MS MSE MSH
    MSP MST MTK MTL MÜ MÜB MÜR MVL MW MY MYK MZ MZG N NAB NAI NAU NB ND NDH NE NEA NEB NEC NEN
    NES NEW NF NH NI NK NL NM NMB NMS NÖ NOH NOL NOM NOR NP NR NRW NT NU NVP NW NWM NY NZ OA
    OAL OB OBB OBG OC OCH OD OE OF OG OH OHA ÖHR OHV OHZ OK OL OP OPR OS OSL OTW OVI OVL OZ P
    PA PAF PAN PAR PB PCH PE PEG PF PI PIR PL PLÖ PM PN PR PRÜ PS PW PZ QFT QLB R RA RC RD RDG
    RE REG REH REI RG RH RI RID RIE RL RM RN RO ROD ROF ROK ROL ROS ROT ROW RP RPL RS RSL RT RU
    RÜD RÜG RV RW RZ S SAB SAD SÄK SAL SAN SAW SB SBG SBK SC SCZ SDH SDL SDT SE SEB SEE SEF SEL
    SFB SFT SG SGH SH SHA SHG SHK SHL SI SIG SIM SK SL SLE SLF SLG SLK SLN SLS SLÜ SLZ SM SMÜ
    SN SO SOB SOG SOK SÖM SON SP SPB SPN SR SRB SRO ST STA STB STD STE STL STO SU SUL SÜW SW SWA
    SY SZ SZB TBB TDO TE TET TF TG THL THW TIR TO TÖL TP TR TS TT TÜ TUT ÜB UE UEM UFF UH UL UM
    UN USI V VAI VB VEC VER VG VIB VIE VIT VK VOH VR VS W WA WAF WAK WAN WAR WAT WB WBS WDA WE
    WEL WEN WER WES WF WG WHV WI WIL WIS WIT WIZ WK WL WLG WM WMS WN WND WO WOB WOH WOL WOR WOS
    WR WRN WS WSF WST WSW WT WTL WTM WÜ WUG WÜM WUN WUR WW WZ WZL X Y Z ZE ZEL ZI ZIG ZP ZR ZW ZZ
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
) | _words(
    # Organisations and Magdeburg's districts: "Frau von der Caritas", "Herr vom Bürgerbüro
    # Süd" (not "Werder", which is also a family name); roles that stand before a name
    # ("Klient Nodira Yusupova") but are none.
    """
    Caritas Diakonie Malteser Johanniter Volkssolidarität Stadtwache Polizei Tafel
    Stadtmission Lebenshilfe Kirchengemeinde Gemeinde Moschee Stadtbibliothek Bibliothek
    Volkshochschule Jugendclub Stadt Landeshauptstadt Wobau Universität Hochschule
    Altstadt Neustadt Kannenstieg Sülzegrund Milchweg Rothensee Industriehafen Pechau Randau
    Calenberge Beyendorf Sohlen Westerhüsen Salbke Fermersleben Buckau Sudenburg Ottersleben
    Lemsdorf Hopfengarten Reform Kreuzhorst Stadtfeld Diesdorf Olvenstedt Nordwest Brückfeld
    Cracau Prester Zipkeleben Herrenkrug Silberberg Nord Süd Ost West Nordpark Stadtpark
    Klient Klientin Bewohner Bewohnerin Mieter Mieterin Vermieter Vermieterin Anwohner
    Anwohnerin Kundin Kunde
    """
)
# Endings of offices and institutions, after a title as in "Frau vom Sozialamt"; no family
# name ends like this.
INSTITUTION_ENDINGS = (
    "amt", "behörde", "center", "zentrum", "stelle", "dienst", "wache", "kasse", "büro",
    "schule", "verein", "gericht", "agentur", "polizei", "beirat", "treff", "verwaltung",
)  # fmt: skip
# Endings of German abstract nouns; no first or family name in the list ends like this.
NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "ismus", "tion", "tät")
# Listed names that are also abbreviations when a full stop follows ("Jan. 2025", "max. 10").
NAME_ABBREVIATIONS = frozenset({"Jan", "Max"})
SAINT_BEFORE_RE = re.compile(r"(?:\bSt\.|\bSankt)[ \t]*$")

# Untitled names whose first name is not in the list ("Gespräch mit Xhemile Krasniqi").
# Only words written like names count: a capital, then lower case ("SQLCipher" is none).
NAME_SHAPE_RE = re.compile(r"[^\W\d_][^\W\d_A-ZÄÖÜ]*(?:['’-][^\W\d_][^\W\d_A-ZÄÖÜ]*)*")
# Two capitalised words in a row are everyday German ("mit Vermieter Kontakt aufgenommen"),
# and no word list here could tell every noun from a name. So such a pair counts only with
# evidence that German nouns never show:
# * a letter German does not use (ć, ş, ı, ł, ñ, ễ …; é, è, ç … do occur in loanwords
#   like "Café" and are no evidence), or a small q without u (Krasniqi; not "Qigong");
# * a family name of a shape German lacks, after the first word: Petrović, Popescu,
#   Kovalenko, Kowalski, Ivanova, Hovhannisyan, Karaoğlu, Hosseinzadeh, Al-Hassan, Nguyen;
# * weaker, and only right after a cue ("mit", "traf", "Klientin" …): a Persian or Albanian
#   family name in -i (Ahmadi, Rezaei, Gashi).
FOREIGN_LETTER_RE = re.compile(r"[^\W\d_A-Za-zÄÖÜäöüßÀÂÇÈÉÊËÎÏÔÛàâçèéêëîïôû]|q(?!u)")
FOREIGN_SURNAME_RE = re.compile(
    r"(?:ović|ovic|ević|evic|escu|eanu|enko|chuk|czuk|czyk|wicz|owski|ewski|owska|ewska|ski"
    r"|ska|sky|skyi|zki|cki|cka|ova|eva|[a-z]{3}ov|[a-z]{3}ev|yan|oglu|zadeh|zada|ullah"
    r"|poulos|idis|akis|aj)$"
    r"|^(?:Al|El|Abu|Abd|Abdel|Abdul|Bin|Ould)-"
    r"|^(?:Nguyen|Pham|Hoang|Huynh|Phan|Dang|Bui|Ngo|Duong|Truong|Trinh|Dinh|Luong)$"
)
WEAK_SURNAME_RE = re.compile(r"^[A-Z][a-z]{2,}(?:[bcdfghjklmnpqrstvwxz]i|aei)$")
# German words with those shapes that may follow "mit" or a role word.
NOT_A_FOREIGN_NAME = _words(
    """
    Taxi Azubi Azubis Alibi Safari Zucchini Salami Bikini Sushi Brokkoli Graffiti Konfetti
    Spaghetti Tsunami Ravioli Tortellini Martini Porsche Jetski
    Ski Alaska Whisky Husky Nova Supernova Casanova Kautschuk Wasserski Señor Señora Sinti
    Krimi Profi Promi Pulli Mutti Vati Gummi Kombi Spezi Multi Stasi Saudi Israeli Haiti Delhi
    Nairobi Helsinki Miami Burundi Dschibuti Karatschi Saloniki Thessaloniki Dhabi São Tomé
    Åland Príncipe Curaçao Côte
    """
)
# Right before the first word of such a pair, on the same line.
NAME_CUE_RE = re.compile(
    r"(?i:\b(?:mit|von|für|bei|an|traf|trifft|getroffen|besucht|besuchte|begleitet"
    r"|begleitete|namens|heißt|Klientin|Klient|Bewohnerin|Bewohner|Nachbarin|Nachbar|Mutter"
    r"|Vater|Sohn|Tochter|Bruder|Schwester|Ehemann|Ehefrau|Partnerin|Partner))"
    r"(?:[ \t]+(?i:heute|gestern|erneut|wieder|nochmals|kurz|auch))?[ \t]+$"
)
# Listed first names written in lower case ("traf heute ahmad k.") count too, except those
# that are also lower-case German or English words in notes (checked against a German and
# an English word list when this list was made).
DOT_LETTER_RE = re.compile(r"\.[^\W\d_]")
LOWERCASE_NOT_A_NAME = _words(
    """
    adel albert andre franz kurt lasse malte max nasser ante blessing else frank grit hind
    hung ion iris jack john lien loan margarita marina mats maxim mike raid rim robin said
    sandy tamer till tuba yaw fares
    """
)


@cache
def lowercase_first_names() -> frozenset[str]:
    """The listed first names with a lower-case initial ("ahmad"), for notes typed that way."""
    return frozenset(name[0].lower() + name[1:] for name in first_names())


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

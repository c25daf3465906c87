"""Find personal data in free-text notes before they are saved (DESIGN §2, principle 2).

The schema has no field for a client's name, address or numbers, so the only way such
data can slip in is a note. `screen_text` points at what looks like personal data; the
UI asks the worker to rewrite it. It is a safety net, not a guarantee: it errs towards
quiet on ordinary social-work wording, because a screen that cries wolf on every note
gets clicked away.

Where the field has a parser, it decides (phonenumbers for phone numbers, python-stdnum
for IBAN and Steuer-ID); check digits are verified where a number has one, so random
digit runs stay unflagged. A finding's span covers the datum itself, not the cue word
before it: for "Frau Müller" it is "Müller", for "geb. 12.03.1985" the date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.de import idnr

from vielfalt_desktop.domain import _pii_patterns as pat

EMAIL = "email"
PHONE = "phone"
IBAN = "iban"
BIRTH_DATE = "birth_date"
STREET_ADDRESS = "street_address"
POSTCODE_PLACE = "postcode_place"
NAME = "name"
TAX_ID = "tax_id"
SOCIAL_INSURANCE_NUMBER = "social_insurance_number"
ID_CARD_NUMBER = "id_card_number"
FILE_NUMBER = "file_number"
LICENCE_PLATE = "licence_plate"
SOCIAL_MEDIA_HANDLE = "social_media_handle"

_LABELS = {
    EMAIL: "E-Mail-Adresse",
    PHONE: "Telefonnummer",
    IBAN: "IBAN",
    BIRTH_DATE: "Geburtsdatum",
    STREET_ADDRESS: "Anschrift",
    POSTCODE_PLACE: "Postleitzahl mit Ort",
    NAME: "Name",
    TAX_ID: "Steuer-ID",
    SOCIAL_INSURANCE_NUMBER: "Sozialversicherungsnummer",
    ID_CARD_NUMBER: "Ausweisnummer",
    FILE_NUMBER: "Aktenzeichen",
    LICENCE_PLATE: "Kfz-Kennzeichen",
    SOCIAL_MEDIA_HANDLE: "Social-Media-Name",
}
KINDS = tuple(_LABELS)

# Ties between overlapping findings of equal length go to the kind whose evidence is
# stronger: a checksum or a cue word beats a shape.
_SPECIFICITY = {
    kind: rank
    for rank, kind in enumerate(
        (
            *(EMAIL, IBAN, TAX_ID, SOCIAL_INSURANCE_NUMBER, ID_CARD_NUMBER, FILE_NUMBER),
            *(LICENCE_PLATE, BIRTH_DATE, PHONE, STREET_ADDRESS, POSTCODE_PLACE),
            *(SOCIAL_MEDIA_HANDLE, NAME),
        )
    )
}

# Children under 12 are rarely the subject of a dated note; a date that old is more
# likely a birth date than an appointment.
_BIRTH_YEAR_DISTANCE = 12
_CUE_WINDOW = 40
_NAME_GAP_RE = re.compile(r"[ \t\u00a0]{1,3}")


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return _LABELS[self.kind]


def screen_text(text: str, today: date | None = None) -> list[Finding]:
    """Personal data in `text`, sorted by position, without overlaps."""
    if not text:
        return []
    today = today or date.today()
    found = [
        *_emails(text),
        *_social_media_handles(text),
        *_ibans(text),
        *_tax_ids(text),
        *_social_insurance_numbers(text),
        *_id_card_numbers(text),
        *_file_numbers(text),
        *_licence_plates(text),
        *_birth_dates(text, today),
        *_phones(text),
        *_street_addresses(text),
        *_postcodes(text),
        *_names(text),
    ]
    return _without_overlaps(found)


def _finding(kind: str, text: str, start: int, end: int) -> Finding:
    return Finding(kind, start, end, text[start:end])


def _cue_before(cue: re.Pattern[str], text: str, start: int) -> bool:
    return cue.search(text, max(0, start - _CUE_WINDOW), start) is not None


def _digits(value: str) -> int:
    return sum(c in "0123456789" for c in value)


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start - f.end, _SPECIFICITY[f.kind], f.start)):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


# ---------------------------------------------------------------- numbers and e-mail


def _emails(text: str) -> Iterator[Finding]:
    for m in pat.EMAIL_RE.finditer(text):
        yield _finding(EMAIL, text, m.start(), m.end())
    if pat.OBF_HINT_RE.search(text) is None:
        return
    for m in pat.OBFUSCATED_EMAIL_RE.finditer(text):
        labels = pat.OBF_DOT_RE.split(m["domain"])
        if len(labels) > 1:
            if labels[-1].casefold() not in pat.MAIL_TLDS:
                continue
        elif labels[0].casefold() not in pat.MAIL_PROVIDERS:
            continue
        yield _finding(EMAIL, text, m.start(), m.end())


def _social_media_handles(text: str) -> Iterator[Finding]:
    for m in pat.HANDLE_RE.finditer(text):
        handle = m["handle"]
        telling = (
            any(c in "0123456789_." for c in handle)  # @dragana_p, @amir.md, @salam2024
            or (any(c.isupper() for c in handle[1:]) and not handle.isupper())  # @DraganaP
            or (handle[0].islower() and handle.casefold() not in pat.NOT_A_HANDLE)
        )
        if len(handle) >= 2 and (telling or _cue_before(pat.HANDLE_CUE_RE, text, m.start())):
            yield _finding(SOCIAL_MEDIA_HANDLE, text, m.start(), m.end())


def _ibans(text: str) -> Iterator[Finding]:
    for m in pat.IBAN_CANDIDATE_RE.finditer(text):
        raw = m.group()
        offsets = [i for i, c in enumerate(raw) if c != " "]
        compact = raw.replace(" ", "").upper()
        # The candidate may run into the next word; the longest valid prefix is the IBAN.
        for length in range(len(compact), 14, -1):
            if stdnum_iban.is_valid(compact[:length]):
                yield _finding(IBAN, text, m.start(), m.start() + offsets[length - 1] + 1)
                break
        else:
            if _cue_before(pat.IBAN_CUE_RE, text, m.start()):
                # A mistyped IBAN is still someone's account: keep the groups with digits.
                end = m.start()
                for group in re.finditer(r"\S+", raw):
                    if group.start() and not any(c.isdigit() for c in group.group()):
                        break
                    end = m.start() + group.end()
                yield _finding(IBAN, text, m.start(), end)


def _tax_ids(text: str) -> Iterator[Finding]:
    for m in pat.TAX_ID_RE.finditer(text):
        if idnr.is_valid(m.group()) or _cue_before(pat.TAX_CUE_RE, text, m.start()):
            yield _finding(TAX_ID, text, m.start(), m.end())


def _social_insurance_numbers(text: str) -> Iterator[Finding]:
    for m in pat.SVNR_RE.finditer(text):
        parts = m.group("area", "born", "letter", "serial", "check")
        if pat.svnr_is_valid(*parts) or _cue_before(pat.SVNR_CUE_RE, text, m.start()):
            yield _finding(SOCIAL_INSURANCE_NUMBER, text, m.start(), m.end())


def _id_card_numbers(text: str) -> Iterator[Finding]:
    for m in pat.ID_CARD_RE.finditer(text):
        number = m.group("number")
        # All-digit runs would pass the check digit one time in ten; real ones have letters.
        if any(c.isalpha() for c in number) and pat.icao_check_digit(number) == int(m["check"]):
            yield _finding(ID_CARD_NUMBER, text, m.start(), m.end())
    for m in pat.ID_CUE_NUMBER_RE.finditer(text):
        if _digits(m.group("id")) >= 2:
            yield _finding(ID_CARD_NUMBER, text, m.start("id"), m.end("id"))


def _file_numbers(text: str) -> Iterator[Finding]:
    for m in pat.FILE_CUE_RE.finditer(text):
        span = _identifier_at(text, m.end())
        if span is None and "\n" not in m.group():
            span = _identifier_after_words(text, m.end())
        if span is not None:
            yield _finding(FILE_NUMBER, text, *span)


def _identifier_after_words(text: str, pos: int) -> tuple[int, int] | None:
    """The identifier a few words after its cue: "Aktenzeichen der Ausländerbehörde: 123/45".

    Up to four words on the same line may name the office. A colon, "=", "lautet" or "ist"
    then introduces the number ("Kundennummer beim Jobcenter lautet 123D456"). Without one,
    the words must begin with a preposition or article and name something ("BG-Nummer vom
    Jobcenter 08300BG0012345"), and the number must be unmistakable: five digits or more,
    or digits with letters, "/" or "-". A date is never the identifier ("Az. vom 12.03.2025").
    """
    words: list[str] = []
    while len(words) < pat.FILE_GAP_MAX_WORDS:
        intro = pat.FILE_GAP_INTRO_RE.match(text, pos)
        if intro is not None:
            span = _identifier_at(text, intro.end())
            if span is not None and not _is_date_text(text[span[0] : span[1]]):
                return span
        elif len(words) >= 2 and words[0].casefold() in pat.FILE_GAP_LEADS:
            span = _identifier_at(text, pos + 1) if text.startswith(" ", pos) else None
            if span is not None and _unmistakable_identifier(text[span[0] : span[1]]):
                return span
        word = pat.FILE_GAP_WORD_RE.match(text, pos)
        if word is None:
            return None
        words.append(word["word"])
        pos = word.end()
    return None


def _unmistakable_identifier(value: str) -> bool:
    if _is_date_text(value):
        return False
    has_letters = any(c.isalpha() for c in value)
    return _digits(value) >= 5 or has_letters or any(c in "/-" for c in value)


def _licence_plates(text: str) -> Iterator[Finding]:
    """German plates: "MD-AB 1234", "HAL K 12E", "B XY 123H"; "MDAB1234" only after a cue.

    A hyphen after a listed district is enough. With spaces only the shape is weaker ("DIN
    A4", "BER T1", "AM DI 10 Uhr"): then two digits or more, no everyday capital word as the
    district and no unit after the digits – or a cue before ("Kennzeichen", "Auto" …).
    """
    for m in pat.PLATE_RE.finditer(text):
        district, digits = m["district"], m["digits"]
        # A German plate has at most eight characters besides the E/H suffix.
        if district not in pat.PLATE_DISTRICTS or len(district + m["letters"] + digits) > 8:
            continue
        weak = (
            (
                not m["sep"].startswith("-")
                and (len(digits) < 2 or district in pat.PLATE_WORD_DISTRICTS)
            )
            or len(district + m["letters"] + digits) < 4  # "A-Z2", "B-A1"
            or pat.PLATE_UNIT_AFTER_RE.match(text, m.end("digits")) is not None
        )
        if weak and not _cue_before(pat.PLATE_CUE_RE, text, m.start()):
            continue
        yield _finding(LICENCE_PLATE, text, m.start(), m.end())
    for m in pat.PLATE_COMPACT_RE.finditer(text):
        letters = m["letters"]
        if len(letters) + len(m["digits"]) > 8 or not _cue_before(
            pat.PLATE_CUE_RE, text, m.start()
        ):
            continue
        if any(
            letters[:cut] in pat.PLATE_DISTRICTS and letters[cut:].isascii()
            for cut in range(max(1, len(letters) - 2), min(3, len(letters) - 1) + 1)
        ):
            yield _finding(LICENCE_PLATE, text, m.start(), m.end())


def _is_date_text(value: str) -> bool:
    return any(
        regex.fullmatch(value)
        for regex in (pat.NUMERIC_DATE_RE, pat.ISO_DATE_RE, pat.SLASH_DATE_RE)
    )


def _identifier_at(text: str, pos: int) -> tuple[int, int] | None:
    """The identifier after a file-number cue: digit groups, maybe split by "BG" or "/"."""
    start, end, digits = pos, pos, 0
    while part := pat.FILE_PART_RE.match(text, pos):
        token = part.group().rstrip("./_-")
        if not _digits(token):
            # Letters only between digit groups, as in "08300 BG 0012345".
            following = pat.FILE_PART_RE.match(text, part.end() + 1)
            if not (
                token.isupper()
                and len(token) <= 3
                and text[part.end() : part.end() + 1] == " "
                and following
                and _digits(following.group())
            ):
                break
        end = part.start() + len(token)
        digits += _digits(token)
        if len(token) < len(part.group()) or text[end : end + 1] != " ":
            break
        pos = end + 1
    return (start, end) if digits >= 3 else None


def _phones(text: str) -> Iterator[Finding]:
    leniency = phonenumbers.Leniency.VALID
    for match in phonenumbers.PhoneNumberMatcher(text, "DE", leniency=leniency):
        if not pat.MONTH_YEAR_RE.search(text, match.start, match.end):
            yield _finding(PHONE, text, match.start, match.end)
    for m in pat.PHONE_CUE_RE.finditer(text):
        if _digits(m.group("number")) >= 6:
            yield _finding(PHONE, text, m.start("number"), m.end("number"))
    for m in pat.SPOKEN_PHONE_RE.finditer(text):
        words = digits = 0
        for token in pat.SPOKEN_TOKEN_RE.finditer(m.group()):
            value = token.group()
            if value[0].isdigit():
                digits += len(value)
            else:
                words += 1
                digits += 1 if pat.SPOKEN_DIGIT_RE.fullmatch(value) else 2
        if words >= 3 and digits >= 7:
            yield _finding(PHONE, text, m.start(), m.end())


# ---------------------------------------------------------------- dates


def _birth_dates(text: str, today: date) -> Iterator[Finding]:
    for regex in (pat.NUMERIC_DATE_RE, pat.WORD_DATE_RE, pat.ISO_DATE_RE, pat.SLASH_DATE_RE):
        for m in regex.finditer(text):
            mon = m.groupdict().get("mon")
            # Case-insensitive matching lets "JULİ" through; its casefold is no key.
            month = pat.MONTH_NAMES.get(mon.casefold(), 0) if mon else int(m["m"])
            cue = _cue_before(pat.BIRTH_CUE_RE, text, m.start())
            year_text = m["y"]
            if year_text is None:
                # "Folgetermin 3.4." has no year; only a cue makes it a birthday. A leap
                # year stands in for the missing one so that "geb. 29.02." passes.
                if cue and _is_date(2000, month, int(m["d"])):
                    yield _finding(BIRTH_DATE, text, m.start(), m.end())
                continue
            year = _full_year(year_text, today)
            if not _is_date(year, month, int(m["d"])):
                continue
            if cue or year <= today.year - _BIRTH_YEAR_DISTANCE:
                yield _finding(BIRTH_DATE, text, m.start(), m.end())
    for m in pat.BIRTH_YEAR_RE.finditer(text):
        yield _finding(BIRTH_DATE, text, m.start("y"), m.end("y"))


def _full_year(year_text: str, today: date) -> int:
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if 2000 + year <= today.year else 1900
    return year


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- addresses


def _street_addresses(text: str) -> Iterator[Finding]:
    for m in pat.STREET_RE.finditer(text):
        if m["street"].split()[-1].casefold() in pat.NOT_A_STREET:
            continue
        after = pat.CAPITAL_AFTER_RE.match(text, m.end())
        if after and after["closed"] is None:
            continue
        yield _finding(STREET_ADDRESS, text, m.start(), m.end())
    for m in pat.PREFIX_STREET_RE.finditer(text):
        words = m["street"].split()
        if any(w in pat.NOT_A_PREFIX_STREET or _is_abstract_noun(w) for w in words):
            continue
        if pat.PREFIX_STREET_TAIL_RE.match(text, m.end()):
            yield _finding(STREET_ADDRESS, text, m.start(), m.end())


def _postcodes(text: str) -> Iterator[Finding]:
    for m in pat.POSTCODE_RE.finditer(text):
        code, place = m["code"], m["place"].split()[0]
        # Round thousands are amounts ("15000 Einwohner"); no German postcode ends in 000.
        if code.endswith("000") or not 1067 <= int(code) <= 99998:
            continue
        if place in pat.NOT_A_PLACE or _is_abstract_noun(place) or place.endswith("innen"):
            continue
        yield _finding(POSTCODE_PLACE, text, m.start(), m.end())


def _is_abstract_noun(word: str) -> bool:
    return word.casefold().endswith(pat.NOUN_ENDINGS)


# ---------------------------------------------------------------- names


def _names(text: str) -> Iterator[Finding]:
    tokens = list(pat.WORD_RE.finditer(text))
    lower_names = pat.lowercase_first_names()
    i = 0
    while i < len(tokens):
        word = tokens[i].group()
        if word[0].isupper():
            span = (
                _titled_name(text, tokens, i)
                or _listed_name(text, tokens, i)
                or _foreign_name(text, tokens, i)
            )
        elif word in pat.TITLE_ABBREVIATIONS:  # "geb."
            span = _titled_name(text, tokens, i)
        elif word in lower_names or "-" in word:  # checked here: most words are lower case
            span = _lowercase_listed_name(text, tokens, i)
        else:
            span = None
        if span is None:
            i += 1
            continue
        start, end, last = span
        yield _finding(NAME, text, start, end)
        i = last + 1


def _titled_name(text: str, tokens: list[re.Match[str]], i: int) -> tuple[int, int, int] | None:
    """The words after "Herr", "Frau Dr. med.", "Frau Beigeordnete" …, if they are a name."""
    title_end = _title_end(text, tokens[i])
    if title_end is None:
        return None
    j = i + 1
    while j < len(tokens) and _adjacent(text, title_end, tokens[j]):
        role_end = _role_end(text, tokens[j])
        if role_end is None:
            break
        title_end, j = role_end, j + 1
    run = _name_run(text, tokens, j, title_end)
    return None if run is None else (tokens[j].start(), *run)


def _listed_name(text: str, tokens: list[re.Match[str]], i: int) -> tuple[int, int, int] | None:
    """A listed first name, with the family name that follows it on the same line."""
    token = tokens[i]
    if not _is_listed_first_name(text, token):
        return None
    end, last = _name_run(text, tokens, i + 1, token.end()) or (token.end(), i)
    return token.start(), end, last


def _lowercase_listed_name(
    text: str, tokens: list[re.Match[str]], i: int
) -> tuple[int, int, int] | None:
    """A listed first name typed in lower case ("traf heute ahmad k."), not part of an address.

    Only lower-case words: "Ahmed" is `_listed_name`'s. Names that are also lower-case words
    ("malte", "frank", "till") are left out (`LOWERCASE_NOT_A_NAME`).
    """
    token = tokens[i]
    word = token.group()
    if not word[0].islower() or len(word) < 3 or word in pat.LOWERCASE_NOT_A_NAME:
        return None
    names = pat.lowercase_first_names()
    if word not in names and not ("-" in word and all(p in names for p in word.split("-"))):
        return None
    # Part of an e-mail address, a handle, a domain or a path: those have findings of their own.
    before, after = text[token.start() - 1 : token.start()], text[token.end() : token.end() + 2]
    if before in ("@", ".", "/", "_") or after[:1] in ("@", "_") or pat.DOT_LETTER_RE.match(after):
        return None
    end, last = _name_run(text, tokens, i + 1, token.end()) or (token.end(), i)
    return token.start(), end, last


def _foreign_name(text: str, tokens: list[re.Match[str]], i: int) -> tuple[int, int, int] | None:
    """Two or more capitalised words whose first name is not listed, with foreign evidence.

    See `FOREIGN_LETTER_RE` in `_pii_patterns` for the evidence and why it is needed: without
    it, "mit Vermieter Kontakt" would read as a name.
    """
    if i + 1 >= len(tokens) or not tokens[i + 1].group()[0].isupper():
        return None
    token = tokens[i]
    first = token.group()
    if not _surname_like(first) or first in pat.NOT_A_FOREIGN_NAME:
        return None
    # Capitalised words only: particles ("zur", "von") end the run here, because none of
    # them is evidence and "Xhemile Krasniqi zur Wohnungssuche" must stop at the name.
    last, end = i, token.end()
    while last + 1 < len(tokens) and last - i < 3:
        following_token = tokens[last + 1]
        if not (_adjacent(text, end, following_token) and _surname_like(following_token.group())):
            break
        last, end = last + 1, following_token.end()
    if last == i:
        return None
    words = [t.group() for t in tokens[i : last + 1]]
    rest = words[1:]
    if any(w in pat.NOT_A_FOREIGN_NAME or not pat.NAME_SHAPE_RE.fullmatch(w) for w in words):
        return None
    strong = any(pat.FOREIGN_LETTER_RE.search(w) for w in words) or any(
        pat.FOREIGN_SURNAME_RE.search(w) for w in rest
    )
    weak = pat.WEAK_SURNAME_RE.match(words[-1]) is not None and _cue_before(
        pat.NAME_CUE_RE, text, token.start()
    )
    return (token.start(), end, last) if strong or weak else None


def _title_end(text: str, token: re.Match[str]) -> int | None:
    word = token.group()
    if word in pat.TITLE_WORDS:
        return token.end()
    if word in pat.TITLE_ABBREVIATIONS and text.startswith(".", token.end()):
        return token.end() + 1
    return None


def _role_end(text: str, token: re.Match[str]) -> int | None:
    word = token.group()
    with_dot = text.startswith(".", token.end())
    if word in pat.TITLE_ABBREVIATIONS and with_dot:
        return token.end() + 1
    if word in pat.ROLE_WORDS:
        return token.end() + 1 if with_dot else token.end()
    return None


def _adjacent(text: str, end: int, token: re.Match[str]) -> bool:
    return _NAME_GAP_RE.fullmatch(text, end, token.start()) is not None


def _is_listed_first_name(text: str, token: re.Match[str]) -> bool:
    word = token.group()
    names = pat.first_names()
    if word not in names and not ("-" in word and all(p in names for p in word.split("-"))):
        return False
    if word in pat.NAME_ABBREVIATIONS and text.startswith(".", token.end()):
        return False
    # "St. Martin", "Kita St. Josef": a church or saint, not a client.
    return pat.SAINT_BEFORE_RE.search(text, max(0, token.start() - 8), token.start()) is None


def _surname_like(word: str) -> bool:
    return (
        word[0].isupper()
        and word not in pat.NOT_A_NAME
        and word not in pat.TITLE_WORDS
        and word not in pat.ROLE_WORDS
        and not (word.isupper() and len(word) <= 4)  # acronyms: AWO, DRK, BAMF
        and not _is_abstract_noun(word)
        and not word.casefold().endswith(pat.INSTITUTION_ENDINGS)  # Sozialamt, Bürgerbüro
    )


def _name_run(
    text: str, tokens: list[re.Match[str]], j: int, prev_end: int
) -> tuple[int, int] | None:
    """End offset and last token index of the name words starting at token j, if any.

    Words must follow each other on the same line; lowercase particles ("van", "al")
    count only inside the name, never at its end.
    """
    run: tuple[int, int] | None = None
    k = j
    while k < len(tokens) and k - j < 4 and _adjacent(text, prev_end, tokens[k]):
        word = tokens[k].group()
        if _surname_like(word):
            run = (tokens[k].end(), k)
        elif word not in pat.NAME_PARTICLES:
            break
        prev_end = tokens[k].end()
        k += 1
    return run

"""zxcvbn's passphrase advice in German: a translation table of the library's English texts.

Part of :mod:`vielfalt_desktop.domain.messages`, kept apart only so that file stays short:
messages imports the table back as ``PASSPHRASE_ADVICE`` and marks every text there in the
"Passphrase" context; lupdate reads this file too (Makefile ``TR_SOURCES``). Import it through
``domain.messages``. It imports nothing of this program, so any import order works.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """Marks ``text`` for lupdate; domain.messages notes the context when it imports the table."""
    return text


# zxcvbn speaks English; these are its messages in German (keys: zxcvbn's text).
PASSPHRASE_ADVICE: dict[str, str] = {
    "Use a few words, avoid common phrases.": QT_TRANSLATE_NOOP(
        "Passphrase", "Mehrere Wörter verwenden, bekannte Redewendungen vermeiden."
    ),
    "No need for symbols, digits, or uppercase letters.": QT_TRANSLATE_NOOP(
        "Passphrase", "Sonderzeichen, Ziffern oder Großbuchstaben sind nicht nötig."
    ),
    "Add another word or two. Uncommon words are better.": QT_TRANSLATE_NOOP(
        "Passphrase", "Ein, zwei weitere Wörter anhängen – ungewöhnliche Wörter sind besser."
    ),
    "Straight rows of keys are easy to guess.": QT_TRANSLATE_NOOP(
        "Passphrase", "Tastenreihen sind leicht zu erraten."
    ),
    "Short keyboard patterns are easy to guess.": QT_TRANSLATE_NOOP(
        "Passphrase", "Kurze Tastaturmuster sind leicht zu erraten."
    ),
    "Use a longer keyboard pattern with more turns.": QT_TRANSLATE_NOOP(
        "Passphrase", "Ein längeres Tastaturmuster mit mehr Richtungswechseln verwenden."
    ),
    'Repeats like "aaa" are easy to guess.': QT_TRANSLATE_NOOP(
        "Passphrase", "Wiederholungen wie „aaa“ sind leicht zu erraten."
    ),
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".': QT_TRANSLATE_NOOP(
        "Passphrase", "Wiederholungen wie „abcabcabc“ sind kaum schwerer zu erraten als „abc“."
    ),
    "Avoid repeated words and characters.": QT_TRANSLATE_NOOP(
        "Passphrase", "Wiederholte Wörter und Zeichen vermeiden."
    ),
    'Sequences like "abc" or "6543" are easy to guess.': QT_TRANSLATE_NOOP(
        "Passphrase", "Folgen wie „abc“ oder „6543“ sind leicht zu erraten."
    ),
    "Avoid sequences.": QT_TRANSLATE_NOOP("Passphrase", "Zeichenfolgen vermeiden."),
    "Recent years are easy to guess.": QT_TRANSLATE_NOOP(
        "Passphrase", "Jahreszahlen der letzten Jahre sind leicht zu erraten."
    ),
    "Avoid recent years.": QT_TRANSLATE_NOOP("Passphrase", "Aktuelle Jahreszahlen vermeiden."),
    "Avoid years that are associated with you.": QT_TRANSLATE_NOOP(
        "Passphrase", "Jahreszahlen mit persönlichem Bezug vermeiden."
    ),
    "Dates are often easy to guess.": QT_TRANSLATE_NOOP(
        "Passphrase", "Datumsangaben sind oft leicht zu erraten."
    ),
    "Avoid dates and years that are associated with you.": QT_TRANSLATE_NOOP(
        "Passphrase", "Daten und Jahreszahlen mit persönlichem Bezug vermeiden."
    ),
    "This is a top-10 common password.": QT_TRANSLATE_NOOP(
        "Passphrase", "Das ist eines der 10 häufigsten Passwörter."
    ),
    "This is a top-100 common password.": QT_TRANSLATE_NOOP(
        "Passphrase", "Das ist eines der 100 häufigsten Passwörter."
    ),
    "This is a very common password.": QT_TRANSLATE_NOOP(
        "Passphrase", "Das ist ein sehr häufiges Passwort."
    ),
    "This is similar to a commonly used password.": QT_TRANSLATE_NOOP(
        "Passphrase", "Das ähnelt einem häufigen Passwort."
    ),
    "A word by itself is easy to guess.": QT_TRANSLATE_NOOP(
        "Passphrase", "Ein einzelnes Wort ist leicht zu erraten."
    ),
    "Names and surnames by themselves are easy to guess.": QT_TRANSLATE_NOOP(
        "Passphrase", "Vor- und Nachnamen allein sind leicht zu erraten."
    ),
    "Common names and surnames are easy to guess.": QT_TRANSLATE_NOOP(
        "Passphrase", "Häufige Vor- und Nachnamen sind leicht zu erraten."
    ),
    "Capitalization doesn't help very much.": QT_TRANSLATE_NOOP(
        "Passphrase", "Großschreibung hilft kaum."
    ),
    "All-uppercase is almost as easy to guess as all-lowercase.": QT_TRANSLATE_NOOP(
        "Passphrase", "Nur Großbuchstaben sind fast so leicht zu erraten wie nur Kleinbuchstaben."
    ),
    "Reversed words aren't much harder to guess.": QT_TRANSLATE_NOOP(
        "Passphrase", "Rückwärts geschriebene Wörter sind kaum schwerer zu erraten."
    ),
    "Predictable substitutions like '@' instead of 'a' don't help very much.": QT_TRANSLATE_NOOP(
        "Passphrase", "Vorhersehbare Ersetzungen wie „@“ statt „a“ helfen kaum."
    ),
}

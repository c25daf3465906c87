"""Translations and display formats. Source strings are German; English comes from a .qm file.

The .qm files are built from ``resources/translations/*.ts`` by ``make translations``
(pyside6-lupdate → .ts → pyside6-lrelease → .qm). Without them the program stays German.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from vielfalt_desktop.domain.errors import ValidationError, VielfaltError
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.resources import resource_path

LANGUAGES: dict[str, str] = {"de": "Deutsch", "en": "English"}
DEFAULT_LANGUAGE = "de"
DATE_FORMAT = "dd.MM.yyyy"  # Qt display format: TT.MM.JJJJ

_installed: list[QTranslator] = []


def qm_path(lang: str) -> str:
    return str(resource_path("translations", f"vielfalt_{lang}.qm"))


def has_translation(lang: str) -> bool:
    if lang == DEFAULT_LANGUAGE:
        return True
    try:
        return resource_path("translations", f"vielfalt_{lang}.qm").is_file()
    except FileNotFoundError:
        return False


def install(lang: str) -> bool:
    """Switch the running program's language; True if the translation file was found."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    QLocale.setDefault(
        QLocale(QLocale.Language.German if lang == "de" else QLocale.Language.English)
    )
    found = True
    # Qt's own strings (standard buttons such as "Abbrechen", context menus).
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    base = QTranslator(app)
    if base.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(base)
        _installed.append(base)
    if lang != DEFAULT_LANGUAGE:
        own = QTranslator(app)
        found = own.load(qm_path(lang))
        if found:
            app.installTranslator(own)
            _installed.append(own)
    return found


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def message_text(message: str) -> str:
    """A message from the core (a validation problem, an error) in the chosen language.

    A :class:`~vielfalt_desktop.domain.messages.Message` is translated from its template, in
    the template's context (``Validation``, ``Errors`` …), and values that are messages
    themselves (field labels, a wrapped message) too. Plain text passes through as is: messages
    the UI wrote itself are already translated, others stay German.
    """
    if not isinstance(message, Message):
        return message
    params = {
        name: message_text(value) if isinstance(value, Message) else value
        for name, value in message.params.items()
    }
    try:
        return translate(message.context, message.template).format_map(params)
    except (KeyError, IndexError, ValueError):  # a broken translation: better German than none
        return str(message)


def error_text(error: BaseException) -> str:
    """What an error from the core says, translated as far as its messages allow.

    Anything else (a bug, an OSError that slipped through) is named by its type only.
    """
    if isinstance(error, ValidationError):
        return " ".join(message_text(m) for m in error.problems.values())
    if isinstance(error, VielfaltError):
        return message_text(error.message)
    return type(error).__name__


def fmt_date(value: dt.date | None) -> str:
    """A date as TT.MM.JJJJ (German style in both languages, as the city writes it)."""
    return value.strftime("%d.%m.%Y") if value is not None else ""


def fmt_stamp(text: str) -> str:
    """A stored ISO timestamp (UTC, e.g. ``2026-11-24T10:00:00Z``) as local TT.MM.JJJJ HH:MM."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d.%m.%Y %H:%M")


def fmt_int(value: int) -> str:
    """Whole numbers with a thousands point: 100.000."""
    return f"{value:,}".replace(",", ".")

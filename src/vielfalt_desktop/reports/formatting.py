"""German number and date formats and the signs of official statistics (Zeichenerklärung)."""

from __future__ import annotations

import datetime as dt

__all__ = [
    "MONTHS_DE",
    "NBSP",
    "NOT_MEANINGFUL",
    "SUPPRESSED",
    "ZERO",
    "count",
    "date",
    "datetime",
    "decimal",
    "integer",
    "legend",
    "percent",
]

#: Destatis signs: "." withheld (geheim zu halten), "–" exactly nothing, "x" not meaningful.
SUPPRESSED = "."
ZERO = "–"
NOT_MEANINGFUL = "x"
NBSP = "\u00a0"

#: Abbreviated German month names, as in the tables and charts ("März 2026", "Sept. 2026").
MONTHS_DE = (
    "Jan.",
    "Feb.",
    "März",
    "Apr.",
    "Mai",
    "Juni",
    "Juli",
    "Aug.",
    "Sept.",
    "Okt.",
    "Nov.",
    "Dez.",
)


def legend(threshold: int) -> tuple[tuple[str, str], ...]:
    """The sign legend (Zeichenerklärung) for a report withholding counts 1..``threshold``."""
    return (
        (
            SUPPRESSED,
            "Zahlenwert geheim zu halten: Fallzahl von 1 bis "
            f"{threshold} oder gesperrt, damit sich eine solche Zahl nicht aus Summen "
            "zurückrechnen lässt",
        ),
        (ZERO, "nichts vorhanden (genau null)"),
        (NOT_MEANINGFUL, "Aussage nicht sinnvoll (keine Fälle als Bezugsgröße)"),
    )


def integer(value: int) -> str:
    """1234567 → "1.234.567"."""
    return f"{value:,d}".replace(",", ".")


def decimal(value: float, digits: int = 1) -> str:
    """1234.56 → "1.234,6" (thousands dot, decimal comma)."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def percent(value: float, digits: int = 1) -> str:
    """56.66 → "56,7 %" (with a no-break space, as DIN 5008 sets it)."""
    return f"{decimal(value, digits)}{NBSP}%"


def count(value: int | None) -> str:
    """A published count: "." if withheld, "–" for zero, else "1.234"."""
    if value is None:
        return SUPPRESSED
    if value == 0:
        return ZERO
    return integer(value)


def date(value: dt.date) -> str:
    """TT.MM.JJJJ."""
    return value.strftime("%d.%m.%Y")


def datetime(value: dt.datetime) -> str:
    """ "24.11.2026, 11:00 Uhr" in the computer's local time."""
    local = value.astimezone() if value.tzinfo is not None else value
    return f"{local:%d.%m.%Y}, {local:%H:%M} Uhr"

"""CSV files that are safe to open in Excel or LibreOffice (no formula injection).

Every CSV the program writes goes through :func:`render_csv_table`: German Excel's dialect
(UTF-8 with BOM, ";" as delimiter, CRLF line ends) and every cell passed through
:func:`safe_cell`, following the OWASP advice on CSV injection. A spreadsheet reads a cell
that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return before one) as a
formula, so a device name ``=HYPERLINK(…)`` or a code ``@SUM(…)`` that reached the store
would run when the coordinator opens the file. Such a cell gets a leading ``'``; the
spreadsheet then shows it as text.

The rule, in order:

* ``int``, ``float`` and ``Decimal`` values are written as they are (``-3`` stays ``-3``).
* A string that is only a number — an optional sign, digits, optionally grouped or with a
  decimal point or comma, as in ``-3``, ``-1,5``, ``1.234`` or ``68,8`` — stays as it is: it
  cannot call anything, and the spreadsheet must still read it as a number.
* Any other string whose first character is a tab, CR or LF, or whose first character after
  leading whitespace is ``=``, ``+``, ``-``, ``@`` or one of their full-width forms
  ``＝ ＋ － ＠`` (which some East Asian Excel versions treat like the ASCII ones), gets a
  leading ``'``. Checking after whitespace costs nothing and covers importers that trim.
* Everything else is written unchanged.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

__all__ = ["render_csv_table", "safe_cell"]

Cell = str | int | float | Decimal | None

#: Characters that make a spreadsheet read the cell as a formula (OWASP), and their
#: full-width forms.
FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
#: Control characters that are dangerous as the very first character (OWASP: tab, CR).
CONTROL_STARTS = frozenset("\t\r\n")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")


def safe_cell(value: Cell) -> str | int | float | Decimal:
    """The value as it may go into a CSV cell: numbers unchanged, formulas made text."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    if not text or _NUMBER.fullmatch(text):
        return text
    first = text.lstrip()[:1]
    if text[0] in CONTROL_STARTS or first in FORMULA_STARTS:
        return "'" + text
    return text


def render_csv_table(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """A CSV file's bytes for German Excel: UTF-8 with BOM, ";", CRLF, every cell safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")

"""Loading the partner directory from a spreadsheet export (CSV).

The whole file is checked before anything is written; one bad row rejects it and changes
nothing. Existing partners are matched by name and updated; new names are added. The writing
is RecordService.save_many's: one transaction, only changed fields stamped, one audit entry.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vielfalt_desktop.domain.errors import NotAllowed, RejectedInput
from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.domain.vocab import Vocabularies
from vielfalt_desktop.services.records import RecordService

MAX_BYTES = 20 * 1024 * 1024

# Accepted column headers (lower case) → record field.
COLUMNS = {
    "name": "name",
    "organisation": "name",
    "art": "partner_kind",
    "typ": "partner_kind",
    "kind": "partner_kind",
    "stadtteile": "districts",
    "districts": "districts",
    "themen": "topics",
    "topics": "topics",
    "angebote": "offers",
    "offers": "offers",
    "angebot (text)": "offer_text",
    "angebotstext": "offer_text",
    "gesuche": "seeks",
    "seeks": "seeks",
    "gesuch (text)": "seek_text",
    "gesuchtext": "seek_text",
    "sprachen": "languages",
    "languages": "languages",
    "adresse": "address",
    "anschrift": "address",
    "address": "address",
    "kontakt": "contact_channel",
    "contact": "contact_channel",
    "öffnungszeiten": "opening_hours",
    "opening hours": "opening_hours",
    "notiz": "note",
    "bemerkung": "note",
    "note": "note",
}
VOCAB_OF = {
    "partner_kind": "partner_kind",
    "topics": "topic",
    "offers": "offer",
    "seeks": "offer",
    "languages": "language",
}
LIST_FIELDS = {"districts", "topics", "offers", "seeks", "languages"}


@dataclass(frozen=True, slots=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


def import_partners(records: RecordService, path: Path) -> ImportResult:
    """Load ``path`` into the partner directory through ``records``: checked row by row,
    diffed and written in one transaction, and noted once in the audit trail."""
    if not records.may_create("partner"):
        raise NotAllowed(records.refusal("partner"))
    rows = parse(records.vocab, _read_text(path))
    creates: list[Partner] = []
    updates: list[Partner] = []
    for line, partner in rows:
        existing = records.find_partner_by_name(partner.name)
        merged = dataclasses.replace(existing or Partner(), **_given(partner))
        broken = records.check(merged)
        if broken:
            raise RejectedInput(f"Zeile {line}: {next(iter(broken.values()))}")
        (creates if existing is None else updates).append(merged)
    saved = records.save_many(creates, updates, detail="csv")
    return ImportResult(saved.created, saved.updated, saved.unchanged)


def _given(partner: Partner) -> dict[str, Any]:
    # Only the columns the file had are applied; the parser marks absent ones with None.
    return {
        f.name: getattr(partner, f.name)
        for f in dataclasses.fields(partner)
        if f.name != "id" and getattr(partner, f.name) is not None
    }


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise RejectedInput(f"{path.name}: Die Datei ist zu groß für ein Partnerverzeichnis.")
        data = path.read_bytes()
    except OSError as exc:
        raise RejectedInput(f"{path}: Die Datei lässt sich nicht lesen ({exc.strerror}).") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RejectedInput(
            f"{path.name}: Die Datei ist nicht UTF-8-kodiert. "
            "Bitte in der Tabellenkalkulation als „CSV UTF-8“ speichern."
        ) from None


def parse(vocab: Vocabularies, text: str) -> list[tuple[int, Partner]]:
    """Rows as partners (line number, partner); fields absent from the file are None."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise RejectedInput("Die CSV-Datei ist leer.")
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        table = list(reader)
    except csv.Error as exc:
        raise RejectedInput(
            f"Die CSV-Datei ist fehlerhaft (Zeile {reader.line_num}): {exc}"
        ) from None
    header = [cell.strip().lower() for cell in table[0]]
    fields: list[str | None] = [COLUMNS.get(cell) for cell in header]
    if "name" not in fields:
        raise RejectedInput("Die CSV-Datei braucht eine Spalte „Name“ in der Kopfzeile.")
    seen_fields = [f for f in fields if f is not None]
    if len(seen_fields) != len(set(seen_fields)):
        raise RejectedInput("Die Kopfzeile nennt eine Spalte doppelt.")
    result: list[tuple[int, Partner]] = []
    names: set[str] = set()
    for number, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise RejectedInput(
                f"Zeile {number}: {len(cells)} Spalten statt {len(header)} wie in der Kopfzeile."
            )
        values: dict[str, object] = {
            f.name: None for f in dataclasses.fields(Partner) if f.name != "id"
        }
        for field, cell in zip(fields, cells, strict=True):
            if field is not None:
                values[field] = _value(vocab, field, cell.strip(), number)
        name = str(values["name"] or "")
        if not name:
            raise RejectedInput(f"Zeile {number}: Der Name fehlt.")
        if name.lower() in names:
            raise RejectedInput(f"Zeile {number}: „{name}“ steht zweimal in der Datei.")
        names.add(name.lower())
        result.append((number, Partner(id="", **values)))  # type: ignore[arg-type]
    if not result:
        raise RejectedInput("Die CSV-Datei enthält keine Partner.")
    return result


def _value(vocab: Vocabularies, field: str, cell: str, line: int) -> object:
    if field not in LIST_FIELDS and field not in VOCAB_OF:
        return cell
    parts = [p.strip() for p in cell.replace("|", ",").replace(";", ",").split(",") if p.strip()]
    codes = tuple(dict.fromkeys(_code(vocab, field, part, line) for part in parts))
    if field in LIST_FIELDS:
        return codes
    return codes[0] if codes else "sonstige"


def _code(vocab: Vocabularies, field: str, text: str, line: int) -> str:
    """A code from a code or a German/English label, case-insensitively."""
    wanted = text.casefold()
    if field == "districts":
        for district in vocab.districts:
            if wanted in (district.code, district.de.casefold(), district.en.casefold()):
                return district.code
    else:
        for entry in vocab[VOCAB_OF[field]]:
            if wanted in (entry.code, entry.de.casefold(), entry.en.casefold()):
                return entry.code
    raise RejectedInput(f"Zeile {line}: „{text}“ ist kein bekannter Wert.")

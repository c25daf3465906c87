"""Partner directory import from a spreadsheet CSV: formats, updates by name, all-or-nothing."""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from tests.conftest import NOW, PASSPHRASE

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import RejectedInput
from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.audit import AuditFilter
from vielfalt_desktop.services.partners_csv import ImportResult, import_partners

# Every column the importer knows, with German headers as a spreadsheet would have them.
HEADER = [
    "Name",
    "Art",
    "Stadtteile",
    "Themen",
    "Angebote",
    "Angebot (Text)",
    "Gesuche",
    "Gesuch (Text)",
    "Sprachen",
    "Adresse",
    "Kontakt",
    "Öffnungszeiten",
    "Notiz",
]

GARTEN = "Interkultureller Garten Nord"
SALAM = "Kulturverein Salam"

# The same two partners once with German labels, once with codes.
ROWS_LABELS = [
    [
        GARTEN,
        "Verein",
        "Kannenstieg, Neustädter See",
        "Nachbarschaft, Freizeit",
        "Freizeitangebote | Räume",
        "Gemeinschaftsgarten mit Beeten",
        "Ehrenamtliche",
        "Helfende für die Beete",
        "Arabisch, Deutsch",
        "Pablo-Neruda-Straße 7, 39126 Magdeburg",
        "garten@example.org",
        "Sa 10–14 Uhr",
        "",
    ],
    [
        SALAM,
        "Migrantenorganisation",
        "Leipziger Straße",
        "Sprache/Deutschkurse",
        "Sprachmittlung/Dolmetschen",
        "",
        "Räume",
        "Raum für ein Sprachcafé",
        "Arabisch, Kurdisch (Kurmandschi), Deutsch",
        "",
        "0391 000000",
        "",
        "trifft sich monatlich",
    ],
]
ROWS_CODES = [
    [
        GARTEN,
        "verein",
        "kannenstieg,neustaedter_see",
        "nachbarschaft,freizeit",
        "freizeitangebote,raeume",
        "Gemeinschaftsgarten mit Beeten",
        "ehrenamtliche",
        "Helfende für die Beete",
        "ar,de",
        "Pablo-Neruda-Straße 7, 39126 Magdeburg",
        "garten@example.org",
        "Sa 10–14 Uhr",
        "",
    ],
    [
        SALAM,
        "migrantenorganisation",
        "leipziger_strasse",
        "sprache",
        "sprachmittlung",
        "",
        "raeume",
        "Raum für ein Sprachcafé",
        "ar, kmr, de",
        "",
        "0391 000000",
        "",
        "trifft sich monatlich",
    ],
]
EXPECTED: dict[str, dict[str, Any]] = {
    GARTEN: {
        "partner_kind": "verein",
        "districts": ("kannenstieg", "neustaedter_see"),
        "topics": ("nachbarschaft", "freizeit"),
        "offers": ("freizeitangebote", "raeume"),
        "offer_text": "Gemeinschaftsgarten mit Beeten",
        "seeks": ("ehrenamtliche",),
        "seek_text": "Helfende für die Beete",
        "languages": ("ar", "de"),
        "address": "Pablo-Neruda-Straße 7, 39126 Magdeburg",
        "contact_channel": "garten@example.org",
        "opening_hours": "Sa 10–14 Uhr",
        "note": "",
    },
    SALAM: {
        "partner_kind": "migrantenorganisation",
        "districts": ("leipziger_strasse",),
        "topics": ("sprache",),
        "offers": ("sprachmittlung",),
        "offer_text": "",
        "seeks": ("raeume",),
        "seek_text": "Raum für ein Sprachcafé",
        "languages": ("ar", "kmr", "de"),
        "address": "",
        "contact_channel": "0391 000000",
        "opening_hours": "",
        "note": "trifft sich monatlich",
    },
}
FIXTURE_PARTNER = "Migrationsberatung Magdeburg"  # created by the `partner` fixture


def csv_bytes(
    rows: list[list[str]], *, delimiter: str = ";", bom: bool = False, encoding: str = "utf-8"
) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return codecs.BOM_UTF8 + data if bom else data


def write(tmp_path: Path, data: bytes, name: str = "partner.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture
def app(office_app: App) -> App:
    """The partner directory is the coordinator's: every import here runs on an office store
    (a laptop's refusal: tests/unit/test_write_authority.py)."""
    return office_app


@pytest.fixture
def partner(office_partner: Partner) -> Partner:
    return office_partner


def run(app: App, path: Path) -> ImportResult:
    return import_partners(app.records, path)


def snapshot(app: App) -> tuple[Any, ...]:
    """Everything an import could touch: partner rows with bookkeeping, tags, revision."""
    with app.store.read() as conn:
        partners = [tuple(r) for r in conn.execute(text("SELECT * FROM partner ORDER BY id"))]
        tags = [
            tuple(r)
            for r in conn.execute(
                text("SELECT * FROM tag WHERE entity = 'partner' ORDER BY record_id, field, code")
            )
        ]
    return partners, tags, app.store.rev, app.store.meta("rev"), app.store.meta("hlc")


def partner_fields(partner: Partner) -> dict[str, Any]:
    return {name: getattr(partner, name) for name in EXPECTED[GARTEN]}


def stamped_fields(app: App, partner_id: str) -> set[str]:
    with app.store.read() as conn:
        raw = conn.execute(
            text("SELECT stamps FROM partner WHERE id = :id"), {"id": partner_id}
        ).scalar_one()
    return set(json.loads(raw))


# --- formats --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delimiter", "bom", "rows"),
    [
        (";", False, ROWS_LABELS),
        (";", True, ROWS_CODES),
        (",", True, ROWS_LABELS),
        (",", False, ROWS_CODES),
    ],
    ids=["semicolon-labels", "semicolon-bom-codes", "comma-bom-labels", "comma-codes"],
)
def test_new_partners_from_each_format(
    delimiter: str, bom: bool, rows: list[list[str]], app: App, tmp_path: Path
) -> None:
    # Excel writes empty rows as a line of delimiters; they are skipped.
    empty = [""] * len(HEADER)
    data = csv_bytes([HEADER, rows[0], empty, rows[1], empty], delimiter=delimiter, bom=bom)
    assert run(app, write(tmp_path, data)) == ImportResult(created=2, updated=0, unchanged=0)

    assert app.records.count(Partner) == 2
    for name, expected in EXPECTED.items():
        stored = app.records.find_partner_by_name(name)
        assert stored is not None, name
        assert stored.name == name  # no BOM glued to the first header or name
        assert partner_fields(stored) == expected, name
    # The tag index is filled, so district and topic filters find the new partners.
    garten = app.records.find_partner_by_name(GARTEN)
    assert garten is not None
    assert [p.id for p in app.records.page(Partner, Query(districts=("kannenstieg",)))] == [
        garten.id
    ]
    assert [p.name for p in app.records.page(Partner, Query(topic="sprache"))] == [SALAM]


def test_labels_in_english_and_any_case(app: App, tmp_path: Path) -> None:
    row = list(ROWS_LABELS[0])
    row[1] = "ASSOCIATION"
    row[2] = "kannenstieg, NEUSTÄDTER SEE"
    row[4] = "LEISURE ACTIVITIES"
    row[8] = "arabic | german | Persisch/Dari"
    assert run(app, write(tmp_path, csv_bytes([HEADER, row]))).created == 1
    stored = app.records.find_partner_by_name(GARTEN)
    assert stored is not None
    assert stored.partner_kind == "verein"
    assert stored.districts == ("kannenstieg", "neustaedter_see")
    assert stored.offers == ("freizeitangebote",)
    assert stored.languages == ("ar", "de", "fa")


def test_repeated_codes_in_a_cell_are_kept_once(app: App, tmp_path: Path) -> None:
    row = list(ROWS_CODES[0])
    row[8] = "ar, Arabisch, de, AR"
    assert run(app, write(tmp_path, csv_bytes([HEADER, row]))).created == 1
    stored = app.records.find_partner_by_name(GARTEN)
    assert stored is not None
    assert stored.languages == ("ar", "de")


def test_empty_list_cell_means_no_codes(app: App, tmp_path: Path) -> None:
    row = list(ROWS_CODES[0])
    row[6] = ""  # Gesuche
    assert run(app, write(tmp_path, csv_bytes([HEADER, row]))).created == 1
    stored = app.records.find_partner_by_name(GARTEN)
    assert stored is not None
    assert stored.seeks == ()


# --- updates --------------------------------------------------------------------------------


def test_update_by_name_changes_only_the_given_columns(
    app: App, partner: Partner, tmp_path: Path
) -> None:
    data = csv_bytes([["Name", "Sprachen"], [FIXTURE_PARTNER, "Arabisch, Persisch/Dari, Deutsch"]])
    assert run(app, write(tmp_path, data)) == ImportResult(created=0, updated=1, unchanged=0)

    stored = app.records.get(Partner, partner.id)
    assert stored.languages == ("ar", "fa", "de")
    # Everything not in the file stays as it was.
    assert stored == replace(partner, languages=("ar", "fa", "de"))
    assert stamped_fields(app, partner.id) == {"languages"}
    assert app.records.count(Partner) == 1


def test_update_matches_the_name_case_insensitively(
    app: App, partner: Partner, tmp_path: Path
) -> None:
    data = csv_bytes(
        [["Name", "Öffnungszeiten", "Stadtteile"], ["MIGRATIONSBERATUNG MAGDEBURG", "Mo 9–12", ""]]
    )
    assert run(app, write(tmp_path, data)) == ImportResult(created=0, updated=1, unchanged=0)
    assert app.records.count(Partner) == 1
    stored = app.records.get(Partner, partner.id)
    assert stored.opening_hours == "Mo 9–12"
    assert stored.districts == ()  # the column was given, empty: the list is cleared
    assert stored.topics == partner.topics
    assert stored.languages == partner.languages
    assert stored.partner_kind == partner.partner_kind
    assert app.records.page(Partner, Query(districts=("kannenstieg",))) == []


def test_updates_and_new_partners_in_one_file(app: App, partner: Partner, tmp_path: Path) -> None:
    existing = [FIXTURE_PARTNER, *ROWS_CODES[1][1:]]
    data = csv_bytes([HEADER, existing, ROWS_CODES[0]])
    assert run(app, write(tmp_path, data)) == ImportResult(created=1, updated=1, unchanged=0)
    stored = app.records.get(Partner, partner.id)
    assert partner_fields(stored) == EXPECTED[SALAM]
    assert app.records.count(Partner) == 2


def test_reimporting_the_same_file_changes_nothing(app: App, tmp_path: Path) -> None:
    path = write(tmp_path, csv_bytes([HEADER, *ROWS_LABELS], bom=True))
    assert run(app, path) == ImportResult(created=2, updated=0, unchanged=0)
    partners, tags, *_ = snapshot(app)

    assert run(app, path) == ImportResult(created=0, updated=0, unchanged=2)
    assert snapshot(app)[:2] == (partners, tags)

    # The same content with codes instead of labels is also unchanged.
    codes = write(tmp_path, csv_bytes([HEADER, *ROWS_CODES], delimiter=","), "codes.csv")
    assert run(app, codes) == ImportResult(created=0, updated=0, unchanged=2)
    assert snapshot(app)[:2] == (partners, tags)


def test_reimporting_an_update_reports_it_unchanged(
    app: App, partner: Partner, tmp_path: Path
) -> None:
    path = write(
        tmp_path, csv_bytes([["Name", "Notiz"], [FIXTURE_PARTNER, "Termine nur nach Absprache"]])
    )
    assert run(app, path) == ImportResult(created=0, updated=1, unchanged=0)
    assert run(app, path) == ImportResult(created=0, updated=0, unchanged=1)
    assert stamped_fields(app, partner.id) == {"note"}


# --- audit trail --------------------------------------------------------------------------------


def test_an_import_leaves_one_audit_entry_with_the_count(
    app: App, partner: Partner, tmp_path: Path
) -> None:
    # Like every other write: one entry for the whole file (one update and one new partner),
    # counting the partners it wrote, never naming them.
    before = {e.id for e in app.audit.entries(AuditFilter(record_kind="partner"))}
    existing = [FIXTURE_PARTNER, *ROWS_CODES[1][1:]]
    path = write(tmp_path, csv_bytes([HEADER, existing, ROWS_CODES[0]]))
    assert run(app, path) == ImportResult(created=1, updated=1, unchanged=0)

    new = [e for e in app.audit.entries(AuditFilter(record_kind="partner")) if e.id not in before]
    assert [(e.action, e.record_id, e.count, e.detail) for e in new] == [("update", None, 2, "csv")]


def test_an_import_of_new_partners_only_is_audited_as_created(app: App, tmp_path: Path) -> None:
    path = write(tmp_path, csv_bytes([HEADER, *ROWS_LABELS]))
    assert run(app, path) == ImportResult(created=2, updated=0, unchanged=0)
    entries = app.audit.entries(AuditFilter(record_kind="partner"))
    assert [(e.action, e.record_id, e.count, e.detail) for e in entries] == [
        ("create", None, 2, "csv")
    ]
    # Importing it again writes nothing, so the trail gets nothing either.
    assert run(app, path) == ImportResult(created=0, updated=0, unchanged=2)
    assert app.audit.count(AuditFilter(record_kind="partner")) == 1


# --- rejected input changes nothing --------------------------------------------------------------

UPDATE_ROW = [FIXTURE_PARTNER, *ROWS_CODES[1][1:]]  # a valid change, written before the bad row


def _garten_with(column: int, value: str) -> list[str]:
    row = list(ROWS_LABELS[0])
    row[column] = value
    return row


MALFORMED: dict[str, tuple[bytes, str]] = {
    "missing-name-column": (
        csv_bytes([["Träger", "Art", "Sprachen"], ["Verein X", "Verein", "Deutsch"]]),
        "Spalte „Name“",
    ),
    "empty-file": (b"", "leer"),
    "bom-only": (codecs.BOM_UTF8, "leer"),
    "header-only": (csv_bytes([HEADER]), "keine Partner"),
    "duplicate-column": (
        csv_bytes([["Name", "Organisation"], ["Verein X", "Verein Y"]]),
        "doppelt",
    ),
    "wrong-cell-count": (
        csv_bytes([HEADER, UPDATE_ROW, ROWS_LABELS[0][:-1]]),
        "Zeile 3: 12 Spalten statt 13",
    ),
    "too-many-cells": (
        csv_bytes([HEADER, UPDATE_ROW, [*ROWS_LABELS[0], "überzählig"]]),
        "Zeile 3",
    ),
    "unknown-district": (
        csv_bytes([HEADER, UPDATE_ROW, _garten_with(2, "Kannenstieg, Atlantis")]),
        "„Atlantis“ ist kein bekannter Wert",
    ),
    "unknown-language": (
        csv_bytes([HEADER, UPDATE_ROW, _garten_with(8, "Arabisch, Klingonisch")]),
        "„Klingonisch“",
    ),
    "unknown-partner-kind": (
        csv_bytes([HEADER, UPDATE_ROW, _garten_with(1, "Raumstation")]),
        "„Raumstation“",
    ),
    "duplicate-names": (
        csv_bytes([HEADER, UPDATE_ROW, ROWS_LABELS[0], _garten_with(0, GARTEN.upper())]),
        "zweimal",
    ),
    "latin-1": (
        csv_bytes([HEADER, UPDATE_ROW, _garten_with(11, "Sa 10-14 Uhr")], encoding="latin-1"),
        "nicht UTF-8",
    ),
    "empty-name": (csv_bytes([HEADER, UPDATE_ROW, _garten_with(0, "  ")]), "Name fehlt"),
    "unterminated-quote": (
        (
            "Name;Sprachen\r\n"
            f"{FIXTURE_PARTNER};Deutsch\r\n"
            'Kulturverein Salam;"Arabisch, Deutsch\r\n'
        ).encode(),
        "fehlerhaft",
    ),
    # Found only inside the write transaction, after the first row was already applied.
    "name-too-long": (
        csv_bytes([HEADER, UPDATE_ROW, _garten_with(0, "Verein " + "x" * 200)]),
        "Zeile 3",
    ),
}


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, Partner]]:
    """One store for all rejected files: each of them must leave it exactly as it was."""
    data_dir = tmp_path_factory.mktemp("abgelehnt") / "daten"
    app, _ = App.create(
        data_dir, PASSPHRASE, role="office", name="Koordination CSV", clock=FixedClock(NOW)
    )
    partner = app.records.create(
        Partner(
            name=FIXTURE_PARTNER,
            partner_kind="beratungsstelle",
            districts=("kannenstieg", "neustaedter_see"),
            topics=("aufenthalt", "arbeit"),
            languages=("de", "ar"),
        )
    )
    yield app, partner
    app.close()


@pytest.mark.parametrize(("data", "message"), MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_file_is_rejected_and_changes_nothing(
    data: bytes, message: str, shared: tuple[App, Partner], tmp_path: Path
) -> None:
    app, partner = shared
    before = snapshot(app)
    with pytest.raises(RejectedInput) as rejected:
        run(app, write(tmp_path, data))
    assert message in str(rejected.value)
    assert rejected.value.exit_code == 4
    assert snapshot(app) == before
    assert app.records.get(Partner, partner.id) == partner


def test_missing_file_is_rejected(app: App, tmp_path: Path) -> None:
    with pytest.raises(RejectedInput, match="nicht lesen"):
        run(app, tmp_path / "gibt-es-nicht.csv")


# --- regressions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        ["Name", "Art"],
        ["Name", "Art", "Stadtteile", "Themen", "Angebote", "Gesuche", "Sprachen"],
    ],
    ids=["name-and-kind", "lists-without-texts"],
)
def test_new_partner_from_a_file_with_some_columns(
    header: list[str], app: App, tmp_path: Path
) -> None:
    # Regression: absent columns reached validation and the INSERT as None (refused with
    # "Bitte „Stadtteile“ angeben." or a raw IntegrityError).
    row = ["Stadtteiltreff Kannenstieg", "Verein", *([""] * (len(header) - 2))]
    assert run(app, write(tmp_path, csv_bytes([header, row]))).created == 1
    stored = app.records.find_partner_by_name("Stadtteiltreff Kannenstieg")
    assert stored is not None
    assert stored == Partner(id=stored.id, name="Stadtteiltreff Kannenstieg", partner_kind="verein")


def test_reimport_of_a_name_with_umlaut_does_not_duplicate(app: App, tmp_path: Path) -> None:
    # Regression: SQLite's lower() folds ASCII only; the partner was created again.
    row = ["Ökumenisches Zentrum Magdeburg", *ROWS_CODES[0][1:]]
    path = write(tmp_path, csv_bytes([HEADER, row]))
    assert run(app, path).created == 1
    assert run(app, path) == ImportResult(created=0, updated=0, unchanged=1)
    assert app.records.count(Partner) == 1

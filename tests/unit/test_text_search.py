"""The contact text filter through FTS5 (migration 0006): the same answers as fold() LIKE."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import NOW, PASSPHRASE

from vielfalt_desktop import demo
from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import Contact
from vielfalt_desktop.services.app import App
from vielfalt_desktop.store import repository as repo


def contact(note: str = "", **changes: Any) -> Contact:
    values: dict[str, Any] = {
        "date": NOW.date(),
        "district": "kannenstieg",
        "target_group": "drittstaat",
        "topics": ("wohnen",),
        "note": note,
    }
    values.update(changes)
    return Contact(**values)


def like_ids(app: App, text: str) -> set[str]:
    """The filter as it was before the index: every live row tested with fold() LIKE."""
    pattern = f"%{repo._escape_like(repo.fold_text(text))}%"
    sql = (
        "SELECT id FROM contact WHERE deleted = 0 AND (fold(note) LIKE ? ESCAPE '\\' "
        "OR fold(pseudonym) LIKE ? ESCAPE '\\')"
    )
    with app.store.read() as conn:
        return set(conn.exec_driver_sql(sql, (pattern, pattern)).scalars())


def found(app: App, text: str) -> set[str]:
    query = Query(text=text)
    listed = {c.id for c in app.records.page(Contact, query, 0, 100_000)}
    assert app.records.count(Contact, query) == len(listed)
    return listed


def fts_rows(app: App) -> int:
    with app.store.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM contact_fts").scalar_one())


def test_index_answers_like_like_on_demo_data(app: App) -> None:
    demo.fill(app, contacts=300, seed=5)
    with app.store.read() as conn:
        texts = [
            t
            for (t,) in conn.exec_driver_sql(
                "SELECT note FROM contact WHERE note != '' UNION ALL "
                "SELECT pseudonym FROM contact WHERE pseudonym IS NOT NULL"
            )
        ]
    assert len(texts) > 50
    rng = random.Random(7)
    probes = ["wohnung", "WOHNUNG", "  Kita  ", "zzzq", "k-", "%", "_"]
    for text in rng.sample(texts, 60):
        start = rng.randrange(len(text))
        probe = text[start : start + rng.randint(1, 9)]
        probes += [probe, probe.upper(), f" {probe} "]
    for probe in probes:
        assert found(app, probe) == like_ids(app, probe), probe


def test_index_follows_every_write_path(app: App) -> None:
    records = app.records
    first = records.create(contact("Wohnungssuche mit Familie"), accept_findings=True)
    assert found(app, "wohnungs") == {first.id}
    first.note = "Kita-Platz gesucht"
    records.update(first, accept_findings=True)
    assert found(app, "wohnungs") == set()
    assert found(app, "kita-pl") == {first.id}
    many = [contact(f"Sammelnotiz {n}") for n in range(30)]
    assert records.create_many(many, validate=False) == 30
    assert len(found(app, "sammelnotiz")) == 30
    records.delete(Contact, first.id)
    assert found(app, "kita-pl") == set()
    before = fts_rows(app)
    gone = sorted(found(app, "sammelnotiz"))[0]
    with app.store.write() as write:  # a row removed outright leaves the index too
        write.conn.exec_driver_sql("DELETE FROM tag WHERE record_id = ?", (gone,))
        write.conn.exec_driver_sql("DELETE FROM contact WHERE id = ?", (gone,))
    assert fts_rows(app) == before - 1
    assert len(found(app, "sammelnotiz")) == 29
    records.create(contact(""))  # nothing to find: no entry
    assert fts_rows(app) == before - 1


def test_rows_from_a_bundle_are_found_at_the_coordinator(tmp_path: Path) -> None:
    clock = FixedClock(NOW)
    field, _ = App.create(tmp_path / "f", PASSPHRASE, role="field", name="Laptop", clock=clock)
    office, _ = App.create(tmp_path / "o", PASSPHRASE, role="office", name="Büro", clock=clock)
    try:
        for app, name in ((field, "f"), (office, "o")):
            app.sync.export_identity(tmp_path / f"{name}.card")
        field.sync.add_peer(field.sync.read_card(tmp_path / "o.card"))
        office.sync.add_peer(office.sync.read_card(tmp_path / "f.card"))
        sent = field.records.create(contact("Begleitung zur Ausländerbehörde"))
        field.sync.export("Büro", tmp_path / "b.vfb")
        office.sync.import_file(tmp_path / "b.vfb")
        assert found(office, "AUSLÄNDERBEHÖRDE") == {sent.id}
    finally:
        field.close()
        office.close()


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("Große Straße", "STRASSE"),  # casefold: ß is ss
        ("GROSSE STRASSE", "straße"),
        ("Termin   beim\tAmt", "termin beim amt"),  # spaces folded like fold()
        ('Sie sagte "ja" dazu', '"ja"'),  # quotes are text, not FTS syntax
        ("a OR b NEAR c", "or b near"),
        ("Ökumenisches Zentrum", "ökum"),
        ("ab", "ab"),  # shorter than a trigram: LIKE
        ("Übergabe", "ü"),
    ],
)
def test_folding_and_syntax(app: App, note: str, text: str) -> None:
    made = app.records.create(contact(note), accept_findings=True)
    app.records.create(contact("etwas anderes"), accept_findings=True)
    assert found(app, text) == {made.id} == like_ids(app, text)


def test_only_three_or_more_folded_characters_ask_the_index() -> None:
    def sql(text: str) -> str:
        return str(repo._text_condition("contact", text).compile())

    assert "MATCH" in sql("abc")
    assert "MATCH" not in sql(" ab ")
    assert "MATCH" not in sql("ß")  # folds to two characters
    assert "MATCH" not in str(repo._text_condition("partner", "abcdef").compile())

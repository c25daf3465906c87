import itertools
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from tests.conftest import PASSPHRASE

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.services.app import App
from vielfalt_desktop.store import migrate
from vielfalt_desktop.store.database import DataPaths, Store
from vielfalt_desktop.store.engine import open_engine
from vielfalt_desktop.store.models import Base
from vielfalt_desktop.store.vault import KeyFile, params_from_env


def test_migrated_store_matches_the_models(app: App) -> None:
    # The FTS5 contact search (migration 0006) is no model: ignored explicitly, nothing else.
    opts = {"include_name": migrate.include_name}
    with app.store.read() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
        tables = set(inspect(conn).get_table_names())
    assert diff == []
    ignored = {t for t in tables if not migrate.include_name(t, "table", {})}
    assert "contact_fts" in ignored
    assert all(t.startswith("contact_fts") for t in ignored)


def test_upgrade_of_a_0005_store_indexes_existing_contacts(tmp_path: Path) -> None:
    from alembic import command

    paths = DataPaths(tmp_path / "alt")
    paths.root.mkdir()
    _keyfile, data_key, _recovery = KeyFile.create(paths.key, PASSPHRASE, params_from_env())
    engine = open_engine(paths.db, data_key, create=True)
    config = migrate.alembic_config()
    with engine.begin() as conn:  # a store as release 0005 left it, with two contacts
        config.attributes["connection"] = conn
        command.upgrade(config, "0005")
        conn.exec_driver_sql(
            "INSERT INTO meta VALUES ('node_id', 'n'), ('node_name', 'Alt'), ('role', 'field')"
        )
        for number, (note, pseudonym) in enumerate(
            [("Übergabe der WOHNUNG", "K7ABCDE"), ("Straße  und Hof", None)]
        ):
            conn.exec_driver_sql(
                "INSERT INTO contact (id, origin, created_hlc, updated_hlc, deleted, stamps, "
                "rev, date, duration_min, setting, district, target_group, age_band, gender, "
                "languages, interpreter, topics, interests, note, pseudonym) VALUES "
                "(?, 'n', 1, 1, 0, '{}', 1, '2026-01-01', 10, 's', 'd', 't', 'a', 'g', '[]', "
                "'i', '[]', '[]', ?, ?)",
                (f"00000000-0000-4000-8000-00000000000{number}", note, pseudonym),
            )
    engine.dispose()

    store = Store.open(paths, PASSPHRASE)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        with store.read() as conn:

            def found(text: str) -> list[int]:
                sql = "SELECT rowid FROM contact_fts WHERE contact_fts MATCH ? ORDER BY rowid"
                return [r[0] for r in conn.exec_driver_sql(sql, (f'"{text}"',))]

            assert found("wohnung") == [1]
            assert found("strasse und") == [2]  # casefolded, spaces collapsed
            assert found("k7abc") == [1]
            indexes = {i["name"] for i in inspect(conn).get_indexes("intervention")}
            partial = dict(
                conn.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE name IN "
                    "('ix_contact_due_follow_up', 'ix_conflict_open')"
                ).all()
            )
        assert "ix_intervention_live_conflict" in indexes
        # Partial, so the reports' scans of all live rows do not walk them (see models.py).
        assert partial["ix_contact_due_follow_up"].endswith("WHERE follow_up IS NOT NULL")
        assert partial["ix_conflict_open"].endswith("WHERE closed IS NULL")
    finally:
        store.close()


def test_store_is_at_head(app: App) -> None:
    assert migrate.current_revision(app.store.engine) == migrate.head_revision()


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    for newer, older in itertools.pairwise(revisions):
        assert newer.down_revision == older.revision


def test_upgrade_from_an_older_schema_takes_an_encrypted_backup_first(tmp_path: Path) -> None:
    from alembic import command

    paths = DataPaths(tmp_path / "alt")
    paths.root.mkdir()
    _keyfile, data_key, _recovery = KeyFile.create(paths.key, PASSPHRASE, params_from_env())
    engine = open_engine(paths.db, data_key, create=True)
    config = migrate.alembic_config()
    with engine.begin() as conn:  # a store as the first release left it
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.exec_driver_sql(
            "INSERT INTO meta VALUES ('node_id', 'n'), ('node_name', 'Alt'), ('role', 'field')"
        )
    engine.dispose()

    store = Store.open(paths, PASSPHRASE)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
    finally:
        store.close()
    backups = list(paths.backups.iterdir())
    assert len(backups) == 1
    assert backups[0].read_bytes()[:16] != b"SQLite format 3\x00"
    copy = open_engine(backups[0], data_key)
    try:
        assert migrate.current_revision(copy) == "0001"
    finally:
        copy.dispose()


def test_store_at_head_is_not_backed_up_again(app: App, data_dir: Path, clock: FixedClock) -> None:
    app.close()
    again = App.open(data_dir, PASSPHRASE, clock=clock)
    again.close()
    assert not (data_dir / "backups").exists()

import itertools
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from tests.conftest import PASSPHRASE

from vielfalt_desktop.services.app import App
from vielfalt_desktop.store import migrate
from vielfalt_desktop.store.database import DataPaths
from vielfalt_desktop.store.engine import open_engine
from vielfalt_desktop.store.models import Base
from vielfalt_desktop.store.vault import KeyFile


def test_migrated_store_matches_the_models(app: App) -> None:
    with app.store.read() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_store_is_at_head(app: App) -> None:
    assert migrate.current_revision(app.store.engine) == migrate.head_revision()


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    for newer, older in itertools.pairwise(revisions):
        assert newer.down_revision == older.revision


def test_upgrade_from_an_older_schema_takes_an_encrypted_backup_first(
    app: App, data_dir: Path
) -> None:
    app.close()
    paths = DataPaths(data_dir)
    data_key = KeyFile.load(paths.key).unlock(PASSPHRASE)
    engine = open_engine(paths.db, data_key)
    with engine.begin() as conn:
        # Pretend the store was made by a version before the newest migration.
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'older'")
    backup_dir = paths.backups
    try:
        migrate._backup(engine, paths.db, backup_dir, "older")
    finally:
        engine.dispose()
    backups = list(backup_dir.iterdir())
    assert len(backups) == 1
    assert backups[0].read_bytes()[:16] != b"SQLite format 3\x00"
    copy = open_engine(backups[0], data_key)
    try:
        assert migrate.current_revision(copy) == "older"
    finally:
        copy.dispose()

"""Schema upgrades with Alembic, after a backup of the store when there is something to upgrade."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Tables made by migrations alone, not models: the FTS5 contact search (0006) and the shadow
#: tables SQLite keeps for it. Left out when comparing the store with the models.
UNMODELLED_TABLES = ("contact_fts",)


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Alembic's include_name hook: skip the unmodelled tables (autogenerate, comparisons)."""
    if type_ == "table" and name is not None:
        return not any(name == t or name.startswith(f"{t}_") for t in UNMODELLED_TABLES)
    return True


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, db_path: Path, backup_dir: Path) -> Path | None:
    """Bring the store to the newest schema. Returns the backup taken, if any."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup = None
    if current is not None:
        backup = _backup(engine, db_path, backup_dir, current)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return backup


def _backup(engine: Engine, db_path: Path, backup_dir: Path, revision: str) -> Path:
    # The copy is as encrypted as the original: same key, same file format.
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{db_path.stem}-vor-upgrade-{revision}-{stamp}{db_path.suffix}"
    shutil.copy2(db_path, target)
    target.chmod(0o600)
    return target

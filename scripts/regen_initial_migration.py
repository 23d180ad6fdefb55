"""Developer tool (pre-1.0): regenerate the single initial migration from tables.py.

Run after changing bot/adapters/db/tables.py while no release has shipped; once a
release ships, add new migrations instead.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from bot.adapters.db.engine import MIGRATIONS_DIR

VERSIONS = MIGRATIONS_DIR / "versions"


def main() -> None:
    for old in VERSIONS.glob("0001_*.py"):
        old.unlink()
    # Later hand-written migrations (0002_search: full-text objects autogenerate cannot
    # express) revise 0001; set them aside so the revision map holds while 0001 is gone.
    later = [p for p in VERSIONS.glob("0*.py") if not p.name.startswith("0001_")]
    with tempfile.TemporaryDirectory() as aside:
        for path in later:
            shutil.move(path, Path(aside) / path.name)
        try:
            _generate()
        finally:
            for path in later:
                shutil.move(Path(aside) / path.name, path)
    for new in VERSIONS.glob("0001_*.py"):
        print(f"wrote {new}")


def _generate() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'empty.db'}")
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.revision(
                config, message="initial schema", autogenerate=True, rev_id="0001", head="base"
            )


if __name__ == "__main__":
    main()

"""What the bundle must carry besides Python modules: read by zqtracker.spec and by a test.

A bundle without its Alembic migrations cannot open (or create) a database, and one without
resources has no icons or translations; PyInstaller collects neither by itself.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "zqtracker"

# (source folder, destination folder inside the bundle)
DATA_FOLDERS: tuple[tuple[Path, str], ...] = (
    (ROOT / "resources", "zqtracker/resources"),
    (PACKAGE / "storage" / "migrations", "zqtracker/storage/migrations"),
)

# Imported by name at run time (importlib), so the analysis cannot see them.
HIDDEN_IMPORT_PACKAGES: tuple[str, ...] = ("zqtracker", "alembic", "sqlalchemy.dialects.sqlite")

# Libraries whose data files PyInstaller does not collect by itself: OpenCC's conversion tables
# (share/opencc/*.json, *.ocd2), without which traditional characters are not read (domain/hanzi.py).
PACKAGES_WITH_DATA: tuple[str, ...] = ("opencc",)

# Large things nothing in zqtracker uses.
EXCLUDES: tuple[str, ...] = ("tkinter", "matplotlib", "pandas", "IPython", "PyQt5", "PyQt6", "scipy", "pytest")


def data_files() -> list[tuple[str, str]]:
    """(file, destination folder) for every file of the data folders, caches excluded."""
    out: list[tuple[str, str]] = []
    for folder, dest in DATA_FOLDERS:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                rel_parent = path.parent.relative_to(folder)
                out.append((str(path), str(Path(dest) / rel_parent)))
    return out


def version() -> str:
    namespace: dict[str, str] = {}
    exec((PACKAGE / "__init__.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]

"""The house rules of style.md, checked by walking every import in the package."""

from __future__ import annotations

import ast
from pathlib import Path

import zqtracker

PACKAGE = Path(zqtracker.__file__).parent
QT = ("PySide6", "shiboken6", "pyqtgraph")
SQL = ("sqlalchemy", "alembic")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules_under(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py")) if (PACKAGE / sub).exists() else []


def offenders(subs: tuple[str, ...], banned: tuple[str, ...]) -> list[str]:
    found = []
    for sub in subs:
        for path in modules_under(sub):
            for name in imports_of(path):
                if name.split(".")[0] in banned or any(name.startswith(b + ".") or name == b for b in banned):
                    found.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return found


def test_there_are_modules_to_check() -> None:
    assert len(modules_under("domain")) >= 5 and len(modules_under("storage")) >= 5


def test_no_qt_below_ui() -> None:
    assert offenders(("domain", "stats", "storage", "io", "services", "cli"), QT) == []


def test_no_sqlalchemy_outside_storage() -> None:
    subs = tuple(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name not in ("storage", "__pycache__"))
    assert offenders(subs, SQL) == []
    top_level = [p for p in PACKAGE.glob("*.py")]
    assert [str(p.name) for p in top_level if imports_of(p) & set(SQL)] == []


def test_cli_never_imports_ui_and_core_never_imports_upwards() -> None:
    assert offenders(("cli",), ("zqtracker.ui",)) == []
    assert offenders(("charts", "reports"), ("zqtracker.ui", "zqtracker.cli")) == []
    upward = ("zqtracker.services", "zqtracker.ui", "zqtracker.cli", "zqtracker.charts", "zqtracker.reports")
    assert offenders(("domain", "stats", "storage", "io"), upward) == []
    assert offenders(("domain", "stats"), ("zqtracker.storage", "zqtracker.io")) == []


def test_ui_and_cli_reach_storage_only_through_services() -> None:
    """Widgets and commands call use cases; the names they need of storage (the database's errors
    and places, the launch's first page) are handed on by services/database.py and
    services/first_page.py."""
    assert offenders(("ui", "cli", "charts", "reports"), ("zqtracker.storage",)) == []


def test_storage_never_imports_io() -> None:
    """Spreadsheets are read and written above storage: storage gets values, never files to parse."""
    assert offenders(("storage",), ("zqtracker.io",)) == []

"""Starting the app: the first page is on screen before SQLAlchemy is even imported, then the
database opens in the background; a database that cannot be opened leaves a usable window."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from ui_helpers import when_modal

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent(
    """
    import json, sys
    sys.path.insert(0, {root!r})
    from zqtracker.ui.app import launch
    app, window = launch(db={db!r}, lang="en")
    report = {{}}
    def painted():
        report["at_first_paint"] = {{
            "loaded": sorted(m for m in ("sqlalchemy", "alembic", "numpy", "pyqtgraph") if m in sys.modules),
            "rows": window.projects.model.rowCount(),
            "has_context": window.ctx is not None,
            "title": window.windowTitle(),
            "status": window.summary_label.text(),
        }}
    def ready():
        report["when_loaded"] = {{
            "rows": window.projects.model.rowCount(),
            "has_context": window.ctx is not None,
            "loaded": sorted(m for m in ("sqlalchemy", "alembic", "numpy", "pyqtgraph") if m in sys.modules),
            "status": window.summary_label.text(),
            "recent": window.settings.recent_databases(),
        }}
        print(json.dumps(report, ensure_ascii=False), flush=True)
        app.quit()
    window.projects.first_rows_painted.connect(painted)
    window.projects.activity_ready.connect(ready)
    app.exec()
    """
)


def test_first_page_before_sqlalchemy_then_everything(demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, db)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(root=str(ROOT), db=str(db))],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    first = report["at_first_paint"]
    assert first["loaded"] == []  # no SQLAlchemy, Alembic, numpy or pyqtgraph yet
    assert first["rows"] == 200 and not first["has_context"]
    assert first["title"].startswith("demo.sqlite")
    assert first["status"] == "Showing the first 200 of 568 projects — loading the rest…"
    done = report["when_loaded"]
    assert done["rows"] == 568 and done["has_context"]
    assert "alembic" not in done["loaded"] and "pyqtgraph" not in done["loaded"]  # no migration, no charts
    assert done["status"].startswith("568 projects")
    assert done["recent"] == [str(db)]


def test_a_database_that_cannot_be_opened_at_launch(qapp, tmp_path: Path, qtbot, monkeypatch) -> None:
    from zqtracker.ui.app import launch

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    bad = tmp_path / "broken.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # a header and nothing behind it
    messages: list[str] = []

    def answer(box) -> None:
        messages.append(box.text())
        box.accept()

    when_modal(answer, name="error_message")
    _app, window = launch(db=str(bad), lang="en")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    assert str(bad) in messages[0]
    assert window.ctx is None and window.isVisible()
    assert window.windowTitle() == "No database — zqtracker"
    assert window.actions_.open_database.isEnabled() and not window.actions_.new_project.isEnabled()
    assert window.settings.recent_databases() == []


def test_launch_target_rules(tmp_path: Path, monkeypatch, settings) -> None:
    from zqtracker.ui.app import launch_target
    from zqtracker.ui.database_actions import DEMO

    monkeypatch.delenv("ZQTRACKER_DB", raising=False)
    assert launch_target(None, True, settings) == DEMO
    assert launch_target("x.sqlite", False, settings) == "x.sqlite"
    assert launch_target(None, False, settings) == ""  # the default database
    last = tmp_path / "last.sqlite"
    last.write_bytes(b"")
    settings.add_recent_database(str(last))
    assert launch_target(None, False, settings) == str(last)
    last.unlink()
    assert launch_target(None, False, settings) == ""  # gone: the default, no error
    monkeypatch.setenv("ZQTRACKER_DB", str(tmp_path / "env.sqlite"))
    assert launch_target(None, False, settings) == ""  # storage reads the variable

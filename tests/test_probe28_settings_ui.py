"""probe28: a zqtracker.ini that cannot be read — invalid bytes, a broken line, a folder in its place —
made the desktop app open the default SQLite file without a word, where the file named the team's
server. Now the app says which file and what is wrong, and opens the default database only when the
user chooses it (or quits, exit code 2); the file is never written over."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from ui_helpers import when_modal

from zqtracker.ui.app import run_app
from zqtracker.ui.settings import LAST_DATABASE, Settings
from zqtracker.ui.unreadable_settings import may_open_default

SERVER = "postgresql+psycopg://wangfang@server/zqtracker"


def _ini(kind: str) -> Path:
    """The documented file (tests point XDG_CONFIG_HOME at their own folder), damaged as ``kind`` says."""
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "zqtracker" / "zqtracker.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "folder":
        path.mkdir()
        (path / "inside.txt").write_text("x")
    elif kind == "bytes":  # the server's line, then bytes no INI file holds
        path.write_bytes(f"[databases]\nlast={SERVER}\n".encode() + b"\xff\xfe\x00\x81[ui\n")
    else:  # a section header cut off
        path.write_bytes(f"[databases\nlast={SERVER}\n".encode())
    return path


@pytest.fixture
def damaged(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("ZQTRACKER_DB", raising=False)
    path = _ini(request.param)
    yield path
    if path.is_dir():
        (path / "inside.txt").unlink()
        path.rmdir()


def _click(label: str):  # type: ignore[no-untyped-def]
    def click(box) -> None:  # type: ignore[no-untyped-def]
        next(b for b in box.buttons() if b.text() == label).click()

    return click


@pytest.mark.parametrize("damaged", ["folder", "bytes", "syntax"], indirect=True)
def test_a_damaged_ini_is_said_and_quitting_opens_nothing(qapp, damaged: Path) -> None:  # type: ignore[no-untyped-def]
    before = damaged.read_bytes() if damaged.is_file() else None
    seen = when_modal(_click("Quit"), name="unreadable_settings")
    assert run_app(lang="en") == 2
    box = seen[0]
    assert isinstance(box, QMessageBox) and str(damaged) in box.text() and "cannot be read" in box.text()
    assert ("folder is in its place" in box.text()) == (before is None)
    assert "Open the default database" in [b.text() for b in box.buttons()]
    data = Path(os.environ["XDG_DATA_HOME"]) / "zqtracker" / "zqtracker.sqlite"
    assert not data.exists()  # the default database was neither opened nor made
    assert (damaged.read_bytes() if damaged.is_file() else None) == before


@pytest.mark.parametrize("damaged", ["bytes"], indirect=True)
def test_the_default_database_only_when_chosen_and_the_file_kept(qapp, damaged: Path) -> None:  # type: ignore[no-untyped-def]
    before = damaged.read_bytes()
    settings = Settings()
    assert settings.unreadable == "settings_ini_damaged" and settings.damaged_file == str(damaged)
    seen = when_modal(_click("打开默认数据库"), name="unreadable_settings")
    assert may_open_default(settings, None, False, "zh")
    assert "无法读取" in seen[0].text() and "文件已损坏" in seen[0].text()
    settings.add_recent_database("/tmp/elsewhere.sqlite")  # what the session then remembers …
    settings.sync()
    assert damaged.read_bytes() == before  # … is not written over the damaged file (Qt would rewrite it)
    assert Settings().get(LAST_DATABASE) == ""  # nor read back as the file's value


@pytest.mark.parametrize("damaged", ["folder"], indirect=True)
def test_a_database_named_on_the_command_line_needs_no_question(qapp, damaged: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings()
    assert settings.unreadable == "settings_ini_folder"
    assert may_open_default(settings, str(tmp_path / "team.sqlite"), False, "en")  # no box: it would wait here
    assert may_open_default(settings, None, True, "en")

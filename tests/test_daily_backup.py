"""The day's backup copy off the window's opening (issue #16): the desktop window gets its
database at once while the copy runs in the background; the copy is one snapshot while the user
saves; a failure is one sentence in the status bar; closing the window stops the copy and leaves
no ``.part``; an import started meanwhile waits for the copy, then makes its own; the CLI still
copies on the day's first opening. The slow copies are real ones, of a large database."""

from __future__ import annotations

import math
import shutil
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pytest
from faults_helpers import checked_count, damage_pages_of, large_database, run, small_mount

from zqtracker.cli.main import ExitCode
from zqtracker.services import backups
from zqtracker.storage import backups as store
from zqtracker.storage.backup_shelf import BackupInfo, folder_for, list_backups
from zqtracker.ui.settings import LAST_DATABASE

SHOTS = Path("/work/shots/backup")


class Stop(Exception):
    """What the tests' ``check`` raises to stop a copy."""


def _daily(path: Path) -> list[BackupInfo]:
    return [b for b in list_backups(path) if b.reason == "daily"]


def _parts(path: Path) -> list[Path]:
    folder = folder_for(path)
    return sorted(folder.glob(".*.part")) if folder.is_dir() else []


@pytest.fixture(scope="module")
def large_template(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return large_database(demo_template, tmp_path_factory.mktemp("large") / "large.sqlite")


@pytest.fixture
def large(large_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(large_template, tmp_path / "large.sqlite"))


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(demo_template, tmp_path / "demo.sqlite"))


# -- the copy itself (storage) ---------------------------------------------------------------


def _names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM projects ORDER BY id")]
    finally:
        con.close()


def test_a_copy_is_one_snapshot_while_another_connection_saves(demo_file: Path, monkeypatch) -> None:
    """Saves made while the copy runs (between its steps) neither restart nor tear it: the copy is
    the database as it was when the copy began, and the saves are in the database."""
    monkeypatch.setattr(store, "STEP_PAGES", 8)  # many steps in a small database
    before = _names(demo_file)
    steps = []

    def save_meanwhile() -> None:
        steps.append(1)
        if len(steps) in (2, 5):  # a few steps in
            con = sqlite3.connect(demo_file, timeout=5)
            con.execute(
                "UPDATE projects SET name = name || ' (changed)' WHERE id IN (1, (SELECT max(id) FROM projects))"
            )
            con.execute("DELETE FROM investment_records WHERE project_id = 2")
            con.commit()
            con.close()

    copy = store.make_backup(demo_file, "daily", check=save_meanwhile)
    assert len(steps) > 10  # the copy did run in steps, past the saves
    assert _names(copy) == before and checked_count(copy) == len(before)
    after = _names(demo_file)
    assert after[0] == before[0] + " (changed) (changed)" and after[-1].endswith(" (changed) (changed)")


def test_a_stopped_copy_leaves_nothing_and_is_not_called_damage(demo_file: Path, monkeypatch) -> None:
    """Stopped while copying pages, and again while checking them: what ``check`` raised comes
    out (not "damaged"), and neither a copy nor its ``.part`` stays."""
    monkeypatch.setattr(store, "STEP_PAGES", 8)
    projects = checked_count(demo_file)
    con = sqlite3.connect(demo_file)
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    copying = math.ceil(pages / store.STEP_PAGES)  # calls of ``check`` while pages are copied
    for stop_at in (copying // 2, copying + 2):  # half way through the pages; inside the page check
        calls: list[int] = []

        def check(stop_at: int = stop_at, calls: list[int] = calls) -> None:
            calls.append(1)
            if len(calls) == stop_at:
                raise Stop

        with pytest.raises(Stop):
            store.make_backup(demo_file, "daily", check=check)
        assert len(calls) == stop_at
        assert list_backups(demo_file) == [] and _parts(demo_file) == []
    assert checked_count(demo_file) == projects


# -- the desktop window ----------------------------------------------------------------------


def test_the_window_has_its_database_before_the_days_copy_of_a_large_one_ends(
    qapp, large: Path, settings, qtbot
) -> None:
    from zqtracker.ui.app import launch

    started = time.monotonic()
    _app, window = launch(db=str(large), lang="en", settings=settings)
    qtbot.addWidget(window)
    assert window.isVisible() and window.projects.model.rowCount() > 0  # the first page, at once
    seen: dict[str, object] = {}

    def on_opened(*_: object) -> None:  # connected after the window's own slot: runs after it
        seen.update(running=window.daily_backup.running, daily=_daily(large), at=time.monotonic())

    window.database_actions.opened.connect(on_opened)
    with qtbot.waitSignal(window.daily_backup.made, timeout=180_000) as made:
        pass
    done = time.monotonic()
    # The window had its database — editable, titled — while the day's copy still ran.
    assert seen["running"] is True and seen["daily"] == []
    assert window.windowTitle().startswith("large.sqlite") and not window.ctx.database.read_only
    (copy,) = _daily(large)
    assert made.args == [copy.path] and copy.projects() == window.ctx.projects.count()
    assert _parts(large) == []
    print(f"launch → database open {seen['at'] - started:.2f} s, → day's copy made {done - seen['at']:.2f} s")
    window.close()


def test_the_user_saves_while_the_days_copy_waits_its_turn(make_window, demo_file: Path, qtbot) -> None:
    """Another copy holds the turn (as an import's would): the window has the database and saves
    go through; the day's copy follows, with the save in it."""
    window = make_window(None)
    with store.ONE_AT_A_TIME:
        window.database_actions.open_target(str(demo_file), background=False)
        assert window.ctx is not None and window.daily_backup.running
        projects = window.ctx.projects
        projects.update(replace(projects.get(1), name="Saved while the copy waited"))
    with qtbot.waitSignal(window.daily_backup.made, timeout=30_000) as made:
        pass
    (daily,) = _daily(demo_file)
    assert made.args == [daily.path] and not window.daily_backup.running
    con = sqlite3.connect(daily.path)
    assert con.execute("SELECT name FROM projects WHERE id = 1").fetchone() == ("Saved while the copy waited",)
    con.close()


def test_closing_the_window_during_the_copy_stops_it_and_leaves_nothing(make_window, large: Path, qtbot) -> None:
    window = make_window(None)
    before = checked_count(large)
    window.database_actions.open_target(str(large), background=False)
    qtbot.waitUntil(lambda: bool(_parts(large)), timeout=30_000)  # the copy is under way
    (op,) = window.daily_backup._running
    window.close()  # waits for the copy to stop
    assert op.progress.cancelled and not window.daily_backup.running
    assert _parts(large) == [] and _daily(large) == []
    window.ctx.close()
    assert checked_count(large) == before


def test_an_import_started_during_the_days_copy_waits_for_it_then_makes_its_own(
    make_window, large: Path, qtbot
) -> None:
    window = make_window(None)
    window.database_actions.open_target(str(large), background=False)
    qtbot.waitUntil(lambda: bool(_parts(large)), timeout=30_000)
    assert window.daily_backup.running
    own = backups.before(window.ctx.database, "import")  # what an import does first, here on this thread
    (daily,) = _daily(large)  # complete before the import's copy began: never two at once
    (mine,) = [b for b in list_backups(large) if b.reason == "import"]
    assert mine.path == own and daily.made_at < mine.made_at
    window.daily_backup.wait()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_damaged_database_found_by_the_copy_is_said_in_the_status_bar_not_a_dialog(
    make_window, demo_file: Path, qtbot, translations, lang: str
) -> None:
    # Pages no view of the Projects tab reads: only the copy's check of every page meets them.
    damage_pages_of(demo_file, "ix_investment_cube")
    window = make_window(None)
    translations.switch(lang)
    with qtbot.waitSignal(window.daily_backup.failed, timeout=30_000) as failed:
        window.database_actions.open_target(str(demo_file), background=False)
    (sentence,) = failed.args
    assert str(demo_file) in sentence and ("is damaged" if lang == "en" else "已损坏") in sentence
    assert "\n" not in sentence and "Traceback" not in sentence
    assert window.statusBar().currentMessage() == sentence
    warning = window.daily_backup.warning
    assert warning.isVisible() and warning.toolTip() == sentence
    assert warning.text() == "⚠ " + ("No backup copy today" if lang == "en" else "今天未能备份")
    assert window.settings.get(LAST_DATABASE) == ""  # the next start does not open it again
    assert _daily(demo_file) == [] and _parts(demo_file) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / f"daily-backup-failed-{lang}.png"))
    # (no dialog: the dialog guard of make_window fails the test on any unexpected one)


def test_the_backup_mark_follows_a_live_language_switch(make_window, demo_file: Path, qtbot, translations) -> None:
    """View › Language while the ⚠ mark shows: the mark, its sentence and the status bar's message
    are worded again in the new language (they stayed in the old one)."""
    damage_pages_of(demo_file, "ix_investment_cube")
    window = make_window(None)
    translations.switch("en")
    with qtbot.waitSignal(window.daily_backup.failed, timeout=30_000):
        window.database_actions.open_target(str(demo_file), background=False)
    warning = window.daily_backup.warning
    assert warning.text() == "⚠ No backup copy today" and "is damaged" in warning.toolTip()
    translations.switch("zh_CN")
    assert warning.isVisible() and warning.text() == "⚠ 今天未能备份"
    assert "已损坏" in warning.toolTip() and "is damaged" not in warning.toolTip()
    assert str(demo_file) in warning.toolTip()
    assert window.statusBar().currentMessage() == warning.toolTip()
    Path("/work/shots/server").mkdir(parents=True, exist_ok=True)
    window.grab().save("/work/shots/server/daily-backup-failed-switched-to-zh_CN.png")
    translations.switch("en")
    assert warning.text() == "⚠ No backup copy today" and "is damaged" in warning.toolTip()
    assert window.statusBar().currentMessage() == warning.toolTip()
    # Another database: the mark goes, and a later switch does not bring it back.
    window.daily_backup.database_changed(None)
    translations.switch("zh_CN")
    assert not warning.isVisible()


def test_no_room_for_the_days_copy_is_said_in_the_status_bar_and_the_database_stays_open(
    make_window, demo_file: Path, tmp_path: Path, qtbot, monkeypatch
) -> None:
    with small_mount(tmp_path / "full-data", 64) as full:
        if full is None:
            pytest.skip("needs root to mount a small file system")
        monkeypatch.setenv("XDG_DATA_HOME", str(full))  # the backups folder is on a full disk
        window = make_window(None)
        with qtbot.waitSignal(window.daily_backup.failed, timeout=30_000) as failed:
            window.database_actions.open_target(str(demo_file), background=False)
        (sentence,) = failed.args
        assert sentence.startswith(f"Cannot write {full}/") and "-daily.sqlite: the disk holding " in sentence
        assert " is full (" in sentence and "free some space there" in sentence
        assert window.statusBar().currentMessage() == sentence
        assert window.ctx is not None and not window.ctx.database.read_only
        assert window.settings.get(LAST_DATABASE) == str(demo_file)  # a healthy database stays the last
        assert not list(full.rglob("*.part"))
        window.close()
        window.ctx.close()


# -- the CLI keeps its behaviour -------------------------------------------------------------


def test_the_cli_copies_on_the_days_first_opening_once(demo_file: Path) -> None:
    projects = checked_count(demo_file)
    code, _out, err = run("--db", str(demo_file), "list", "--json")
    assert code == ExitCode.OK, err
    (daily,) = _daily(demo_file)
    assert daily.projects() == projects
    code, _out, err = run("--db", str(demo_file), "summary")
    assert code == ExitCode.OK and _daily(demo_file) == [daily], err

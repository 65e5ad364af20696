"""An import in the desktop's import dialog that leaves a SQLite database's disk full (fix36, ea140dd): the
import commits — its log (-wal) fits on the disk — but there is no room to copy the log into the file. The
dialog says its counts as always and then the warning, naming the folder and the space needed, as the
command line says it on stderr (test_faults_full_log.py); once space is freed every row is there. Made for
real on a small tmpfs (root only; skipped elsewhere). Real widgets, a real CSV list (SQLite)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from faults_helpers import checked_count, import_growth, leave_room_for_log, small_mount
from PySide6.QtGui import QUndoStack
from test_faults_full_log import ROWS, _list
from test_import_dialog import wait_idle

from zqtracker.services.context import AppContext
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog

pytestmark = pytest.mark.engine("sqlite")  # (a server has no log beside a file to fill a disk with)

WORDS = {
    "en": ("Imported: 3000 new", "Saved — but the disk holding {folder} is now full (", "Free some space there"),
    "zh": (
        "导入完成：新增 3000 个",
        "已保存——但“{folder}”所在的磁盘现已满（",
        "请在下次更改之前在该磁盘上释放一些空间",
    ),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_import_dialog_says_the_disk_it_left_full_after_its_counts(
    qtbot, translations, sqlite_empty_template: Path, tmp_path: Path, artifacts: Path, lang: str
) -> None:
    counts, full, remedy = WORDS[lang]
    translations.switch("zh_CN" if lang == "zh" else "en")
    book = _list(tmp_path / "list.csv", 0, ROWS)
    grown = import_growth(sqlite_empty_template, book, tmp_path)  # what the copy into the file takes
    with small_mount(tmp_path / "small", 16 * 1024) as small:
        if small is None:
            pytest.skip("needs root to mount a small file system")
        path = small / "full.sqlite"
        shutil.copy(sqlite_empty_template, path)
        ctx = AppContext.open(path, daily_backup=False)
        try:
            dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, book, lang=lang)
            qtbot.addWidget(dialog)
            dialog.remember_check.setChecked(False)
            dialog.resize(1342, 736)  # as the app opens it on a 1366×768 screen
            dialog.show()
            wait_idle(qtbot, dialog)
            leave_room_for_log(small, grown)  # room for the log, not for the copy too
            dialog.import_button.click()
            qtbot.waitUntil(lambda: dialog.import_result is not None and not dialog.is_busy(), timeout=60_000)
            assert dialog.import_result.written and dialog.import_result.added == ROWS  # it stands …
            label = dialog.problem_list.counts_label
            said = label.text()
            assert label.isVisible() and said.startswith(counts), said  # … its counts first, then the warning
            assert said.index(full.format(folder=small)) > said.index(counts) and remedy in said, said
            assert f"{path}-wal" in said and said.count(str(small)) >= 3, said  # the folder, the log, the file
            assert label.height() >= label.heightForWidth(label.width()), "the warning is cut off"  # all of it seen
            dialog.grab().save(str(artifacts / f"import-dialog-full-log-{lang}.png"))
        finally:
            ctx.close()
        (small / "filler").unlink()  # space freed
        assert checked_count(path) == ROWS  # every row, the file whole

"""An import that fills a SQLite database's disk with its log says so, and stands (fix36).

A write goes to the -wal first; copying it into the database file (the checkpoint: at the commit, on
a thread of its own after a bulk write, or at the close) needs room for the pages the file gains. On a
disk the import itself filled that copy failed without a word — SQLite ignores it in a commit and a
close — so the import said only that it was done, and the next one was refused as "disk full". The
data is safe in the log; the user must free space before the next change. Made for real: a small tmpfs
(root only; skipped elsewhere), filled to leave room for the log and not for the copy.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from faults_helpers import checked_count, import_growth, leave_room_for_log, run, small_mount

from zqtracker.cli.console import ExitCode

pytestmark = pytest.mark.engine("sqlite")  # (a server has no log beside a file to fill a disk with)

ROWS = 3000  # about 4 MB of log: under a bulk write's 20,000 rows, so the commit's own checkpoint fails too


def _list(path: Path, first: int, count: int, name: str = "日志测试项目{i}" + "说明" * 30) -> Path:
    lines = ["项目编号,项目名称,所属行业,所在区域,计划总投资（万元）"]
    lines += [f"LOG-{i:06d},{name.format(i=i)},新型储能,端州区,{100 + i % 900}" for i in range(first, count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_import_that_leaves_the_disk_full_says_so_and_its_data_stays(
    sqlite_empty_template: Path, tmp_path: Path
) -> None:
    book = _list(tmp_path / "list.csv", 0, ROWS)
    grown = import_growth(sqlite_empty_template, book, tmp_path)  # what the copy into the file takes
    with small_mount(tmp_path / "small", 16 * 1024) as small:
        if small is None:
            pytest.skip("needs root to mount a small file system")
        path = small / "full.sqlite"
        shutil.copy(sqlite_empty_template, path)
        leave_room_for_log(small, grown)  # room for the log, not for the copy too
        code, out, err = run("--db", str(path), "--lang", "en", "import", str(book), "--json")
        assert code == ExitCode.OK, err
        report = json.loads(out)
        assert report["written"] and report["added"] == ROWS  # it stands …
        (said,) = report["warnings"]  # … and says what the disk now needs
        assert err == f"zqtracker: {said}\n"
        assert said.startswith(f"Saved — but the disk holding {small} is now full (") and " KB free, about " in said
        assert f"the change is kept in {path}-wal and could not be copied into {path}. Free some space there " in said
        assert Path(f"{path}-wal").stat().st_size > grown  # (the log is there, not copied)
        zh = run(
            "--db", str(path), "--lang", "zh", "import", str(_list(tmp_path / "b.csv", ROWS, ROWS + 1, "封开水泥厂"))
        )
        assert zh[0] == ExitCode.REFUSED and "磁盘已满" in zh[2], zh  # what it said: the next change is refused
        (small / "filler").unlink()  # space freed
        assert checked_count(path) == ROWS  # every row, the file whole
        code, out, err = run(
            "--db", str(path), "import", str(_list(tmp_path / "c.csv", ROWS, ROWS + 2, "德庆码头{i}期")), "--json"
        )
        assert code == ExitCode.OK and json.loads(out)["added"] == 2 and json.loads(out)["warnings"] == [], err
        assert err == ""
        assert checked_count(path) == ROWS + 2


def test_an_import_with_room_to_spare_says_nothing_more(sqlite_empty_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "roomy.sqlite"
    shutil.copy(sqlite_empty_template, path)
    code, out, err = run("--db", str(path), "import", str(_list(tmp_path / "list.csv", 0, 50)), "--json")
    assert code == ExitCode.OK and json.loads(out)["warnings"] == [] and err == ""

"""A disk filled by a large import's log is said to be full, not a damaged disk to check (fix29d).

SQLite writes a transaction's pages to the -wal first, then grows the -shm beside it (32 KB more for
every 4,096 pages of log). When the log fits and the -shm does not, SQLite says "disk I/O error"
(SQLITE_IOERR_SHMSIZE), not "disk is full". That was told apart by the space left — measured only
once the command had closed the database, when SQLite had deleted the grown log again: a disk on which
a 24 MB import failed read 23.6 MB free, over the 1 MB taken for "nearly full", and the user was sent to
check the disk and run `db check`. Made for real: a small tmpfs (root only; skipped elsewhere) filled
to leave room for the import's log and not for the -shm's second 32 KB.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from faults_helpers import digest, run, small_mount
from import_files import SheetSpec, write_workbook
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool

from zqtracker.cli.console import ExitCode

ROWS = 24_000  # about 20 MB of log: past the 4,096 pages (16 MB) of the -shm's first 32 KB
SHM = 64 * 1024  # the -shm of a log of 4,097 to 8,192 pages: two 32 KB regions
PAGE = 4096  # tmpfs counts whole pages


def _large_book(tmp_path: Path) -> Path:
    rows = [["四会市2025年重点项目表"], ["项目名称", "所在区域", "计划总投资（万元）", "项目状态", "备注"]]
    rows += [[f"四会项目{i}", "四会市", 100 + i, "在建", "说明" * 40] for i in range(ROWS)]
    return write_workbook(tmp_path / "sihui.xlsx", SheetSpec("Sheet1", rows))


def _log_size(demo_template: Path, book: Path, folder: Path) -> int:
    """Bytes of -wal the import of ``book`` into a copy of the demo grows (on a roomy disk): its size
    when the import's connection is given back, first past 16 MB."""
    folder.mkdir()
    path = folder / "roomy.sqlite"
    shutil.copy(demo_template, path)
    wal = Path(f"{path}-wal")
    sizes: list[int] = []

    def given_back(_dbapi: object, _record: object) -> None:
        if wal.exists():
            sizes.append(wal.stat().st_size)

    event.listen(Pool, "checkin", given_back)
    try:
        code, out, err = run("--db", str(path), "import", str(book))
    finally:
        event.remove(Pool, "checkin", given_back)
    assert code == ExitCode.OK and f"{ROWS} added" in out, err
    large = [s for s in sizes if s > 4096 * (PAGE + 24)]
    assert large, sizes  # the log did pass the -shm's first region
    return large[0]


def test_a_disk_the_log_fills_is_said_full_not_an_io_error(demo_template: Path, tmp_path: Path) -> None:
    book = _large_book(tmp_path)
    log = _log_size(demo_template, book, tmp_path / "roomy")
    needed = -(-log // PAGE) * PAGE + SHM  # the log in whole pages, and the -shm (created, then grown)
    with small_mount(tmp_path / "small", 64 * 1024) as small:
        if small is None:
            pytest.skip("needs root to mount a small file system")
        path = small / "full.sqlite"
        shutil.copy(demo_template, path)
        with (small / "filler").open("wb") as fh:  # room for the log and half of the -shm's second 32 KB
            fh.write(b"\0" * (shutil.disk_usage(small).free - (needed - 16 * 1024)))
        before = digest(path)
        said: list[str | None] = []

        def failed(context) -> None:  # type: ignore[no-untyped-def]
            said.append(getattr(context.original_exception, "sqlite_errorname", None))

        event.listen(Engine, "handle_error", failed)
        try:
            code, out, err = run("--db", str(path), "import", str(book))
        finally:
            event.remove(Engine, "handle_error", failed)
        assert said == ["SQLITE_IOERR_SHMSIZE"], (said, err)  # the case itself: the log fitted, the -shm did not
        assert shutil.disk_usage(small).free > 1 << 20  # the log deleted again: over 1 MB free once closed
        assert code == ExitCode.REFUSED and out == "", err
        # 0 KB: what was left as the write failed (the -shm had taken the last of the 16 KB)
        assert err.strip() == (
            f"zqtracker: The disk holding {path} is full (0 KB free); nothing was changed — "
            "free some space and try again."
        )
        assert digest(path) == before  # nothing written …
        assert sorted(p.name for p in small.iterdir()) == ["filler", "full.sqlite"]  # … nor left beside it
        con = sqlite3.connect(path)
        try:
            assert con.execute("SELECT count(*) FROM projects WHERE name LIKE '四会项目%'").fetchone() == (0,)
        finally:
            con.close()

"""Making real damage for the fault tests: damaged pages, locks, read-only and full mounts."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from zqtracker.cli.main import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def checkpoint(path: Path) -> None:
    """Everything in the main file (no -wal), as a copied or damaged file would be."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def damage_middle_pages(path: Path, pages: int = 5) -> None:
    """Overwrite a few pages a third of the way in with garbage, header and schema intact."""
    checkpoint(path)
    page_size = 4096
    n = path.stat().st_size // page_size
    with path.open("r+b") as fh:
        for page in range(n // 3, n // 3 + pages):
            fh.seek(page * page_size + 100)
            fh.write(b"\xff" * 3000)


def digest(path: Path) -> bytes:
    import hashlib

    return hashlib.sha256(path.read_bytes()).digest()


@contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Another program holds an EXCLUSIVE lock (rollback-journal mode, as a sync tool might)."""
    checkpoint(path)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        con.execute("ROLLBACK")
        con.close()


def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@contextmanager
def small_mount(folder: Path, size_kb: int) -> Iterator[Path | None]:
    """A tmpfs of ``size_kb`` at ``folder`` (root only); None where mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _can_mount():
        yield None
        return
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)],
                          capture_output=True, check=False)  # fmt: skip
    if done.returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def remount_read_only(folder: Path) -> bool:
    done = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True, check=False)
    return done.returncode == 0

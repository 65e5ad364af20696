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


def checked_count(path: Path) -> int:
    """The projects of a SQLite file that passes SQLite's own check of every page."""
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return int(con.execute("SELECT count(*) FROM projects").fetchone()[0])
    finally:
        con.close()


def import_growth(template: Path, book: Path, folder: Path) -> int:
    """How many bytes importing ``book`` adds to a copy of the empty database ``template`` (on a roomy disk,
    in ``folder``): what copying its log into the file takes."""
    roomy = folder / "roomy.sqlite"
    shutil.copy(template, roomy)
    assert run("--db", str(roomy), "import", str(book))[0] == 0
    return roomy.stat().st_size - template.stat().st_size


def leave_room_for_log(folder: Path, growth: int) -> None:
    """Fills the small disk of ``folder`` so that an import growing a file by ``growth`` bytes has room for
    its log (and the -shm), not for copying the log into the file too."""
    with (folder / "filler").open("wb") as fh:
        fh.write(b"\0" * (shutil.disk_usage(folder).free - (growth * 11 // 10 + 64 * 1024)))


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
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)], capture_output=True, check=False
    )
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


def damage_schema_page(path: Path) -> None:
    """Overwrite the first page after the file header (the schema's root): damage that opening
    itself meets, before any backup copy is made."""
    checkpoint(path)
    with path.open("r+b") as fh:
        fh.seek(100)
        fh.write(b"\xff" * 3000)


def large_database(template: Path, path: Path, copies: int = 9, note_bytes: int = 12_000) -> Path:
    """A copy of ``template`` grown to ``copies`` + 1 × its projects, each with ``note_bytes`` of
    notes (the demo's ~570 projects: ~70 MB): a database whose backup copy takes a good part of a
    second or more, as 100,000 real projects take seconds."""
    shutil.copy(template, path)
    con = sqlite3.connect(path)
    columns = [r[1] for r in con.execute("PRAGMA table_info(projects)")]
    values = {
        "id": "id + {offset}",
        "code": "NULL",
        "name": "name || ' ({n})'",
        "notes": f"printf('%.{note_bytes}c', 'n')",
    }
    for n in range(1, copies + 1):
        select = ", ".join(values.get(c, c).format(offset=n * 1_000_000, n=n) for c in columns)
        con.execute(f"INSERT INTO projects ({', '.join(columns)}) SELECT {select} FROM projects WHERE id < 1000000")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


def damage_pages_of(path: Path, name: str) -> None:
    """Overwrite the pages of one table or index (its root page kept) with garbage: damage that
    only what reads that object — or checks every page — meets."""
    checkpoint(path)
    con = sqlite3.connect(path)
    pages = [
        r[0]
        for r in con.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pageno != "
            "(SELECT rootpage FROM sqlite_master WHERE name = ?)",
            (name, name),
        )
    ]
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    assert pages, f"{name} has no pages but its root"
    with path.open("r+b") as fh:
        for page in pages:
            fh.seek((page - 1) * page_size)
            fh.write(b"\xff" * page_size)

"""Where backup copies live and what they are called: one folder per database in the user data
folder (its stem and a hash of its absolute path — or of its server, port and name — so that two
files named alike never share one), each copy named by the microsecond it was made and why
(``20261203-101502-123456-import.sqlite``) and taken with a no-clobber link; listing them, keeping
the newest N (the Preference), and removing what killed copies left (their ``.part`` files).

Making a copy is storage/backups.py.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL

from zqtracker.storage.locations import default_data_dir
from zqtracker.storage.part_files import part_path, remove_stale
from zqtracker.storage.sqlite_file import connect_read_only

DEFAULT_KEEP = 10
MIN_KEEP, MAX_KEEP = 1, 1000
SOURCE_FILE = "source.txt"  # in each folder: the database the copies are of
SETTINGS_FILE = "settings.json"  # in backups/: {"keep": N}, shared by the app and the CLI
_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9_-]+?)(?:-(?P<n>\d+))?\.sqlite$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    made_at: datetime
    reason: str
    size: int
    made_by: str | None = None  # the account whose own folder it is in (copies kept apart by user name)

    def projects(self) -> int | None:
        """How many projects the copy holds (None when it cannot be read)."""
        try:
            con = connect_read_only(self.path, timeout=1)
        except sqlite3.Error:
            return None
        try:
            return int(con.execute("SELECT count(*) FROM projects").fetchone()[0])
        except sqlite3.Error:
            return None
        finally:
            con.close()

    def to_json(self) -> dict:
        return {
            "file": str(self.path),
            "made_at": self.made_at.isoformat(timespec="seconds"),
            "reason": self.reason,
            "bytes": self.size,
            "projects": self.projects(),
            "made_by": self.made_by,
        }


def backups_root() -> Path:
    return default_data_dir() / "backups"


def folder_for(source: Path | URL, root: Path | None = None) -> Path:
    """The folder of one database's copies: its stem (readable) and a hash of its absolute path
    (unique); for a server database, of its server, port and name (whoever connects)."""
    if isinstance(source, URL):  # see server_source: a user name only for a district account's copies
        user = f"{source.username}@" if source.username else ""
        absolute = f"postgresql://{user}{source.host or ''}:{source.port or ''}/{source.database or ''}"
        raw_stem = f"server-{source.host or 'local'}-{source.database or ''}" + (
            f"-{source.username}" if source.username else ""
        )
    else:
        absolute = str(source.expanduser().absolute())
        raw_stem = source.stem
    digest = hashlib.sha256(absolute.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    stem = re.sub(r"[^\w.-]+", "_", raw_stem)[:40] or "database"
    return (root or backups_root()) / f"{stem}-{digest}"


def keep_count(root: Path | None = None) -> int:
    """How many copies of each database are kept (the Preference; default 10)."""
    try:
        data = json.loads(((root or backups_root()) / SETTINGS_FILE).read_text(encoding="utf-8"))
        return min(max(int(data["keep"]), MIN_KEEP), MAX_KEEP)
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_KEEP


def set_keep_count(n: int, root: Path | None = None) -> int:
    n = min(max(int(n), MIN_KEEP), MAX_KEEP)
    folder = root or backups_root()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = part_path(folder, SETTINGS_FILE)
    tmp.write_text(json.dumps({"keep": n}), encoding="utf-8")
    os.replace(tmp, folder / SETTINGS_FILE)
    return n


def take_name(tmp: Path, folder: Path, base: str) -> Path:
    """Give ``tmp`` the first free name ``base[-n].sqlite`` without ever replacing a file."""
    for n in range(1, 1000):
        final = folder / (f"{base}.sqlite" if n == 1 else f"{base}-{n}.sqlite")
        try:
            os.link(tmp, final)
        except FileExistsError:
            continue
        except OSError as exc:  # a file system without hard links: claim the name, then move in
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            try:
                os.close(os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                continue
            os.replace(tmp, final)
            return final
        tmp.unlink()
        return final
    raise FileExistsError(f"no free backup name for {base} in {folder}")


def write_source_note(folder: Path, source: Path | URL) -> None:
    note = folder / SOURCE_FILE
    if not note.exists():
        shown = (
            source.set(password=None).render_as_string(hide_password=True)
            if isinstance(source, URL)
            else str(source.expanduser().absolute())
        )
        note.write_text(shown + "\n", encoding="utf-8")


def unlink_quietly(path: Path | None) -> None:
    """A copy given up, with what SQLite wrote beside it: a copy that failed on a full disk left its
    ``-journal`` (probe27a o03)."""
    if path is not None:
        for each in (path, *(path.with_name(path.name + side) for side in ("-journal", "-wal", "-shm"))):
            try:
                each.unlink(missing_ok=True)
            except OSError:
                pass


def list_backups(source: Path | URL, root: Path | None = None, *, made_by: str | None = None) -> list[BackupInfo]:
    """The copies of ``source``, newest first (``made_by``: marked as that account's)."""
    folder = folder_for(source, root)
    found: list[BackupInfo] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        m = _NAME.match(entry.name)
        if not m or not entry.is_file():
            continue
        try:
            made = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S-%f")
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupInfo(Path(entry.path), made, m["reason"], size, made_by))
    found.sort(key=lambda b: (b.made_at, b.path.name), reverse=True)
    return found


def earlier_folders(source: URL, root: Path | None = None) -> dict[str, Path]:
    """The folders other accounts' copies of the server database ``source`` were kept in under their
    user names (user name → folder): every account's, before copies of the whole database were kept
    by server and database alone (a district account's still are). Found by the note in each
    folder (SOURCE_FILE) naming the same server, port and database with a user, and by the folder's
    name being the one folder_for gives that URL; only read, never written."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    base = root or backups_root()
    found: dict[str, Path] = {}
    try:
        folders = [Path(e.path) for e in os.scandir(base) if e.name.startswith("server-") and e.is_dir()]
    except OSError:
        return found
    for folder in folders:
        try:
            url = make_url((folder / SOURCE_FILE).read_text(encoding="utf-8").strip())
        except (OSError, ValueError, ArgumentError):
            continue
        same = (url.host, url.port, url.database) == (source.host, source.port, source.database)
        if same and url.username and url.username != source.username and folder_for(url, base) == folder:
            found[url.username] = folder
    return found


def rotate(
    source: Path | URL, keep: int, *, root: Path | None = None, protect: set[Path] | frozenset[Path] = frozenset()
) -> list[Path]:
    """Delete the oldest copies beyond the newest ``keep`` (never one in ``protect``)."""
    removed = []
    for info in list_backups(source, root)[max(keep, MIN_KEEP) :]:
        if info.path in protect:
            continue
        try:
            info.path.unlink()
            removed.append(info.path)
        except OSError:
            pass
    return removed


def made_today(source: Path | URL, reason: str = "daily", root: Path | None = None) -> bool:
    today = datetime.now().date()
    return any(b.reason == reason and b.made_at.date() == today for b in list_backups(source, root))


def remove_leftovers(root: Path | None = None) -> list[Path]:
    """Delete what copies killed half way left in the backups folders (storage/part_files.py)."""
    base = root or backups_root()
    try:
        folders = [Path(e.path) for e in os.scandir(base) if e.is_dir()] + [base]
    except OSError:
        return []
    return [path for folder in folders for path in remove_stale(folder)]

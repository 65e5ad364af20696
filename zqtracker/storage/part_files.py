"""The hidden files a copy is written into before it gets its name, and removing those a killed
copy left.

A copy (a backup in the backups folder, ``db backup FILE``, a restore's or a salvage's new file) is
written into ``.<name>.<pid>-<host>.part`` beside where it goes — SQLite adds ``-wal``, ``-shm`` or
``-journal`` beside that while it writes — and renamed when complete. A process killed half way
(``kill -9``, a power cut) cannot delete them; the next copy to the same place, and every start of
the program for the backups folder, does: only files of exactly this pattern, and only when the
process that wrote them is gone. Whether it is gone can be asked of this computer alone, so the name
carries the computer (a hash of its host name: a folder on a shared drive may hold a colleague's
copy in the making); a file of another computer, or of a version that did not name it (``.<name>.
<pid>.part``), goes only when untouched for a day — no copy takes that long.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import socket
import time
from pathlib import Path

from zqtracker.processes import alive

log = logging.getLogger(__name__)

UNTOUCHED_FOR = 24 * 3600  # seconds: a file whose writer cannot be asked about is stale after this
# the part file itself, or what SQLite writes beside it while it is written
_PART = re.compile(r"^\.(?P<base>.+)\.(?P<pid>\d+)(?:-(?P<host>[0-9a-f]{8}))?\.part(?P<side>-journal|-wal|-shm)?$")


def this_host() -> str:
    return hashlib.sha256(socket.gethostname().encode("utf-8", "surrogateescape")).hexdigest()[:8]


def part_path(folder: Path, base: str) -> Path:
    """Where this process writes a copy that will be ``folder / base`` (or a name based on it)."""
    return folder / f".{base}.{os.getpid()}-{this_host()}.part"


def remove_stale(folder: Path, base: str | None = None) -> list[Path]:
    """Delete the part files in ``folder`` (of copies to ``base`` only, when given) whose writer is
    gone, with what SQLite wrote beside them; the paths removed. Never raises: a file that cannot be
    read or deleted stays, and the copy being made goes on."""
    try:
        names = [e.name for e in os.scandir(folder) if e.name.startswith(".") and ".part" in e.name]
    except OSError:
        return []
    groups: dict[tuple[str, int, str | None], list[Path]] = {}
    for name in names:
        m = _PART.match(name)
        if m is None or (base is not None and m["base"] != base):
            continue
        groups.setdefault((m["base"], int(m["pid"]), m["host"]), []).append(folder / name)
    removed: list[Path] = []
    for (_, pid, host), paths in groups.items():
        if not _writer_gone(pid, host, paths):
            continue
        for path in paths:
            try:
                path.unlink()
                removed.append(path)
            except FileNotFoundError:
                pass
            except OSError:
                log.debug("could not remove %s", path, exc_info=True)
    if removed:
        log.info("removed what killed copies left: %s", ", ".join(str(p) for p in removed))
    return removed


def _writer_gone(pid: int, host: str | None, paths: list[Path]) -> bool:
    if host == this_host():
        return pid != os.getpid() and not alive(pid)
    try:  # another computer's, or unnamed: by age alone
        newest = max(p.stat().st_mtime for p in paths)
    except OSError:
        return False
    return time.time() - newest > UNTOUCHED_FOR

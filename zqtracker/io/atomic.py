"""Write a file under a temporary name in its folder, then rename it into place.

A failed or cancelled export must never leave a half-written workbook under the name the user
chose (nor destroy the previous file of that name): the workbook is written to a hidden sibling
and ``os.replace``-d over the target only once it is complete. The rename is atomic on one file
system, which a sibling in the same folder guarantees.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_target(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a fresh temporary path beside ``target``; rename it over ``target`` when the block
    ends normally, delete it when the block raises (Cancelled included)."""
    target = Path(target)
    tmp = _reserve(target)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise


def _reserve(target: Path) -> Path:
    """Create an empty, exclusively named file beside ``target`` with the user's usual permissions
    (mode 0666 less the umask — unlike mkstemp's 0600, so the renamed file is an ordinary file)."""
    for _ in range(100):
        tmp = target.with_name(f".~{target.stem[:64]}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(f"no free temporary name beside {target}")

"""Write a file under a temporary name in its folder, then rename it into place.

A failed or cancelled export must never leave a half-written workbook under the name the user
chose (nor destroy the previous file of that name): the workbook is written to a hidden sibling
and ``os.replace``-d over the target only once it is complete. The rename is atomic on one file
system, which a sibling in the same folder guarantees.

A process killed half way cannot delete its temporary file, so each one is noted in a small
journal (``tmp/`` in the user data folder, one note per file, named with the process id) and
the next run removes those of processes that are gone (:func:`remove_leftovers`). Scratch
folders for a writer's own temporary files (XlsxWriter's) live there too: :func:`scratch_folder`.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from zqtracker.processes import alive

NOTE_SUFFIX = ".pending"


@contextmanager
def atomic_target(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a fresh temporary path beside ``target``; rename it over ``target`` when the block
    ends normally, delete it when the block raises (Cancelled included)."""
    target = Path(target)
    tmp, note = _reserve(target)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    finally:
        _unnote(note)


def _reserve(target: Path) -> tuple[Path, Path | None]:
    """Create an empty, exclusively named file beside ``target`` with the user's usual permissions
    (mode 0666 less the umask — unlike mkstemp's 0600, so the renamed file is an ordinary file).
    The name is noted in the journal before the file exists, so a kill at any moment leaves
    nothing the next start does not know of."""
    for _ in range(100):
        tmp = target.with_name(f".~{target.stem[:64]}.{secrets.token_hex(4)}.tmp")
        note = _note(tmp)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            _unnote(note)
            continue
        except BaseException:
            _unnote(note)
            raise
        os.close(fd)
        return tmp, note
    raise FileExistsError(f"no free temporary name beside {target}")


def journal_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("zqtracker", appauthor=False)) / "tmp"


def _note(tmp: Path) -> Path | None:
    """Write down ``tmp`` so that the next run can remove it if this process is killed. Best
    effort: an unwritable data folder must not stop an export."""
    try:
        folder = journal_dir()
        folder.mkdir(parents=True, exist_ok=True)
        note = folder / f"{os.getpid()}-{secrets.token_hex(4)}{NOTE_SUFFIX}"
        note.write_text(str(tmp.absolute()), encoding="utf-8")
        return note
    except OSError:
        return None


def _unnote(note: Path | None) -> None:
    if note is not None:
        try:
            note.unlink(missing_ok=True)
        except OSError:
            pass


@contextmanager
def scratch_folder() -> Iterator[Path]:
    """A private folder for a writer's temporary files (XlsxWriter's constant-memory rows and
    zip parts), removed with everything in it when the block ends — also when the writer failed
    half way, say on a full disk, where XlsxWriter itself leaves its files behind."""
    folder = journal_dir() / f"{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir(parents=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_leftovers() -> list[Path]:
    """Remove what processes that are gone left behind: their noted temporary files beside
    export targets, and their scratch folders."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(journal_dir()))
    except OSError:
        return removed
    for entry in entries:
        pid_text = entry.name.split("-", 1)[0]
        if not pid_text.isdigit() or alive(int(pid_text)):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            elif entry.name.endswith(NOTE_SUFFIX):
                tmp = Path(path.read_text(encoding="utf-8").strip())
                if tmp.name.startswith(".~") and tmp.name.endswith(".tmp"):
                    tmp.unlink(missing_ok=True)
                    removed.append(tmp)
                path.unlink()
            else:
                continue
        except OSError:
            continue
        removed.append(path)
    return removed

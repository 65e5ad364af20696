"""An export onto a full disk says one sentence (probe40f): xlsxwriter left its zip file open when a write into it
failed, and the zip's clean-up at garbage collection wrote to the full disk again and printed Python's
"Exception ignored in ZipFile.__del__" traceback after our "Cannot write … No space left on device". A real
full disk: a 1 MB tmpfs, filled (needs root to mount it; skipped elsewhere). The command line in its own
process, as a user runs it, on the demo database of each engine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "full"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], check=False).returncode:
        pytest.skip("this machine lets no tmpfs be mounted here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_an_export_onto_a_full_disk_is_one_sentence_and_leaves_the_old_file(demo_url: str, full_disk: Path) -> None:
    (full_disk / "x.xlsx").write_bytes(b"the old export")
    with open(full_disk / "filler", "wb", buffering=0) as fh, pytest.raises(OSError):  # every block taken
        while True:
            fh.write(b"\0" * 65536)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "zqtracker", "--db", demo_url, "--lang", "en", "export", str(full_disk / "x.xlsx")],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "No space left on device" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert "Exception ignored" not in done.stderr, done.stderr
    assert (full_disk / "x.xlsx").read_bytes() == b"the old export"
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "x.xlsx"]  # no temporary file left

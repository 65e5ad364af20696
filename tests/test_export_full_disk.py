"""An export onto a full disk says one sentence (probe40f): xlsxwriter left its zip file open when a write into it
failed, and the zip's clean-up at garbage collection wrote to the full disk again and printed Python's
"Exception ignored in ZipFile.__del__" traceback after our "Cannot write … No space left on device". A real
full disk: a 1 MB tmpfs, filled (needs root to mount it; skipped elsewhere). The command line in its own
process, as a user runs it, on the demo database of each engine."""

from __future__ import annotations

import os
import re
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
    said = f"Cannot write {full_disk / 'x.xlsx'}: the disk holding {full_disk} is full (0 KB free); nothing was written"
    assert said in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert "Exception ignored" not in done.stderr, done.stderr
    assert (full_disk / "x.xlsx").read_bytes() == b"the old export"
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "x.xlsx"]  # no temporary file left


def test_an_export_a_report_and_a_backup_say_a_full_disk_in_one_sentence(
    demo_url: str, engine_name: str, full_disk: Path
) -> None:
    """fix36: the three said it three ways — the system's "No space left on device", "cannot write …: the disk
    is full; nothing was written", "No backup of … could be made in … (disk full)". Now one sentence of one
    catalogue (domain/full_disk_messages.py), naming the file, the folder and what is free (and, where it is
    known, what the file needs), in either language."""
    from faults_helpers import run

    with open(full_disk / "filler", "wb", buffering=0) as fh, pytest.raises(OSError):
        while True:
            fh.write(b"\0" * 65536)
    said: dict[str, str] = {}
    for lang in ("en", "zh"):
        for name, command in (("x.xlsx", "export"), ("x.pdf", "report"), ("b.sqlite", "db backup")):
            code, out, err = run("--db", demo_url, "--lang", lang, *command.split(), str(full_disk / name))
            assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, (command, out, err)
            said[f"{lang} {command}"] = err.strip().removeprefix("zqtracker: ")
    folder = full_disk
    assert said["en export"] == (
        f"Cannot write {folder / 'x.xlsx'}: the disk holding {folder} is full (0 KB free); nothing was written and "
        "nothing was changed — free some space there and try again."
    )
    assert said["zh export"] == (
        f"无法写入“{folder / 'x.xlsx'}”：“{folder}”所在的磁盘已满（剩余 0 KB）；未写入也未更改任何内容——"
        "请在该磁盘上释放一些空间后重试。"
    )
    needs = re.compile(r" free, about \d+(\.\d)? [KM]B needed\)|，约需 \d+(\.\d)? [KM]B）")
    assert needs.search(said["en report"]) and needs.search(said["zh report"])  # a PDF's size is known
    if engine_name == "sqlite":  # (a server's copy: not before it is made)
        assert needs.search(said["en db backup"]) and needs.search(said["zh db backup"])
    for key, name in (("report", "x.pdf"), ("db backup", "b.sqlite")):  # the export's sentence but for the file
        for lang, closing in (("en", " free)"), ("zh", "）")):
            one = needs.sub(closing, said[f"{lang} {key}"]).replace(name, "x.xlsx")
            assert one == said[f"{lang} export"], (key, lang)
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]  # nothing left behind

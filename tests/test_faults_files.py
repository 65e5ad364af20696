"""Files written under faults: a PDF report on a full disk, its file mode, temporary files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from faults_helpers import digest, run, small_mount

from zqtracker.cli.console import ExitCode


def test_report_on_a_full_disk_fails_in_one_sentence_and_keeps_the_old_pdf(demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, db)
    with small_mount(tmp_path / "small", 600) as small:
        if small is None:
            pytest.skip("needs root to mount a small file system")
        pdf = small / "report.pdf"
        pdf.write_bytes(b"%PDF-1.4 the good report of last month\n%%EOF\n")
        before = digest(pdf)
        with (small / "filler").open("wb") as fh:
            fh.write(b"\0" * max(shutil.disk_usage(small).free - 8_000, 0))
        for lang, words in (("en", "the disk is full"), ("zh", "磁盘已满")):
            code, out, err = run("--lang", lang, "--db", str(db), "report", str(pdf), "--view", "key-projects")
            assert code == ExitCode.REFUSED, out + err
            assert words in err and "wrote" not in out and len(err.strip().splitlines()) == 1
            assert digest(pdf) == before
        assert sorted(p.name for p in small.iterdir()) == ["filler", "report.pdf"]  # no temporary left


def test_pdf_gets_the_same_file_mode_as_an_exported_workbook(demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, db)
    old = os.umask(0o022)
    try:
        assert run("--db", str(db), "report", str(tmp_path / "r.pdf"))[0] == ExitCode.OK
        assert run("--db", str(db), "export", str(tmp_path / "x.xlsx"))[0] == ExitCode.OK
    finally:
        os.umask(old)
    assert (tmp_path / "r.pdf").stat().st_mode & 0o777 == (tmp_path / "x.xlsx").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "r.pdf").read_bytes().rstrip().endswith(b"%%EOF")

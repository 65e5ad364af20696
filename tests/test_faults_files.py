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
        for lang, words in (("en", f"the disk holding {small} is full"), ("zh", f"“{small}”所在的磁盘已满")):
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


# -- notes round trip exactly (#12) ---------------------------------------------------------------

NOTES = [
    "第一行\n第二行",
    "two  spaces   and three",
    "  indented\n\n\tafter a blank line and a tab  ",
    "windows\r\nline end",
    "ends with a newline\n",
]


def test_notes_typed_in_the_app_survive_an_export_and_reimport_exactly(demo_ctx, tmp_path: Path) -> None:
    import dataclasses

    from zqtracker.services.exporting import ExportOptions, ExportService
    from zqtracker.services.import_mappings import MappingStore
    from zqtracker.services.importing import ImportOptions, ImportService

    ids = [r.id for r in demo_ctx.projects.list_rows()][: len(NOTES)]
    for pid, note in zip(ids, NOTES, strict=True):
        demo_ctx.projects.update(dataclasses.replace(demo_ctx.projects.get(pid), notes=note))
    path = tmp_path / "export.xlsx"
    ExportService(demo_ctx.database).export(path, ExportOptions(lang="zh"))
    result = ImportService(demo_ctx.database, MappingStore(tmp_path / "m.json")).import_file(path, ImportOptions())
    assert result.ok, [p.reason() for p in result.problems[:3]]
    assert (result.added, result.updated) == (0, 0)
    assert [demo_ctx.projects.get(pid).notes for pid in ids] == NOTES


# -- exports are consistent snapshots (#11) -------------------------------------------------------


@pytest.mark.engine("sqlite")  # the colleague writes the SQLite file itself
def test_an_export_is_a_snapshot_while_a_colleague_adds_projects(demo_ctx, tmp_path: Path) -> None:
    import sqlite3

    from zqtracker.services.exporting import ExportOptions, ExportService
    from zqtracker.services.progress import Progress

    path = demo_ctx.database.sqlite_path
    added = []

    def colleague(done: int, total: int | None, text: str) -> None:
        if added or done == 0:
            return
        con = sqlite3.connect(path, timeout=5)  # another program, committing mid-export
        con.execute(
            "INSERT INTO projects (id, name, sector_id, district_id, status, planned_investment, is_key_project,"
            " project_type, investor_origin, notes, created_at, updated_at, version)"
            " SELECT 99999, '同事新增的项目', sector_id, district_id, 'signed', 5, 0, 'new', 'domestic', '',"
            " created_at, updated_at, 1 FROM projects LIMIT 1"
        )
        con.execute(
            "INSERT INTO investment_records (project_id, year, month, amount, sector_id, district_id)"
            " SELECT 99999, 2023, 1, 7, sector_id, district_id FROM projects WHERE id = 99999"
        )
        con.commit()
        con.close()
        added.append(True)

    result = ExportService(demo_ctx.database).export(tmp_path / "x.xlsx", ExportOptions(), Progress(colleague))
    assert added and result.projects == 568
    assert demo_ctx.projects.count() == 569  # the colleague's project is there — for the next export


# -- temporary files (#14) --------------------------------------------------------------------------


def test_a_killed_export_leaves_files_that_the_next_start_removes(demo_template: Path, tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    from zqtracker.io.atomic import journal_dir

    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, db)
    env = {**os.environ}
    for _attempt in range(5):  # on a busy machine the export may end between two looks: try again
        child = subprocess.Popen(
            [sys.executable, "-m", "zqtracker.launcher", "--db", str(db), "export", str(tmp_path / "x.xlsx")], env=env
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any(p.name.startswith(".~") for p in tmp_path.iterdir()):
            time.sleep(0.002)
        child.send_signal(signal.SIGKILL)
        child.wait()
        if not (tmp_path / "x.xlsx").exists():
            break
        (tmp_path / "x.xlsx").unlink()
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".~")]
    assert left, "the export was killed before it wrote anything: a weak test"
    assert any(e.name.startswith(f"{child.pid}-") for e in journal_dir().iterdir())
    assert run("--db", str(db), "db", "check")[0] == ExitCode.OK  # the next start
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")] and not (tmp_path / "x.xlsx").exists()
    assert not any(e.name.startswith(f"{child.pid}-") for e in journal_dir().iterdir())


def test_an_export_failing_on_a_full_disk_leaves_no_temporary_files(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from zqtracker.io.atomic import journal_dir

    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, db)
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))  # where XlsxWriter would leave its files
    journal_dir().mkdir(parents=True, exist_ok=True)
    before = sorted(p.name for p in journal_dir().iterdir())
    with small_mount(tmp_path / "small", 64) as small:
        if small is None:
            pytest.skip("needs root to mount a small file system")
        code, _, err = run("--db", str(db), "export", str(small / "x.xlsx"))
        assert code != ExitCode.OK and "internal error" not in err
        assert list(small.iterdir()) == []
    assert sorted(p.name for p in journal_dir().iterdir()) == before
    assert list(system_tmp.iterdir()) == []

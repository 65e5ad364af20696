"""Where the workbook lands: only complete files under the chosen name, never a half file, the
previous file kept when an export is cancelled or fails, clear refusals for impossible targets."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import openpyxl
import pytest

from zqtracker.io.atomic import atomic_target
from zqtracker.services.context import AppContext
from zqtracker.services.exporting import ExportError, ExportOptions, ExportService, check_target, export_columns
from zqtracker.services.progress import Cancelled, Progress


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Route temporary files (xlsxwriter's per-sheet row files) into a folder the test can watch."""
    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_cancel_keeps_the_previous_file_and_leaves_nothing_behind(
    demo_ctx: AppContext, tmp_path: Path, private_tmp: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.xlsx"
    target.write_bytes(b"the previous export")
    seen: list[str] = []

    def on_progress(done: int, total: int | None, text: str) -> None:
        seen.append(text)
        if text.startswith("Writing monthly"):
            progress.cancel()

    progress = Progress(on_progress)
    with pytest.raises(Cancelled):
        ExportService(demo_ctx.database).export(target, ExportOptions(), progress)
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in out.iterdir()) == ["report.xlsx"]
    assert list(private_tmp.iterdir()) == []  # xlsxwriter's row files removed too
    assert any(t.startswith("Writing projects") for t in seen)


def test_a_failure_mid_export_leaves_no_file(demo_ctx: AppContext, tmp_path: Path, private_tmp: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.xlsx"

    def on_progress(done: int, total: int | None, text: str) -> None:
        if done > 300:
            raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match=f"Cannot write {target}: the disk holding {out} is full") as info:
        ExportService(demo_ctx.database).export(target, ExportOptions(), Progress(on_progress))
    assert info.value.code == "disk_full"
    assert list(out.iterdir()) == []
    assert list(private_tmp.iterdir()) == []


def test_success_replaces_the_file_with_ordinary_permissions(demo_ctx: AppContext, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.xlsx"
    target.write_bytes(b"old")
    reports: list[tuple[int, int | None]] = []
    ExportService(demo_ctx.database).export(target, ExportOptions(), Progress(lambda d, t, _: reports.append((d, t))))
    assert openpyxl.load_workbook(target).sheetnames[0] == "Overview"
    assert [p.name for p in out.iterdir()] == ["report.xlsx"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    # progress: a known total from the start, never going backwards, and many steps on the way
    totals = {t for _, t in reports if t is not None}
    assert len(totals) == 1
    done = [d for d, _ in reports]
    assert done == sorted(done) and len(reports) >= 3 and done[-1] <= totals.pop()


def test_impossible_targets_are_refused_before_any_work(ctx: AppContext, tmp_path: Path) -> None:
    cases = {
        tmp_path / "report.xls": "not_xlsx",
        tmp_path / "missing" / "report.xlsx": "no_folder",
    }
    folder = tmp_path / "looks.xlsx"
    folder.mkdir()
    cases[folder] = "is_folder"
    for path, code in cases.items():
        with pytest.raises(ExportError) as info:
            ExportService(ctx.database).export(path, ExportOptions())
        assert info.value.code == code
        assert str(path) in info.value.message("en") and str(path) in info.value.message("zh")
    assert "不存在" in ExportError("no_folder", "/x/y.xlsx", folder="/x").message("zh")
    assert check_target(tmp_path / "Fine.XLSX") == tmp_path / "Fine.XLSX"


def test_write_errors_become_one_sentence(ctx: AppContext, tmp_path: Path) -> None:
    """A target the OS refuses to create (a name that is too long) is an ExportError naming it."""
    out = tmp_path / "out"
    out.mkdir()
    target = out / ("x" * 300 + ".xlsx")
    with pytest.raises(ExportError) as info:
        ExportService(ctx.database).export(target, ExportOptions())
    assert info.value.code == "cannot_write" and "File name too long" in info.value.message()
    assert list(out.iterdir()) == []


def test_atomic_target_removes_the_temporary_file_on_error(tmp_path: Path) -> None:
    target = tmp_path / "a.xlsx"
    with pytest.raises(ValueError), atomic_target(target) as tmp:
        tmp.write_bytes(b"half")
        assert tmp.parent == tmp_path and tmp.name.startswith(".~a.")
        raise ValueError("boom")
    assert list(tmp_path.iterdir()) == []
    with atomic_target(target) as tmp:
        tmp.write_bytes(b"whole")
    assert target.read_bytes() == b"whole" and [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


def test_export_columns_follow_the_table_and_keep_code_and_name() -> None:
    assert export_columns(["status", "name", "sector_parent", "intensity", "status"]) == [
        "code",
        "name",
        "status",
        "chain",
    ]
    assert export_columns(None)[:3] == ["code", "name", "enterprise"]
    assert export_columns([]) == ["code", "name"]

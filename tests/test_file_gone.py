"""A file removed or moved while it is being read was called damaged ("gone.xlsx is damaged and cannot be
read as a workbook"; probe 36): now it is said so. Deleted at points reached through public calls, no mock:
after the start check and before the reading process opens it (io: inspect_file, then run_worker), and
after the read and before the import looks at the cells a second time (the codes typed as numbers, whose
shown text is read again: ImportService.read, then analyse), on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from engines import dump
from import_files import SheetSpec, write_workbook

from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.reader import run_worker
from zqtracker.io.sniff import DEFAULT_LIMITS, inspect_file
from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["项目编号", "项目名称", "所在区域", "所属行业", "计划总投资（万元）"]
ROWS = [[123, "甲项目", "端州区", "光伏", 500], [7, "乙项目", "端州区", "光伏", 300]]
SAID = (
    "{} was removed or moved while it was being read; nothing was imported.",
    "“{}”在读取过程中被删除或移走，未导入任何内容。",
)


def listed(path: Path) -> Path:
    if path.suffix == ".csv":
        path.write_text("\n".join(",".join(map(str, r)) for r in [HEAD, *ROWS]), encoding="gb18030")
        return path
    return write_workbook(path, SheetSpec("S", [HEAD, *ROWS], formats={"A2": "000000"}))


@pytest.mark.parametrize("name", ["gone.xlsx", "gone.csv"])
def test_a_file_removed_before_the_reading_process_opens_it(tmp_path: Path, name: str) -> None:
    path = listed(tmp_path / name)
    info = inspect_file(path)  # the start check: it is there
    path.unlink()
    with pytest.raises(WorkbookRefused) as caught:
        run_worker({"op": "read", "kind": info.kind, "path": str(path)}, info, DEFAULT_LIMITS, lambda f: None, None)
    assert caught.value.code == "file_gone"
    assert (caught.value.message("en"), caught.value.message("zh")) == (SAID[0].format(name), SAID[1].format(name))


def test_a_file_removed_between_reading_and_analysing_it(ctx: AppContext, tmp_path: Path) -> None:
    """Before: "codes.xlsx does not exist." — it did, when the import started."""
    service = ImportService(ctx.database)
    path = listed(tmp_path / "codes.xlsx")
    whole = service.analyse(service.read(path), ImportOptions())
    assert whole.sheets[0].plan is not None and whole.sheets[0].plan.values["code"] == ["000123", "7"]
    before = dump(ctx.database)
    book = service.read(path)
    path.unlink()
    with pytest.raises(WorkbookRefused, match=r"codes\.xlsx was removed or moved while it was being read"):
        service.analyse(book, ImportOptions())
    assert dump(ctx.database) == before

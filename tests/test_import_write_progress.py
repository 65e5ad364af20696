"""An import's progress while it writes monthly investment, its longest step: the bar moves through
the step (and a cancel there writes nothing), on SQLite and PostgreSQL, from a real .xlsx."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter
from engines import dump

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.services.progress import Cancelled, Progress
from zqtracker.storage.importing import RECORDS_PER_REPORT

PROJECTS = 2_500
MONTHS = 10  # 25,000 monthly records: more than one report's worth


def monthly_list(path: Path) -> Path:
    """A district's monthly report: one column per month (万元), as big20000m.xlsx of the probe."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("月报")
    sheet.write(0, 0, "2023年1-10月项目完成投资情况（单位：万元）")
    months = [f"2023年{m}月" for m in range(1, MONTHS + 1)]
    sheet.write_row(1, 0, ["序号", "项目名称", "所在区域", "所属行业", "项目状态", "计划总投资", *months])
    for i in range(PROJECTS):
        row = [i + 1, f"端州月报测试项目{i:05d}", "端州区", "新材料", "在建", 1000 + i]
        sheet.write_row(i + 2, 0, row + [10 + (i + m) % 7 for m in range(MONTHS)])
    book.close()
    return path


def test_writing_monthly_investment_moves_the_progress_and_can_be_cancelled(
    ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    assert PROJECTS * MONTHS > RECORDS_PER_REPORT
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    analysis = service.analyse(service.read(monthly_list(tmp_path / "月报.xlsx")), ImportOptions())
    assert analysis.added == PROJECTS and len(analysis.records) == PROJECTS * MONTHS
    before = dump(db_url)

    # cancelled part way through the months: nothing is written
    progress = Progress()
    progress._callback = lambda done, total, text: (
        progress.cancel() if text == "Writing monthly investment…" and done > PROJECTS else None
    )
    with pytest.raises(Cancelled):
        service.apply(analysis, ImportOptions(), progress=progress)
    assert dump(db_url) == before

    seen: list[tuple[int, int | None, str]] = []
    result = service.apply(analysis, ImportOptions(), progress=Progress(lambda *report: seen.append(report)))
    assert result.added == PROJECTS
    months = [done for done, _total, text in seen if text == "Writing monthly investment…"]
    total = seen[-1][1]
    assert total == PROJECTS * (1 + MONTHS)
    # the step starts after the projects and reports along the way, not only at its start
    assert months[0] == PROJECTS and months[-1] == total
    assert any(PROJECTS < done < total for done in months), months
    assert months == sorted(months)

"""probe29c: the monthly progress PDF says a district's month not reported (stats/gaps.py, the summary's one
rule) — never 当月 0 and an unmarked 1–10月累计 — and 上年同期 is never a figure of other months under
that label (stats/prior.py). Real .xlsx files imported through the service, both engines.

"stopped" is tests/test_stopped_district.py's: 2025 P 高要区 72 a month January–August, nothing after;
Q 48, R 36, S 24 January–October. Through October P's row: 当月 未报, 累计 8 × 72 = 576（1–8月）; 合计
当月 48 + 36 + 24 = 108, 累计 576 + 10 × 108 = 1,656, both "(不含未报)", a footnote naming 高要区 9月、10月.

"quarters" (万元): 2024 as 1-3/1-6/1-9/1-12月累计 files — A 高要区 300/600/900/1,200, B 四会市
150/300/450/600 (spans of 300 and 150); 2025 monthly January–October, A 110, B 55. Through October 2025:
1,650; last year's sum is the spans ending by October, 900 + 450 = 1,350 — January–September 2024 (the
10–12月 spans straddle October): "2024年1–9月 1,350", never bare. The 2024 progress table through
October: 累计 900 and 450, and a note: the 10–12月 spans, 300 + 150 = 450, are not in it.
"year": 2024 as one 1-12月累计 file — A 1,200, B 600. Through October nothing of 2024 is known: 上年同期
"—" (JSON null, through month 0); the 2024 progress table through October has both rows (fix30i), 当月
"1–12月合计 1,200" and "600", 累计 "—": the 1,800 was reported for 1–12月 together, not that nothing was.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_stopped_district import _load

from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
UNIT_LINE = ["填报单位：肇庆市投资促进局    单位：万元"]


def _pdf(ctx: AppContext, tmp_path: Path, lang: str, year: int) -> str:
    pdf = tmp_path / f"monthly_{lang}_{year}.pdf"
    args = ["--db", ctx.database.url, "--lang", lang, "report", "--view", "monthly", "--unit", "wan"]
    assert main([*args, "--year", str(year), "--through", "10", "--all-projects", str(pdf)]) == 0
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_monthly_pdf_says_a_district_not_reported(ctx: AppContext, tmp_path: Path, lang: str) -> None:
    text = _pdf(_load(ctx, tmp_path, "stopped"), tmp_path, lang, 2025)
    row = next(line for line in text.splitlines() if "高要储能项目" in line)
    total = next(line for line in text.splitlines() if ("合计" if lang == "zh" else "Total") in line)
    flat = " ".join(text.split())
    if lang == "zh":
        assert "未报" in row and "576（1–8月）" in row and " 0 " not in row
        assert "108（不含未报）" in total and "1,656（不含未报）" in total
        assert "未报：高要区（9月、10月）。" in flat.replace(" ", "")
    else:
        # in English the unit is ¥ m: 576万 = 5.76
        assert "not reported" in row and "5.76 (Jan–Aug)" in row
        assert "1.08 (excl. not reported)" in total and "16.56 (excl. not reported)" in total
        assert "Not reported: 高要区 (September, October)." in flat
    other = next(line for line in text.splitlines() if "端州电子项目" in line)
    assert ("480" if lang == "zh" else "4.80") in other and "未报" not in other and "not reported" not in other


def _ytd_files(ctx: AppContext, tmp_path: Path, case: str) -> AppContext:
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    files = [write_workbook(tmp_path / "projects.xlsx", SheetSpec("Sheet1", [
        ["肇庆市重点项目清单"], UNIT_LINE,
        ["序号", "项目名称", "建设单位", "所属行业", "所在区域", "计划总投资（万元）", "项目状态"],
        [1, "高要储能项目", "肇庆甲储能有限公司", "新型储能", "高要区", 10000, "在建"],
        [2, "四会五金项目", "肇庆丁五金有限公司", "金属制品", "四会市", 10000, "在建"],
    ]))]  # fmt: skip
    for last in (3, 6, 9, 12) if case == "quarters" else (12,):
        files.append(write_workbook(tmp_path / f"y2024_{last}.xlsx", SheetSpec("Sheet1", [
            [f"肇庆市2024年1-{last}月重点项目完成投资情况表"], UNIT_LINE,
            ["序号", "项目名称", f"1-{last}月累计完成投资"],
            [1, "高要储能项目", 100 * last], [2, "四会五金项目", 50 * last],
        ])))  # fmt: skip
    files.append(write_workbook(tmp_path / "y2025.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2025年重点项目月度完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", *[f"{m}月" for m in range(1, 11)]],
        [1, "高要储能项目", *[110] * 10], [2, "四会五金项目", *[55] * 10],
    ])))  # fmt: skip
    for path in files:
        result = service.import_file(path, ImportOptions())
        assert result.ok and result.written, (path.name, [p.reason("en") for p in result.problems])
    return ctx


@pytest.mark.parametrize("case", ["quarters", "year"])
def test_same_period_last_year_is_never_other_months(ctx: AppContext, tmp_path: Path, capsys, case: str) -> None:
    _ytd_files(ctx, tmp_path, case)
    c = ctx.statistics.summary(2025, 10).completed
    assert (c.total.ytd, c.total.yoy_pct) == (1_650 * WAN, None)
    quarters = case == "quarters"
    assert c.total.prior_through == (9 if quarters else 0)
    assert c.by_district["高要区"].prior_through == (9 if quarters else 0)
    db = ["--db", ctx.database.url]
    assert main([*db, "summary", "--year", "2025", "--through", "10", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["completed_investment"]
    assert data["prior_ytd_through_month"] == (9 if quarters else 0)
    assert data["prior_ytd_yuan"] == (1_350 * WAN if quarters else None)
    assert data["by_district"]["四会市"]["prior_ytd_yuan"] == (450 * WAN if quarters else None)
    for lang in ("zh", "en"):
        assert main([*db, "--lang", lang, "summary", "--year", "2025", "--through", "10", "--unit", "wan"]) == 0
        out = capsys.readouterr().out
        said = {
            ("quarters", "zh"): "上年同期 2024年1–9月 1,350万元，同比 —",
            ("year", "zh"): "上年同期 —，同比 —",
            ("quarters", "en"): "Jan–Sep 2024: ",
            ("year", "en"): "same period last year —",
        }[(case, lang)]
        assert said in out, out
    # the overview PDF's key figure and table cells
    pdf = tmp_path / "overview.pdf"
    assert main([*db, "--lang", "zh", "report", "--year", "2025", "--through", "10", "--unit", "wan", str(pdf)]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    if quarters:
        # the key figure: the amount, its months under it; the table by district's cell labelled
        assert "1,350万元" in text and "2024年1–9月" in text and "900（1–9月）" in text
    # the 2024 progress table through October
    flat = "".join(_pdf(ctx, tmp_path, "zh", 2024).split())
    if quarters:  # 累计 900 + 450 (1–9月); the 10–12月 spans, 300 + 150, said apart
        assert "累计数未含2个项目2024年10–12月合并填报的450万元" in flat
    else:
        # fix30i: each project has its row, 当月 "1–12月合计 1,200", 累计 "—"; the 合计 the span (1,800)
        assert "合计（2个项目）" in flat and "1–12月合计1,800" in flat and "1–12月合计1,200" in flat
        assert "没有列入计划或有投资填报" not in flat

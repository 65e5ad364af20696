"""fix30f: the monthly progress PDF for a month INSIDE a figure reported for several months together
(2024: 高要区 reported January–September month by month, then one 1–12月累计 figure, so 10–12月 is one
record; printed through October). Its row's 当月 is never 0.00: "10–12月合计 96"; its 1–10月累计 is
labelled with the months it covers ("108（1–9月）"). The 合计 says what it leaves out. Real .xlsx files
imported through the service, both engines; the PDF read back with pdftotext.

Figures (万元). P 高要储能项目 (高要区): 12 a month January–September (108), 1-12月累计 204 → 10–12月 96.
Q 高要建材项目 (高要区): 8 a month January–September (72), 1-12月累计 120 → 10–12月 48.
R 四会五金项目 (四会市): 5 a month January–October (monthly, 50; October 5).
Through October 2024: P 当月 "10–12月合计 96", 累计 "108（1–9月）"; Q "10–12月合计 48", "72（1–9月）";
R 5, 50. 合计: 当月 5, leaving out 96 + 48 = 144 reported for 10–12月 together; 累计 108 + 72 + 50 = 230,
without those 2 projects' October. Through December: P 当月 "96 (10–12月)", 累计 204: the span counts.
高要区 alone (--district): every row inside 10–12月: 合计 当月 "10–12月合计 144", 累计 "180（1–9月）".
2023 (every project monthly, P 10, Q 6, R 4): 高要区 reported October 2023, and its October 2024 inside
10–12月 is reported (stats/gaps.py), never "10月未报" in the report, the summary or the overview.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
UNIT_LINE = ["填报单位：肇庆市投资促进局    单位：万元"]
SHOTS = Path("/work/scratch/shots30")


def _load(ctx: AppContext, tmp_path: Path) -> AppContext:
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    files = [write_workbook(tmp_path / "projects.xlsx", SheetSpec("Sheet1", [
        ["肇庆市重点项目清单"], UNIT_LINE,
        ["序号", "项目名称", "建设单位", "所属行业", "所在区域", "计划总投资（万元）", "项目状态"],
        [1, "高要储能项目", "肇庆甲储能有限公司", "新型储能", "高要区", 10000, "在建"],
        [2, "高要建材项目", "肇庆戊建材有限公司", "建材", "高要区", 8000, "在建"],
        [3, "四会五金项目", "肇庆丁五金有限公司", "金属制品", "四会市", 5000, "在建"],
    ]))]  # fmt: skip
    files.append(write_workbook(tmp_path / "y2023.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2023年重点项目月度完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", *[f"{m}月" for m in range(1, 13)]],
        [1, "高要储能项目", *[10] * 12], [2, "高要建材项目", *[6] * 12], [3, "四会五金项目", *[4] * 12],
    ])))  # fmt: skip
    files.append(write_workbook(tmp_path / "monthly.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2024年重点项目月度完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", *[f"{m}月" for m in range(1, 11)]],
        [1, "高要储能项目", *[12] * 9, None], [2, "高要建材项目", *[8] * 9, None],
        [3, "四会五金项目", *[5] * 10],
    ])))  # fmt: skip
    files.append(write_workbook(tmp_path / "y2024_12.xlsx", SheetSpec("Sheet1", [
        ["肇庆市高要区2024年1-12月重点项目完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", "1-12月累计完成投资"],
        [1, "高要储能项目", 204], [2, "高要建材项目", 120],
    ])))  # fmt: skip
    for path in files:
        result = service.import_file(path, ImportOptions())
        assert result.ok and result.written, (path.name, [p.reason("en") for p in result.problems])
    return ctx


def _pdf(ctx: AppContext, tmp_path: Path, lang: str, through: int, *more: str, view: str = "monthly") -> Path:
    pdf = tmp_path / f"{view}_{lang}_{through}_{len(more)}.pdf"
    args = ["--db", ctx.database.url, "--lang", lang, "report", "--view", view, "--unit", "wan", *more]
    assert main([*args, "--year", "2024", "--through", str(through), "--all-projects", str(pdf)]) == 0
    return pdf


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _line(text: str, word: str) -> str:
    return next(line for line in text.splitlines() if word in line)


def _shot(pdf: Path, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(pdf), str(SHOTS / f"fix30f-{name}")], check=True
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_month_inside_a_span_is_not_zero(ctx: AppContext, tmp_path: Path, lang: str, engine_name: str) -> None:
    pdf = _pdf(_load(ctx, tmp_path), tmp_path, lang, 10)
    _shot(pdf, f"monthly_oct_{lang}_{engine_name}")
    text = _text(pdf)
    p, q, r = (_line(text, name) for name in ("高要储能项目", "高要建材项目", "四会五金项目"))
    total = _line(text, "合计" if lang == "zh" else "Total")
    flat = " ".join(text.split())
    if lang == "zh":
        assert "10–12月合计 96" in p and "108（1–9月）" in p and " 0 " not in p
        assert "10–12月合计 48" in q and "72（1–9月）" in q
        assert " 5 " in r and " 50 " in r and "合计" not in r
        assert "5（不含10–12月合计 144）" in total and "230（不含10–12月合并填报）" in total
        assert "当月标“10–12月合计”的：该月与以后月份合并填报" in flat
        assert "合计行的当月数和累计数均不含这些合并填报数。" in "".join(flat.split())
        assert "累计数未含2个项目2024年10–12月合并填报的144万元" in "".join(flat.split())
        assert "未报" not in text  # 高要区 reported October, together with November and December
    else:  # ¥ mn: 96万 = 0.96
        assert "Oct–Dec together 0.96" in p and "1.08 (Jan–Sep)" in p and " 0.00 " not in p
        assert "Oct–Dec together 0.48" in q and "0.72 (Jan–Sep)" in q
        assert "0.05 (excl. Oct–Dec together 1.44)" in total and "2.30 (excl. Oct–Dec reported together)" in total
        assert "This month reads “Oct–Dec together” where the month was reported together" in flat
        assert "not reported" not in text


def test_every_row_inside_and_the_month_the_span_ends(ctx: AppContext, tmp_path: Path, engine_name: str) -> None:
    _load(ctx, tmp_path)
    pdf = _pdf(ctx, tmp_path, "zh", 10, "--district", "高要区")
    _shot(pdf, f"monthly_oct_gaoyao_{engine_name}")
    text = _text(pdf)
    total = _line(text, "合计（")
    assert "10–12月合计 144" in total and "180（1–9月）" in total and "不含" not in total
    assert "10–12月合计 96" in _line(text, "高要储能项目")
    assert "合计行的当月数和累计数均不含" not in "".join(text.split())  # here the 合计 is the spans
    # December: the span ends by the report month, so it counts (its months named), no "合计 96"
    text = _text(_pdf(ctx, tmp_path, "zh", 12))
    p = _line(text, "高要储能项目")
    assert "96 (10–12月)" in p and " 204 " in p and "10–12月合计" not in p
    assert "当月标“10–12月合计”" not in "".join(text.split())


def test_summary_and_overview_do_not_call_it_not_reported(ctx: AppContext, tmp_path: Path, capsys) -> None:
    _load(ctx, tmp_path)
    db = ["--db", ctx.database.url]
    assert main([*db, "summary", "--year", "2024", "--through", "10", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["completed_investment"]
    assert (data["ytd_yuan"], data["later_span_yuan"], data["prior_ytd_yuan"]) == (230 * WAN, 144 * WAN, 200 * WAN)
    assert data.get("unreported_months", {}).get("2024", []) == []
    assert main([*db, "--lang", "zh", "summary", "--year", "2024", "--through", "10", "--unit", "wan"]) == 0
    out = capsys.readouterr().out
    assert "本期累计未含与以后月份合并填报的144万元" in out and "未报" not in out
    text = _text(_pdf(ctx, tmp_path, "zh", 10, view="overview"))
    assert "未含与以后月份合并填报的144万元" in text and "未报" not in text

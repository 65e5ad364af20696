"""fix30i: what fix30f left around a month inside a figure reported for several months together
(tests/test_month_inside_span.py's figures, 2024 through October, plus two projects):

S 端州物流项目 (端州区, 建材): its only 2024 figure is one 1–12月累计 of 60 (万元).
T 鼎湖食品项目 (鼎湖区, 金属制品): 3 a month in 2023, 4 a month January–September 2024, October not reported.

1. `summary` (text, --json) and the overview PDF label each district/sector year to date with the months
   it covers: 高要区 180 is P 108 + Q 72, both 1–9月 (their 10–12月 is one figure): "180（1–9月）",
   ytd_through_month 9; 端州区 has only the 1–12月 figure: "—", ytd_through_month 0, ytd_yuan null;
   建材 is Q 72 (1–9月) + S (none): its projects' figures end in different months: "72（不含合并填报）",
   ytd_through_month null; 四会市 50 and 鼎湖区 36 (a month not reported, said apart) are unlabelled.
2. The monthly PDF has S's row: 当月 "1–12月合计 60", 累计 "—"; the 合计 counts 5 projects.
3. The 合计's cells say what they leave out in one bracket: 当月 R 5 alone (T not reported; P, Q, S
   inside spans) "5（不含未报及1–12月合计 60；10–12月合计 144）"; 累计 108 + 72 + 50 + 36 = 266
   "266（不含未报及1–12月；10–12月合并填报）".
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_month_inside_span import UNIT_LINE, WAN, _line, _load, _pdf, _text

from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

SHOTS = Path("/work/scratch/shots30")


def _more(ctx: AppContext, tmp_path: Path) -> AppContext:
    _load(ctx, tmp_path)
    service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
    files = [write_workbook(tmp_path / "projects2.xlsx", SheetSpec("Sheet1", [
        ["肇庆市重点项目清单"], UNIT_LINE,
        ["序号", "项目名称", "建设单位", "所属行业", "所在区域", "计划总投资（万元）", "项目状态"],
        [1, "端州物流项目", "肇庆己物流有限公司", "建材", "端州区", 3000, "在建"],
        [2, "鼎湖食品项目", "肇庆庚食品有限公司", "金属制品", "鼎湖区", 2000, "在建"],
    ]))]  # fmt: skip
    files.append(write_workbook(tmp_path / "t2023.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2023年重点项目月度完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", *[f"{m}月" for m in range(1, 13)]], [1, "鼎湖食品项目", *[3] * 12],
    ])))  # fmt: skip
    files.append(write_workbook(tmp_path / "t2024.xlsx", SheetSpec("Sheet1", [
        ["肇庆市2024年重点项目月度完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", *[f"{m}月" for m in range(1, 10)]], [1, "鼎湖食品项目", *[4] * 9],
    ])))  # fmt: skip
    files.append(write_workbook(tmp_path / "s2024_12.xlsx", SheetSpec("Sheet1", [
        ["肇庆市端州区2024年1-12月重点项目完成投资情况表"], UNIT_LINE,
        ["序号", "项目名称", "1-12月累计完成投资"], [1, "端州物流项目", 60],
    ])))  # fmt: skip
    for path in files:
        result = service.import_file(path, ImportOptions())
        assert result.ok and result.written, (path.name, [p.reason("en") for p in result.problems])
    return ctx


def _shot(pdf: Path, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(SHOTS / f"fix30i-{name}")], check=True)


def test_summary_labels_each_line_with_its_months(ctx: AppContext, tmp_path: Path, capsys) -> None:
    db = ["--db", _more(ctx, tmp_path).database.url]
    assert main([*db, "summary", "--year", "2024", "--through", "10", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["completed_investment"]
    assert (data["ytd_yuan"], data["later_span_yuan"]) == (266 * WAN, 204 * WAN)
    assert data["ytd_through_month"] is None  # its projects' figures end in different months
    d, s = data["by_district"], data["by_sector"]
    assert (d["高要区"]["ytd_yuan"], d["高要区"]["ytd_through_month"]) == (180 * WAN, 9)
    assert (d["端州区"]["ytd_yuan"], d["端州区"]["ytd_through_month"]) == (None, 0)
    assert "ytd_through_month" not in d["四会市"] and "ytd_through_month" not in d["鼎湖区"]
    assert (s["新型储能"]["ytd_yuan"], s["新型储能"]["ytd_through_month"]) == (108 * WAN, 9)
    assert (s["建材"]["ytd_yuan"], s["建材"]["ytd_through_month"]) == (72 * WAN, None)
    assert "ytd_through_month" not in s["金属制品"]
    assert main([*db, "--lang", "zh", "summary", "--year", "2024", "--through", "10", "--unit", "wan"]) == 0
    out = capsys.readouterr().out
    assert "180万元（1–9月）" in _line(out, "高要区") and "—" in _line(out, "端州区")
    assert "108万元（1–9月）" in _line(out, "新型储能") and "72万元（不含合并填报）" in _line(out, "建材")
    assert "（" not in _line(out, "四会市") and "50万元" in _line(out, "四会市")
    assert main([*db, "--lang", "en", "summary", "--year", "2024", "--through", "10", "--unit", "wan"]) == 0
    out = capsys.readouterr().out
    assert "1,800,000 (Jan–Sep)" in _line(out, "高要区") or "(Jan–Sep)" in _line(out, "高要区")
    assert "(excl. reported with later months)" in _line(out, "建材")
    args = [*db, "--lang", "zh", "summary", "--year", "2024", "--through", "10", "--unit", "wan"]
    assert main([*args, "--district", "高要区"]) == 0  # every figure 1–9月: the total line too
    assert "累计完成投资：180万元（1–9月）" in capsys.readouterr().out


def test_overview_labels_each_line_with_its_months(ctx: AppContext, tmp_path: Path, engine_name: str) -> None:
    pdf = _pdf(_more(ctx, tmp_path), tmp_path, "zh", 10, view="overview")
    _shot(pdf, f"overview_{engine_name}")
    text = _text(pdf)
    districts = text[text.index("按区域") :]
    assert "180（1–9月）" in _line(districts, "高要区") and " 160 " in _line(districts, "高要区")
    assert "—" in _line(districts, "端州区") and "（" not in _line(districts, "四会市")
    sectors = text[text.index("按行业") :]
    assert "72（不含合并填报）" in _line(sectors, "建材") and "108（1–9月）" in _line(sectors, "新型储能")
    assert "累计完成投资注明月份的，只含所注月份" in "".join(text.split())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_monthly_row_of_a_whole_year_figure_and_one_bracket(
    ctx: AppContext, tmp_path: Path, lang: str, engine_name: str
) -> None:
    pdf = _pdf(_more(ctx, tmp_path), tmp_path, lang, 10)
    _shot(pdf, f"monthly_{lang}_{engine_name}")
    text = _text(pdf)
    s, t = _line(text, "端州物流项目"), _line(text, "鼎湖食品项目")
    total = _line(text, "合计" if lang == "zh" else "Total")
    if lang == "zh":
        assert "1–12月合计 60" in s and "—" in s and " 0 " not in s
        assert "未报" in t and "36（1–9月）" in t
        assert "合计（5个项目）" in total
        assert "5（不含未报及1–12月合计 60；10–12月合计 144）" in total
        assert "266（不含未报及1–12月；10–12月合并填报）" in total
        assert "）（" not in total
    else:  # the Total's long cells wrap (never cut with "…"): read in reading order, spaces dropped
        assert "Jan–Dec together 0.60" in s and " 0.00 " not in s and "…" not in text
        assert "Total (5 projects)" in total
        raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        flat = "".join(raw.split())
        assert "0.05(excl.notreportedandJan–Dectogether0.60;Oct–Dectogether1.44)" in flat
        assert "2.66(excl.notreportedandJan–Dec;Oct–Decreportedtogether)" in flat
        assert ")(" not in flat

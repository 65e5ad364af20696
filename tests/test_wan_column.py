"""“8000万” in a 合同投资额 column under 单位：万元 reads two ways: 8000万元, or 8000万 × 万元 = 8000亿元
(domain/money.py asks). Where the column's other amounts — cells that read one way only: plain 万元
numbers, “2.5亿”, “30000万元” — put the second reading more than 100 times above the largest of them,
and there are at least three of them, the cell's own unit stands and one note per column names the rows
(domain/wan_column.py, io/plan_settle.py). Where the numeral reading lies near the column's amounts, or
the column has too few of them, the question stays. The import, the dry run and the desktop preview say
the same. Real .xlsx files, both engines (probe36a F3)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_import_dialog_totals import shown

from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
TITLE = ["肇庆高新区2026年招商引资签约项目情况表（截至10月底）"]
UNIT = [None, None, None, None, None, "单位：万元"]
HEAD = ["序号", "项目名称", "投资方", "产业类别", "合同投资额", "签约时间"]
SIGNED = [  # the probe's s3 list, as a district sent it
    [1, "年产2万吨锂电池正极材料项目", "深圳市德方创新材料有限公司", "新能源", "2.5亿", "2026.3"],
    [2, "高端精密模具制造项目", "东莞市精工模具有限公司", "装备制造", "8000万", "2026年3月"],
    [3, "智能家居产业园项目", "广东美家智能科技有限公司", "家居", 15000, "2026.4"],
    [4, "生物医药创新中心项目", "广州康润医药科技有限公司", "生物医药", "1.2亿元", "2026年6月18日"],
    [5, "铝型材深加工扩产项目", "肇庆亚洲铝厂有限公司", "金属材料", "30000万元", "2026.7"],
    [6, "储能系统集成项目", "宁波储能科技有限公司", "新型储能", "5亿", "2026.8"],
    [7, "新型显示材料项目", "台湾光电材料股份有限公司", "电子信息", 6800, "2026.9"],
    [8, "食品加工项目", "肇庆鼎味食品有限公司", "食品", "3500万", "2026-10-12"],
]
NOTE_EN = (
    "Sheet “签约项目”, column E “合同投资额”, row(s) 5, 11: an amount written with 万 (such as “8000万”) is read as "
    "万元 — read as 万 × 万元 it would be more than 100 times the largest of the column's 6 other amounts "
    "(500,000,000 yuan)."
)
NOTE_ZH = (
    "工作表“签约项目”E 列“合同投资额”第 5, 11 行：带“万”的金额（如“8000万”）按万元读取——"
    "若按“万×万元”读取，将超过本列其他 6 个金额中最大者（500,000,000 元）的 100 倍。"
)


def signed(tmp_path: Path, rows: list[list], total: int | None = None) -> Path:
    tail = [["合计", None, None, None, total, None]] if total is not None else []
    return write_workbook(tmp_path / "签约项目.xlsx", SheetSpec("签约项目", [TITLE, UNIT, HEAD, *rows, *tail]))


def imported(ctx: AppContext, path: Path, lang: str = "en"):  # type: ignore[no-untyped-def]
    return ImportService(ctx.database).import_file(path, ImportOptions(lang=lang))


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def test_the_column_s_other_amounts_read_8000wan_as_wanyuan(ctx: AppContext, tmp_path: Path) -> None:
    result = imported(ctx, signed(tmp_path, SIGNED, total=150_300))  # the 合计 adds up with 8000 and 3500万元
    assert result.problems == [] and result.added == 8, result.problems
    stored = planned(ctx)
    assert (stored["高端精密模具制造项目"], stored["食品加工项目"]) == (8_000 * WAN, 3_500 * WAN)
    assert stored["年产2万吨锂电池正极材料项目"] == 25_000 * WAN and stored["新型显示材料项目"] == 6_800 * WAN
    [note] = [n for n in result.notes if n.code == "note_wan_read_by_column"]
    assert (note.message("en"), note.message("zh")) == (NOTE_EN, NOTE_ZH)


def test_the_dry_run_and_the_desktop_preview_say_the_same(qtbot, ctx: AppContext, tmp_path: Path) -> None:
    path = signed(tmp_path, SIGNED)
    out = io.StringIO()
    assert main(["--db", ctx.database.url, "--lang", "en", "import", str(path), "--dry-run"], stdout=out) == 0
    assert f"Note: {NOTE_EN}" in out.getvalue() and "reads two ways" not in out.getvalue()
    dialog = shown(qtbot, ctx, path, "en")
    assert dialog.analysis.problems == [] and dialog.can_import()
    assert NOTE_EN in dialog.notes_label.text()
    assert planned(ctx) == {}  # neither wrote anything


def test_a_month_the_row_does_not_settle_its_column_does(ctx: AppContext, tmp_path: Path) -> None:
    """No planned investment on the row to settle “300万” in 10月完成投资 (io/plan_settle.py): the month's
    other amounts, 120 to 450万元, do — 300亿 would be more than 100 times the largest."""
    head = ["序号", "项目名称", "建设单位", "所在区域", "10月完成投资（万元）"]
    rows = [[1, "甲项目", "甲公司", "高要区", 120], [2, "乙项目", "乙公司", "高要区", 450],
            [3, "丙项目", "丙公司", "高要区", 80], [4, "丁项目", "丁公司", "高要区", "300万"]]  # fmt: skip
    path = write_workbook(
        tmp_path / "october.xlsx", SheetSpec("10月", [["肇庆市2023年10月重点项目进度表"], head, *rows])
    )
    result = imported(ctx, path)
    assert result.problems == [] and result.added == 4, result.problems
    october = {
        p.name: [r.amount for r in ctx.projects.investment(p.id) if (r.year, r.month) == (2023, 10)]
        for p in ctx.projects.all_projects()
    }
    assert october == {"甲项目": [120 * WAN], "乙项目": [450 * WAN], "丙项目": [80 * WAN], "丁项目": [300 * WAN]}
    assert [(n.params["column"], n.params["rows"]) for n in result.notes if n.code == "note_wan_read_by_column"] == [
        ("E", "6")
    ]


def test_a_cell_whose_numeral_reading_lies_near_the_column_s_amounts_is_still_asked(
    ctx: AppContext, tmp_path: Path
) -> None:
    """“300万” beside the same amounts: 300亿 is 60 times the column's largest (5亿) — a project a list may hold —
    so it stays a question, and nothing is written, while 8000万 and 3500万 are settled (said in the note)."""
    rows = [list(r) for r in SIGNED]
    rows[2][4] = "300万"  # 智能家居产业园项目, row 6
    result = imported(ctx, signed(tmp_path, rows))
    assert [(p.row, p.column, p.problem.code) for p in result.problems] == [(6, "E", "wan_in_unit_column")]
    assert [n.params["rows"] for n in result.notes if n.code == "note_wan_read_by_column"] == ["5, 11"]
    assert not result.written and planned(ctx) == {}


@pytest.mark.parametrize(
    ("amounts", "why"),
    [
        (["2.5亿", 15000], "two amounts read one way only: not yet a column's range"),
        ([10, 20, 30], "3500万元 would be more than 100 times the column's largest (30万元): neither fits"),
    ],
)
def test_the_question_stays_where_the_column_says_too_little(
    ctx: AppContext, tmp_path: Path, amounts: list, why: str
) -> None:
    rows = [[k, f"项目{k}", f"公司{k}", "食品", amount, "2026.3"] for k, amount in enumerate(amounts, start=1)]
    rows.append([len(rows) + 1, "食品加工项目", "肇庆鼎味食品有限公司", "食品", "3500万", "2026-10-12"])
    result = imported(ctx, signed(tmp_path, rows))
    assert [(p.column, p.value, p.problem.code) for p in result.problems] == [("E", "3500万", "wan_in_unit_column")], (
        why
    )
    assert not [n for n in result.notes if n.code == "note_wan_read_by_column"] and planned(ctx) == {}

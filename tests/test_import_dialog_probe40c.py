"""The import dialog as probe40c found it: an update's "What happens" said a changed date as a Python object
(``Signed FuzzyDate(day=datetime.date(2023, 4, 1), …)``), the dialog opened before a file asked questions about
nothing, a unit the title line states was still asked, and at 1366×768 the questions left room for four of a
file's nine rows. Real .xlsx files, real widgets (SQLite: the widget tests' engine)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from PySide6.QtCore import Qt
from test_import_dialog_totals import shown

from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.ui.import_preview import STATUS_COLUMN

HEAD = ["项目编号", "项目名称", "所在区域", "项目状态", "计划总投资（万元）", "签约时间", "开工时间", "投产时间",
        "用地面积（亩）", "重点项目", "项目类型", "投资来源"]  # fmt: skip
STORED = [
    "ZQ1",
    "鑫源汽车内饰件扩产项目",
    "高要区",
    "签约",
    3112,
    date(2023, 4, 1),
    None,
    None,
    50,
    "否",
    "新建",
    "内资",
]
# every kind of field changed: a status, an amount, a day, a month and a quarter, a land area, a flag, two enums
CHANGED = ["ZQ1", "鑫源汽车内饰件扩产项目", "高要区", "在建", 3200, date(2023, 3, 2), "2023年6月", "2024年二季度",
           62.5, "是", "扩建", "外资"]  # fmt: skip
SAID = {
    "en": ["Status Signed → Under construction", "Planned investment 31,120,000 yuan → 32,000,000 yuan",
           "Signed 2023-04-01 → 2023-03-02", "Construction start — → 2023-06", "Production — → 2024-Q2",
           "Land area (mu) 50 → 62.5", "Key project no → yes", "Project type New → Expansion",
           "Investor origin Domestic → Foreign"],
    "zh": ["项目状态 签约 → 在建", "计划总投资 31,120,000 元 → 32,000,000 元", "签约时间 2023-04-01 → 2023-03-02",
           "开工时间 — → 2023-06", "投产时间 — → 2024-Q2", "用地面积（亩） 50 → 62.5", "重点项目 否 → 是",
           "项目类型 新建 → 扩建", "投资来源 内资 → 外资"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_update_says_each_changed_value_in_words_and_dates_at_their_precision(
    qtbot, translations, ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    translations.switch(lang)
    seed = write_workbook(tmp_path / "seed.xlsx", SheetSpec("S", [HEAD, STORED]))
    assert ImportService(ctx.database).import_file(seed, ImportOptions()).added == 1
    dialog = shown(qtbot, ctx, write_workbook(tmp_path / "高要区10月.xlsx", SheetSpec("10月", [HEAD, CHANGED])), lang)
    m = dialog.preview.model
    text, tip = (m.data(m.index(1, STATUS_COLUMN), role) for role in (Qt.ItemDataRole.DisplayRole, 3))
    for said in SAID[lang]:
        assert said in text, (said, text)
    for raw in ("FuzzyDate", "datetime", "Decimal", "DatePrecision", "<", "True", "False", "None"):
        assert raw not in text and raw not in tip, (raw, text)
    assert tip.startswith(text.split("，" if lang == "zh" else ", ")[0])


# -- 高要区's October list as the probe imported it (files/高要区10月.xlsx): a title, 单位：万元 on the reporter's
# line, seven rows (an update, a new one, a negative amount, a bad date, an unknown status, a near name, "约500"),
# 合计, a note
SEED = [["项目编号", "项目名称", "所在区域", "所属行业", "项目状态", "计划总投资（万元）", "签约时间"],
        ["ZQ202300014", "鑫源汽车内饰件扩产项目", "高要区", "汽车零部件", "签约", 3112, date(2023, 4, 1)],
        ["ZQ202300028", "宝月动力总成产业园项目", "高要区", "汽车零部件", "在建", 50000, date(2022, 5, 1)],
        ["ZQ202300032", "恒通光伏组件扩产项目", "高要区", "光伏", "投产", 2667, date(2021, 3, 1)]]  # fmt: skip
OCTOBER = [
    ["高要区2023年1-10月招商引资项目进展情况表"],
    ["填报单位：高要区投资促进局", None, None, None, None, None, None, None, "单位：万元"],
    ["序号", "项目编号", "项目名称", "所属行业", "项目状态", "计划总投资", "1-10月累计完成投资", "签约时间", "开工时间",
     "备注"],
    [1, "ZQ202300014", "鑫源汽车内饰件扩产项目", "汽车零部件", "在建", 3200, 800, date(2023, 3, 2), date(2023, 6, 1),
     "已开工"],
    [2, None, "高要储能电池PACK生产基地项目", "新型储能", "签约", 50000, None, date(2023, 10, 8)],
    [3, None, "高要精密铸件技改项目", "高端装备", "已签约", -500, None, "2023年9月12日", None, "金额待核"],
    [4, None, "高要新材料产业园项目", "新材料", "在建", 12000, 1500, date(2023, 2, 1), "2023-13-45"],
    [5, None, "高要食品深加工项目", "绿色食品", "待研究", 8000, None, date(2023, 8, 20)],
    [6, None, "宝月动力总成产业园项目（一期）", "汽车零部件", "签约", 900, None, date(2023, 7, 1)],
    [7, "ZQ202300032", "恒通光伏组件扩产项目", "光伏", "投产", 2667, "约500"],
    ["合计", None, None, None, None, 76267, 2800],
    ["注：以上数据由各镇街报送，未经统计部门核定。"],
]  # fmt: skip


def october(ctx: AppContext, tmp_path: Path) -> Path:
    seed = write_workbook(tmp_path / "seed.xlsx", SheetSpec("S", SEED))
    assert ImportService(ctx.database).import_file(seed, ImportOptions()).added == 3
    return write_workbook(tmp_path / "高要区10月.xlsx", SheetSpec("10月", OCTOBER, merges=["A1:J1"]))


def within(rect, area) -> bool:
    return rect.top() >= 0 and rect.bottom() <= area.height()


def test_at_1366x768_every_row_of_the_file_and_every_problem_has_room(
    qtbot, translations, ctx: AppContext, tmp_path: Path
) -> None:
    """Six question lines left room for four of the nine rows, three of the five problems, and the change of
    row 4 was cut ("…¥0.031…"): now the header row and the rows below it show, every problem shows, the first
    row's whole change is said under the table, and the questions keep lines of their own (scrolling)."""
    translations.switch("zh_CN")
    dialog = shown(qtbot, ctx, october(ctx, tmp_path), "zh")
    qtbot.wait(50)  # (the preview opens at its header row once laid out)
    table, model, tree = dialog.preview.table, dialog.preview.model, dialog.problem_list.tree
    offset = model.sheet.raw.row_offset
    for r in range(2 - offset, model.rowCount()):  # sheet rows 3 (the header) to 12 (the note)
        top = table.rowViewportPosition(r)
        assert top >= 0 and top + table.rowHeight(r) <= table.viewport().height(), (r + offset + 1, top)
    assert tree.topLevelItemCount() == 5
    for i in range(5):
        assert within(tree.visualItemRect(tree.topLevelItem(i)), tree.viewport()), i
    detail = dialog.preview.detail
    assert detail.isVisible() and detail.text().startswith("第 4 行：更新：项目状态 签约 → 在建")
    assert "签约时间 2023-04-01 → 2023-03-02，开工时间 — → 2023-06-01" in detail.text()
    asked = dialog.questions.words_form.itemAt(0, dialog.questions.words_form.ItemRole.FieldRole).widget()
    assert asked.currentText() == "请选择其含义…" and asked.isVisible()
    area = dialog.body.top.viewport()
    assert within(asked.geometry().translated(asked.parentWidget().mapTo(area, asked.pos()) - asked.pos()), area)
    assert dialog.height() <= 768


def test_before_a_file_the_dialog_asks_nothing_and_a_file_brings_its_questions(
    qtbot, translations, ctx: AppContext, tmp_path: Path, monkeypatch
) -> None:
    """Opened by Ctrl+I before a file, the dialog showed an unlabelled "choose…" (rows hidden in the sheet), an
    unlabelled month/day choice and an amber "Report month: 2025-10": now only what it takes to choose a file."""
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QComboBox, QFileDialog

    from zqtracker.ui.events import DataEvents
    from zqtracker.ui.import_dialog import ImportDialog

    path = october(ctx, tmp_path)
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(50)
    q = dialog.questions
    shown_combos = [c.currentText() for c in dialog.findChildren(QComboBox) if c.isVisible()]
    assert shown_combos == [] and not dialog.options_bar.isVisible() and not dialog.skip_check.isVisible()
    for box in (q.hidden_box, q.date_box, q.period_box, q.defaults, q.words_box, q.links_box):
        assert not box.isVisible()
    choose = dialog.body.empty.button("choose")
    assert choose.isVisible() and choose.text() == "Choose file…" and not dialog.import_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    choose.click()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.analysis is not None, timeout=30_000)
    assert dialog.options_bar.isVisible() and dialog.skip_check.isVisible() and dialog.preview.isVisible()
    assert q.defaults.isVisible() and q.words_box.isVisible() and q.links_box.isVisible()  # what the file asks
    assert not (q.hidden_box.isVisible() or q.date_box.isVisible() or q.period_box.isVisible())  # and nothing else


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_unit_the_title_lines_state_is_not_asked_and_a_missing_one_is(
    qtbot, translations, ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    """单位：万元 on the reporter's line was read, and still "Amounts without a unit: choose…" showed."""
    translations.switch(lang)
    dialog = shown(qtbot, ctx, october(ctx, tmp_path), lang)
    unit = dialog.options_bar.unit_combo
    assert not unit.isVisibleTo(dialog) and not dialog.analysis.needs_unit
    assert dialog.preview.model.headerData(6, Qt.Orientation.Horizontal).endswith(
        "(¥10,000)" if lang == "en" else "（万元）"
    )  # the unit read, said where the column is mapped
    rows = [OCTOBER[2][:7], *(row[:7] for row in OCTOBER[3:5])]  # no 单位 line: the amounts state no unit
    bare = write_workbook(tmp_path / "bare.xlsx", SheetSpec("10月", rows))
    dialog.open_path(bare)
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.analysis is not None, timeout=30_000)
    assert dialog.analysis.needs_unit and unit.isVisible() and "#c62828" in unit.styleSheet()
    assert unit.currentIndex() == 0 and not dialog.can_import()

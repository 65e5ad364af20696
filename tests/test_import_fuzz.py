"""Messy district workbooks made at random (seeded) through the real import: every file is read and
imported, or refused with a sentence; never an exception. Undo and redo leave the database checked
clean. The same files drive the import dialog: no slot may raise.

Fuzzing like this (400+ files a seed, run by hand) found a number of the form "1e3092023" that
overflowed the decimal context, a unit box that handed the analysis a bare string, and a progress
update touching a dialog already closed; these seeds keep the kinds of input in CI.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, time
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from ui_helpers import undo_import

from zqtracker.domain.money import Unit
from zqtracker.io.columns import PROJECT_COLUMNS
from zqtracker.io.errors import WorkbookRefused
from zqtracker.services import admin
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.import_options import ImportRefused
from zqtracker.services.importing import ImportOptions, ImportService

NOISE = ["肇庆", "高要区", "端州区", "新能源", "有限公司", "合计", "总计", "注：", "填报单位：高要区", "单位：万元",
         "单位：亿元", "（一）", "一、先进制造业", "续建", "在建", "投产", "是", "否", "Total", "N/A", "-", "—", "\n",
         "　", "#DIV/0!", "#REF!", "=SUM(A1:A3)", "+1", "@x", "12.5亿", "3,000万元", "2023.10", "2023年10月10日",
         "2023/13/45", "20231010", "2023.1", "0001", "1e309", "1e3092023", "nan", "inf", "-5", "０１２３",
         "暂停", "洽谈中", "x" * 300]  # fmt: skip
DISTRICTS = ["端州区", "鼎湖区", "高要区", "四会市", "广宁县", "怀集县", "封开县", "德庆县"]


def noise(rnd: random.Random) -> object:
    k = rnd.random()
    if k < 0.15:
        return None
    if k < 0.4:
        return "".join(rnd.choice(NOISE) for _ in range(rnd.randint(1, 2)))
    if k < 0.55:
        return rnd.choice([rnd.randint(-(10**6), 10**12), rnd.random() * 10 ** rnd.randint(-3, 15), 0, 1e300, 2**63])
    if k < 0.7:
        return date(rnd.randint(1900, 2100), rnd.randint(1, 12), rnd.randint(1, 28))
    if k < 0.75:
        return datetime(rnd.randint(1990, 2030), rnd.randint(1, 12), rnd.randint(1, 28), rnd.randint(0, 23))
    if k < 0.78:
        return time(rnd.randint(0, 23), rnd.randint(0, 59))
    if k < 0.82:
        return rnd.choice([True, False])
    return str(rnd.randint(0, 10**8)).zfill(rnd.randint(1, 12))


def plausible_value(rnd: random.Random, kind: str) -> object:
    if rnd.random() < 0.06:
        return noise(rnd)
    return {
        "code": lambda: f"ZQ{rnd.randint(1, 200):05d}" if rnd.random() < 0.9 else None,
        "name": lambda: rnd.choice(["储能", "电池", "汽车零部件", "光伏", "芯片"]) + f"项目{rnd.randint(1, 200)}",
        "sector": lambda: rnd.choice(["新能源", "电子信息", "汽车", "新材料"]),
        "district": lambda: rnd.choice(DISTRICTS),
        "status": lambda: rnd.choice(["在建", "已投产", "签约", "前期", "试产", "洽谈中", "暂停"]),
        "money": lambda: rnd.choice(
            [rnd.randint(100, 500_000), round(rnd.random() * 10_000, 2), f"{rnd.randint(1, 50)}亿"]
        ),
        "land": lambda: rnd.choice([round(rnd.random() * 500, 2), None, "120亩"]),
        "date": lambda: rnd.choice(
            [date(rnd.randint(2018, 2025), rnd.randint(1, 12), rnd.randint(1, 28)), "2023.10", "2023年5月6日", None]
        ),
        "bool": lambda: rnd.choice(["是", "否", None]),
    }[kind]()


def messy_workbook(path: Path, rnd: random.Random) -> Path:
    """Either a district list that is mostly right, or one made of headers and noise."""
    sheets = []
    for n in range(rnd.randint(1, 2)):
        rows: list[list] = []
        merges: list[str] = []
        if rnd.random() < 0.5:
            optional = [("项目编号", "code"), ("项目状态", "status"), ("用地面积（亩）", "land"), ("签约时间", "date"),
                        ("开工时间", "date"), ("是否重点项目", "bool"), ("2024年1月", "money")]  # fmt: skip
            cols = [("项目名称", "name"), ("所属行业", "sector"), ("所在区域", "district"),
                    ("计划总投资（万元）", "money"), *rnd.sample(optional, rnd.randint(0, len(optional)))]  # fmt: skip
            rnd.shuffle(cols)
            rows.append(["2024年肇庆市重点项目进度表"])
            merges.append(f"A1:{chr(64 + len(cols))}1" if len(cols) > 1 else "A1:B1")
            rows.append([h for h, _ in cols])
            for _ in range(rnd.randint(1, 30)):
                if rnd.random() < 0.05:
                    rows.append([rnd.choice(["合计", "一、先进制造业（3个）", "注：数据截至10月"])])
                else:
                    rows.append([plausible_value(rnd, kind) for _, kind in cols])
        else:
            width = rnd.randint(1, 12)
            for _ in range(rnd.randint(0, 2)):
                rows.append([rnd.choice(["2023年肇庆市重点项目表", "填报单位：高要区", "单位：万元", "单位：亿元"])])
            rows.append(
                [
                    rnd.choice(rnd.choice(PROJECT_COLUMNS).synonyms) if rnd.random() < 0.8 else noise(rnd)
                    for _ in range(width)
                ]
            )
            rows.extend([noise(rnd) for _ in range(width)] for _ in range(rnd.randint(0, 25)))
        name = rnd.choice(["项目清单", "Sheet", "月度完成投资", "续建项目", "汇总"]) + str(n)
        sheets.append(SheetSpec(name, rows, merges=merges, state="hidden" if n and rnd.random() < 0.3 else "visible"))
    return write_workbook(path, *sheets, date1904=rnd.random() < 0.1)


OPTIONS = [
    ImportOptions(),
    ImportOptions(skip_invalid=True, unit=Unit.WAN),
    ImportOptions(mode="append", skip_invalid=True, unit=Unit.YI, lang="zh"),
]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_messy_workbooks_are_imported_or_refused_never_an_exception(seed: int, tmp_path: Path) -> None:
    rnd = random.Random(seed)
    ctx = AppContext.open(tmp_path / "fuzz.sqlite")
    try:
        service = ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))
        written = 0
        for i in range(15):
            path = messy_workbook(tmp_path / f"f{i}.xlsx", rnd)
            for options in OPTIONS:
                try:
                    result = service.import_file(path, options, dry_run=rnd.random() < 0.3)
                except (WorkbookRefused, ImportRefused) as exc:
                    assert exc.message("zh") and exc.message("en")
                    continue
                for p in result.problems:
                    assert p.row >= 1 and p.reason("zh") and p.location("en")
                if result.change is not None:
                    written += 1
                    if rnd.random() < 0.5:
                        service.undo(result.change)
                        service.redo(result.change)
        report = admin.check(ctx.database)
        assert report.ok, report.problems
        assert written > 0  # the generator makes importable files too, not only refusals
    finally:
        ctx.close()


def test_the_import_dialog_on_messy_workbooks(qtbot, tmp_path: Path) -> None:
    from PySide6.QtGui import QUndoStack

    from zqtracker.ui.events import DataEvents
    from zqtracker.ui.import_dialog import ImportDialog

    errors: list[str] = []
    old, sys.excepthook = sys.excepthook, lambda _type, value, _tb: errors.append(repr(value))
    ctx = AppContext.open(tmp_path / "dialog.sqlite")
    rnd = random.Random(7)
    imported = 0
    try:
        for i in range(10):
            path = messy_workbook(tmp_path / f"d{i}.xlsx", rnd)
            stack = QUndoStack()
            dialog = ImportDialog(ctx, DataEvents(), stack, None, path, lang=rnd.choice(["en", "zh"]))
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitUntil(lambda dialog=dialog: not dialog.is_busy(), timeout=30_000)
            for _ in range(3):
                if dialog.analysis is None:
                    break
                what = rnd.random()
                if what < 0.4 and dialog.options_bar.unit_combo.count() > 1:
                    dialog.options_bar.unit_combo.setCurrentIndex(
                        rnd.randrange(1, dialog.options_bar.unit_combo.count())
                    )
                elif what < 0.7:
                    dialog.skip_check.setChecked(True)
                else:
                    column = rnd.randrange(max(1, dialog.preview.model.columnCount()))
                    info = dialog.preview.model.column_info(column)
                    if info is not None:
                        dialog.apply_choice(info.index, ("field", rnd.choice(["name", "sector", None])))
                qtbot.waitUntil(lambda dialog=dialog: not dialog.is_busy(), timeout=30_000)
                qtbot.wait(20)
            if dialog.import_button.isEnabled():
                dialog.import_button.click()
                qtbot.waitUntil(
                    lambda dialog=dialog: dialog.result is not None or dialog.error_label.text() != "", timeout=30_000
                )
                imported += dialog.result is not None
                if stack.canUndo():
                    undo_import(qtbot, stack)
            dialog.close()
        assert errors == []
        assert dialog.error_label.text() == "" or "Unexpected" not in dialog.error_label.text()
        assert imported > 0
        assert admin.check(ctx.database).ok
    finally:
        sys.excepthook = old
        ctx.close()

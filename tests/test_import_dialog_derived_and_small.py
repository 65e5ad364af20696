"""The import dialog (probe34b): a district file giving only a year to date (1-10月累计) shows, before Import, the
month's own figure that will be written (the year to date less the stored 1–9月, marked as worked out from it) —
the figure the import then stores; and the dialog fits an 800×600 screen (the offscreen test screen) without
squeezing a combo box below its text. Real files, widgets, SQLite; screenshots in artifacts/."""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox
from test_import_dialog_keys_and_fit import imported, opened

from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService

SEED = [
    ["项目编号", "项目名称", "所在区域", "项目状态", "计划总投资（亿元）"],
    ["ZQ1", "四会光伏项目", "四会市", "在建", 12],
    ["ZQ2", "四会储能项目", "四会市", "在建", 8],
]


def ytd_file(tmp_path: Path, month: int, figures: tuple[int, int]) -> Path:
    rows = [
        [f"2026年{month}月 四会市重点项目进度表"],
        ["序号", "项目编号", "项目名称", "项目状态", f"1-{month}月累计完成投资（万元）"],
        [1, "ZQ1", "四会光伏项目", "在建", figures[0]],
        [2, "ZQ2", "四会储能项目", "在建", figures[1]],
    ]
    return write_workbook(tmp_path / f"四会市2026年{month}月.xlsx", SheetSpec("Sheet1", rows, merges=["A1:E1"]))


def october(ctx: AppContext, tmp_path: Path) -> Path:
    service = ImportService(ctx.database)
    assert service.import_file(write_workbook(tmp_path / "seed.xlsx", SheetSpec("S", SEED)), ImportOptions()).added
    assert service.import_file(ytd_file(tmp_path, 9, (7443, 1200)), ImportOptions()).written
    return ytd_file(tmp_path, 10, (8366, 1250))  # ZQ1: October 923万; ZQ2: 50万


def test_a_month_worked_out_from_the_year_to_date_is_shown_before_import(
    qtbot, translations, ctx, tmp_path, artifacts
) -> None:
    translations.switch("zh_CN")
    dialog = opened(qtbot, ctx, october(ctx, tmp_path), "zh")
    model = dialog.preview.model
    ytd = next(c for c in range(1, model.columnCount()) if "1-10月累计" in model.header_text(c))
    cell = model.index(2, ytd)  # ZQ1's row
    assert model.data(cell).startswith("8366") and "10月 923万元" in model.data(cell), model.data(cell)
    assert "由累计推算" in model.data(cell)
    assert "由累计推算" in model.header_text(ytd)  # the heading says the column's months are worked out
    tip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert "923万元" in tip and "8,366万元" in tip and "1–10月" in tip, tip
    assert "10月 50万元" in model.data(model.index(3, ytd))
    dialog.preview.table.scrollTo(dialog.preview.proxy.mapFromSource(cell))
    dialog.grab().save(str(artifacts / "import_dialog_ytd_derived_zh.png"))
    dialog.import_button.click()
    imported(qtbot, dialog)
    pid = next(p.id for p in ctx.projects.all_projects() if p.name == "四会光伏项目")
    stored = {r.month: r.amount for r in ctx.projects.investment(pid) if r.year == 2026}
    assert stored[10] == 9_230_000 and sum(stored.values()) == 83_660_000, stored  # what the preview said


def test_the_dialog_fits_an_800_by_600_screen_with_combos_unsqueezed(
    qtbot, translations, ctx, tmp_path, artifacts
) -> None:
    assert QGuiApplication.primaryScreen().availableGeometry().width() == 800  # the offscreen test screen
    path = october(ctx, tmp_path)
    for lang in ("en", "zh"):  # (English's words are the wider)
        translations.switch("zh_CN" if lang == "zh" else "en")
        dialog = opened(qtbot, ctx, path, lang)
        least = dialog.minimumSizeHint()
        assert least.width() <= 800 and least.height() <= 600 - 40, (lang, least)  # 40: a title bar
        assert dialog.width() <= 800 and dialog.maximumWidth() > 10_000  # no cap on the size
        dialog.resize(800, 560)
        qtbot.wait(50)
        combos = [c for c in dialog.findChildren(QComboBox) if c.isVisible()]
        assert len(combos) >= 6
        for combo in combos:  # each as wide as its text wants, and inside the dialog
            assert combo.width() >= combo.minimumSizeHint().width(), (lang, combo.currentText(), combo.width())
            assert dialog.rect().contains(combo.geometry().translated(combo.parentWidget().mapTo(dialog, QPoint())))
        for button in (dialog.import_button, dialog.close_button):
            assert button.isVisible() and button.mapTo(dialog, button.rect().bottomRight()).x() < dialog.width()
        dialog.grab().save(str(artifacts / f"import_dialog_800x600_{lang}.png"))

"""Two things the import dialog said wrongly (probe26c): a cancelled import's red line stayed after a
later import succeeded, and a monthly round's workbook opened with File › Import showed only its
invalid template rows, never that the round collects it. Real widgets and files, both engines."""

from __future__ import annotations

import csv
from pathlib import Path

from import_files import SheetSpec, write_workbook
from PySide6.QtGui import QUndoStack
from round_returns import H_MONTH, H_STATUS, Sheet
from test_import_dialog import wait_idle
from test_probe24_round_returns import _book, _history

from zqtracker.services.context import AppContext
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog


def opened(qtbot, ctx: AppContext, path: Path) -> ImportDialog:
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path, lang="en")
    qtbot.addWidget(dialog)
    dialog.remember_check.setChecked(False)
    dialog.resize(1366, 768)
    dialog.show()
    wait_idle(qtbot, dialog)
    return dialog


def test_a_cancelled_imports_message_goes_when_the_next_import_starts(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path
) -> None:
    rows = [["项目名称", "所在区域", "计划总投资（万元）"]]
    rows += [[f"端州测试项目{i:04d}", "端州区", 1000 + i] for i in range(3000)]
    dialog = opened(qtbot, ctx, write_workbook(tmp_path / "big.xlsx", SheetSpec("项目", rows)))
    assert dialog.analysis.added == 3000
    dialog.import_button.click()
    dialog.operation.cancel()  # what the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60_000)
    assert dialog.error_label.text() == "Import cancelled: nothing was written."
    assert dialog.import_result is None and ctx.projects.all_projects() == []
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=120_000)
    assert dialog.import_result.written and dialog.import_result.added == 3000
    assert dialog.error_label.text() == "" and not dialog.error_label.isVisible()  # (it stayed red before)
    dialog.grab().save(str(artifacts / "import-after-a-cancel.png"))


def test_a_rounds_workbook_in_the_import_dialog_says_to_collect_it(
    qtbot, demo_ctx: AppContext, tmp_path: Path, artifacts: Path
) -> None:
    path = _book(demo_ctx, tmp_path)
    sh = Sheet.open(path)
    pid, _before = _history(demo_ctx, sh)
    sh.set(pid, H_STATUS, "投产")
    sh.set(pid, H_MONTH, 10)
    sh.save()
    dialog = opened(qtbot, demo_ctx, path)
    said = dialog.error_label.text()
    assert said.startswith(f"“{path.name}” is a monthly round's workbook")
    assert "collect it with Tools › Monthly round… › Collect returns…" in said and "zqtracker round" not in said
    assert dialog.error_label.isVisible() and not dialog.import_button.isEnabled()
    dialog.grab().save(str(artifacts / "import-round-workbook.png"))

    # the round's table saved as CSV (no hidden sheet): the grey columns are named, left out in the dialog's way
    target = tmp_path / "高要区_2023-10.csv"
    with target.open("w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh).writerows([["" if v is None else v for v in row] for row in sh.ws.iter_rows(values_only=True)])
    copied = opened(qtbot, demo_ctx, target)
    said = copied.error_label.text()
    assert "columns G, H, I hold the status and figures on record" in said
    assert said.endswith("Leave them out and import again: click each one's header, choose Not imported")
    copied.skip_check.setChecked(True)  # skipping invalid rows does not let the grey columns be read
    wait_idle(qtbot, copied)
    assert not copied.import_button.isEnabled() and "--map" not in copied.error_label.text()

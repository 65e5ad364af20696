"""The desktop app as session 35's probe left it at 1366×768: a near name's question below the fold of the
import dialog's questions, the longest districts cut in the project table, the preview's planned investment in
亿 where the dry run gives yuan, and no way to reopen a closed month but the command line. Real .xlsx files,
real widgets (SQLite: the widget tests' engine)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_import_dialog_probe40c import HEAD, STORED
from test_import_dialog_totals import shown

from zqtracker.cli.commands.import_file import change_line
from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_preview_says_a_planned_investment_change_in_exact_yuan_as_the_dry_run(
    qtbot, translations, ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    """3112万 → 3112.4万: the preview said "0.31120亿元 → 0.31124亿元" (in 亿, with the decimals it takes) where the
    dry run says 31,120,000 → 31,124,000 yuan; now the preview says the dry run's words, the exact figures."""
    translations.switch("zh_CN" if lang == "zh" else "en")
    seed = write_workbook(tmp_path / "seed.xlsx", SheetSpec("S", [HEAD, STORED]))
    service = ImportService(ctx.database)
    assert service.import_file(seed, ImportOptions()).added == 1
    changed = write_workbook(tmp_path / "b.xlsx", SheetSpec("S", [HEAD, [*STORED[:4], 3112.4, *STORED[5:]]]))
    [dry] = service.import_file(changed, ImportOptions(), dry_run=True).changes
    said = change_line(dry, lang).split(": ", 1)[1]  # "Planned investment 31,120,000 yuan → 31,124,000 yuan"
    assert ("31,120,000 元 → 31,124,000 元" if lang == "zh" else "31,120,000 yuan → 31,124,000 yuan") in said
    dialog = shown(qtbot, ctx, changed, lang)
    text = dialog.preview.detail.text()
    assert said in text, (said, text)

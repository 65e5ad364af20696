"""What to do about a problem or a note is said where it is read: the import dialog names its own
questions and its column menu (“the same as …” above the table, “Not imported” under a column's
header), never a flag; the command line names the flag (--link, --map, --date-order, --status-map,
--unit), never the preview — in its text and in --json, which scripts read. One file gives every
family at once: a code that is a stored project's under a name nothing like it, a near name, slash
dates that read either way, an unknown status word, amounts in dollars. Real .xlsx files, the real
CLI, the real dialog; English and Chinese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from PySide6.QtCore import Qt
from test_import_dialog_totals import shown
from test_read_hostile import run

from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService

SEED = [["项目编号", "项目名称", "所在区域", "计划总投资（亿元）"], ["ZQ-001", "恒通光伏组件扩产项目", "高要区", 2]]
HEAD = ["项目编号", "项目名称", "所在区域", "项目状态", "签约时间", "投资总额（万美元）"]
ROWS = [
    ["ZQ-001", "星河数据中心项目", "高要区", "在建", "03/04/2023", 100],  # row 2: the code is another project's
    [None, "恒通光伏组件扩产项目（一期）", "高要区", "在建", "05/06/2023", 50],  # row 3: a near name
    ["ZQ-009", "云帆新材料项目", "高要区", "深度对接", "07/08/2023", 30],  # row 4: a status word nobody taught
]

# What each surface says, by family (the code's, the near name's, the dates', the status word's, the dollars')
CLI_SAYS = {
    "en": ["--link 2=ZQ-001", "--map A=none", "--link 3=CODE", "--date-order dmy", "--status-map", "--unit"],
    "zh": ["--link 2=ZQ-001", "--map A=none", "--link 3=编号", "--date-order dmy", "--status-map", "--unit"],
}
APP_SAYS = {
    "en": [
        "“the same as …” in the row's question above the table",
        "click its header and choose “Not imported”",
        "“new project (keep apart)”",
        "choose “day/month” in the question on slash dates above the table",
        "in the questions above the table",
        "give its rate above the table",
    ],
    "zh": [
        "在表格上方该行的问题中选“即 ……”",
        "单击其表头，选“不导入”",
        "“新项目（分开）”",
        "“可两种读法的斜杠日期”一问中选择“日/月”",
        "在表格上方的问题中",
        "“…汇率”处填写汇率",
    ],
}
PREVIEW = {"en": ("preview", "above the table", "“Not imported”"), "zh": ("预览", "表格上方", "“不导入”")}


def files(tmp_path: Path) -> tuple[Path, Path]:
    seed = write_workbook(tmp_path / "seed.xlsx", SheetSpec("S", SEED))
    return seed, write_workbook(tmp_path / "高要区.xlsx", SheetSpec("项目清单", [HEAD, *ROWS]))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_command_line_names_the_flags(db_path: Path, tmp_path: Path, lang: str) -> None:
    seed, path = files(tmp_path)
    assert run("--db", str(db_path), "import", str(seed))[0] == 0
    status, out, err = run("--db", str(db_path), "--lang", lang, "import", str(path))
    said = out + err  # three rows wait for an answer: nothing written
    assert status == 1 and {"en": "nothing was written", "zh": "未写入任何数据"}[lang] in said, said
    for words in CLI_SAYS[lang]:
        assert words in said, (words, said)
    for words in PREVIEW[lang]:
        assert words not in said, (words, said)
    status, out, _err = run("--db", str(db_path), "--lang", lang, "import", str(path), "--json")
    found = json.loads(out)
    texts = " ".join([*(p["error"] for p in found["skipped"]), *found["notes"]])
    for words in CLI_SAYS[lang]:  # scripts use the command line: the flag form
        assert words in texts, (words, texts)
    assert not any(words in texts for words in PREVIEW[lang]), texts


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_dialog_names_its_own_questions(
    qtbot, translations, ctx: AppContext, tmp_path: Path, artifacts: Path, lang: str
) -> None:
    translations.switch(lang)
    seed, path = files(tmp_path)
    ImportService(ctx.database).import_file(seed, ImportOptions())
    dialog = shown(qtbot, ctx, path, lang)
    tree = dialog.problem_list.tree
    problems = [tree.topLevelItem(i).text(4) for i in range(tree.topLevelItemCount())]
    said = "\n".join([*problems, dialog.notes_label.text()])
    assert len(problems) >= 3, said  # the code's row, the near name's, the word's
    for words in APP_SAYS[lang]:
        assert words in said, (words, said)
    assert "--" not in said, said  # a user of the desktop app never types a flag
    model = dialog.preview.model  # a red cell's reason on hover, and the row's "What happens"
    cells = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    hover = "\n".join(str(model.data(i, Qt.ItemDataRole.ToolTipRole) or "") for i in cells)
    what = "\n".join(str(model.data(model.index(r, 0)) or "") for r in range(model.rowCount()))
    assert APP_SAYS[lang][0] in hover and "--" not in hover + what, hover + what
    # and the questions it names are there, above the table
    q = dialog.questions
    assert q.links_box.isVisible() and q.words_box.isVisible() and q.date_box.isVisible() and q.rates_box.isVisible()
    assert q.geometry().bottom() < dialog.preview.mapTo(dialog, dialog.preview.rect().topLeft()).y()
    tree.setCurrentItem(tree.topLevelItem(0))
    dialog.grab().save(str(artifacts / f"import-remedy-{lang}.png"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_round_return_window_says_its_own_question_not_a_flag(
    qtbot, demo_ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    """The round-return window asks a near name on its new-projects sheet as the import dialog does
    (its question above the table, ui/link_questions.py), so the problem says that — not the command
    line's round collect --link. (The problems are worded in the window's ``lang``; the interface's
    own words are not what is looked at here.)"""
    from PySide6.QtGui import QUndoStack
    from round_returns import Sheet, sql
    from test_round_collect_figures import NEW_MONTH, NEW_NAME, NEW_PLANNED, NEW_STATUS, OCT, reported

    from zqtracker.services.rounds import RoundService
    from zqtracker.ui.events import DataEvents
    from zqtracker.ui.round_return import ReturnDialog

    made = RoundService(demo_ctx.database).create(OCT, tmp_path / "out", districts=["高要区"], lang="zh")
    path = made.books[0].path
    sheet = Sheet.open(path)
    name = sql(demo_ctx, "SELECT name FROM projects WHERE id = ?", reported(demo_ctx, sheet, 9))[0][0]
    near = name.replace("项目", "（二期）项目") if name.endswith("项目") else name + "（二期）"
    sheet.add_new(1, **{NEW_NAME: near, NEW_PLANNED: 5000, NEW_STATUS: "签约", NEW_MONTH: 20})
    sheet.save()
    dialog = ReturnDialog(demo_ctx, DataEvents(), QUndoStack(), path, None, lang=lang)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.ret is not None and dialog.ret.analysis is not None, timeout=60_000)
    said = dialog.notes.text()
    assert "--link" not in said and PREVIEW[lang][1] in said, said
    assert dialog.links.isVisible()

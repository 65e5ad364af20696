"""The round in the desktop app (issue 17): Tools › Monthly round, a returned workbook dropped on the
window previewed with its differences and findings, decided, imported and undone; both languages.
Screenshots go to artifacts/ (and /work/shots/round/ when that folder exists)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from round_returns import H_MONTH, H_PROGRESS, H_STATUS, H_YTD, H_YTD_BEFORE, YI, Sheet, plan, reported, sql
from ui_helpers import undo_import

from zqtracker.domain.rounds import DistrictState, Period
from zqtracker.services.context import AppContext
from zqtracker.services.round_collect import SENT_BACK
from zqtracker.services.round_words import WORDS as ROUND_WORDS
from zqtracker.services.rounds import RoundService

OCT = Period(2023, 10)
THREE = ["高要区", "四会市", "鼎湖区"]
SHOTS = [Path(__file__).resolve().parent.parent / "artifacts" / "round", Path("/work/shots/round")]


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    for folder in SHOTS:
        if folder.parent.exists():
            folder.mkdir(parents=True, exist_ok=True)
            widget.grab().save(str(folder / name))


def opened_return(qtbot, window, ctx: AppContext, path: Path, lang: str):  # type: ignore[no-untyped-def]
    """The return dialog on ``path``, its reading and analysis done."""
    from zqtracker.ui.round_return import ReturnDialog

    dialog = ReturnDialog(ctx, window.events, window.undo_stack, path, window, lang=lang)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.ret is not None and dialog.ret.analysis is not None, timeout=60_000)
    return dialog


def _fill(paths: dict[str, Path], ctx: AppContext) -> tuple[int, int]:
    """高要区: three figures, one status; a 元 slip on the fourth row. Returns (slipped, first)."""
    sheet = Sheet.open(paths["高要区"])
    chosen = [pid for pid in sheet.ids() if sql(
        ctx, "SELECT COUNT(*) FROM investment_records WHERE project_id = ? AND year = 2023 AND amount > 0", pid
    )[0][0] >= 6][:4]  # fmt: skip
    for k, pid in enumerate(chosen[:3], start=1):
        sheet.set(pid, H_YTD, sheet.get(pid, H_YTD_BEFORE) + 20 * k)
        sheet.set(pid, H_PROGRESS, "设备进场安装" if k == 1 else "主体结构施工")
    sheet.set(chosen[0], H_STATUS, "设备调试")
    sheet.set(chosen[3], H_MONTH, 2_500_000)
    sheet.add_new(1, **{"项目名称": "西江新型储能电站项目", "所属行业": "新型储能", "计划总投资（万元）": 60000,
                        "本月项目状态": "签约", "当月完成投资（万元）": 150})  # fmt: skip
    sheet.save()
    return chosen[3], chosen[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_round_view_and_a_dropped_return(
    qtbot, make_window, translations, demo_ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    from zqtracker.ui.round_return import ReturnDialog
    from zqtracker.ui.round_view import RoundView

    translations.switch(lang)
    window = make_window(demo_ctx)
    view = RoundView(
        demo_ctx, window.events, window.undo_stack, window, lang=lang, book_lang="zh", today=date(2023, 11, 13)
    )
    qtbot.addWidget(view)
    view.show()
    assert view.model.rowCount() == 0 and view.current_period() is None
    view.create_round(OCT, tmp_path, THREE)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=60_000)
    assert view.current_period() == OCT
    states = {view.model.rows[i].district: view.model.data(view.model.index(i, view.model.COL_STATE)) for i in range(3)}
    assert all(("逾期3天" if lang == "zh" else "late by 3 days") in s for s in states.values()), states
    paths = {b: next(tmp_path.rglob(f"{b}_2023-10.xlsx")) for b in THREE}
    slipped, first = _fill(paths, demo_ctx)

    # dropping the returned workbook on the window opens the round's preview, not the plain import
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(paths["高要区"]))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(drop)
    dialog = window.dialogs.return_dialog
    assert isinstance(dialog, ReturnDialog)
    qtbot.waitUntil(lambda: dialog.ret is not None and dialog.ret.analysis is not None, timeout=60_000)
    ret = dialog.ret
    assert ret.district == "高要区" and dialog.changes.topLevelItemCount() == 5
    assert not dialog.import_button.isEnabled()  # a finding is undecided
    texts = [dialog.findings.topLevelItem(i).text(2) for i in range(dialog.findings.topLevelItemCount())]
    assert any(("可能按元填报" if lang == "zh" else "likely typed in yuan") in t for t in texts), texts
    dialog.resize(1200, 640)
    _shot(dialog, f"return-preview-{lang}.png")
    dialog.decide([f for f in ret.findings if f.project_id == slipped], SENT_BACK)
    dialog.save_checks(tmp_path / "checks.xlsx")
    assert (tmp_path / "checks.xlsx").stat().st_size > 0
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        dialog.import_button.click()
    assert [p.code for p in []] == []
    records = {r.month: r.amount for r in demo_ctx.projects.investment(first) if r.year == 2023}
    assert records[10] == 20 * 10_000
    assert demo_ctx.projects.get(first).status.value == "commissioning"
    view.refresh()
    row = next(r for r in view.model.rows if r.district == "高要区")
    assert row.state is DistrictState.IMPORTED and row.added == 1
    view.resize(980, 420)
    _shot(view, f"round-view-{lang}.png")

    # Edit › Undo takes the return back as one step
    undo_import(qtbot, window.undo_stack)
    assert 10 not in {r.month for r in demo_ctx.projects.investment(first) if r.year == 2023}
    undo_import(qtbot, window.undo_stack, redo=True)
    assert 10 in {r.month for r in demo_ctx.projects.investment(first) if r.year == 2023}

    view.close_month(OCT)
    assert not view.collect_button.isEnabled()
    assert RoundService(demo_ctx.database).status(OCT).closed_at is not None
    reminder = view.reminder()
    assert "四会市" in reminder and "鼎湖区" in reminder
    gaoyao = next((p for p in reminder.split("\n\n") if p.startswith("高要区")), "")  # returned: its blank rows
    assert gaoyao == "" or gaoyao.startswith(ROUND_WORDS.say("reminder_returned", lang, district="高要区",
                                                             period=OCT.label(lang)))  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_choosing_districts_says_what_choosing_does(
    qtbot, make_window, translations, demo_ctx: AppContext, lang: str
) -> None:
    """The dialog is more than a list and OK: a sentence says a ticked district gets a workbook to
    fill in, an unticked one is left out, and that the folder comes next — in the interface's
    language, with the month named."""
    from PySide6.QtWidgets import QDialog, QLabel, QListWidget
    from ui_helpers import when_modal
    from ui_language import problems

    from zqtracker.ui.round_view import RoundView

    translations.switch("zh_CN" if lang == "zh" else "en")
    window = make_window(demo_ctx)
    view = RoundView(demo_ctx, window.events, window.undo_stack, window, lang=lang, today=date(2023, 11, 13))
    qtbot.addWidget(view)
    seen: list[tuple[str, int, list[str]]] = []

    def answer(dialog: QDialog) -> None:
        prompt = dialog.findChild(QLabel, "districts_prompt")
        assert prompt is not None and prompt.isVisible() and prompt.wordWrap()
        rows = dialog.findChild(QListWidget).count()
        seen.append((prompt.text(), rows, problems([("prompt", prompt.text())], lang)))
        _shot(dialog, f"round-districts-{lang}.png")
        dialog.reject()

    when_modal(answer)
    assert view.choose_districts(Period(2023, 11)) == []
    assert seen, "the dialog did not open"
    text, rows, found = seen[0]
    assert rows > 0 and found == [], found
    if lang == "zh":
        assert "2023年11月" in text and "勾选" in text and "文件夹" in text, text
    else:
        assert "November 2023" in text and "Untick" in text and "folder" in text, text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_return_with_a_hidden_filled_row_asks_before_importing(
    qtbot, make_window, translations, demo_ctx: AppContext, tmp_path: Path, lang: str
) -> None:

    translations.switch(lang)
    window = make_window(demo_ctx)
    made = RoundService(demo_ctx.database).create(OCT, tmp_path, districts=["高要区"], lang="zh")
    path = made.books[0].path
    sheet = Sheet.open(path)
    pid = sheet.ids()[0]
    sheet.set(pid, H_MONTH, 70)
    sheet.ws.row_dimensions[sheet.row_of(pid)].hidden = True  # typed, then hidden before sending it back
    sheet.save()
    dialog = opened_return(qtbot, window, demo_ctx, path, lang)
    said = "隐藏" if lang == "zh" else "hidden in the sheet"
    assert said in dialog.notes.text() and f"{sheet.row_of(pid)}" in dialog.notes.text()
    assert not dialog.import_button.isEnabled()
    dialog.resize(1200, 640)
    _shot(dialog, f"return-hidden-row-{lang}.png")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_return_changing_figures_on_record_is_imported_only_when_ticked(
    qtbot, make_window, translations, demo_ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    """The desktop's --again: a return filled in again with other figures for a month on record shows
    each change as before → after and imports only once "replace the figures on record" is ticked."""
    from zqtracker.services.round_collect import RoundCollector

    translations.switch(lang)
    window = make_window(demo_ctx)
    path = RoundService(demo_ctx.database).create(OCT, tmp_path, districts=["高要区"], lang="zh").books[0].path
    sheet = Sheet.open(path)
    pid = next(p for p in sheet.ids() if sql(
        demo_ctx, "SELECT MAX(month) FROM investment_records WHERE project_id = ? AND year = 2023", p
    )[0][0] == 9 and sql(demo_ctx, "SELECT status FROM projects WHERE id = ?", p)[0][0] != "lead")  # fmt: skip
    sheet.set(pid, H_MONTH, 10)
    sheet.save()
    collector = RoundCollector(demo_ctx.database)
    assert collector.apply(collector.analyse(collector.read(path)), accept_open=True).written
    sheet = Sheet.open(path)
    sheet.set(pid, H_MONTH, 12)  # the same month's workbook filled again: a correction, or November's figures
    sheet.save()

    def october() -> int:
        return sql(demo_ctx, "SELECT amount FROM investment_records WHERE project_id = ? AND year = 2023 "
                   "AND month = 10", pid)[0][0]  # fmt: skip

    dialog = opened_return(qtbot, window, demo_ctx, path, lang)
    for f in list(dialog.ret.open_findings):
        dialog.decide([f], "accepted")
    shown = [dialog.changes.topLevelItem(i).text(3) for i in range(dialog.changes.topLevelItemCount())]
    assert ("10万元 → 12万元" if lang == "zh" else "¥0.10 mn → ¥0.12 mn") in " ".join(shown), shown
    assert ("已有记录" if lang == "zh" else "already on record") in dialog.notes.text()
    assert dialog.again_box.isVisible() and not dialog.again_box.isChecked()
    assert not dialog.import_button.isEnabled()
    dialog.resize(1200, 640)
    _shot(dialog, f"return-changes-record-{lang}.png")
    dialog.again_box.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        dialog.import_button.click()
    assert october() == 12 * 10_000


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_300wan_settled_by_the_planned_investment_on_record_is_noted_in_the_preview(
    qtbot, make_window, translations, demo_ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    """“300万” in 当月 of a project planned at 5亿 is 300万元 (300亿 cannot be meant): the preview says so
    and the return imports; the same on a project planned at 500亿 is a question."""
    translations.switch(lang)
    window = make_window(demo_ctx)
    path = RoundService(demo_ctx.database).create(OCT, tmp_path, districts=["高要区"], lang="zh").books[0].path
    sheet = Sheet.open(path)
    a, b = reported(demo_ctx, sheet, 2)
    plan(demo_ctx, sheet, a, 5 * YI)
    plan(demo_ctx, sheet, b, 500 * YI)
    sheet.set(a, H_MONTH, "300万")
    sheet.set(b, H_MONTH, "300万")
    sheet.save()
    dialog = opened_return(qtbot, window, demo_ctx, path, lang)
    text = dialog.notes.text()
    settled = "按万元读取" if lang == "zh" else "is read as 万元"
    asked = "两种读法" if lang == "zh" else "reads two ways"
    assert settled in text and f"{sheet.row_of(a)}" in text and asked in text, text
    assert not dialog.import_button.isEnabled()
    dialog.resize(1200, 640)
    _shot(dialog, f"return-300wan-{lang}.png")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_new_projects_near_name_is_asked_in_the_window_and_answered_there(
    qtbot, make_window, translations, demo_ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    """A new project whose name is near a stored one's: the window asks which it is (as the import
    dialog does) and says so in its words — it named `round collect --link 4=new`, a flag no one can
    type there. "New project (keep apart)" imports it as a project of its own."""
    translations.switch(lang)
    window = make_window(demo_ctx)
    path = RoundService(demo_ctx.database).create(OCT, tmp_path, districts=["高要区"], lang="zh").books[0].path
    sheet = Sheet.open(path)
    stored = sql(demo_ctx, "SELECT name FROM projects WHERE id = ?", sheet.ids()[0])[0][0]
    near = stored.replace("项目", "（二期）项目") if stored.endswith("项目") else stored + "（二期）"
    sheet.add_new(1, **{"项目名称": near, "计划总投资（万元）": 5000, "本月项目状态": "签约"})
    sheet.save()
    dialog = opened_return(qtbot, window, demo_ctx, path, lang)
    assert dialog.links.isVisible() and not dialog.import_button.isEnabled()
    label = dialog.links.form.itemAt(0, dialog.links.form.ItemRole.LabelRole).widget().text()
    assert near in label and ("相近" in label if lang == "zh" else "a near name" in label), label
    assert "--link" not in dialog.notes.text() and near in dialog.notes.text()
    dialog.resize(1200, 640)
    _shot(dialog, f"return-near-name-{lang}.png")
    combo = dialog.links.form.itemAt(0, dialog.links.form.ItemRole.FieldRole).widget()
    combo.setCurrentIndex(combo.findData(0))  # a new project, kept apart
    qtbot.waitUntil(lambda: not dialog.links.isVisible(), timeout=30_000)  # analysed again, answered
    assert not dialog.links.isVisible() and near not in dialog.notes.text()
    for f in list(dialog.ret.open_findings):
        dialog.decide([f], "accepted")
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        dialog.import_button.click()
    assert sql(demo_ctx, "SELECT COUNT(*) FROM projects WHERE name = ?", near)[0][0] == 1
    assert sql(demo_ctx, "SELECT COUNT(*) FROM projects WHERE name = ?", stored)[0][0] == 1

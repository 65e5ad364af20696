"""The round's windows are not modal: a live language switch re-words the monthly round view and an
open return's preview while they stay open — the return analysed again in the new language, the
decisions taken kept. Real workbooks of a real round, real widgets, both directions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from test_ui_round import OCT, THREE, _fill, _shot, opened_return
from ui_language import data_words, interface_texts, problems

from zqtracker.services.context import AppContext
from zqtracker.services.round_collect import SENT_BACK
from zqtracker.services.rounds import RoundService

RETURN = {
    "en": {"title": "Return of 高要区 — October 2023", "import": "Import", "checks": "Plausibility checks",
           "slip": "likely typed in yuan", "decision": "sent back", "header": "Finding"},
    "zh": {"title": "高要区回表 — 2023年10月", "import": "导入", "checks": "合理性检查",
           "slip": "可能按元填报", "decision": "已退回", "header": "检查结果"},
}  # fmt: skip
VIEW = {
    "en": {"title": "Monthly round", "month": "October 2023", "state": "late by 3 days", "collect": "Collect returns…",
           "reminders": "Reminders"},
    "zh": {"title": "月度报表轮次", "month": "2023年10月", "state": "逾期3天", "collect": "收取回表…",
           "reminders": "催报"},
}  # fmt: skip


def test_a_live_switch_rewords_the_open_round_view_and_return(
    qtbot, make_window, translations, settings, demo_ctx: AppContext, tmp_path: Path
) -> None:
    from zqtracker.ui.round_view import RoundView

    translations.switch("en")
    window = make_window(demo_ctx)
    RoundService(demo_ctx.database).create(OCT, tmp_path, districts=THREE, lang="zh")
    paths = {b: next(tmp_path.rglob(f"{b}_2023-10.xlsx")) for b in THREE}
    slipped, _first = _fill(paths, demo_ctx)
    view = RoundView(demo_ctx, window.events, window.undo_stack, window, lang="en", today=date(2023, 11, 13))
    qtbot.addWidget(view)
    view.resize(980, 420)
    view.show()
    dialog = opened_return(qtbot, window, demo_ctx, paths["高要区"], "en")
    dialog.resize(1366, 768)
    dialog.decide([f for f in dialog.ret.findings if f.project_id == slipped], SENT_BACK)  # the user's decision
    ready = dialog.import_button.isEnabled()
    view.remind_button.click()
    reminders = view._dialogs[-1]
    data = data_words(demo_ctx) | set(THREE) | {p.name for p in paths.values()}

    for lang in ("zh", "en", "zh"):
        analysis = dialog.ret.analysis
        settings.language = "zh_CN" if lang == "zh" else "en"  # Preferences' OK
        qtbot.wait(50)
        # the return: analysed again in the new language, what was decided kept
        assert dialog.lang == lang and dialog.ret.analysis is not analysis and dialog.ret.options.lang == lang
        words = RETURN[lang]
        assert dialog.windowTitle() == words["title"] and dialog.import_button.text() == words["import"]
        findings = dialog.findings
        assert dialog.findings_label.text() == words["checks"] and findings.headerItem().text(2) == words["header"]
        rows = [[findings.topLevelItem(i).text(c) for c in (2, 3)] for i in range(findings.topLevelItemCount())]
        slips = [decision for finding, decision in rows if words["slip"] in finding]
        assert slips and slips == [words["decision"]] * len(slips), rows
        assert dialog.import_button.isEnabled() == ready
        found = problems(interface_texts(dialog), lang, data)
        # the view: its words, the month's name (still the one chosen), the districts' states
        words = VIEW[lang]
        assert view.windowTitle() == words["title"] and view.collect_button.text() == words["collect"]
        assert view.current_period() == OCT and view.month.currentText() == words["month"]
        states = [view.model.data(view.model.index(i, view.model.COL_STATE)) for i in range(view.model.rowCount())]
        assert sum(words["state"] in s for s in states) == 2, states  # 高要区 returned: not late
        found += problems(interface_texts(view), lang, data)
        # the reminders opened from the view: who owes the month, in the new language
        said = reminders.edit.toPlainText()
        assert reminders.windowTitle() == words["reminders"] and "鼎湖区" in said and "四会市" in said
        found += problems([("reminders", said), *interface_texts(reminders)], lang, data)
        assert found == [], "\n".join(found)
        _shot(dialog, f"return-live-switch-to-{lang}.png")
        _shot(view, f"round-view-live-switch-to-{lang}.png")
        _shot(reminders, f"round-reminders-live-switch-to-{lang}.png")

"""The detail pane's Changes tab: a project's audit trail (留痕), in both languages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ui_helpers import click, when_modal

from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext

SHOTS = Path("/work/shots/server")


def test_the_changes_tab_lists_who_changed_what(make_window, ctx: AppContext, translations, artifacts) -> None:
    p = ctx.projects.create(Project("端州智能装备项目", "智能装备", "端州区", Status.SIGNED, 5 * 10**8, code="DZ-9"))
    edit = ctx.projects.get(p.id)
    edit.planned_investment, edit.officer = 6 * 10**8, "王芳"
    ctx.projects.update(edit)
    ctx.projects.change_status([p.id], Status.UNDER_CONSTRUCTION, date(2024, 3, 1))
    ctx.projects.set_investment(p.id, [(2024, 3, 20_000_000)])
    window = make_window(ctx)
    page = window.projects
    page.table.select_ids([p.id])
    detail = page.detail
    detail.tabs.setCurrentIndex(3)
    log = detail.changes
    assert detail.tabs.tabText(3) == "Changes"
    assert log.rowCount() == 5  # created, planned investment, officer, status, March's investment
    texts = [" | ".join(log.item(i, j).text() for j in range(4)) for i in range(log.rowCount())]
    assert texts[0].endswith("completed investment 2024-03: (none) → 20,000,000 yuan")
    assert any("Status: Signed → Under construction" in t for t in texts)
    assert any("Planned investment: 500,000,000 yuan → 600,000,000 yuan" in t for t in texts)
    assert texts[-1].endswith("project created")
    window.resize(1400, 800)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "detail_changes_en.png"))
    translations.switch("zh")
    assert detail.tabs.tabText(3) == "修改留痕"
    texts = [" | ".join(log.item(i, j).text() for j in range(4)) for i in range(log.rowCount())]
    assert any("状态：签约 → 在建" in t for t in texts) and texts[-1].endswith("项目新建")
    window.grab().save(str(SHOTS / "detail_changes_zh.png"))


def test_a_refused_undo_says_what_the_colleague_did(make_window, ctx: AppContext, db_url: str, translations) -> None:
    p = ctx.projects.create(Project("高要新材料项目", "金属新材料", "高要区", Status.SIGNED, 10**9, code="GY-7"))
    window = make_window(ctx)
    window.projects.table.select_ids([p.id])
    when_modal(lambda d: click(d, "OK"), name="change_status_dialog")
    window.actions_.change_status.trigger()
    assert ctx.projects.get(p.id).status is not Status.SIGNED
    colleague = AppContext.open(db_url)
    try:
        theirs = colleague.projects.get(p.id)
        theirs.notes = "土地已摘牌"
        colleague.projects.update(theirs)
    finally:
        colleague.close()
    shown: list[str] = []
    for lang, name in (("en", "refused_undo_en.png"), ("zh", "refused_undo_zh.png")):
        translations.switch(lang)

        def answer(box, name=name) -> None:  # type: ignore[no-untyped-def]
            shown.append(box.text())
            box.grab().save(str(SHOTS / name))
            box.accept()

        when_modal(answer, name="error_message")
        window.actions_.undo.trigger()
        if lang == "en":  # the refused command left the stack; put a fresh one there for the Chinese shot
            window.projects.table.select_ids([p.id])
            stored = ctx.projects.get(p.id)
            assert stored.notes == "土地已摘牌" and stored.status is not Status.SIGNED  # nothing overwritten
            when_modal(lambda d: click(d, "OK"), name="change_status_dialog")
            window.actions_.change_status.trigger()
            colleague = AppContext.open(db_url)
            try:
                theirs = colleague.projects.get(p.id)
                theirs.notes = "土地已摘牌，待开工"
                colleague.projects.update(theirs)
            finally:
                colleague.close()
    assert "Nothing was overwritten" in shown[0] and "Notes: (none) → 土地已摘牌" in shown[0]
    assert "未覆盖" in shown[1] or "没有" in shown[1] or "覆盖" in shown[1]
    assert "最近一次修改" in shown[1] and "备注：土地已摘牌 → 土地已摘牌，待开工" in shown[1]

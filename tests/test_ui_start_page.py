"""A new user knows what to do on the first screen: the start page of an empty database, and the
empty states of every view (a filter that matches nothing, an empty dashboard and summaries)."""

from __future__ import annotations

import pytest
from ui_helpers import when_modal

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.ui.database_actions import DEMO

SCREEN = (1366, 740)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_new_database_shows_the_start_page(make_window, ctx: AppContext, translations, qtbot, artifacts, lang):
    translations.switch(lang)
    window = make_window(ctx)
    window.resize(*SCREEN)
    page = window.projects
    assert page.is_start_page_shown() and page.start_page.isVisible()
    start = page.start_page
    assert start.import_.isEnabled() and start.new_project.isEnabled() and start.demo.isEnabled()
    assert start.connect_.isEnabled()
    qtbot.wait(50)
    window.grab().save(str(artifacts / f"start-page-{lang}.png"))

    def cancel(editor) -> None:
        editor.reject()

    seen = when_modal(cancel, name="project_editor")
    start.new_project.click()  # the same as Edit › New project
    assert seen
    assert page.is_start_page_shown()  # nothing was added
    ctx.projects.create(Project("第一个项目", "新型储能", "肇庆新区", Status.LEAD, 10**8))
    window.events.projects_changed.emit([])
    qtbot.waitUntil(lambda: not page.is_start_page_shown(), timeout=10_000)
    assert page.table.isVisible() and page.model.rowCount() == 1


def test_the_start_page_connects_to_a_shared_database(make_window, ctx: AppContext, qtbot) -> None:
    """Connect to a shared database… is File › Connect to server… (once a placeholder)."""
    from zqtracker.ui.connect_dialog import ConnectDialog

    window = make_window(ctx)
    seen = when_modal(lambda dialog: dialog.reject())
    window.projects.start_page.connect_.click()
    assert len(seen) == 1 and isinstance(seen[0], ConnectDialog)
    assert window.ctx is ctx  # cancelled: the same database stays open


def test_the_start_page_opens_the_demo(make_window, ctx: AppContext, qtbot) -> None:
    window = make_window(ctx)
    with qtbot.waitSignal(window.database_actions.opening, timeout=10_000) as opening:
        window.projects.start_page.demo.click()
    assert opening.args == [DEMO]
    with qtbot.waitSignal(window.projects.rows_ready, timeout=120_000):
        pass
    assert not window.projects.is_start_page_shown() and window.is_demo
    window.ctx.close()


def test_without_a_database_only_opening_one_is_offered(make_window, qtbot) -> None:
    window = make_window(None)
    start = window.projects.start_page
    assert window.projects.is_start_page_shown()
    assert not start.import_.isEnabled() and not start.new_project.isEnabled() and start.demo.isEnabled()
    assert "No database is open" in start.intro.text()


def test_a_filter_that_matches_nothing_says_so_and_clears(make_window, demo_ctx: AppContext, qtbot, artifacts):
    window = make_window(demo_ctx)
    window.resize(*SCREEN)
    page = window.projects
    page.apply_filter(ProjectFilter(search="没有这个项目"))
    assert page.model.rowCount() == 0
    assert page.no_match.isVisible() and "568" in page.no_match.message.text()
    qtbot.wait(50)
    window.grab().save(str(artifacts / "no-match-en.png"))
    page.no_match.button("clear").click()
    assert page.model.rowCount() == 568 and not page.no_match.isVisible()


def test_an_empty_dashboard_and_summaries_say_what_to_do(make_window, ctx: AppContext, qtbot, artifacts) -> None:
    window = make_window(ctx)
    window.resize(*SCREEN)
    window.tabs.setCurrentWidget(window.dashboard)
    qtbot.waitUntil(
        lambda: window.dashboard.widget is not None and window.dashboard.widget.figures is not None, timeout=30_000
    )
    dashboard = window.dashboard.widget
    assert dashboard.empty.isVisible() and not dashboard.charts.isVisible()
    assert "no projects yet" in dashboard.empty.message.text()
    qtbot.wait(50)
    window.grab().save(str(artifacts / "dashboard-no-projects-en.png"))
    requested: list[str] = []
    window.import_file = lambda path=None: requested.append("import")  # the seam File › Import uses
    dashboard.empty.button("import").click()
    assert requested == ["import"]

    window.tabs.setCurrentWidget(window.summaries)
    qtbot.waitUntil(
        lambda: window.summaries.widget is not None and window.summaries.widget.document() is not None, timeout=60_000
    )
    summaries = window.summaries.widget
    assert summaries.empty.isVisible() and not summaries.preview.isVisible()
    window.grab().save(str(artifacts / "summaries-no-projects-en.png"))


def test_a_chinese_chart_message_wraps_between_phrases_only(qapp) -> None:
    """ "2022–2023年无完成投资记/录" once: a narrow chart broke the message inside a word."""
    from PySide6.QtGui import QFontMetricsF, QTextDocument

    from zqtracker.charts.labels import keep_phrases, plain, t

    text = t("empty.records", "zh", years="2022–2023")
    assert plain(text) == "2022–2023年无完成投资记录"
    doc = QTextDocument()
    longest = QFontMetricsF(doc.defaultFont()).horizontalAdvance("无完成投资记录") + 12
    for width in range(int(longest), 260, 5):  # (narrower than a phrase, nothing can keep it whole)
        doc = QTextDocument()
        doc.setPlainText(keep_phrases(text))
        doc.setTextWidth(width)
        doc.documentLayout()  # lay out
        block = doc.firstBlock()
        layout = block.layout()
        lines = [
            block.text()[layout.lineAt(i).textStart() :][: layout.lineAt(i).textLength()]
            for i in range(layout.lineCount())
        ]
        shown = [plain(line).strip() for line in lines]
        assert "".join(shown) == plain(text)
        assert all(part in ("2022–2023年", "无完成投资记录", "2022–2023年无完成投资记录") for part in shown), (
            width,
            shown,
        )

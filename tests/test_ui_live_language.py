"""Switching the language while the app runs rewords every tab: nothing of the other language is
left on the Projects, Dashboard and Summaries tabs, charts and growth colours included."""

from __future__ import annotations

import pytest
from ui_language import data_words, interface_texts, problems

from zqtracker.domain.messages import field_label
from zqtracker.ui.import_dialog import MAPPABLE


def show_tab(qtbot, window, tab) -> None:
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.widget is not None, timeout=10_000)


def wait_dashboard(qtbot, dashboard) -> None:
    qtbot.waitUntil(lambda: dashboard.figures is not None and bool(dashboard.panels), timeout=30_000)


def wait_summaries(qtbot, summaries) -> None:
    qtbot.waitUntil(lambda: summaries.document() is not None and not summaries.is_building(), timeout=60_000)


def switch(qtbot, settings, lang: str) -> None:
    settings.language = lang  # as Preferences' OK does: announced, the window follows


def test_a_live_switch_leaves_no_word_of_the_other_language(make_window, demo_ctx, settings, qtbot, artifacts) -> None:
    from zqtracker.ui.settings import OUTPUT_LANGUAGE

    assert settings.get(OUTPUT_LANGUAGE) == ""  # printouts follow the interface
    window = make_window(demo_ctx)
    window.resize(1366, 740)
    data = data_words(demo_ctx)
    show_tab(qtbot, window, window.dashboard)
    dashboard = window.dashboard.widget
    wait_dashboard(qtbot, dashboard)
    growth_en = dashboard.tiles["yoy"].value.styleSheet()
    show_tab(qtbot, window, window.summaries)
    summaries = window.summaries.widget
    wait_summaries(qtbot, summaries)
    assert summaries.options().lang == "en"

    switch(qtbot, settings, "zh_CN")
    assert window.tabs.tabText(1) == "仪表盘"
    # Summaries: the controls are Chinese and the printout follows the interface
    assert summaries.options().lang == "zh"
    qtbot.waitUntil(
        lambda: summaries.document() is not None and summaries._document_options.lang == "zh", timeout=60_000
    )
    found = problems(interface_texts(window), "zh", data)
    qtbot.wait(50)  # posted layout events
    window.grab().save(str(artifacts / "live-switch-summaries-zh.png"))
    # Dashboard: tiles, chart titles and axes, month names; growth red (红涨绿跌)
    window.tabs.setCurrentWidget(window.dashboard)
    wait_dashboard(qtbot, dashboard)
    assert dashboard.lang == "zh"
    assert dashboard.panels["monthly"].data.title != "" and "月" in dashboard.through_box.currentText()
    growth = dashboard.figures.summary.completed.total.yoy_pct
    assert growth is not None and growth > 0
    from zqtracker.charts.theme import LIGHT

    assert LIGHT.red in dashboard.tiles["yoy"].value.styleSheet() and LIGHT.green in growth_en
    found += problems(interface_texts(window), "zh", data)
    window.grab().save(str(artifacts / "live-switch-dashboard-zh.png"))
    assert found == [], "\n".join(found)

    switch(qtbot, settings, "en")
    window.tabs.setCurrentWidget(window.dashboard)
    wait_dashboard(qtbot, dashboard)
    found = problems(interface_texts(window), "en", data)
    window.tabs.setCurrentWidget(window.summaries)
    qtbot.waitUntil(
        lambda: summaries._document_options is not None and summaries._document_options.lang == "en", timeout=60_000
    )
    found += problems(interface_texts(window), "en", data)
    window.tabs.setCurrentWidget(window.projects)
    found += problems(interface_texts(window), "en", data)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_import_column_menu_names_every_field(lang: str) -> None:
    """The menu of an import column header lists fields by name, never by key ("annual_plan")."""
    for f in MAPPABLE:
        label = field_label(f, lang)
        assert label != f and "_" not in label, f

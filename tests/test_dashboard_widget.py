"""The Dashboard tab as a real widget on real databases: numbers, clicks, refreshes, screenshots."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt, QTranslator
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget, QToolBar, QToolTip
from ui_helpers import private_settings

from zqtracker.charts.labels import as_float
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.status import Status
from zqtracker.paths import resources_dir
from zqtracker.services.context import AppContext
from zqtracker.ui.dashboard import DashboardWidget
from zqtracker.ui.events import DataEvents

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1366, 705)  # a maximised window on a 1366×768 screen, less title bar and taskbar


def open_dashboard(qtbot, ctx: AppContext, lang: str = "en", size: tuple[int, int] = (1354, 600), settings=None):
    events = DataEvents()
    widget = DashboardWidget(ctx, events, settings or private_settings(), lang=lang)
    qtbot.addWidget(widget)
    widget.resize(*size)
    with qtbot.waitSignal(widget.refreshed, timeout=30000):
        widget.show()
    return widget, events


def summary_json(ctx: AppContext, capsys, *args: str) -> dict:
    from zqtracker.cli.main import main

    capsys.readouterr()
    assert main(["--db", ctx.database.url, "summary", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def click_row(qtbot, panel, row: int, column: int = 0) -> None:
    """Click the middle of bar ``row`` in the left (0) or right (1) panel of a bar chart."""
    plot = panel.item.plots[column]
    n = len(panel.data.rows)
    (x0, x1), _ = plot.vb.viewRange()
    scene = plot.vb.mapViewToScene(QPointF(max(x0, 0) + (x1 - max(x0, 0)) * 0.1, n - 1 - row))
    QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.mapFromScene(scene))


def test_every_number_matches_the_summary_command(qtbot, demo_ctx: AppContext, capsys) -> None:
    widget, _ = open_dashboard(qtbot, demo_ctx)
    expected = summary_json(demo_ctx, capsys)
    tiles = widget.tiles
    c = expected["completed_investment"]
    assert tiles["projects"].value.text() == f"{expected['projects']:,}" == "568"
    assert tiles["planned"].value.text() == MoneyFormat(Unit.YI, "en").number(expected["planned_investment_yuan"])
    assert tiles["billion"].value.text() == str(expected["billion_yuan_projects"])
    assert (
        tiles["ytd"].value.text() == MoneyFormat(Unit.YI, "en").number(c["ytd_yuan"]) == "10.673"
    )  # demo: halted projects stop investing before they halt
    assert tiles["yoy"].value.text() == f"▲ {c['yoy_pct']:+.1f}%" == "▲ +12.0%"
    assert tiles["yoy"].detail.text() == f"same period 2022: {MoneyFormat(Unit.YI, 'en').number(c['prior_ytd_yuan'])}"
    assert tiles["ytd"].detail.text() == "Jan–Sep 2023"
    assert tiles["stale"].value.text() == str(len(demo_ctx.statistics.stale_projects(demo_ctx.projects.list_rows())))

    sectors = widget.panels["sectors"]
    assert [(r.key, r.left, r.right) for r in sectors.data.rows] == [
        (k, v["ytd_yuan"], v["yoy_pct"]) for k, v in c["by_sector"].items()
    ]  # all fourteen sectors fit the panel
    assert list(sectors.item.items["left"].opts["width"]) == [
        as_float(v["ytd_yuan"], Unit.YI) for v in c["by_sector"].values()
    ]
    districts = widget.panels["districts"]
    assert [(r.key, r.left) for r in districts.data.rows] == [(k, v["ytd_yuan"]) for k, v in c["by_district"].items()]
    pipeline = widget.panels["pipeline"]
    assert [(r.key, r.left, r.right) for r in pipeline.data.rows] == [
        (k, v["projects"], v["planned_investment_yuan"]) for k, v in expected["by_status"].items()
    ]
    assert list(pipeline.item.items["left"].opts["width"]) == [v["projects"] for v in expected["by_status"].values()]
    monthly = {s.key: s.values for s in widget.panels["monthly"].data.series}
    assert (monthly["ytd"][8], monthly["prior_ytd"][8]) == (c["ytd_yuan"], c["prior_ytd_yuan"])
    yoy = {s.key: s.values for s in widget.panels["yoy"].data.series}
    assert yoy["ytd_yoy"][8] == c["yoy_pct"]


def test_clicking_a_bar_asks_for_its_projects(qtbot, demo_ctx: AppContext) -> None:
    widget, _ = open_dashboard(qtbot, demo_ctx)
    sectors = widget.panels["sectors"]
    with qtbot.waitSignal(widget.filter_requested, timeout=5000) as caught:
        click_row(qtbot, sectors, 0)
    assert caught.args == [ProjectFilter(sectors=frozenset({sectors.data.rows[0].key}))]
    assert sectors.data.rows[0].key == "新型储能"
    with qtbot.waitSignal(widget.filter_requested, timeout=5000) as caught:
        click_row(qtbot, widget.panels["districts"], 2, column=1)  # the growth bar of the third district
    assert caught.args == [ProjectFilter(districts=frozenset({"四会市"}))]
    with qtbot.waitSignal(widget.filter_requested, timeout=5000) as caught:
        click_row(qtbot, widget.panels["pipeline"], 3)
    assert caught.args == [ProjectFilter(statuses=frozenset({Status.UNDER_CONSTRUCTION}))]
    with qtbot.waitSignal(widget.filter_requested, timeout=5000) as caught:
        QTest.mouseClick(widget.tiles["billion"], Qt.MouseButton.LeftButton)
    assert caught.args == [ProjectFilter(billion_only=True)]
    with qtbot.waitSignal(widget.filter_requested, timeout=5000) as caught:
        QTest.mouseClick(widget.tiles["signed"], Qt.MouseButton.LeftButton)
    assert caught.args == [ProjectFilter(signed_year=2023)]
    # a month of a time chart is not a filter: nothing is emitted
    monthly = widget.panels["monthly"]
    scene = monthly.item.plots[0].vb.mapViewToScene(QPointF(9, 1))
    with qtbot.assertNotEmitted(widget.filter_requested, wait=200):
        QTest.mouseClick(monthly.view.viewport(), Qt.MouseButton.LeftButton, pos=monthly.view.mapFromScene(scene))


def test_hovering_shows_exact_values(qtbot, demo_ctx: AppContext) -> None:
    widget, _ = open_dashboard(qtbot, demo_ctx, lang="zh")
    monthly = widget.panels["monthly"]
    scene = monthly.item.plots[0].vb.mapViewToScene(QPointF(9, 1))
    QTest.mouseMove(monthly.view.viewport(), monthly.view.mapFromScene(scene))
    qtbot.waitUntil(lambda: QToolTip.text() != "", timeout=3000)
    text = QToolTip.text()
    assert text.startswith("2023年9月")
    c = demo_ctx.statistics.summary(2023, 9).completed
    assert f"1–9月累计：{MoneyFormat(Unit.YI, 'zh', exact=True).text(c.total.ytd)}" in text  # every digit
    assert monthly.item._band_item.isVisible()


def test_refreshes_after_edits_imports_and_a_new_database(qtbot, demo_ctx: AppContext, ctx: AppContext) -> None:
    widget, events = open_dashboard(qtbot, demo_ctx)
    row = demo_ctx.projects.list_rows()[0]
    before = demo_ctx.statistics.summary(2023, 9).completed.total.ytd
    old = {(r.year, r.month): r.amount for r in demo_ctx.projects.investment(row.id)}.get((2023, 9), 0)
    demo_ctx.projects.set_investment(row.id, [(2023, 9, old + 100_000_000)])  # one more 亿元 in September
    with qtbot.waitSignal(widget.refreshed, timeout=10000):
        events.investment_changed.emit()
    assert widget.tiles["ytd"].value.text() == MoneyFormat(Unit.YI, "en").number(before + 100_000_000)

    new = demo_ctx.projects.create(Project("新项目", "能源", "端州区", Status.LEAD, 2_000_000_000))
    with qtbot.waitSignal(widget.refreshed, timeout=10000):
        events.projects_changed.emit([new.id])
    assert widget.tiles["projects"].value.text() == "569"
    assert widget.tiles["billion"].value.text() == "36"
    with qtbot.waitSignal(widget.refreshed, timeout=10000):
        events.references_changed.emit()

    # several announcements of one edit: one refresh
    with qtbot.waitSignal(widget.refreshed, timeout=10000):
        events.announce_all()
    with qtbot.assertNotEmitted(widget.refreshed, wait=400):
        pass

    # another database: its own figures and its own latest month
    ctx.projects.create(Project("X", "能源", "端州区", Status.SIGNED, 5))
    widget.set_context(ctx)
    with qtbot.waitSignal(widget.refreshed, timeout=10000):
        events.database_replaced.emit()
    assert widget.tiles["projects"].value.text() == "1"
    assert widget.demo_label.text() == ""


def test_a_hidden_dashboard_waits_until_it_is_shown(qtbot, demo_ctx: AppContext) -> None:
    widget, events = open_dashboard(qtbot, demo_ctx)
    widget.hide()
    demo_ctx.projects.create(Project("新项目", "能源", "端州区", Status.LEAD, 1))
    with qtbot.assertNotEmitted(widget.refreshed, wait=400):
        events.projects_changed.emit([])
    assert widget.tiles["projects"].value.text() == "568"
    with qtbot.waitSignal(widget.refreshed, timeout=10000):
        widget.show()
    assert widget.tiles["projects"].value.text() == "569"


def test_period_and_unit_selectors(qtbot, demo_ctx: AppContext) -> None:
    widget, _ = open_dashboard(qtbot, demo_ctx, lang="zh")
    assert [widget.year_box.itemText(i) for i in range(widget.year_box.count())][:2] == ["2023", "2022"]
    assert widget.through_box.currentText() == "9月"
    model = widget.through_box.model()
    assert model.item(8).isEnabled() and not model.item(9).isEnabled()  # October 2023 not reported yet
    assert not widget.latest_button.isEnabled()
    with qtbot.waitSignal(widget.refreshed, timeout=10000):
        widget.through_box.activated.emit(5)  # June
    assert (widget.figures.year, widget.figures.through) == (2023, 6)
    assert widget.figures.summary == demo_ctx.statistics.summary(2023, 6)
    assert widget.panels["sectors"].data.title == "2023年1–6月分行业完成投资"
    assert widget.latest_button.isEnabled()
    with qtbot.waitSignal(widget.refreshed, timeout=10000):
        widget.year_box.activated.emit(widget.year_box.findData(2022))
    assert (widget.figures.year, widget.figures.through) == (2022, 6)  # the month chosen is kept
    with qtbot.waitSignal(widget.refreshed, timeout=10000):
        QTest.mouseClick(widget.latest_button, Qt.MouseButton.LeftButton)
    assert (widget.figures.year, widget.figures.through) == (2023, 9)

    planned = widget.figures.summary.planned_investment
    widget.unit_box.activated.emit(1)  # 万元: no new query, the same figures in another unit
    assert widget.tiles["planned"].value.text() == MoneyFormat(Unit.WAN, "zh").number(planned) == "12,215,000"
    assert widget.tiles["planned"].caption.text().endswith("万元")  # (no translator loaded in this test)
    assert "万元" in widget.panels["monthly"].data.left.label
    assert widget.settings.money_unit is Unit.WAN  # the one money preference, announced to every view


def test_save_and_copy_a_chart(qtbot, demo_ctx: AppContext, tmp_path: Path) -> None:
    widget, _ = open_dashboard(qtbot, demo_ctx)
    panel = widget.panels["monthly"]
    tmp_path = tmp_path / "charts"
    tmp_path.mkdir()
    png = panel.save_chart(tmp_path / "monthly.png")
    image = QImage(str(png))
    width, height = panel.export_size()
    assert (image.width(), image.height()) == (round(width * 200 / 96), round(height * 200 / 96))
    svg = panel.save_chart(tmp_path / "monthly.svg")
    assert svg.read_bytes().startswith(b"<?xml") and b"<svg" in svg.read_bytes()[:400]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["monthly.png", "monthly.svg"]
    panel.copy_to_clipboard()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasImage() and not QGuiApplication.clipboard().image().isNull()
    assert bytes(mime.data("image/svg+xml")).startswith(b"<?xml")
    assert {a.text() for a in panel.menu.actions()} == {"Save as &PNG…", "Save as &SVG…", "&Copy image"}
    QGuiApplication.clipboard().clear()
    sectors = widget.panels["sectors"]
    sectors.setFocus()
    QTest.keyClick(sectors, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert b"\xe6\x96\xb0\xe5\x9e\x8b\xe5\x82\xa8\xe8\x83\xbd" in bytes(  # 新型储能, in the copied SVG
        QGuiApplication.clipboard().mimeData().data("image/svg+xml")
    )


def test_dark_palette_redraws_the_charts_dark(qtbot, demo_ctx: AppContext, artifacts: Path) -> None:
    from zqtracker.charts.theme import DARK

    widget, _ = open_dashboard(qtbot, demo_ctx, size=(1354, 600))
    palette = QPalette(QColor("#2b2d31"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#1f2125"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e6e8eb"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e6e8eb"))
    widget.setPalette(palette)
    qtbot.waitUntil(lambda: widget.panels["monthly"].theme is DARK, timeout=5000)
    assert widget.panels["sectors"].view.backgroundBrush().color() == QColor(DARK.background)
    qtbot.wait(100)  # let the relayout after new label texts happen before the picture
    widget.grab().save(str(artifacts / "dashboard-dark-en.png"))


def test_pyqtgraph_is_imported_only_when_the_dashboard_is_shown(tmp_path: Path, demo_template: Path) -> None:
    script = f"""
import os, sys, shutil
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
import zqtracker.ui.app, zqtracker.ui.main_window
from zqtracker.services.context import AppContext
from zqtracker.ui.dashboard import DashboardWidget
from zqtracker.ui.events import DataEvents
shutil.copy({str(demo_template)!r}, {str(tmp_path / "d.sqlite")!r})
from zqtracker.ui.settings import Settings
from PySide6.QtCore import QSettings
w = DashboardWidget(AppContext.open({str(tmp_path / "d.sqlite")!r}), DataEvents(),
                    Settings(QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat)))
print("before", "pyqtgraph" in sys.modules)
w.refreshed.connect(app.quit)
w.show()
app.exec()
print("after", "pyqtgraph" in sys.modules, len(w.panels))
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["before", "False", "after", "True", "6"]


def in_main_window(qtbot, widget: DashboardWidget) -> QMainWindow:
    """The dashboard as the Dashboard tab of a window with a menu, toolbar and status bar."""
    window = QMainWindow()
    qtbot.addWidget(window)
    for title in ("&File", "&Edit", "&View", "&Help"):
        window.menuBar().addMenu(title)
    bar = QToolBar()
    for text in ("New", "Import…", "Export…"):
        bar.addAction(text)
    window.addToolBar(bar)
    tabs = QTabWidget()
    tabs.addTab(QLabel("projects"), "Projects")
    tabs.addTab(widget, "Dashboard")
    tabs.addTab(QLabel("summaries"), "Summaries")
    tabs.setCurrentIndex(1)
    window.setCentralWidget(tabs)
    window.statusBar().showMessage("568 projects")
    window.resize(*SCREEN)
    return window


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshot_at_1366_by_768(qtbot, demo_ctx: AppContext, artifacts: Path, lang: str) -> None:
    translator = QTranslator()
    if lang == "zh":
        assert translator.load(str(resources_dir() / "translations" / "dashboard_zh_CN.qm"))
        QApplication.instance().installTranslator(translator)
    try:
        widget = DashboardWidget(demo_ctx, DataEvents(), private_settings())  # language from the translation
        assert widget.lang == lang
        window = in_main_window(qtbot, widget)
        with qtbot.waitSignal(widget.refreshed, timeout=30000):
            window.show()
        qtbot.waitUntil(lambda: widget.panels["sectors"].height() > 200, timeout=5000)
        # everything visible without scrolling: the window did not have to grow, nothing folded
        assert window.width() <= SCREEN[0] and window.height() <= SCREEN[1]
        assert widget.minimumSizeHint().width() <= widget.width()
        assert len(widget.panels["sectors"].data.rows) == 14 and len(widget.panels["districts"].data.rows) == 11
        assert widget.tiles["yoy"].value.text() == "▲ +12.0%"
        assert widget.tiles["projects"].caption.text() == ("项目数" if lang == "zh" else "Projects")
        qtbot.wait(100)  # let the relayout after new label texts happen before the picture
        for name in ("sectors", "districts", "pipeline"):  # the value axes' titles whole, not "Completed Jan…ep"
            item = widget.panels[name].item
            for axis in (item.left_value, item.right_value):
                assert axis.label.toPlainText().strip() == axis.labelText, (name, axis.label.toPlainText())
        window.grab().save(str(artifacts / f"dashboard-{lang}.png"))
    finally:
        QApplication.instance().removeTranslator(translator)


def test_an_empty_database_says_so(qtbot, ctx: AppContext, artifacts: Path) -> None:
    widget, events = open_dashboard(qtbot, ctx)
    # no projects at all: what to do, not nine zeros and six empty charts
    assert widget.empty.isVisible() and not widget.charts.isVisible()
    assert {"import", "new_project", "demo"} <= set(widget.empty._buttons)
    # projects but no investment records yet: the charts say so, each in its own words
    ctx.projects.create(Project("新项目", "能源", "端州区", Status.SIGNED, 2_000_000_000))
    with qtbot.waitSignal(widget.refreshed, timeout=10000):
        events.projects_changed.emit([])
    assert not widget.empty.isVisible() and widget.charts.isVisible()
    assert widget.tiles["projects"].value.text() == "1"
    assert widget.tiles["yoy"].value.text() == "—"  # no figure, not 0%
    for name in ("monthly", "sectors", "signed"):
        message = widget.panels[name].item._message
        assert message.isVisible() and message.toPlainText().startswith("No "), name
    assert not widget.panels["pipeline"].item._message.isVisible()  # nine statuses at zero are a figure
    # the message wraps to the plot's width, never a word per line
    message = widget.panels["monthly"].item._message
    assert message.textItem.textWidth() > 150
    qtbot.wait(100)
    widget.grab().save(str(artifacts / "dashboard-empty-en.png"))

"""The dark dashboard at 920×700 (fix28d item 3): the months along the time charts' axes no longer run
together ("JanFebMar…", "12月" dropped) — every second month is labelled where twelve do not fit; a bar
chart's two axis titles no longer overlap (elided in the middle, the unit kept); a tile's caption and
detail end in "…" instead of being cut mid-word. Screenshots in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QColor, QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication
from test_dashboard_widget import open_dashboard

from zqtracker.charts.theme import DARK
from zqtracker.paths import resources_dir
from zqtracker.services.context import AppContext

OUT = Path("/tmp/fix28d")


def _dark(widget) -> None:
    palette = QPalette(QColor("#2b2d31"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#1f2125"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e6e8eb"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e6e8eb"))
    widget.setPalette(palette)


@pytest.mark.engine("sqlite")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_overlaps_at_920_by_700(qtbot, demo_ctx: AppContext, artifacts: Path, lang: str) -> None:
    OUT.mkdir(exist_ok=True)
    translator = QTranslator()
    if lang == "zh":
        assert translator.load(str(resources_dir() / "translations" / "dashboard_zh_CN.qm"))
        QApplication.instance().installTranslator(translator)
    try:
        widget, _ = open_dashboard(qtbot, demo_ctx, lang=lang, size=(920, 700))
        _dark(widget)
        qtbot.waitUntil(lambda: widget.panels["monthly"].theme is DARK, timeout=5000)
        qtbot.wait(200)
        for name in ("monthly", "yoy", "signed"):
            axis = widget.panels[name].item.plots[0].getAxis("bottom")
            width = axis.size().width()
            (ticks,) = axis.tickValues(0.45, 12.55, width)
            shown = [axis.labels[round(v) - 1] for v in ticks[1]]
            metrics = QFontMetricsF(axis.style["tickFont"])
            # the labels shown, side by side at their months' places, leave a gap between each two
            room = width / 12.1 * ticks[0]
            assert all(metrics.horizontalAdvance(label) < room for label in shown), (name, shown, room)
            assert len(shown) < 12  # ~280 px: twelve do not fit
        for name in ("sectors", "districts", "pipeline"):
            item = widget.panels[name].item
            # the titles' text, without the text items' blank document margins, side by side apart
            left, right = (
                a.label.sceneBoundingRect().adjusted(m, m, -m, -m)
                for a in (item.left_value, item.right_value)
                for m in [a.label.document().documentMargin()]
            )
            assert left.right() < right.left(), name
            assert item.right_value.label.sceneBoundingRect().right() <= widget.panels[name].view.sceneRect().right()
        billion = widget.tiles["billion"].caption
        assert billion.text() in ("Billion-yuan projects", "十亿元以上项目")  # the whole text kept; painted elided
        widget.grab().save(str(OUT / f"dashboard-920-dark-{lang}.png"))
        widget.grab().save(str(artifacts / f"dashboard-920-dark-{lang}.png"))
    finally:
        QApplication.instance().removeTranslator(translator)


def test_a_wide_dashboard_still_labels_every_month(qtbot, demo_ctx: AppContext) -> None:
    widget, _ = open_dashboard(qtbot, demo_ctx, size=(1600, 800))
    qtbot.wait(100)
    axis = widget.panels["monthly"].item.plots[0].getAxis("bottom")
    (ticks,) = axis.tickValues(0.45, 12.55, axis.size().width())
    assert ticks[1] == [float(m) for m in range(1, 13)]

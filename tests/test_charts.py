"""Charts as drawn: the values given to pyqtgraph, hit testing, PNG and SVG files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from dashboard_hand import build_hand
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from zqtracker.charts import CHART_NAMES
from zqtracker.charts.labels import as_float
from zqtracker.charts.render import render_chart, render_figures
from zqtracker.charts.series import chart_data
from zqtracker.charts.svg import flatten_transforms
from zqtracker.charts.theme import DARK, LIGHT
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.dashboard import DashboardService

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def hand(ctx: AppContext) -> AppContext:
    return build_hand(ctx)


def shown(qtbot, item, width: int = 900, height: int = 480):
    import pyqtgraph as pg

    view = pg.GraphicsView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.setCentralItem(item)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_values_plotted_are_the_chart_data(qtbot, hand: AppContext) -> None:
    from zqtracker.charts.plot import chart_item

    f = DashboardService(hand.statistics).load(2023, 3)
    monthly = chart_data(f, "monthly", unit=Unit.WAN)
    item = chart_item(monthly, LIGHT)
    view = shown(qtbot, item)  # noqa: F841 (qtbot holds widgets weakly: keep the view alive)
    current = item.items["current"].opts
    # 2023: 150, 200, 150 yuan = 0.00015, 0.0002, 0.00015 ¥ mn, at Jan–Mar (right of the month tick)
    assert list(current["height"]) == [0.00015, 0.0002, 0.00015]
    assert [round(x) for x in current["x"]] == [1, 2, 3]
    prior = item.items["prior"].opts
    # April–August 2022: nothing recorded though September is: no bar (was 0)
    assert list(prior["height"]) == [as_float(v, Unit.WAN) for v in (100, 100, 110, 999, 0, 0, 0)]
    assert [round(x) for x in prior["x"]] == [1, 2, 3, 9, 10, 11, 12]
    _, ys = item.items["ytd"].getData()
    assert list(ys[:3]) == [0.00015, 0.00035, 0.0005]  # 150, 350, 500 yuan in ¥ mn

    sectors = chart_data(f, "sectors")
    bars = chart_item(sectors, LIGHT, "zh")
    view2 = shown(qtbot, bars)  # noqa: F841
    assert list(bars.items["left"].opts["width"]) == [as_float(450, Unit.YI), as_float(50, Unit.YI)]
    assert list(bars.items["right"].opts["width"]) == [50.0, 400.0]
    assert [t.toPlainText() for t in bars.labels["right"]] == ["+50.0%", "+400.0%"]


def test_a_row_under_the_pointer_names_its_filter(qtbot, hand: AppContext) -> None:
    from zqtracker.charts.plot import chart_item

    f = DashboardService(hand.statistics).load(2023, 3)
    item = chart_item(chart_data(f, "pipeline"), LIGHT)
    view = shown(qtbot, item)  # noqa: F841 (qtbot holds widgets weakly: keep the view alive)
    left = item.plots[0].vb
    # rows run top-down in lifecycle order; "under construction" (index 3) sits at y = 9 − 1 − 3
    scene = left.mapViewToScene(QPointF(0.5, 5.0))
    hit = item.hit(scene)
    assert hit is not None and hit.index == 3
    assert hit.filter == ProjectFilter(statuses=frozenset({Status.UNDER_CONSTRUCTION}))
    assert "Planned investment: ¥1.500 bn" in hit.tooltip
    item.highlight(hit.index)
    assert item._bands[0].isVisible()
    assert item.hit(QPointF(-50, -50)) is None

    monthly = chart_item(chart_data(f, "monthly"), LIGHT)
    view2 = shown(qtbot, monthly)  # noqa: F841
    vb = monthly.plots[0].vb
    hit = monthly.hit(vb.mapViewToScene(QPointF(2.2, 0)))
    assert hit is not None and hit.index == 1 and hit.filter is None
    assert hit.tooltip.startswith("Feb 2023")


@pytest.mark.parametrize("name", CHART_NAMES)
def test_every_chart_renders_a_valid_png_and_svg(name: str, demo_ctx: AppContext, artifacts: Path) -> None:
    png = render_chart(demo_ctx.statistics, name, lang="zh", fmt="png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage.fromData(png, "PNG")
    assert (image.width(), image.height()) == (2000, 1125)  # 960×540 at 200 dpi
    assert round(image.dotsPerMeterX() * 0.0254) == 200
    colours = {image.pixelColor(x, y).name() for x in range(0, 2000, 25) for y in range(0, 1125, 25)}
    assert colours & {LIGHT.current, LIGHT.red, LIGHT.green}  # bars were drawn, not just a blank page
    (artifacts / f"chart-{name}-zh.png").write_bytes(png)

    svg = render_chart(demo_ctx.statistics, name, lang="zh", fmt="svg", width=800, height=450)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and root.get("viewBox") == "0 0 800 450"
    text = "".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "演示数据" in text  # the demo marker travels with every exported image
    for g in root.iter(f"{SVG}g"):  # no shape left in a data-scaled group (see charts/svg.py)
        if any(child.tag.rsplit("}", 1)[1] in ("path", "polyline", "rect") for child in g):
            transform = g.get("transform", "matrix(1,0,0,1,0,0)")
            a, _, _, d = (float(v) for v in transform[7:-1].split(",")[:4])
            assert abs(a) == abs(d), transform
    (artifacts / f"chart-{name}-zh.svg").write_bytes(svg)


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="librsvg's rsvg-convert is not installed")
def test_svg_renders_in_librsvg(demo_ctx: AppContext, artifacts: Path, tmp_path: Path) -> None:
    """librsvg ignores non-scaling strokes; before flattening, a line came out 600 px thick."""
    svg = tmp_path / "monthly.svg"
    svg.write_bytes(render_chart(demo_ctx.statistics, "monthly", fmt="svg"))
    out = artifacts / "chart-monthly-en.svg.png"
    subprocess.run(["rsvg-convert", "-w", "960", str(svg), "-o", str(out)], check=True)
    image = QImage(str(out))
    # the top-left corner (above the plot) stays background: nothing overflows its place
    assert image.pixelColor(300, 60) == QColor(LIGHT.background)
    colours = {image.pixelColor(x, y).name() for x in range(0, 960, 8) for y in range(0, 540, 8)}
    assert LIGHT.current in colours and LIGHT.accent in colours


def test_flatten_transforms_applies_data_scaling_to_shapes() -> None:
    svg = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<g stroke="#000" transform="matrix(2,0,0,-3,10,20)">
<polyline vector-effect="non-scaling-stroke" points="0,0 1,1 "/>
<path vector-effect="non-scaling-stroke" d="M0,0 L1,1 C1,2 2,2 2,1 Z"/>
<rect vector-effect="non-scaling-stroke" x="0" y="0" width="1" height="1"/>
</g>
<g transform="matrix(2,0,0,2,5,5)"><text x="1" y="1">keep</text></g>
<g stroke="#000" transform="matrix(2,0,0,-3,0,0)"><polyline points="0,0 1,1"/></g>
</svg>"""
    root = ET.fromstring(flatten_transforms(svg))
    groups = list(root.iter(f"{SVG}g"))
    assert groups[0].get("transform") is None
    poly, path, rect = list(groups[0])
    assert poly.get("points") == "10,20 12,17"
    assert path.get("d") == "M 10,20 L 12,17 C 12,14 14,14 14,17 Z"
    assert [rect.get(k) for k in ("x", "y", "width", "height")] == ["10", "17", "2", "3"]
    assert groups[1].get("transform") == "matrix(2,0,0,2,5,5)"  # text keeps its transform
    assert groups[2].get("transform") == "matrix(2,0,0,-3,0,0)"  # a scaling stroke is left alone


def test_dark_theme_and_units(hand: AppContext) -> None:
    f = DashboardService(hand.statistics).load(2023, 3)
    png = render_figures(f, "districts", theme="dark", unit=Unit.WAN, width=480, height=300, dpi=96)
    image = QImage.fromData(png, "PNG")
    assert (image.width(), image.height()) == (480, 300)
    assert image.pixelColor(2, 2) == QColor(DARK.background)
    with pytest.raises(ValueError, match="width"):
        render_figures(f, "districts", width=10)
    with pytest.raises(ValueError, match="format"):
        render_figures(f, "districts", fmt="gif")


def test_growth_colours_follow_the_reader() -> None:
    assert LIGHT.growth("zh") == (LIGHT.red, LIGHT.green)  # 红涨绿跌
    assert LIGHT.growth("en") == (LIGHT.green, LIGHT.red)


def test_many_charts_in_one_process_exit_cleanly(tmp_path: Path, demo_template: Path) -> None:
    """Rendering charts one after another in one process (a report, a script) leaves it healthy.

    PySide6 6.12.0 released one reference to None per item change, and Python 3.11 aborted
    ("deallocating None") after some two dozen charts; pyproject.toml keeps PySide6 below 6.12."""
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, db)
    script = (
        "import sys\n"
        "from zqtracker.services.context import AppContext\n"
        "from zqtracker.charts import CHART_NAMES\n"
        "from zqtracker.charts.render import render_chart\n"
        f"ctx = AppContext.open({str(db)!r})\n"
        "for _ in range(5):\n"
        "    for name in CHART_NAMES:\n"
        "        render_chart(ctx.statistics, name, fmt='png', dpi=96)\n"
        "print('done')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done"


def test_one_huge_growth_does_not_flatten_the_others(qtbot, hand: AppContext) -> None:
    import math

    from zqtracker.charts.plot import chart_item
    from zqtracker.charts.plot_bars import growth_cap

    assert growth_cap([10.0, 20.0, -5.0, math.nan]) == math.inf  # nothing to cap
    assert growth_cap([20.0, 30.0, 40.0, 3000.0]) == 100.0  # 2.5 × median 40 → at least 100
    assert growth_cap([20.0, 30.0, 40.0, 110.0]) == math.inf  # within 15% of the cap: drawn in full
    # hand database, 2023 Jan–Mar by sector: +50% and +400%; the median of [50, 400] is 400, so the
    # cap is 1000 and nothing is capped: both labels plain
    item = chart_item(chart_data(DashboardService(hand.statistics).load(2023, 3), "sectors"), LIGHT)
    view = shown(qtbot, item)  # noqa: F841
    assert [t.toPlainText() for t in item.labels["right"]] == ["+50.0%", "+400.0%"]

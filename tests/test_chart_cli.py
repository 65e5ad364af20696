"""``zqtracker chart NAME FILE``: every chart, both formats, sizes, languages and refusals."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from zqtracker.charts import CHART_NAMES
from zqtracker.cli.main import main
from zqtracker.services.context import AppContext

SVG = "{http://www.w3.org/2000/svg}"


def svg_text(path: Path) -> str:
    return "".join(t.text or "" for t in ET.parse(path).getroot().iter(f"{SVG}text"))


@pytest.mark.parametrize("name", CHART_NAMES)
def test_each_chart_to_png_and_svg(name: str, demo_ctx: AppContext, tmp_path: Path, capsys) -> None:
    db = demo_ctx.database.url
    png, svg = tmp_path / f"{name}.png", tmp_path / f"{name}.svg"
    assert main(["--db", db, "chart", name, str(png), "--width", "640", "--height", "360", "--dpi", "96"]) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (640, 360)
    assert main(["--db", db, "--lang", "zh", "chart", name, str(svg), "--year", "2023", "--through", "6"]) == 0
    root = ET.parse(svg).getroot()
    assert root.get("viewBox") == "0 0 960 540"
    assert "演示数据" in svg_text(svg)
    out = capsys.readouterr().out
    assert f"{png}: {name} chart, 2023-01..2023-09, PNG 640×360 px at 96 dpi" in out
    assert f"{svg}: {name} chart, 2023-01..2023-06, SVG 960×540 px" in out


def test_words_follow_the_language_and_period(demo_ctx: AppContext, tmp_path: Path) -> None:
    db = demo_ctx.database.url
    zh, en = tmp_path / "zh.svg", tmp_path / "en.svg"
    assert main(["--db", db, "--lang", "zh", "chart", "sectors", str(zh), "--through", "8"]) == 0
    assert main(["--db", db, "--lang", "en", "chart", "sectors", str(en), "--through", "8", "--unit", "wan"]) == 0
    assert "2023年1–8月分行业完成投资" in svg_text(zh)
    assert "Completed investment by sector, Jan–Aug 2023" in svg_text(en)
    assert "¥ mn" in svg_text(en)


def test_a_filtered_chart_says_so(demo_ctx: AppContext, tmp_path: Path) -> None:
    out = tmp_path / "p.svg"
    assert main(["--db", demo_ctx.database.url, "chart", "pipeline", str(out), "--district", "高要区"]) == 0
    assert "Filtered: district: 高要区" in svg_text(out)


def test_default_size_prints_at_200_dpi(demo_ctx: AppContext, tmp_path: Path) -> None:
    out = tmp_path / "m.png"
    assert main(["--db", demo_ctx.database.url, "chart", "monthly", str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (2000, 1125)
    assert round(image.dotsPerMeterX() * 0.0254) == 200


def test_refusals_change_nothing(demo_ctx: AppContext, tmp_path: Path, capsys) -> None:
    db = demo_ctx.database.url
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    existing = tmp_path / "keep.png"
    existing.write_bytes(b"old")
    assert main(["--db", db, "chart", "monthly", str(tmp_path / "x.jpg")]) == 1
    assert "must end in .png or .svg" in capsys.readouterr().err
    assert main(["--db", db, "chart", "monthly", str(existing), "--width", "20"]) == 1
    assert "--width 20" in capsys.readouterr().err
    assert existing.read_bytes() == b"old"
    assert main(["--db", db, "chart", "monthly", str(tmp_path / "no" / "x.png")]) == 2
    assert "does not exist" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["--db", db, "chart", "pie", str(tmp_path / "x.png")])
    assert exc.value.code == 2
    assert list(tmp_path.iterdir()) == [existing]  # no stray temporary files


def test_a_year_without_records_is_drawn_empty_with_a_note(demo_ctx: AppContext, tmp_path: Path, capsys) -> None:
    out = tmp_path / "m.png"
    assert main(["--db", demo_ctx.database.url, "chart", "monthly", str(out), "--year", "2031"]) == 0
    assert "no investment records in 2030–2031" in capsys.readouterr().err
    assert out.stat().st_size > 1000

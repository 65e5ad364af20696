"""The PDFs themselves: text, fonts, page furniture, pagination, vector charts, and the pages as images."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.reports.build import build_report
from zqtracker.reports.export import export_pdf
from zqtracker.reports.layout import FOOTER_BAND, layout_report
from zqtracker.reports.model import View
from zqtracker.reports.options import ReportOptions
from zqtracker.reports.page import TextOp
from zqtracker.reports.paint import RenderError, write_pdf
from zqtracker.services.context import AppContext
from zqtracker.services.progress import Cancelled, Progress

WAN = 10_000  # yuan in one 万元 (the fixture `hand` is in conftest.py)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")
GENERATED = datetime(2023, 4, 5, 9, 30)


def pages_text(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return out.split("\f")[:-1]


def fonts_of(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


def to_png(pdf: Path, folder: Path, name: str, dpi: int = 60) -> list[Path]:
    for old in folder.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(folder / name)], check=True)
    return sorted(folder.glob(f"{name}-*.png"))


def export(ctx: AppContext, path: Path, **kw) -> int:
    options = ReportOptions(generated_at=GENERATED, **kw)
    return export_pdf(ctx, options, path).pages


def test_overview_pdf_in_english_and_chinese(qapp, hand: AppContext, tmp_path: Path, artifacts: Path) -> None:
    en, zh = tmp_path / "overview-en.pdf", tmp_path / "overview-zh.pdf"
    export(hand, en, view=View.OVERVIEW, year=2023, through=3, lang="en", unit=Unit.WAN)
    export(hand, zh, view=View.OVERVIEW, year=2023, through=3, lang="zh", unit=Unit.YI)
    text = "\n".join(pages_text(en))
    for expected in ("Investment projects: overview", "January–March 2023", "Unit: ¥ mn", "Scope: all projects",
                     "Generated 2023-04-05 09:30", "¥3,050.00 mn", "¥50.00 mn", "¥31.00 mn",
                     "+61.3%", "+45.2%", "+400.0%", "新型储能", "Under construction"):  # fmt: skip
        assert expected in text, expected
    assert re.search(r"新型储能\s+2\s+2,500.00\s+45.00\s+30.00\s+\+50.0%", text)
    assert re.search(r"高要区\s+2\s+1,300.00\s+5.00\s+0.00\s+—", text)
    ztext = "\n".join(pages_text(zh))
    for expected in ("招商引资项目总览", "2023年1–3月", "单位：亿元", "范围：全部项目", "生成时间：2023-04-05 09:30",
                     "30.50亿元", "0.50亿元", "0.31亿元", "+61.3%", "停缓建", "合计", "同比"):  # fmt: skip
        assert expected in ztext, expected
    assert re.search(r"肇庆新区\s+2\s+17.00\s+0.45\s+0.31\s+\+45.2%", ztext)
    for pdf, page_word in ((en, "Page{}of{}"), (zh, "第{}页/共{}页")):  # pdftotext drops some spaces
        pages = pages_text(pdf)
        for i, page in enumerate(pages, start=1):
            assert page_word.format(i, len(pages)) in re.sub(r"\s", "", page)
        fonts = fonts_of(pdf)
        assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # the "emb" column: every font embedded
    assert any("CID" in " ".join(row) for row in fonts_of(zh))  # the CJK font, as a CID font
    to_png(en, artifacts, "report-hand-overview-en")


def test_chart_is_vector_not_an_image(qapp, hand: AppContext, tmp_path: Path) -> None:
    pdf = tmp_path / "o.pdf"
    export(hand, pdf, view=View.OVERVIEW, year=2023, through=3, lang="zh")
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert len(listed.strip().splitlines()) == 2  # the header lines only: no raster image in the file
    text = pages_text(pdf)[0]
    assert "月度完成投资" in text and "2023年累计（右轴）" in text and "12月" in text  # chart text stays text


def _long_monthly(ctx: AppContext, n: int) -> None:
    for i in range(1, n + 1):
        p = ctx.projects.create(
            Project(f"肇庆新区高端装备智能制造产业园配套项目第{i:03d}号", "高端装备", "肇庆新区",
                    Status.UNDER_CONSTRUCTION, 500_000_000 + i * WAN, code=f"L{i:03d}",
                    enterprise=f"广东测试{i:03d}智能装备有限公司", is_key_project=True)
        )  # fmt: skip
        ctx.projects.set_investment(p.id, [(2023, 3, (1000 + i) * WAN)])
        ctx.projects.set_plans(p.id, [(2023, (12000 + i) * WAN)])


def test_long_table_repeats_headers_and_never_splits_a_row(qapp, ctx: AppContext, tmp_path: Path) -> None:
    n = 120
    _long_monthly(ctx, n)
    pdf = tmp_path / "monthly.pdf"
    pages = export(ctx, pdf, view=View.MONTHLY, year=2023, through=3, lang="zh", unit=Unit.WAN)
    texts = pages_text(pdf)
    assert pages == len(texts) >= 3
    for i, page in enumerate(texts, start=1):
        assert "项目名称" in page and "自开工累计完成" in page  # the header row on every page
        assert f"第{i}页/共{pages}页" in re.sub(r"\s", "", page) and "单位：万元" in page
        if i > 1:
            assert "2023年3月重点项目投资进展情况" in page  # running header
    # Names wrap onto a second line that ends in 第NNN号; the row's figures are on its first line.
    for i in range(1, n + 1):
        name_pages = [k for k, page in enumerate(texts) if f"第{i:03d}号" in page]
        figure_pages = [k for k, page in enumerate(texts) if re.search(rf"(?<![\d,]){1000 + i:,}(?![\d,.])", page)]
        assert len(name_pages) == 1 and name_pages == figure_pages, i
    assert "合计（120个项目）" in texts[0]
    total_this_month = sum(1000 + i for i in range(1, n + 1))
    assert f"{total_this_month:,}" in texts[0]


def test_layout_keeps_every_row_inside_its_page(qapp, ctx: AppContext) -> None:
    _long_monthly(ctx, 60)
    report = build_report(ctx, ReportOptions(view=View.MONTHLY, year=2023, through=3, lang="en"))
    doc = layout_report(report)
    assert len(doc.pages) >= 2
    for page in doc.pages:
        body = [op for op in page.ops if isinstance(op, TextOp) and op.font != "small"]
        assert all(op.rect.y + op.rect.h <= doc.height - FOOTER_BAND + 0.5 for op in body)
        assert sum(1 for op in body if op.text == "Project") == 1  # header once per page


def test_demo_pdfs_rendered_for_people_to_look_at(qapp, demo_ctx: AppContext, tmp_path: Path, artifacts: Path) -> None:
    made = {}
    for name, kw in (
        ("overview-en", {"view": View.OVERVIEW, "lang": "en"}),
        ("overview-zh", {"view": View.OVERVIEW, "lang": "zh"}),
        ("monthly-zh", {"view": View.MONTHLY, "lang": "zh"}),
        ("key-projects-en", {"view": View.KEY_PROJECTS, "lang": "en"}),
        ("stale-zh", {"view": View.STALE, "lang": "zh"}),
    ):
        pdf = tmp_path / f"{name}.pdf"
        made[name] = export(demo_ctx, pdf, **kw)
        pngs = to_png(pdf, artifacts, f"report-demo-{name}")
        assert len(pngs) == made[name]
        assert "演示数据" in pages_text(pdf)[0] or "DEMO DATA" in pages_text(pdf)[0]
    assert made["overview-en"] <= 3 and made["monthly-zh"] >= 2


def test_cancelled_or_failed_export_leaves_nothing(qapp, hand: AppContext, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "kept.pdf"
    target.write_bytes(b"an older file")
    doc = layout_report(build_report(hand, ReportOptions(view=View.OVERVIEW, year=2023, through=3)))
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        write_pdf(doc, target, progress)
    assert target.read_bytes() == b"an older file"
    assert list(out.iterdir()) == [target]  # no half-written .part file
    with pytest.raises(RenderError) as caught:
        write_pdf(doc, tmp_path / "missing" / "x.pdf")
    assert "missing" in str(caught.value) and "无法写入" in caught.value.describe("zh")


def test_stale_view_as_of_a_date(qapp, hand: AppContext, tmp_path: Path) -> None:
    pdf = tmp_path / "stale.pdf"
    export(hand, pdf, view=View.STALE, lang="zh", unit=Unit.WAN, as_of=date(2023, 10, 31))
    text = pages_text(pdf)[0]
    assert "截至2023年10月31日，连续6个月无状态变更且无投资填报" in text
    assert re.search(r"B 零部件厂.*高要区\s+停缓建\s+30,000\s+2023-01-10\s+2023-02\s+8", text)
    assert re.search(r"D 储能二期.*高要区\s+签约\s+100,000\s+2023-04-20\s+—\s+6", text)
    assert "A 储能基地" not in text and "合计（2个项目）" in text

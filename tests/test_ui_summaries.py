"""The Summaries tab as a user drives it: views, options, filters, preview, print, PDF — on real databases."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from zqtracker.cli.main import main as cli_main
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.reports.model import View
from zqtracker.services.context import AppContext
from zqtracker.ui import summaries, summaries_output
from zqtracker.ui.events import DataEvents
from zqtracker.ui.summaries import SummariesWidget

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def widget(qtbot, demo_ctx: AppContext, settings) -> SummariesWidget:
    w = SummariesWidget(demo_ctx, DataEvents(), settings)
    qtbot.addWidget(w)
    w.resize(1280, 860)
    w.options_bar.lang_combo.setCurrentIndex(w.options_bar.lang_combo.findData("en"))
    w.options_bar.view_combo.setCurrentIndex(w.options_bar.view_combo.findData(View.OVERVIEW.value))
    w.show()
    wait_built(qtbot, w)
    return w


def wait_built(qtbot, w: SummariesWidget, view: View | None = None) -> None:
    def ready() -> bool:
        o = w._document_options
        return not w.is_building() and not w._timer.isActive() and o is not None and (view is None or o.view is view)

    qtbot.waitUntil(ready, timeout=20000)
    pages = min(len(w.document().pages), summaries.PREVIEW_PAGES)
    qtbot.waitUntil(lambda: w.preview.page_count() == pages, timeout=5000)


def choose(qtbot, w: SummariesWidget, view: View, **combos: str) -> None:
    for name, value in combos.items():
        combo = getattr(w.options_bar, f"{name}_combo")
        combo.setCurrentIndex(combo.findData(value))
    w.options_bar.view_combo.setCurrentIndex(w.options_bar.view_combo.findData(view.value))
    wait_built(qtbot, w, view)


def test_each_view_is_shown_and_screenshotted(qtbot, widget: SummariesWidget, artifacts: Path) -> None:
    w = widget
    assert (w.options_bar.year_spin.value(), w.options_bar.month_combo.currentData()) == (
        2023,
        9,
    )  # the latest month with records
    assert w.document().pages and w.preview.page_count() == len(w.document().pages) <= summaries.PREVIEW_PAGES
    w.grab().save(str(artifacts / "summaries-overview.png"))
    choose(qtbot, w, View.MONTHLY, lang="zh")
    assert w.options_bar.key_only_check.isVisible() and not w.options_bar.months_spin.isVisible()
    assert "重点项目投资进展情况" in w.document().title
    w.grab().save(str(artifacts / "summaries-monthly-zh.png"))
    choose(qtbot, w, View.STALE)
    assert (
        w.options_bar.months_spin.isVisible()
        and w.options_bar.as_of_edit.isVisible()
        and not w.options_bar.year_spin.isVisible()
    )
    assert w.options_bar.as_of_edit.date().toPython().isoformat() == "2023-09-30"  # the demo's own date
    w.grab().save(str(artifacts / "summaries-stale.png"))
    choose(qtbot, w, View.KEY_PROJECTS, lang="en")
    w.preview.fit_page()
    w.grab().save(str(artifacts / "summaries-key-projects.png"))
    assert w.document().orientation.value == "landscape"


def test_filter_from_the_projects_view_is_followed_and_stated(qtbot, widget: SummariesWidget) -> None:
    w = widget
    before = len(w.document().pages)
    w.set_filter(ProjectFilter(districts=frozenset({"高要区"})))
    assert "district: 高要区" in w.filter_label.text()
    qtbot.waitUntil(lambda: w._document_options.filter is not None, timeout=20000)
    wait_built(qtbot, w)
    texts = " ".join(" ".join(p.texts()) for p in w.document().pages)
    assert "Filters: district: 高要区" in texts
    assert "肇庆新区" not in texts  # the other districts are gone from the tables
    w.set_filter(None)
    qtbot.waitUntil(lambda: w._document_options.filter is None, timeout=20000)
    wait_built(qtbot, w)
    assert len(w.document().pages) == before


def test_data_changes_and_a_new_database_rebuild_the_view(qtbot, widget: SummariesWidget, ctx: AppContext) -> None:
    w = widget
    first = w.document()
    w.ctx.projects.create(Project("新签约测试项目", "新型储能", "端州区", Status.SIGNED, 2_000_000_000, code="NEW1"))
    w.events.projects_changed.emit([])
    qtbot.waitUntil(lambda: w.document() is not first, timeout=20000)
    wait_built(qtbot, w)
    figures = " ".join(w.document().pages[0].texts())
    assert "569" in figures  # 568 demo projects and the new one
    w.set_context(ctx)  # an empty database
    qtbot.waitUntil(lambda: "DEMO" not in " ".join(w.document().pages[0].texts()), timeout=20000)
    wait_built(qtbot, w)
    assert "Projects" in w.document().pages[0].texts()


def test_export_pdf_button_writes_the_pages_on_screen(
    qtbot, widget: SummariesWidget, tmp_path: Path, monkeypatch
) -> None:
    w = widget
    target = tmp_path / "from-gui"  # the user typed no extension
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    with qtbot.waitSignal(w.pdf_written, timeout=20000) as blocker:
        w.buttons["export"].click()
    assert blocker.args == [str(target) + ".pdf"]
    text = pdf_text(Path(str(target) + ".pdf"))
    assert "Investment projects: overview" in text and "DEMO DATA" in text
    assert text.count("\f") == len(w.document().pages)
    assert "Saved" in w.status_label.text()


def test_cli_and_gui_make_the_same_pdf(qtbot, widget: SummariesWidget, demo_ctx: AppContext, tmp_path: Path) -> None:
    w = widget
    choose(qtbot, w, View.MONTHLY, lang="zh", unit="wan")
    gui = tmp_path / "gui.pdf"
    op = w.output.write_pdf_to(str(gui))
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    cli = tmp_path / "cli.pdf"
    code = cli_main(["--db", demo_ctx.database.url, "report", str(cli), "--view", "monthly", "--lang", "zh", "--unit",
                     "wan", "--year", "2023", "--through", "9"])  # fmt: skip
    assert code == 0

    def normal(text: str) -> str:
        return re.sub(r"生成时间：\S+ \S+", "", text)

    assert normal(pdf_text(gui)) == normal(pdf_text(cli))


def test_print_to_a_printer_and_the_print_preview_dialog(
    qtbot, widget: SummariesWidget, tmp_path: Path, artifacts: Path
) -> None:
    w = widget
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setPageLayout(w.output.printer.pageLayout())
    op = w.output.print_to(printer)
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert op.error is None and op.result == len(w.document().pages)
    assert "Investment projects: overview" in pdf_text(out)
    # Other paper or orientation chosen in the print dialog: the pages are laid out again for it.
    from PySide6.QtGui import QPageLayout, QPageSize

    portrait = tmp_path / "letter-landscape.pdf"
    printer.setOutputFileName(str(portrait))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    op = w.output.print_to(printer)
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert op.error is None and op.result >= 1
    assert "Investment projects: overview" in pdf_text(portrait)
    size = subprocess.run(["pdfinfo", str(portrait)], check=True, capture_output=True, text=True).stdout
    assert "792 x 612 pts" in size  # US Letter, landscape
    dialog = w.output.preview_dialog()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(artifacts / "summaries-print-preview-dialog.png"))
    dialog.close()


def test_choices_are_remembered_and_preferences_followed(
    qtbot, widget: SummariesWidget, demo_ctx: AppContext, settings
) -> None:
    w = widget
    w.options_bar.view_combo.setCurrentIndex(w.options_bar.view_combo.findData(View.STALE.value))
    w.options_bar.key_only_check.setChecked(False)
    again = SummariesWidget(demo_ctx, DataEvents(), settings)
    qtbot.addWidget(again)
    assert again.options().view is View.STALE and not again.options().key_only
    # unit, language and stale threshold are the preferences', and follow them while open
    assert again.options().unit.value == "yi" and again.options().stale_months == 6 and again.options().lang == "en"
    from zqtracker.domain.money import Unit

    settings.money_unit = Unit.WAN
    settings.stale_months = 9
    settings.output_language = "zh"
    assert again.options().unit is Unit.WAN and again.options().stale_months == 9 and again.options().lang == "zh"


def test_chinese_interface_from_the_shipped_translation(qtbot, demo_ctx: AppContext, artifacts: Path, settings) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from zqtracker.paths import resources_dir

    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "reports_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        w = SummariesWidget(demo_ctx, DataEvents(), settings)
        qtbot.addWidget(w)
        w.resize(1280, 860)
        w.options_bar.lang_combo.setCurrentIndex(w.options_bar.lang_combo.findData("zh"))
        w.options_bar.view_combo.setCurrentIndex(w.options_bar.view_combo.findData(View.OVERVIEW.value))
        w.show()
        wait_built(qtbot, w, View.OVERVIEW)
        assert [w.options_bar.view_combo.itemText(i) for i in range(4)] == [
            "总览",
            "重点项目",
            "月度进展",
            "长期无进展项目",
        ]
        assert w.buttons["export"].text().startswith("导出 PDF")
        assert w.status_label.text() == f"共 {len(w.document().pages)} 页"
        w.grab().save(str(artifacts / "summaries-overview-zh-ui.png"))
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_long_view_previews_its_first_pages_and_saves_them_all(
    qtbot, widget: SummariesWidget, tmp_path: Path, monkeypatch
) -> None:
    for module in (summaries, summaries_output):  # the demo's key-project list is 5 pages, not 800
        monkeypatch.setattr(module, "PREVIEW_PAGES", 2)
    w = widget
    choose(qtbot, w, View.KEY_PROJECTS, lang="en")
    total = len(w.document().pages)
    assert total > 2
    qtbot.waitUntil(lambda: w.preview.page_count() == 2, timeout=5000)
    assert "the first 2 are shown here" in w.status_label.text()
    op = w.output.write_pdf_to(str(tmp_path / "all.pdf"))
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert pdf_text(tmp_path / "all.pdf").count("\f") == total

"""A project type or investor origin nobody gave, in the desktop app: the editor's "Not given" / 未填
choice (an unrelated edit saves None, not 新建 / 内资), the detail pane, the table's column, and the
Summaries tab's breakdown by origin with its "Not given" line. Screenshots in both languages go to
artifacts/unknown-fields/."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from ui_helpers import when_modal

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import InvestorOrigin, Project, ProjectType
from zqtracker.domain.status import Status
from zqtracker.reports.model import View
from zqtracker.services.context import AppContext
from zqtracker.ui.events import DataEvents
from zqtracker.ui.project_model import ProjectTableModel
from zqtracker.ui.summaries import SummariesWidget

NOT_GIVEN = {"en": "Not given", "zh": "未填"}


def save(editor) -> None:
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()


@pytest.fixture
def shots(artifacts: Path) -> Path:
    folder = artifacts / "unknown-fields"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_editor_offers_not_given_and_an_unrelated_edit_keeps_it(
    make_window, ctx: AppContext, translations, shots: Path, lang: str
) -> None:
    if lang == "zh":
        translations.switch("zh")
    window = make_window(ctx)
    lead = ctx.projects.create(Project("氢能装备产业园项目", "氢能", "高要区", Status.LEAD, code="L-1"))

    def edit_amount(editor) -> None:
        form = editor.form
        for combo in (form.project_type, form.origin):
            assert combo.currentText() == NOT_GIVEN[lang] and combo.currentIndex() == 0
            assert combo.count() == 1 + len(ProjectType if combo is form.project_type else InvestorOrigin)
        form.money["planned_investment"].line.setText("5")
        editor.grab().save(str(shots / f"editor_not_given_{lang}.png"))
        save(editor)

    seen = when_modal(edit_amount, name="project_editor")
    window.project_actions.edit_project(lead.id)
    assert seen
    saved = ctx.projects.get(lead.id)  # type: ignore[arg-type]
    assert saved.planned_investment is not None and saved.version == 2
    assert (saved.project_type, saved.investor_origin) == (None, None)  # not 新建 / 内资

    def give_origin(editor) -> None:
        editor.form.origin.setCurrentIndex(editor.form.origin.findData(InvestorOrigin.FOREIGN.value))
        save(editor)

    when_modal(give_origin, name="project_editor")
    window.project_actions.edit_project(lead.id)
    assert ctx.projects.get(lead.id).investor_origin is InvestorOrigin.FOREIGN  # type: ignore[arg-type]

    def take_it_back(editor) -> None:
        assert editor.form.origin.currentData() == InvestorOrigin.FOREIGN.value
        editor.form.origin.setCurrentIndex(0)
        save(editor)

    when_modal(take_it_back, name="project_editor")
    window.project_actions.edit_project(lead.id)
    assert ctx.projects.get(lead.id).investor_origin is None  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_detail_pane_says_not_given(
    make_window, demo_ctx: AppContext, translations, shots: Path, lang: str
) -> None:
    if lang == "zh":
        translations.switch("zh")
    window = make_window(demo_ctx)
    page = window.projects
    lead = next(r for r in demo_ctx.projects.list_rows() if r.name == "力恒储能电池Pack生产线项目")  # a demo lead
    given = next(r for r in demo_ctx.projects.list_rows() if r.investor_origin is InvestorOrigin.FOREIGN)
    page.apply_filter(ProjectFilter(statuses=frozenset({Status.LEAD})))
    page.table.select_ids([lead.id])
    values = page.detail._values
    for field in ("project_type", "investor_origin"):
        assert values[field].text() == NOT_GIVEN[lang]
        assert values[field].styleSheet() != ""  # greyed, as the other unknowns
    keys = page.table.visible_column_keys()
    page.table.set_visible_columns([k for k in keys if k not in ("enterprise", "last_activity_on", "signed_on")]
                                   + ["project_type", "investor_origin"])  # fmt: skip
    window.resize(1500, 760)
    window.grab().save(str(shots / f"detail_not_given_{lang}.png"))
    page.apply_filter(ProjectFilter())
    page.table.select_ids([given.id])
    assert values["investor_origin"].text() == InvestorOrigin.FOREIGN.label(lang)
    assert values["investor_origin"].styleSheet() == ""


def test_the_table_column_says_not_given_greyed(qapp, ctx: AppContext, translations) -> None:
    bare = ctx.projects.create(Project("线索"))
    given = ctx.projects.create(Project("扩建项目", project_type=ProjectType.EXPANSION))
    model = ProjectTableModel()
    model.set_rows(ctx.projects.list_rows())
    row_of = {model.row_at(i).id: i for i in range(model.rowCount())}
    ptype = model.column_of("project_type")
    cell = model.index(row_of[bare.id], ptype)
    assert model.data(cell) == "Not given"
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(row_of[given.id], ptype)) == "Expansion"
    assert model.data(model.index(row_of[given.id], ptype), Qt.ItemDataRole.ForegroundRole) is None
    translations.switch("zh")
    model.retranslate()
    assert model.data(cell) == "未填"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_overview_breakdown_by_origin_has_a_not_given_line(
    qtbot, demo_ctx: AppContext, settings, translations, shots: Path, lang: str
) -> None:
    from test_ui_summaries import wait_built

    if lang == "zh":
        translations.switch("zh")

    w = SummariesWidget(demo_ctx, DataEvents(), settings)
    qtbot.addWidget(w)
    w.resize(1280, 900)
    w.options_bar.lang_combo.setCurrentIndex(w.options_bar.lang_combo.findData(lang))
    w.options_bar.view_combo.setCurrentIndex(w.options_bar.view_combo.findData(View.OVERVIEW.value))
    w.show()
    wait_built(qtbot, w)
    document = w.document()
    title = "按投资来源" if lang == "zh" else "By investor origin"
    pages = [i for i, p in enumerate(document.pages, 1) if any(title in t for t in p.texts())]
    assert pages, "the overview has a breakdown by investor origin"
    texts = " ".join(document.pages[pages[0] - 1].texts())
    assert NOT_GIVEN[lang] in texts
    w.preview.view.setCurrentPage(pages[0])
    w.preview.fit_page()
    qtbot.wait(200)
    w.grab().save(str(shots / f"summaries_by_origin_{lang}.png"))

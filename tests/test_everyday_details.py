"""The smaller things a user notices (issue #15), each held by a test that fails without its fix."""

from __future__ import annotations

import io
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialogButtonBox, QTreeWidgetItemIterator
from ui_helpers import when_modal

from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.ui.status_dialog import ChangeStatusDialog

# -- the status dialog ---------------------------------------------------------------------


def test_a_mixed_selection_gets_no_default_status(make_window, demo_ctx: AppContext, qtbot) -> None:
    """Enter on the bulk dialog once moved every selected project back to Lead."""
    window = make_window(demo_ctx)
    rows = demo_ctx.projects.list_rows()
    signed = [r.id for r in rows if r.status is Status.SIGNED][:2]
    preparing = [r.id for r in rows if r.status is Status.PREPARING][:1]
    window.projects.table.select_ids(signed + preparing)
    seen: dict[str, object] = {}

    def answer(dialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["ok"] = ok.isEnabled()
        seen["current"] = dialog.current.text()
        seen["choice"] = dialog.status.currentData()
        dialog.accept()  # Enter: nothing happens without a status
        seen["still_open"] = dialog.isVisible()
        dialog.reject()

    when_modal(answer, name="change_status_dialog")
    assert window.actions_.change_status.trigger() is None
    qtbot.waitUntil(lambda: "still_open" in seen)
    assert seen == {"ok": False, "current": "Signed (2), Preparing (1)", "choice": None, "still_open": True}
    assert {r.status for r in demo_ctx.projects.list_rows() if r.id in signed} == {Status.SIGNED}  # untouched


def test_the_status_dialog_shows_the_current_status_and_offers_the_next_step(qapp) -> None:
    dialog = ChangeStatusDialog(None, {Status.SIGNED: 1}, "鼎盛储能项目")
    assert dialog.current.text() == "Signed"
    assert dialog.status.currentData() == Status.PREPARING.value
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.deleteLater()


# -- reference lists -------------------------------------------------------------------------


def test_reference_lists_read_by_pinyin_and_chains_count_their_projects(make_window, demo_ctx: AppContext, qtbot):
    from zqtracker.ui.reference_editor import ReferenceListsDialog

    window = make_window(demo_ctx)
    dialog = ReferenceListsDialog(window, demo_ctx, window.events, window.undo_stack)
    qtbot.addWidget(dialog)
    districts = [dialog.districts.item(r, 0).text() for r in range(dialog.districts.rowCount())]
    assert districts[:4] == ["德庆县", "鼎湖区", "端州区", "封开县"]  # de, ding, duan, feng — not 四会市 first
    assert districts.index("高要区") < districts.index("肇庆高新区")
    top = [dialog.sectors.topLevelItem(i) for i in range(dialog.sectors.topLevelItemCount())]
    names = [t.text(0) for t in top]
    assert names.index("电子信息") < names.index("汽车") < names.index("新能源")  # dian, qi, xin
    usage = demo_ctx.references.usage("sector")
    by_name = {s.name: s.id for s in demo_ctx.references.sectors()}
    for item in top:
        if item.childCount():
            expected = sum(usage.get(by_name[item.child(i).text(0)], 0) for i in range(item.childCount()))
            expected += usage.get(by_name[item.text(0)], 0)
            assert int(item.text(1).replace(",", "")) == expected > 0, item.text(0)  # once 0 for every chain
    children = QTreeWidgetItemIterator(dialog.sectors)
    assert children.value() is not None


def test_the_filter_bar_and_editor_list_districts_by_pinyin(make_window, demo_ctx: AppContext) -> None:
    window = make_window(demo_ctx)
    choices = [a.text() for a in window.projects.filter_bar.district.menu().actions() if a.isCheckable()]
    assert choices[:3] == ["德庆县", "鼎湖区", "端州区"]


def test_the_round_view_lists_districts_by_pinyin(make_window, demo_ctx: AppContext, qtbot, tmp_path) -> None:
    from zqtracker.domain.rounds import Period
    from zqtracker.ui.round_view import RoundView

    window = make_window(demo_ctx)
    view = RoundView(
        demo_ctx, window.events, window.undo_stack, window, lang="zh", book_lang="zh", today=date(2023, 11, 13)
    )
    qtbot.addWidget(view)
    view.create_round(Period(2023, 10), tmp_path, ["四会市", "高要区", "鼎湖区", "端州区"])
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=60_000)
    assert [r.district for r in view.model.rows] == ["鼎湖区", "端州区", "高要区", "四会市"]  # ding, duan, gao, si


# -- shortcuts, editor, icons ----------------------------------------------------------------


def test_the_shortcuts_list_names_actions_not_their_current_text(make_window, demo_ctx: AppContext, qtbot) -> None:
    window = make_window(demo_ctx)
    ids = [window.projects.model.row_at(i).id for i in range(2)]
    window.project_actions.set_key_project(ids, True)
    window.undo_stack.undo()
    assert window.actions_.redo.text().startswith("Redo mark")  # the menu names what it will redo
    seen: list[str] = []
    when_modal(lambda box: (seen.append(box.text()), box.accept()), name="shortcuts")
    window.actions_.shortcuts.trigger()
    assert seen and "<td>Redo</td>" in seen[0] and "Redo mark" not in seen[0]


def test_an_editor_message_goes_once_the_field_is_fixed(make_window, ctx: AppContext, qtbot) -> None:
    window = make_window(ctx)
    seen: dict[str, object] = {}

    def answer(editor) -> None:
        editor.form.name.setText("新项目")
        editor.form.money["planned_investment"].line.setText("十二亿")
        editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # refused: not an amount
        problem = editor.form.problems["planned_investment"]
        seen["before"] = problem.isVisible() and "not an amount" in problem.text()
        editor.form.money["planned_investment"].line.setText("1.2")
        editor.form.money["planned_investment"].line.textEdited.emit("1.2")  # as typing does
        seen["after"] = problem.isVisible()
        editor.form.money["expected_annual_tax"].line.setText("abc")
        editor.form.money["expected_annual_tax"].line.textEdited.emit("abc")  # a new mistake shows as typed
        seen["new"] = editor.form.problems["expected_annual_tax"].isVisible()
        editor.discard()  # closed without saving what was typed (reject() would ask first)

    when_modal(answer, name="project_editor")
    window.actions_.new_project.trigger()
    assert seen == {"before": True, "after": False, "new": True}


def test_the_toolbar_has_its_own_icons_in_the_palette_colour(make_window, ctx: AppContext) -> None:
    from zqtracker.ui.icons import ACTION_ICONS, action_icon, icons_dir

    window = make_window(ctx)
    for name in ACTION_ICONS:
        assert (icons_dir() / f"{name}.svg").is_file()
        assert not getattr(window.actions_, name).icon().isNull(), name
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.WindowText, "#1f2328")
    dark.setColor(QPalette.ColorRole.WindowText, "#e6e8eb")
    on_light = action_icon("undo", light).pixmap(48, 48).toImage()
    on_dark = action_icon("undo", dark).pixmap(48, 48).toImage()
    inked = [(x, y) for x in range(48) for y in range(48) if on_light.pixelColor(x, y).alpha() > 200]
    assert inked and on_light.pixelColor(*inked[0]).lightness() < 80 < on_dark.pixelColor(*inked[0]).lightness()


# -- files -----------------------------------------------------------------------------------


def test_pdfs_and_workbooks_get_the_same_file_mode(demo_ctx: AppContext, tmp_path: Path, qapp) -> None:
    from zqtracker.reports.export import export_pdf
    from zqtracker.reports.model import View
    from zqtracker.reports.options import ReportOptions
    from zqtracker.services.exporting import ExportOptions, ExportService

    umask = os.umask(0)
    os.umask(umask)
    expected = 0o666 & ~umask
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    export_pdf(demo_ctx, ReportOptions(view=View.STALE), pdf)
    ExportService(demo_ctx.database).export(xlsx, ExportOptions())
    assert stat.S_IMODE(pdf.stat().st_mode) == stat.S_IMODE(xlsx.stat().st_mode) == expected


def test_the_export_dialog_never_suggests_a_missing_folder(demo_ctx: AppContext, settings, qtbot, tmp_path) -> None:
    from zqtracker.ui.export_dialog import ExportDialog
    from zqtracker.ui.settings import EXPORT_FOLDER

    settings.set(EXPORT_FOLDER, str(tmp_path / "gone" / "Documents"))
    dialog = ExportDialog(demo_ctx, settings)
    qtbot.addWidget(dialog)
    assert dialog.target().parent.is_dir()


# -- demo data -------------------------------------------------------------------------------


def test_demo_histories_read_forward_and_halted_projects_stop_investing(demo_ctx: AppContext) -> None:
    rows = demo_ctx.projects.list_rows()
    backwards = []
    for r in rows:
        dates = [c.changed_on for c in demo_ctx.projects.status_history(r.id)]
        if dates != sorted(dates):
            backwards.append(r.code)
    assert backwards == []  # 91 of 560 once
    for r in rows:
        if r.status in (Status.CANCELLED, Status.ON_HOLD):
            records = demo_ctx.projects.investment(r.id)
            halted = max(c.changed_on for c in demo_ctx.projects.status_history(r.id))
            assert all((x.year, x.month) < (2023, 8) for x in records), r.code  # nothing in the report's months
            assert all(date(x.year, x.month, 1) <= halted for x in records), r.code


# -- command line ----------------------------------------------------------------------------


def cli(*args: str) -> tuple[int, str, str]:
    from zqtracker.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_demo_twice_is_no_error(tmp_path: Path) -> None:
    db = str(tmp_path / "d.sqlite")
    assert cli("--db", db, "demo", "--projects", "30")[0] == 0
    code, _out, err = cli("--db", db, "demo", "--projects", "30")
    assert code == 0, err
    assert "Traceback" not in err and "internal" not in err.lower()


def test_an_unknown_district_is_said_not_silently_listed_as_nothing(demo_ctx: AppContext) -> None:
    db = demo_ctx.database.url
    code, out, err = cli("--db", db, "--lang", "zh", "list", "--district", "不存在区")
    assert code == 1 and out == ""
    assert "没有名为“不存在区”的所在区域" in err and "高要区" in err
    code, _, err = cli("--db", db, "summary", "--sector", "Nowhere")
    assert code == 1 and "no Sector named 'Nowhere'" in err


def test_a_chinese_cli_error_is_chinese(demo_ctx: AppContext) -> None:
    code, _, err = cli("--db", demo_ctx.database.url, "--lang", "zh", "list", "--status", "胡说")
    assert code == 1 and err.strip() == "zqtracker: 无法识别的项目状态“胡说”"


def test_chart_takes_lang_after_the_command(demo_ctx: AppContext, tmp_path: Path) -> None:
    out = tmp_path / "c.svg"
    code, _, err = cli("--db", demo_ctx.database.url, "chart", "sectors", str(out), "--lang", "zh")
    assert code == 0, err
    assert "分行业完成投资" in out.read_text(encoding="utf-8")


def test_argument_errors_exit_2_as_the_readme_says(demo_ctx: AppContext) -> None:
    with pytest.raises(SystemExit) as raised:
        cli("--db", demo_ctx.database.url, "list", "--no-such-option")
    assert raised.value.code == 2
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "2 a command line that cannot be\nread" in readme


def test_summary_columns_line_up_by_display_width(demo_ctx: AppContext) -> None:
    """Chinese names are twice as wide as their character count on a terminal."""
    from zqtracker.cli.console import display_width

    code, out, _ = cli("--db", demo_ctx.database.url, "--lang", "zh", "summary")
    assert code == 0
    lines = out.splitlines()
    start = lines.index("按行业（项目数，计划总投资，累计完成投资，同比）：") + 1
    block = []
    for line in lines[start:]:
        if not line.strip():
            break
        block.append(line)
    assert len(block) > 5
    ends = {display_width(line) for line in block}  # the last column right-aligned: one right edge
    assert len(ends) == 1, block
    money_ends = {display_width(line.rsplit(None, 1)[0]) for line in block}
    assert len(money_ends) == 1, block

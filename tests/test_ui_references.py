"""Reference-list editors on the demo database: sectors (two levels), districts, enterprises;
undoable; an entry still in use is never deleted."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItemIterator
from ui_helpers import accept, click, when_modal

from zqtracker.domain.credit_code import check_character
from zqtracker.services.context import AppContext
from zqtracker.ui.reference_editor import ReferenceListsDialog


def open_lists(window) -> ReferenceListsDialog:
    dialog = ReferenceListsDialog(window, window.ctx, window.events, window.undo_stack)
    dialog.show()
    return dialog


def select_sector(dialog: ReferenceListsDialog, name: str) -> None:
    it = QTreeWidgetItemIterator(dialog.sectors)
    while it.value() is not None:
        if it.value().text(0) == name:
            dialog.sectors.setCurrentItem(it.value())
            return
        it += 1
    raise AssertionError(f"no sector {name}")


def select_row(table, text: str) -> None:
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == text:
            table.setCurrentCell(r, 0)
            return
    raise AssertionError(f"no row {text}")


def test_add_a_sector_under_a_chain_and_undo(make_window, demo_ctx: AppContext, artifacts) -> None:
    window = make_window(demo_ctx)
    dialog = open_lists(window)
    dialog.grab().save(str(artifacts / "reference_sectors.png"))
    select_sector(dialog, "新型储能")

    def answer(name_dialog) -> None:
        name_dialog.name.setText("固态电池")
        assert name_dialog.chain.currentData() == "新能源"  # the selected sector's chain
        name_dialog.grab().save(str(artifacts / "reference_new_sector.png"))
        accept(name_dialog)

    when_modal(answer, name="reference_name_dialog")
    dialog._add_sector()
    sectors = {s.name: s.parent for s in demo_ctx.references.sectors()}
    assert sectors["固态电池"] == "新能源"
    assert window.actions_.undo.text() == "Undo add “固态电池”"
    assert "固态电池" in window.projects.filter_bar.known_names()[0]
    window.actions_.undo.trigger()
    assert "固态电池" not in {s.name for s in demo_ctx.references.sectors()}
    window.actions_.redo.trigger()
    assert "固态电池" in {s.name for s in demo_ctx.references.sectors()}


def test_a_sector_in_use_is_not_deleted(make_window, demo_ctx: AppContext) -> None:
    window = make_window(demo_ctx)
    dialog = open_lists(window)
    select_sector(dialog, "光伏")
    used = sum(1 for r in window.projects.model.loaded_rows() if r.sector == "光伏")
    messages: list[str] = []
    when_modal(lambda box: click(box, "Delete"), name="confirm")

    def error(box) -> None:
        messages.append(box.text())
        box.accept()

    when_modal(error, name="error_message", timeout=20)
    dialog._delete_sector()
    assert messages == [
        f"The sector “光伏” is still used by {used} project(s) or sectors; assign them another one first."
    ]
    assert "光伏" in {s.name for s in demo_ctx.references.sectors()}
    assert not window.undo_stack.canUndo()


def test_renaming_a_district_renames_it_in_the_table(make_window, demo_ctx: AppContext, qtbot) -> None:
    window = make_window(demo_ctx)
    dialog = open_lists(window)
    select_row(dialog.districts, "端州区")
    n = sum(1 for r in window.projects.model.loaded_rows() if r.district == "端州区")

    def answer(name_dialog) -> None:
        name_dialog.name.setText("端州区（城区）")
        accept(name_dialog)

    when_modal(answer, name="reference_name_dialog")
    with qtbot.waitSignal(window.projects.rows_ready, timeout=30_000):
        dialog._edit_district()
    rows = window.projects.model.loaded_rows()
    assert sum(1 for r in rows if r.district == "端州区（城区）") == n and n > 0
    assert not any(r.district == "端州区" for r in rows)
    window.actions_.undo.trigger()
    # (the rename's own reload may still end after the undo began: wait for the table to settle)
    qtbot.waitUntil(lambda: sum(1 for r in window.projects.model.loaded_rows() if r.district == "端州区") == n,
                    timeout=30_000)  # fmt: skip
    assert not any(r.district == "端州区（城区）" for r in window.projects.model.loaded_rows())


def test_enterprise_credit_code_is_checked_in_the_dialog(make_window, demo_ctx: AppContext, artifacts) -> None:
    window = make_window(demo_ctx)
    dialog = open_lists(window)
    dialog.tabs.setCurrentIndex(2)
    dialog.grab().save(str(artifacts / "reference_enterprises.png"))
    body = "91441200MA4W12345"
    good = body + check_character(body)
    bad = body + ("0" if good[-1] != "0" else "1")
    seen: dict[str, str] = {}

    def answer(enterprise_dialog) -> None:
        enterprise_dialog.name.setText("肇庆测试新能源有限公司")
        enterprise_dialog.credit_code.setText(bad)
        seen["live"] = (
            enterprise_dialog.code_problem.text()
            if enterprise_dialog.code_problem.isVisibleTo(enterprise_dialog)
            else ""
        )
        enterprise_dialog.high_tech.setChecked(True)
        enterprise_dialog.grab().save(str(artifacts / "enterprise_dialog.png"))
        when_modal(second_try, name="enterprise_dialog")
        accept(enterprise_dialog)

    def second_try(enterprise_dialog) -> None:
        seen["refused"] = enterprise_dialog.problem.text()
        enterprise_dialog.credit_code.setText(good.lower())
        accept(enterprise_dialog)

    when_modal(answer, name="enterprise_dialog")
    dialog._add_enterprise()
    assert "is not a valid unified social credit code" in seen["live"]
    assert "check character should be" in seen["refused"]
    saved = next(e for e in demo_ctx.references.enterprises() if e.name == "肇庆测试新能源有限公司")
    assert saved.credit_code == good and saved.is_high_tech and not saved.is_little_giant


def test_preferences_dialog_screenshot(make_window, demo_ctx: AppContext, settings, artifacts) -> None:
    from zqtracker.ui.preferences import PreferencesDialog
    from zqtracker.ui.status_dialog import ChangeStatusDialog

    window = make_window(demo_ctx)
    dialog = PreferencesDialog(window, settings)
    dialog.show()
    assert dialog.stale.value() == 6 and dialog.language.currentData() == ""
    dialog.grab().save(str(artifacts / "preferences.png"))
    from zqtracker.domain.status import Status

    status = ChangeStatusDialog(window, {Status.SIGNED: 2, Status.PREPARING: 1}, "")
    status.show()
    status.grab().save(str(artifacts / "change_status_dialog.png"))

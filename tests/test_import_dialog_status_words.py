"""The preview lists every status word of the file — unknown ones asked, known ones with their reading —
and the analyst may re-map a known one: the district writes 已签协议 (a framework agreement) for what the
bureau calls a lead, which zqtracker reads as Signed. Chosen, it is imported as Lead and remembered for the
next file with these headers, as an unknown word's answer is. Real widgets, a real file, both engines."""

from __future__ import annotations

from pathlib import Path

from import_files import SheetSpec, write_workbook
from test_import_dialog import wait_idle
from test_import_dialog_defaults import import_now, opened

from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext

SHOTS = Path("/tmp/fix27s")


def leads(path: Path) -> Path:
    rows = [
        ["四会市2025年招商项目库"],
        ["序号", "项目名称", "投资方", "项目状态", "投资总额（万元）"],
        [1, "四会智能装备项目", "甲公司", "已签协议", 30000],  # known: read as Signed
        [2, "四会电子项目", "乙公司", "已签协议", 20000],
        [3, "四会食品项目", "丙公司", "深度对接", 5000],  # unknown: asked
        [4, "四会物流项目", "丁公司", "在建", 8000],  # known: under construction
    ]
    return write_workbook(path, SheetSpec("Sheet1", rows))


def words(dialog) -> list[tuple[str, str]]:
    """The unknown words (asked with the questions), then the known ones (after every question)."""
    role = dialog.questions.words_form.ItemRole
    return [
        (form.itemAt(i, role.LabelRole).widget().text(), form.itemAt(i, role.FieldRole).widget().currentText())
        for form in (dialog.questions.words_form, dialog.questions.read_words_form)
        for i in range(form.rowCount())
    ]


def combo_of(dialog, word: str):
    for form in (dialog.questions.words_form, dialog.questions.read_words_form):
        for i in range(form.rowCount()):
            if f"“{word}”" in form.itemAt(i, form.ItemRole.LabelRole).widget().text():
                return form.itemAt(i, form.ItemRole.FieldRole).widget()
    raise AssertionError(word)


def test_a_known_status_word_is_re_mapped_and_remembered(qtbot, ctx: AppContext, tmp_path: Path) -> None:
    path = leads(tmp_path / "leads.xlsx")
    dialog = opened(qtbot, ctx, path, tmp_path)
    # the unknown word first (the import waits on it), then the known ones with what they are read as
    assert words(dialog) == [
        ("Status word “深度对接” (1 rows):", "choose what it means…"),
        ("Status word “已签协议” (2 rows):", "read as Signed"),
        ("Status word “在建” (1 rows):", "read as Under construction"),
    ]
    assert dialog.questions.words_box.isVisible() and not dialog.can_import()
    combo = combo_of(dialog, "深度对接")
    combo.setCurrentIndex(combo.findData(Status.LEAD.value))
    wait_idle(qtbot, dialog)
    combo = combo_of(dialog, "已签协议")
    combo.setCurrentIndex(combo.findData(Status.LEAD.value))  # the bureau's Lead, not Signed
    wait_idle(qtbot, dialog)
    assert dialog.choices.options.status_map == {"深度对接": "lead", "已签协议": "lead"}
    # both answers stay shown, as chosen; 在建 still read as itself
    assert words(dialog) == [
        ("Status word “深度对接” (1 rows):", "Lead"),
        ("Status word “已签协议” (2 rows):", "Lead"),
        ("Status word “在建” (1 rows):", "read as Under construction"),
    ]
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "status-words-en.png"))
    import_now(qtbot, dialog)
    assert {p.name: p.status for p in ctx.projects.all_projects()} == {
        "四会智能装备项目": Status.LEAD,
        "四会电子项目": Status.LEAD,
        "四会食品项目": Status.LEAD,
        "四会物流项目": Status.UNDER_CONSTRUCTION,
    }
    dialog.close()
    # next month's file with these headers: 已签协议 is read as Lead at once, shown as the remembered choice
    again = write_workbook(tmp_path / "again.xlsx", SheetSpec("Sheet1", [
        ["四会市2025年招商项目库"], ["序号", "项目名称", "投资方", "项目状态", "投资总额（万元）"],
        [1, "四会陶瓷项目", "戊公司", "已签协议", 9000]]))  # fmt: skip
    dialog = opened(qtbot, ctx, again, tmp_path)
    assert words(dialog) == [("Status word “已签协议” (1 rows):", "Lead")] and dialog.can_import()
    import_now(qtbot, dialog)
    assert {p.name: p.status for p in ctx.projects.all_projects()}["四会陶瓷项目"] is Status.LEAD
    # "read as Signed" gives the word its own reading back
    dialog.close()
    dialog = opened(qtbot, ctx, again, tmp_path)
    combo = combo_of(dialog, "已签协议")
    combo.setCurrentIndex(0)
    wait_idle(qtbot, dialog)
    assert words(dialog) == [("Status word “已签协议” (1 rows):", "read as Signed")]
    assert dialog.analysis.updates[0].fields["status"] is Status.SIGNED  # the stored Lead back to Signed

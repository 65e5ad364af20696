"""The preview's questions, driven as a user would: the district for rows without one (prefilled
from the title), an unknown status word, a near-named row linked to a stored project, a rate for
dollars. Real widgets, real files, real SQLite."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from test_import_dialog import wait_idle
from test_import_dialog_totals import shown

from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog


def leads(path: Path) -> Path:
    rows = [
        ["萝岗区谋划（在谈）项目库"],
        ["序号", "项目名称", "投资方", "项目状态", "投资总额（万美元）"],
        [1, "智能网联汽车零部件项目", "某汽车集团", "深度对接", 100],
        [2, "生物医药研发中心项目", "某药业", "在谈", 50],
    ]
    return write_workbook(path, SheetSpec("Sheet1", rows))


def test_questions_of_a_negotiating_list(qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path) -> None:
    seed = write_workbook(
        tmp_path / "seed.xlsx", SheetSpec("S", [["项目名称", "所在区域"], ["生物医药研发中心", "萝岗区"]])
    )
    ImportService(ctx.database).import_file(seed, ImportOptions(status="lead"))
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path=leads(tmp_path / "leads.xlsx"), lang="en")
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    wait_idle(qtbot, dialog)
    q = dialog.questions
    assert q.defaults.district_combo.currentText() == "萝岗区" and "title" in q.defaults.district_source.text()
    assert q.words_box.isVisible() and q.rates_box.isVisible()
    assert not dialog.can_import()  # "深度对接" is no status zqtracker knows: the row waits for an answer
    # the unknown word: the user says it is Lead
    word_combo = q.words_form.itemAt(0, q.words_form.ItemRole.FieldRole).widget()
    word_combo.setCurrentIndex(word_combo.findData(Status.LEAD.value))
    wait_idle(qtbot, dialog)
    assert dialog.choices.options.status_map == {"深度对接": "lead"} and not dialog.analysis.problems
    # the stored "生物医药研发中心" is the same project as row 4 ("…项目" dropped): matched, not offered
    assert dialog.analysis.updated + dialog.analysis.unchanged == 1 and dialog.analysis.added == 1
    # dollars: a rate, typed in the field
    edit = q.rates_form.itemAt(0, q.rates_form.ItemRole.FieldRole).widget()
    qtbot.keyClicks(edit, "7.10")
    edit.editingFinished.emit()
    wait_idle(qtbot, dialog)
    assert dialog.choices.options.rates == {"USD": Decimal("7.10")}
    assert dialog.preview.model.headerData(5, 1).endswith("→ Planned investment (USD 10,000)")
    dialog.grab().save(str(artifacts / "import-questions-en.png"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    p = {x.name: x for x in ctx.projects.all_projects()}
    car = p["智能网联汽车零部件项目"]
    assert car.district == "萝岗区" and car.status is Status.LEAD and car.planned_investment == 7_100_000
    assert car.planned_foreign is not None and car.planned_foreign.currency == "USD"


def test_a_near_name_is_linked_from_the_preview(qtbot, ctx: AppContext, tmp_path: Path) -> None:
    head = ["项目名称", "所在区域", "计划总投资（亿元）"]
    ImportService(ctx.database).import_file(
        write_workbook(tmp_path / "a.xlsx", SheetSpec("S", [head, ["恒通光伏组件扩产项目", "高要区", 2]])),
        ImportOptions(),
    )
    path = write_workbook(tmp_path / "b.xlsx", SheetSpec("S", [head, ["恒通光伏组件扩产项目（一期）", "高要区", 2]]))
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path=path, lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, dialog)
    assert dialog.analysis.added == 0 and not dialog.can_import() and dialog.questions.links_box.isVisible()
    combo = dialog.questions.links_form.itemAt(0, dialog.questions.links_form.ItemRole.FieldRole).widget()
    assert combo.currentText() == "choose…"  # asked: no new project until answered
    combo.setCurrentIndex(2)  # "the same as 恒通光伏组件扩产项目 (高要区)"
    wait_idle(qtbot, dialog)
    assert (dialog.analysis.added, dialog.analysis.updated) == (0, 1)


def test_a_dollar_column_reads_in_chinese(qtbot, ctx: AppContext, tmp_path: Path, translations) -> None:
    """The header of an amount in 万美元 says so in the unit's own words (as （亿元） does), not "(10k USD)"."""
    translations.switch("zh_CN")
    dialog = ImportDialog(ctx, DataEvents(), QUndoStack(), None, path=leads(tmp_path / "leads.xlsx"), lang="zh")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, dialog)
    assert dialog.preview.model.headerData(5, 1) == "E  投资总额（万美元）\n→ 计划总投资（万美元）"


def test_slash_dates_that_read_either_way_are_asked(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path, translations
) -> None:
    """03/04/2023 and 05/06/2023 alone: the preview asks how to read them (month first, as the note
    says, until answered); day/month is then what is imported. In English and in Chinese."""
    rows = [["项目名称", "所在区域", "计划总投资（万元）", "签约时间"],
            ["端州食品加工项目", "端州区", 1000, "03/04/2023"],
            ["端州电子项目", "端州区", 2000, "05/06/2023"]]  # fmt: skip
    path = write_workbook(tmp_path / "dates.xlsx", SheetSpec("项目清单", rows))
    for lang, label, words in (
        ("en", "Slash dates that read either way (D “签约时间”):", "day/month (03/04/2026 is 3 April)"),
        ("zh", "可两种读法的斜杠日期（D “签约时间”）：", "日/月（03/04/2026 为 4 月 3 日）"),
    ):
        translations.switch("zh_CN" if lang == "zh" else "en")
        dialog = shown(qtbot, ctx, path, lang)
        q = dialog.questions
        assert q.date_box.isVisible() and q.date_label.text() == label
        assert q.date_combo.currentData() == "mdy" and "note_slash_date_order" in {
            n.code for n in dialog.analysis.notes
        }
        q.date_combo.setCurrentIndex(q.date_combo.findData("dmy"))
        wait_idle(qtbot, dialog)
        assert dialog.choices.options.date_order == "dmy" and q.date_combo.currentText() == words
        assert "note_slash_date_order" not in {n.code for n in dialog.analysis.notes}
        dialog.grab().save(str(artifacts / f"import-date-order-{lang}.png"))
        if lang == "zh":
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda d=dialog: d.import_result is not None, timeout=30_000)
            signed = {p.name: p.signed_on for p in ctx.projects.all_projects()}
            assert signed == {"端州食品加工项目": date(2023, 4, 3), "端州电子项目": date(2023, 6, 5)}
        dialog.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_renamed_project_with_figures_is_asked_in_the_preview(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path, translations, lang: str
) -> None:
    """September's report writes 德信陶瓷 for August's 德信陶磁: the row waits for an answer (its year to
    date would count twice as a new project's); "the same as" updates the stored project."""
    head = ["序号", "项目名称", "计划总投资（万元）", "1-{}月累计完成投资（万元）"]

    def month(m: int, name: str, ytd: int) -> Path:
        rows = [[f"端州区2026年1-{m}月重点项目"], [*head[:3], head[3].format(m)], [1, name, 30000, ytd]]
        return write_workbook(tmp_path / f"{m:02}.xlsx", SheetSpec("Sheet1", rows))

    translations.switch("zh_CN" if lang == "zh" else "en")
    ImportService(ctx.database).import_file(month(8, "德信陶磁扩建项目", 1500), ImportOptions())
    dialog = shown(qtbot, ctx, month(9, "德信陶瓷扩建项目", 2000), lang)
    q = dialog.questions
    assert q.links_box.isVisible() and not dialog.can_import()
    combo = q.links_form.itemAt(0, q.links_form.ItemRole.FieldRole).widget()
    assert [combo.itemData(i) for i in range(combo.count())][:2] == [-1, 0] and combo.currentData() == -1
    dialog.grab().save(str(artifacts / f"import-renamed-project-{lang}.png"))
    combo.setCurrentIndex(2)  # "the same as #1 德信陶磁扩建项目 (端州区)"
    wait_idle(qtbot, dialog)
    assert (dialog.analysis.added, dialog.analysis.updated) == (0, 1) and dialog.can_import()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_code_without_its_zeros_under_another_name_is_asked_in_the_preview(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path, translations, lang: str
) -> None:
    """October's list gives code 12 (typed as a number: its zeros dropped) for September's 0012, under a
    new name: the row waits for an answer; "the same as" updates the stored project, code kept."""
    head = ["序号", "项目编号", "项目名称", "计划总投资（万元）", "1-{}月累计完成投资（万元）"]

    def month(m: int, code: object, name: str, ytd: int) -> Path:
        rows = [[f"端州区2026年1-{m}月重点项目"], [*head[:4], head[4].format(m)], [1, code, name, 30000, ytd]]
        return write_workbook(tmp_path / f"{m:02}.xlsx", SheetSpec("Sheet1", rows))

    translations.switch("zh_CN" if lang == "zh" else "en")
    ImportService(ctx.database).import_file(month(9, "0012", "德信陶瓷扩建项目", 1500), ImportOptions())
    dialog = shown(qtbot, ctx, month(10, 12, "回龙镇冷链物流中心项目", 2000), lang)
    q = dialog.questions
    assert q.links_box.isVisible() and not dialog.can_import()
    combo = q.links_form.itemAt(0, q.links_form.ItemRole.FieldRole).widget()
    assert combo.currentData() == -1 and "0012" in combo.itemText(2)
    dialog.grab().save(str(artifacts / f"import-code-zeros-{lang}.png"))
    combo.setCurrentIndex(2)
    wait_idle(qtbot, dialog)
    assert (dialog.analysis.added, dialog.analysis.updated) == (0, 1) and dialog.can_import()
    [project] = ctx.projects.all_projects()
    assert project.code == "0012"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_another_districts_numbering_is_asked_in_the_preview(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path, translations, lang: str
) -> None:
    """四会市 numbers its list 001… as 高要区 does: its row under 高要区's 001 is asked, the chooser says the
    code is another district's project; "new" alone is refused (the code is taken), the code column
    left out imports it by name."""
    head = ["序号", "项目编号", "项目名称", "所属区县", "计划总投资（万元）"]

    def book(name: str, district: str, project: str) -> Path:
        rows = [[f"{district}2026年重点项目"], head, [1, "001", project, district, 30000]]
        return write_workbook(tmp_path / name, SheetSpec("Sheet1", rows))

    translations.switch("zh_CN" if lang == "zh" else "en")
    ImportService(ctx.database).import_file(book("gy.xlsx", "高要区", "鸿达新材料一期项目"), ImportOptions())
    dialog = shown(qtbot, ctx, book("sh.xlsx", "四会市", "鸿达新材料一期项目"), lang)
    q = dialog.questions
    assert q.links_box.isVisible() and not dialog.can_import()
    label = q.links_form.itemAt(0, q.links_form.ItemRole.LabelRole).widget().text()
    assert ("另一区域" if lang == "zh" else "another district's project") in label, label
    dialog.grab().save(str(artifacts / f"import-code-other-district-{lang}.png"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_new_code_beside_a_near_named_stored_project_is_asked_in_the_preview(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path, translations, lang: str
) -> None:
    """October gives codes for the first time and corrects 陶磁 to 陶瓷: the row waits for an answer (as
    new, the project and its year to date would count twice); "the same as" updates the stored one."""
    head = ["项目名称", "计划总投资（万元）", "1-{}月累计完成投资（万元）"]
    september = [["四会市2026年1-9月重点项目"], [*head[:2], head[2].format(9)], ["四会陶磁产业园项目", 30000, 2000]]
    translations.switch("zh_CN" if lang == "zh" else "en")
    ImportService(ctx.database).import_file(
        write_workbook(tmp_path / "09.xlsx", SheetSpec("S", september)), ImportOptions()
    )
    october = [["四会市2026年1-10月重点项目"], ["项目编号", *head[:2], head[2].format(10)],
               ["SH-001", "四会陶瓷产业园项目", 30000, 2500]]  # fmt: skip
    dialog = shown(qtbot, ctx, write_workbook(tmp_path / "10.xlsx", SheetSpec("S", october)), lang)
    q = dialog.questions
    assert q.links_box.isVisible() and not dialog.can_import()
    dialog.grab().save(str(artifacts / f"import-new-code-near-name-{lang}.png"))
    combo = q.links_form.itemAt(0, q.links_form.ItemRole.FieldRole).widget()
    combo.setCurrentIndex(2)  # "the same as #1 四会陶磁产业园项目 (四会市)"
    wait_idle(qtbot, dialog)
    assert (dialog.analysis.added, dialog.analysis.updated) == (0, 1) and dialog.can_import()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_month_is_asked_when_the_sheet_and_its_title_disagree(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path, translations, lang: str
) -> None:
    """A sheet named 10月 under September's title (1-9月): the preview asks the report's month (the
    Import button waits); typed as 2025-10, October is imported and September stays as stored."""
    head = ["项目名称", "所在区域", "计划总投资（万元）", "1-9月累计完成投资（万元）"]
    sep = write_workbook(tmp_path / "sep.xlsx", SheetSpec("9月", [["高要区2025年1-9月重点项目进展情况表"], head,
                         ["恒通光伏组件扩产项目", "高要区", 50000, 8500]]))  # fmt: skip
    assert ImportService(ctx.database).import_file(sep, ImportOptions()).ok
    oct_rows = [["高要区2025年1-9月重点项目进展情况表"], [*head[:3], "累计完成投资（万元）"],
                ["恒通光伏组件扩产项目", "高要区", 50000, 9700]]  # fmt: skip
    oct_ = write_workbook(tmp_path / "oct.xlsx", SheetSpec("10月", oct_rows))
    translations.switch("zh_CN" if lang == "zh" else "en")
    dialog = shown(qtbot, ctx, oct_, lang)
    q = dialog.questions
    assert q.period_box.isVisible() and not dialog.can_import()
    hint = {
        "en": "sheet “10月”: its name and its title name two months",
        "zh": "工作表“10月”：表名与标题所写月份不一致",
    }
    label = {"en": "Report month (year-month):", "zh": "报表月份（年-月）："}
    assert q.period_hint.text() == hint[lang] and q.period_label.text() == label[lang]
    dialog.grab().save(str(artifacts / f"import-report-month-asked-{lang}.png"))
    q.period_edit.setText("2025-13")
    q.period_edit.editingFinished.emit()
    assert dialog.choices.options.period is None and "2025-13" in q.period_hint.text()
    q.period_edit.setText("2025年10月")
    q.period_edit.editingFinished.emit()
    wait_idle(qtbot, dialog)
    assert dialog.choices.options.period == (2025, 10) and dialog.can_import()
    assert q.period_edit.text() == "2025-10" and q.period_box.isVisible()
    dialog.grab().save(str(artifacts / f"import-report-month-{lang}.png"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    (p,) = ctx.projects.all_projects()
    spans = [(r.year, r.first, r.month, r.amount) for r in ctx.projects.investment(p.id)]
    assert spans == [(2025, 1, 9, 85_000_000), (2025, 10, 10, 12_000_000)]
    dialog.close()


def test_the_report_month_question_follows_a_live_language_switch(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path, translations
) -> None:
    """Asked in English, the interface switched to Chinese as Preferences does: the field's label and its
    reason are worded again, and the month typed stays."""
    from test_import_dialog_language import switched

    head = ["项目名称", "所在区域", "计划总投资（万元）", "累计完成投资（万元）"]
    rows = [["高要区2025年1-9月重点项目进展情况表"], head, ["恒通光伏组件扩产项目", "高要区", 50000, 9700]]
    path = write_workbook(tmp_path / "oct.xlsx", SheetSpec("10月", rows))
    translations.switch("en")
    dialog = shown(qtbot, ctx, path, "en")
    dialog.resize(1366, 768)
    q = dialog.questions
    assert q.period_hint.text() == "sheet “10月”: its name and its title name two months"
    switched(qtbot, translations, dialog, "zh")
    assert q.period_label.text() == "报表月份（年-月）："
    assert q.period_hint.text() == "工作表“10月”：表名与标题所写月份不一致"
    q.period_edit.setText("2025-10")
    q.period_edit.editingFinished.emit()
    wait_idle(qtbot, dialog)
    switched(qtbot, translations, dialog, "en")
    assert q.period_edit.text() == "2025-10" and q.period_hint.text() == "as you said" and dialog.can_import()
    dialog.grab().save(str(artifacts / "import-report-month-live-switch.png"))
    dialog.close()

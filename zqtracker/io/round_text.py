"""The words of a round's workbook, in English and Simplified Chinese (io/round_workbook.py)."""

from __future__ import annotations

from zqtracker.domain.money import Unit
from zqtracker.domain.rounds import Period
from zqtracker.domain.words import Catalogue

_T: dict[str, tuple[str, str]] = {
    "sheet_main": ("Progress", "项目进展"),
    "sheet_new": ("New projects", "新增项目"),
    "sheet_help": ("Instructions", "填表说明"),
    "title": ("Project progress in {period} — {district}", "{period}项目建设进展情况表（{district}）"),  # every project
    "reporter": ("Reporting unit: {district}", "填报单位：{district}（盖章）"),
    "unit_line": ("Unit: {unit}", "单位：{unit}"),
    "due": ("Return by {due}", "请于{due}前报回"),
    "demo": ("DEMO DATA", "演示数据"),
    "demo_mark": ("    [{demo}]", "    【{demo}】"),
    "last_month": ("{label}", "{month}月"),
    "new_title": ("{sheet} — {district}", "{district}{sheet}"),
    "col_no": ("No.", "序号"),
    "col_code": ("Project code", "项目编号"),
    "col_name": ("Project name", "项目名称"),
    "col_enterprise": ("Enterprise", "投资主体"),
    "col_sector": ("Sector", "所属行业"),
    "col_planned": ("Planned investment ({unit})", "计划总投资（{unit}）"),
    "col_status_before": ("Status on record", "原项目状态"),
    "col_ytd_before": ("Completed {months} ({unit})", "{months}累计完成投资（{unit}）"),
    "col_last_month": ("Completed in {month} ({unit})", "{month}完成投资（{unit}）"),
    "col_status": ("Status this month", "本月项目状态"),
    "col_this_month": ("Completed this month ({unit})", "当月完成投资（{unit}）"),
    "col_ytd": ("Completed {months} ({unit})", "{months}累计完成投资（{unit}）"),
    "col_progress": ("Progress", "进展情况"),
    "col_signed": ("Signed", "签约时间"),
    "col_id": ("zqtracker id", "系统编号"),
    "group_record": ("On record (do not change)", "已有信息（请勿修改）"),
    "group_open": ("To fill in for {period}", "{period}填报"),
    "status_prompt": ("Pick the status from the list", "请从下拉列表中选择项目状态"),
    "amount_prompt": ("Amount in {unit}, not negative", "单位：{unit}，不能为负数"),
    "amount_error": (
        "Type an amount in {unit} (a number, not negative).",
        "请填写以{unit}为单位的金额（不小于0的数字）。",
    ),
    "status_error": ("Pick a status from the list.", "请从列表中选择项目状态。"),
    # the instructions sheet, one line each
    "help": (
        "How to fill in this workbook\n"
        "\n"
        "1. Sheet “{main}” lists your district's projects as the bureau has them. The grey columns are on "
        "record and locked; fill in the white columns for {period} only.\n"
        "2. Status this month: pick it from the list. Leave it empty if the status did not change.\n"
        "3. Completed this month and completed {months}: amounts in {unit}. Give at least one of the two; "
        "if you give both, {months} must equal the figure on record for the months before plus this month.\n"
        "4. Progress: a sentence on what happened this month (optional).\n"
        "5. A project that is not on the list goes on sheet “{new}”, one row each: its name is required, "
        "the rest as far as known.\n"
        "6. Do not delete, copy or move the hidden columns and sheets, and do not paste rows from another "
        "district's workbook: the bureau matches your return by them. Sorting rows and renaming is harmless.\n"
        "7. Save the workbook as .xlsx (or .xls/.ods) and send it back by {due}.",
        "填表说明\n"
        "\n"
        "1. “{main}”表列出了本单位的项目（市局现有信息）。灰色各列为已有信息，已锁定；"
        "请只填写白色各列（{period}）。\n"
        "2. 本月项目状态：请从下拉列表中选择；状态未变可留空。\n"
        "3. 当月完成投资与{months}累计完成投资：单位为{unit}，至少填写一项；"
        "两项都填时，{months}累计应等于前几个月累计加当月。\n"
        "4. 进展情况：简述本月进展（可不填）。\n"
        "5. 名单以外的新项目请填在“{new}”表，每行一个项目：项目名称必填，其余尽量填写。\n"
        "6. 请勿删除、复制或移动隐藏的列和工作表，也不要粘贴其他单位表格中的行：市局据此核对回表。"
        "调整行的顺序、修改名称不影响核对。\n"
        "7. 请保存为 .xlsx（或 .xls/.ods）格式，于{due}前报回。",
    ),
}
T = Catalogue("round_workbook", _T)

t = T.say


def help_lines(lang: str, **params: object) -> list[str]:
    return T.say("help", lang, **params).splitlines()


def sent_headers(period: Period, unit: Unit, lang: str) -> dict[str, str]:
    """The header the round writes over each column of its two sheets (by column key); a January
    round's 1–(X−1)月 header is empty (the column is there, blank)."""
    label = unit.label(lang)
    before = period.previous()
    months_before = Period(period.year, period.month - 1).ytd_label(lang) if period.month > 1 else ""
    last = t("last_month", lang, month=before.month, label=before.label(lang))
    return {
        "no": t("col_no", lang),
        "code": t("col_code", lang),
        "name": t("col_name", lang),
        "enterprise": t("col_enterprise", lang),
        "sector": t("col_sector", lang),
        "planned": t("col_planned", lang, unit=label),
        "status_before": t("col_status_before", lang),
        "ytd_before": t("col_ytd_before", lang, months=months_before, unit=label) if months_before else "",
        "last_month": t("col_last_month", lang, month=last, unit=label),
        "status": t("col_status", lang),
        "this_month": t("col_this_month", lang, unit=label),
        "ytd": t("col_ytd", lang, months=period.ytd_label(lang), unit=label),
        "progress": t("col_progress", lang),
        "signed": t("col_signed", lang),
        "id": t("col_id", lang),
    }

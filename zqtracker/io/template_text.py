"""The words of the import template, English and Chinese: rules, column help, examples.

Kept apart from the layout code: this is what a translator or a bureau's trainer edits. The
column help doubles as the cell prompt Excel shows (data-validation input messages are limited to
255 characters; a test holds every entry to that).
"""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_T: dict[str, tuple[str, str]] = {
    "title": ("zqtracker import template", "zqtracker 项目导入模板"),
    "list_sep": (", ", "、"),
    "subject": ("Projects and monthly completed investment for import", "项目及月度完成投资导入模板"),
    "pick_from_list": (
        "Usually one of: {choices}. Other words are checked when the file is imported.",
        "建议从下拉列表中选择：{choices}。其他写法将在导入时检查。",
    ),
    "new_name": (
        "This name is not in the database's list. Keep it to create a new entry on import, or choose one "
        "from the list.",
        "该名称不在现有列表中。保留则导入时新建，也可从下拉列表中选择。",
    ),
    "bad_date": (
        "Enter a date as text: 2023-10-10, 2023/10/10, 2023年10月10日, or a month: 2023-10, 2023年10月 "
        "(years 1900–2200).",
        "请以文本填写日期：2023-10-10、2023/10/10、2023年10月10日，或月份：2023-10、2023年10月（1900–2200 年）。",
    ),
    "bad_money": (
        "A number in {unit}, 0 or more. A unit written in the cell, such as 12.5亿, is also accepted.",
        "请填写不小于 0 的数字，单位为{unit}；也可在单元格中写明单位，如“12.5亿”。",
    ),
    "bad_area": ("Land area in mu, 0 or more (0: no new land).", "用地面积（亩），不小于 0（不新增用地填 0）。"),
    "col_column": ("Column", "列名"),
    "col_required": ("Required", "必填"),
    "col_how": ("How to fill it in", "填写说明"),
    "col_example": ("Example", "示例"),
    "yes": ("Yes", "是"),
    "section_projects": ("Sheet “{sheet}”: one row per project", "“{sheet}”表：每行一个项目"),
    "section_monthly": (
        "Sheet “{sheet}”: one row per project and month (completed investment)",
        "“{sheet}”表：每个项目每月一行（当月完成投资）",
    ),
    "words_title": ("Words the import understands", "可识别的填写内容"),
    "status_words": ("Status", "项目状态"),
    "type_words": ("Project type", "项目类型"),
    "origin_words": ("Investor origin", "投资来源"),
}
T = Catalogue("template", _T)

_RULES: dict[str, tuple[str, str]] = {
    "rule_rows": (
        "Fill in one project per row below the header row. Keep the header row as it is; columns may be "
        "moved or left empty, and unknown columns are ignored. Required columns have orange headers: only the "
        "project name is required. Leave sector, district or amount empty when not known yet — they are kept as "
        "unknown, never as 0.",
        "在表头下方每行填写一个项目。请勿修改表头文字；列的顺序可以调整，可留空，无法识别的列将被忽略。橙色表头为必填列，"
        "仅项目名称为必填；行业、区域、金额暂不确定的可留空，系统记为“未知”而非 0。",
    ),
    "rule_money": (
        "Money is in {unit}, as every money header says. A cell may state its own unit — “12.5亿”, "
        "“3,000万元”, “1.2e9元” — which then wins. Amounts are converted to exact whole yuan.",
        "金额单位为{unit}（见表头）。单元格内写明单位的（如“12.5亿”“3,000万元”“1.2e9元”）以单元格为准。"
        "金额一律换算为精确到元的整数。",
    ),
    "rule_dates": (
        "Dates: an Excel date, or text such as 2023-10-10, 2023/10/10, 2023年10月10日; a month alone "
        "(2023.10, 2023年10月) means its first day. Years from 1900 to 2200.",
        "日期：Excel 日期，或“2023-10-10”“2023/10/10”“2023年10月10日”等文本；只写年月（“2023.10”“2023年10月”）"
        "按当月1日计。年份须在 1900–2200 之间。",
    ),
    "rule_flags": (
        "Project codes are text: leading zeros are kept (format the column as text before pasting numbers).",
        "项目编号按文本处理，保留前导零（粘贴数字前请先将该列设为文本格式）。",
    ),
    "rule_matching": (
        "Existing projects are matched by project code, else by project name and district; a match is "
        "updated, anything else is added. Sectors and districts not yet in the list are created.",
        "导入时先按项目编号、再按“项目名称+所在区域”匹配已有项目：匹配到的更新，未匹配的新增。列表中没有的行业、区域将自动新建。",
    ),
    "rule_totals": (
        "Rows whose first cell says 合计, 总计, 小计 or Total are totals and are skipped, as are notes below "
        "the table.",
        "首列为“合计”“总计”“小计”或“Total”的行视为合计行，不会导入；表格下方的备注也会被忽略。",
    ),
}
RULES = Catalogue("template_rules", _RULES, composed=("rule_",))  # written in this order

_COLUMN_HELP: dict[str, tuple[str, str]] = {
    "code": (
        "Optional. The bureau's project number, kept as text (leading zeros stay). Matched first on import.",
        "选填。本局的项目编号，按文本保存（保留前导零）；导入时优先按编号匹配。",
    ),
    "name": ("Required. The project's name.", "必填。项目名称。"),
    "enterprise": (
        "Optional. The investing enterprise; a new name is created.",
        "选填。投资主体（企业名称），新名称将自动新建。",
    ),
    "sector": (
        "Choose from the list or type a new sector (it is created on import); leave empty if not known yet.",
        "从下拉列表选择，或填写新的行业名称（导入时新建）；暂不确定的可留空。",
    ),
    "district": (
        "District, county or park: choose from the list or type a new one; leave empty if not known yet.",
        "所在县（市、区）或园区：从下拉列表选择，或填写新的名称；暂不确定的可留空。",
    ),
    "status": (
        "Choose from the list. Chinese words such as 在建, 已投产 are accepted too.",
        "从下拉列表选择；“在建”“已投产”等常用说法也可识别。",
    ),
    "planned_investment": (
        "Planned total investment in {unit}, 0 or more (or with a unit in the cell: 12.5亿). Leave empty if "
        "not known yet: it is kept as unknown, not as 0.",
        "计划总投资，单位{unit}，不小于 0（也可在单元格中写明单位，如“12.5亿”）。金额暂不确定的请留空，"
        "系统记为“未知”而非 0。",
    ),
    "land_area_mu": (
        "Optional. Land area in mu, 0 or more (0: no new land).",
        "选填。用地面积（亩），不小于 0（不新增用地填 0）。",
    ),
    "expected_annual_output": ("Optional. Expected annual output in {unit}.", "选填。预计年产值，单位{unit}。"),
    "expected_annual_tax": ("Optional. Expected annual tax in {unit}.", "选填。预计年税收，单位{unit}。"),
    "signed_on": (
        "Optional. Date signed: 2023-10-10, 2023/10/10, 2023年10月10日; a month: 2023-10, 2023年10月.",
        "选填。签约日期：2023-10-10、2023/10/10、2023年10月10日；或月份：2023-10、2023年10月。",
    ),
    "construction_start_on": (
        "Optional. Construction start (not before signing): 2023-10-10, 2023年10月10日, or a month: 2023-10.",
        "选填。开工日期（不早于签约日期）：2023-10-10、2023年10月10日，或月份：2023-10、2023年10月。",
    ),
    "production_on": (
        "Optional. Production start (not before the start): 2023-10-10, 2023年10月10日, or a month: 2023-10.",
        "选填。投产日期（不早于开工日期）：2023-10-10、2023年10月10日，或月份：2023-10、2023年10月。",
    ),
    "is_key_project": ("Yes or No.", "是 或 否。"),
    "project_type": (
        "Optional. New, Expansion, Reinvestment or Upgrade; left blank, it is not given (never taken as New).",
        "选填。新建、扩建、增资或技改；留空即为未填（不按新建计）。",
    ),
    "investor_origin": (
        "Optional. Domestic, HK/Macao/Taiwan or Foreign; left blank, it is not given (never taken as Domestic).",
        "选填。内资、港澳台或外资；留空即为未填（不按内资计）。",
    ),
    "officer": ("Optional. The bureau's service officer for the project.", "选填。项目服务专员。"),
    "contact": (
        "Optional. The enterprise's contact: a person and/or a phone number.",
        "选填。企业联系人及联系方式（姓名、电话均可）。",
    ),
    "progress_note": (
        "Optional. The latest progress in words: visits, talks, the next step.",
        "选填。最新进展情况：考察、洽谈、下一步安排等。",
    ),
    "notes": ("Optional. Free text.", "选填。"),
    "month": (
        "Required. The month as text: 2023-09, 2023/09, 2023年9月 (2023.09 also, but 2023.1 is ambiguous).",
        "必填。月份，以文本填写：2023-09、2023/09、2023年9月（也可写 2023.09，但 2023.1 有歧义）。",
    ),
    "amount": (
        "Required. Investment completed in that month, in {unit}.",
        "必填。当月完成投资，单位{unit}。",
    ),
}
COLUMN_HELP = Catalogue("template_column_help", _COLUMN_HELP)

_EXAMPLES: dict[str, tuple[str, str]] = {
    "code": ("0012023", "0012023"),
    "name": ("Example new-materials project", "示例新材料产业园项目"),
    "enterprise": ("Example Materials Co., Ltd.", "示例新材料有限公司"),
    "sector": ("Advanced materials", "金属新材料"),
    "district": ("High-tech Zone", "肇庆高新区"),
    "status": ("Under construction", "在建"),
    "land_area_mu": ("150.5", "150.5"),
    "signed_on": ("2023-03-15", "2023-03-15"),
    "construction_start_on": ("2023-06-01", "2023-06-01"),
    "is_key_project": ("Yes", "是"),
    "project_type": ("New", "新建"),
    "investor_origin": ("Domestic", "内资"),
    "officer": ("Li Hua", "李华"),
    "contact": ("Mr Wang 138 0013 8000", "王经理 13800138000"),
    "progress_note": ("Site visit done; agreement being drafted", "已完成实地考察，正在起草投资协议"),
    "month": ("2023-09", "2023-09"),
}
EXAMPLES = Catalogue("template_examples", _EXAMPLES)

# Money examples in yuan, shown in the template's unit.
EXAMPLE_YUAN: dict[str, int] = {
    "planned_investment": 1_250_000_000,
    "expected_annual_output": 3_000_000_000,
    "expected_annual_tax": 120_000_000,
    "amount": 15_205_000,
}

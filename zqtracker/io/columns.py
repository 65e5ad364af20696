"""The one column specification that import, export and the template share.

Each project field has a canonical header in English and Chinese (what export and the template
write, and what import recognises first) and the synonyms real district spreadsheets use
(design.md, "Spreadsheet import"). Money headers carry the unit in brackets when written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from zqtracker.domain.words import Catalogue

# Excel's widest sheet. Each header text is asked about several times (scoring the rows, then each
# column, for the preview and again for the import): the caches of header words hold every text of
# such a sheet over its header rows, so that none is pushed out before it is asked for again.
EXCEL_COLUMNS = 16_384
HEADER_CACHE = 4 * EXCEL_COLUMNS


class Kind(StrEnum):
    TEXT = "text"
    CODE = "code"  # text that must stay text: leading zeros, long digit strings
    MONEY = "money"  # integer yuan; unit from cell, header, unit line or the user
    DECIMAL = "decimal"
    DATE = "date"
    STATUS = "status"
    BOOL = "bool"
    PROJECT_TYPE = "project_type"
    INVESTOR_ORIGIN = "investor_origin"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class Column:
    field: str
    en: str
    zh: str
    kind: Kind
    synonyms_en: tuple[str, ...] = ()
    synonyms_zh: tuple[str, ...] = ()
    required: bool = False

    def header(self, lang: str = "en") -> str:
        """The canonical header in ``lang``, from the column_headers catalogue (which holds every
        column's pair below, so that the catalogue test walks them too)."""
        return HEADERS.say(self.field, lang)

    @property
    def synonyms(self) -> tuple[str, ...]:
        return (self.en, self.zh, *self.synonyms_en, *self.synonyms_zh)


PROJECT_COLUMNS: tuple[Column, ...] = (
    Column("code", "Project code", "项目编号", Kind.CODE,
           ("code", "project code", "project no.", "project no", "project number", "no."),
           ("项目编号", "项目代码", "编号", "项目编码")),
    Column("name", "Project name", "项目名称", Kind.TEXT,
           ("name", "project", "project name"), ("项目名称", "项目", "项目名"), required=True),
    Column("enterprise", "Enterprise", "投资主体", Kind.TEXT,
           ("enterprise", "company", "investor", "investing enterprise"),
           ("投资主体", "企业名称", "投资方", "建设单位", "投资企业", "项目业主", "业主单位")),
    Column("sector", "Sector", "所属行业", Kind.TEXT,
           ("sector", "industry"), ("所属行业", "行业", "产业", "产业类别", "行业类别", "所属产业")),
    Column("district", "District", "所在区域", Kind.TEXT,
           ("district", "area", "location", "park", "county"),
           ("所在区域", "区域", "县（市、区）", "县(市、区)", "县市区", "所在地", "园区", "所在县（市、区）", "属地")),
    Column("status", "Status", "项目状态", Kind.STATUS,
           ("status", "stage", "project status"), ("项目状态", "状态", "建设状态", "项目进度", "项目进展")),
    Column("planned_investment", "Planned investment", "计划总投资", Kind.MONEY,
           ("planned investment", "total investment", "investment", "planned total investment"),
           ("计划总投资", "总投资", "投资额", "计划投资", "项目总投资", "投资总额")),
    Column("land_area_mu", "Land area (mu)", "用地面积（亩）", Kind.DECIMAL,
           ("land area", "land (mu)", "land area (mu)", "land"), ("用地面积", "用地（亩）", "用地面积（亩）", "用地")),
    Column("expected_annual_output", "Expected annual output", "预计年产值", Kind.MONEY,
           ("expected annual output", "annual output", "output"), ("预计年产值", "达产年产值", "年产值")),
    Column("expected_annual_tax", "Expected annual tax", "预计年税收", Kind.MONEY,
           ("expected annual tax", "annual tax", "tax"), ("预计年税收", "达产年税收", "年税收")),
    Column("signed_on", "Signed", "签约时间", Kind.DATE,
           ("signed", "signed on", "signing date", "date signed"), ("签约时间", "签约日期", "签约")),
    Column("construction_start_on", "Construction start", "开工时间", Kind.DATE,
           ("start", "construction start", "started", "start date"), ("开工时间", "开工日期", "开工")),
    Column("production_on", "Production", "投产时间", Kind.DATE,
           ("production", "production date", "in production"), ("投产时间", "投产日期", "投产", "竣工投产时间")),
    Column("is_key_project", "Key project", "重点项目", Kind.BOOL,
           ("key project", "key"), ("是否重点项目", "重点项目", "是否重点")),
    Column("project_type", "Project type", "项目类型", Kind.PROJECT_TYPE,
           ("project type", "type", "nature"), ("项目类型", "建设性质", "项目性质")),
    Column("investor_origin", "Investor origin", "投资来源", Kind.INVESTOR_ORIGIN,
           ("investor origin", "origin"), ("投资来源", "内外资")),
    Column("officer", "Service officer", "服务专员", Kind.TEXT,
           ("officer", "service officer"), ("服务专员", "责任人", "跟踪服务人员")),
    # A person and/or a phone number, as lists give it (联系人 / 联系方式): free text.
    Column("contact", "Contact", "联系人", Kind.TEXT, ("contact", "contact person", "contact details"),
           ("联系人", "联系方式", "联系人及联系方式", "联系人及电话")),
    # The latest progress, in words (进展情况 / 对接情况): free text, not a status.
    Column("progress_note", "Latest progress", "进展情况", Kind.TEXT, ("latest progress", "progress note"),
           ("进展情况", "对接情况", "项目进展情况", "对接进展")),
    Column("notes", "Notes", "备注", Kind.TEXT, ("notes", "remarks", "note", "comments"), ("备注", "说明")),
)  # fmt: skip

MONTHLY_COLUMNS: tuple[Column, ...] = (
    PROJECT_COLUMNS[0],
    PROJECT_COLUMNS[1],
    Column("month", "Month", "月份", Kind.MONTH, ("month", "period"), ("月份", "月", "期间", "统计期", "统计月份")),
    Column(
        "amount",
        "Completed investment",
        "完成投资",
        Kind.MONEY,
        ("completed investment", "amount", "investment completed", "completed"),
        ("完成投资", "当月完成投资", "本月完成", "完成额", "本月完成投资", "月度完成投资"),
    ),
)

BY_FIELD: dict[str, Column] = {c.field: c for c in (*PROJECT_COLUMNS, *MONTHLY_COLUMNS)}

# Rows whose first text cell is one of these are totals, never projects.
TOTAL_WORDS: tuple[str, ...] = ("合计", "总计", "小计", "共计", "total", "subtotal", "grand total", "sum")
ROW_NUMBER_HEADERS: tuple[str, ...] = (
    "序号",
    "no",
    "no.",
    "#",
    "item",
    "序",
    "s/n",
    "sn",
    "sl. no.",
    "sl no",
    "sr. no.",
    "sr no",
    "row",
    "行号",
    "序列号",
)
BOOL_TRUE: tuple[str, ...] = ("是", "y", "yes", "true", "1", "√", "✓", "重点", "key")
BOOL_FALSE: tuple[str, ...] = ("否", "n", "no", "false", "0", "", "×", "非重点")
PROJECT_TYPE_WORDS: dict[str, str] = {
    "新建": "new", "new": "new", "扩建": "expansion", "expansion": "expansion",
    "增资": "reinvestment", "增资扩产": "reinvestment", "reinvestment": "reinvestment",
    "技改": "upgrade", "技术改造": "upgrade", "upgrade": "upgrade",
}  # fmt: skip
INVESTOR_ORIGIN_WORDS: dict[str, str] = {
    "内资": "domestic", "domestic": "domestic", "港澳台": "hk_macao_taiwan", "港资": "hk_macao_taiwan",
    "澳资": "hk_macao_taiwan", "台资": "hk_macao_taiwan", "hk/macao/taiwan": "hk_macao_taiwan",
    "hk_macao_taiwan": "hk_macao_taiwan", "外资": "foreign", "foreign": "foreign",
}  # fmt: skip

# -- writing: what export and the template put in cells ---------------------------------------
# A sector's industry chain (its parent sector). Not a project field: export writes it next to the
# sector so that a workbook imported into an empty database can rebuild the two-level sector list;
# an importer that does not map it loses nothing, since the sector itself is matched by name.
CHAIN_COLUMN = Column(
    "chain",
    "Industry chain",
    "产业链",
    Kind.TEXT,
    ("industry chain", "chain", "value chain"),
    ("产业链", "所属产业链", "产业链条", "产业链名称"),
)
BY_FIELD[CHAIN_COLUMN.field] = CHAIN_COLUMN
# The enterprise's unified social credit code (统一社会信用代码): not a project field either. Export writes it
# beside the enterprise when one has a code; import stores it on the enterprise (services/import_credit.py).
CREDIT_CODE_COLUMN = Column(
    "credit_code",
    "Unified social credit code",
    "统一社会信用代码",
    Kind.CODE,
    ("unified social credit code", "credit code"),
    ("统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "企业信用代码"),
)
BY_FIELD[CREDIT_CODE_COLUMN.field] = CREDIT_CODE_COLUMN

# The figures of issue 13 that export writes (and the import reads back: io/ is the lead's). Not in
# PROJECT_COLUMNS: they are columns of export, each written only when some project has a value.
FIGURE_COLUMNS: tuple[Column, ...] = (
    Column("planned_original", "Planned investment as given", "计划总投资（原币金额）", Kind.DECIMAL,
           ("planned investment as given", "original amount"), ("计划总投资（原币金额）", "原币金额")),
    Column("planned_currency", "Currency", "币种", Kind.TEXT, ("currency",), ("币种", "币别", "货币")),
    Column("planned_rate", "Exchange rate (yuan per unit)", "汇率（元/单位）", Kind.DECIMAL,
           ("exchange rate", "rate"), ("汇率（元/单位）", "汇率", "折算汇率")),
    Column("since_start_amount", "Completed since start", "自开工累计完成投资", Kind.MONEY,
           ("completed since start", "since start"), ("自开工累计完成投资", "自开工累计", "开工以来累计完成投资")),
    Column("since_start_month", "Since start, through", "自开工累计截至", Kind.MONTH,
           ("since start, through", "since start as of"), ("自开工累计截至", "自开工累计截止月份")),
    Column("months_covered", "Months covered", "所含月份", Kind.TEXT,
           ("months covered",), ("所含月份", "累计月份")),
)  # fmt: skip
BY_FIELD.update({c.field: c for c in FIGURE_COLUMNS})

# The Projects sheet of an export, in this order (the chain right after its sector).
EXPORT_PROJECT_FIELDS: tuple[str, ...] = (
    "code", "name", "enterprise", "credit_code", "sector", "chain", "district", "status", "planned_investment",
    "land_area_mu", "expected_annual_output", "expected_annual_tax", "signed_on", "construction_start_on",
    "production_on", "is_key_project", "project_type", "investor_origin", "officer", "contact", "progress_note",
    "notes",
    # written only when some exported project has one (see services/exporting.py)
    "planned_original", "planned_currency", "planned_rate", "since_start_amount", "since_start_month",
)  # fmt: skip
FIGURE_EXPORT_FIELDS: tuple[str, ...] = EXPORT_PROJECT_FIELDS[-5:]

_WORDS: dict[str, tuple[str, str]] = {
    "yes": ("Yes", "是"),
    "no": ("No", "否"),
    "header_unit": ("{header} ({unit})", "{header}（{unit}）"),
    # an export's annual plan column (io/plan_columns.py); the import reads the year from it
    "plan_year": ("Annual plan {year}", "{year}年度计划投资"),
}
WORDS = Catalogue("columns", _WORDS)


def bool_label(value: bool, lang: str = "en") -> str:
    """The word export and the template write for a flag; both are in BOOL_TRUE / BOOL_FALSE."""
    return WORDS.say("yes" if value else "no", lang)


def header_text(column: Column, lang: str = "en", unit_label: str | None = None) -> str:
    """The header a workbook carries: money columns name their unit in brackets, in the user's
    language ("计划总投资（万元）", "Planned investment (10k yuan)"), which import reads back."""
    text = column.header(lang)
    if column.kind is not Kind.MONEY or not unit_label:
        return text
    return WORDS.say("header_unit", lang, header=text, unit=unit_label)


# Sheet names of exported workbooks and the import template, by role. Import needs only the
# two data roles; every other role is a view of the data (summaries, overview, chart, help,
# drop-down lists) and must never be read as projects or investment.
_SHEETS: dict[str, tuple[str, str]] = {
    "overview": ("Overview", "概览"),
    "projects": ("Projects", "项目清单"),
    "monthly": ("Monthly investment", "月度完成投资"),
    "by_status": ("By status", "按状态汇总"),
    "by_sector": ("By sector", "按行业汇总"),
    "by_district": ("By district", "按区域汇总"),
    "completed": ("Completed investment", "完成投资同比"),
    "instructions": ("Instructions", "填表说明"),
    "lists": ("Lists", "下拉选项"),
}
SHEETS = Catalogue("sheet_names", _SHEETS)
DATA_SHEET_ROLES: tuple[str, ...] = ("projects", "monthly")


def sheet_name(role: str, lang: str = "en") -> str:
    return SHEETS.say(role, lang)


def sheet_role(name: str) -> str | None:
    """The role of a sheet zqtracker wrote (either language; a " (2)" continuation counts), else None."""
    base = name.strip()
    if base.endswith(")") and " (" in base:
        head, _, tail = base.rpartition(" (")
        if tail[:-1].isdigit():
            base = head
    for role, names in SHEETS.items():
        if base in names:
            return role
    return None


# A sheet of instructions: the template's 填表说明 and 下拉选项, a district's 说明, 填表说明, 指标解释 — a table of
# the fields, never projects, and its years are examples, never the report's (probe33b F2)
_INSTRUCTIONS_RE = re.compile(r"^(?:填表|填报|字段|指标)?(?:说明|解释|释义)(?:页)?$|^指标解释$|^instructions?$", re.I)


def instructions_sheet(name: str) -> bool:
    return sheet_role(name) in ("instructions", "lists") or bool(_INSTRUCTIONS_RE.match(name.strip()))


# -- recognised by import only -------------------------------------------------------------------
# (CHAIN_COLUMN above: the import sets it as the parent of a sector it creates.)
# Investment a project plans to complete in one year (年度计划投资): AnnualPlan; the year comes
# from the header ("2024年计划投资") or the title.
ANNUAL_PLAN_COLUMN = Column(
    "annual_plan",
    "Annual plan",
    "年度计划投资",
    Kind.MONEY,
    ("annual plan", "annual planned investment", "plan for the year"),
    ("年度计划投资", "年度计划", "本年计划投资", "年度投资计划", "当年计划投资", "年计划投资"),
)
IMPORT_ONLY_COLUMNS: tuple[Column, ...] = (CHAIN_COLUMN, CREDIT_CODE_COLUMN, ANNUAL_PLAN_COLUMN)

# Every column's canonical header, English and Chinese, as one catalogue: the pairs stay beside
# their synonyms above (import recognises them first), and are worded from here.
HEADERS = Catalogue(
    "column_headers",
    {c.field: (c.en, c.zh) for c in (*BY_FIELD.values(), *IMPORT_ONLY_COLUMNS)},
    from_data=True,  # keyed by a column's field
)


# Words that start the notes under a table ("注：…"): everything from such a row on is not data.
NOTE_WORDS: tuple[str, ...] = (
    "注", "备注", "说明", "附注", "填表人", "填报人", "审核人", "制表人", "制表", "审核", "联系人", "负责人",
    "单位负责人", "填表说明", "数据来源", "资料来源", "填报日期", "填表日期", "note", "notes", "source",
    # a signature line under the table: 填报单位：… 填表人：… 联系电话：…
    "填报单位", "报送单位", "填报部门", "报送部门", "联系电话", "电话", "统计负责人", "分管领导",
    "制表日期", "报送日期",
    # a filled-in example under the table (填报示例：, then a row of XX placeholders)
    "填报示例", "填写示例", "填表示例", "示例", "举例",
)  # fmt: skip

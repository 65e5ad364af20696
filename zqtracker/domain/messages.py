"""Wording of problem codes in English and Simplified Chinese."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.words import CLI, Catalogue, Surface

if TYPE_CHECKING:
    from zqtracker.domain.errors import Problem

_MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("{field_label} is required", "{field_label}不能为空"),
    "negative_money": ("{field_label} cannot be negative ({value})", "{field_label}不能为负数（{value}）"),
    "not_a_number": ("{field_label}: {value!r} is not a number", "{field_label}：“{value}”不是数字"),
    "bad_money": (
        "{field_label}: {value!r} is not an amount of money",
        "{field_label}：“{value}”不是有效金额",
    ),
    "unknown_unit": (
        "{field_label}: no unit for {value!r} (yuan, 万元 or 亿元?)",
        "{field_label}：“{value}”缺少单位（元、万元或亿元？）",
    ),
    "unknown_status": ("unknown status {value!r}", "无法识别的项目状态“{value}”"),
    "unknown_choice": ("{field_label}: unknown value {value!r}", "{field_label}：无法识别“{value}”"),
    "unknown_reference": (
        "no {field_label} named {value!r} in this database; there are: {known}",
        "数据库中没有名为“{value}”的{field_label}；现有：{known}",
    ),
    "bad_credit_code": (
        "{value!r} is not a valid unified social credit code ({reason})",
        "“{value}”不是有效的统一社会信用代码（{reason}）",
    ),
    "dates_out_of_order": (
        "{field_label} ({value}) is before {other_label} ({other})",
        "{field_label}（{value}）早于{other_label}（{other}）",
    ),
    "bad_date": ("{field_label}: {value!r} is not a date", "{field_label}：“{value}”不是有效日期"),
    "bad_month": ("{field_label}: {value!r} is not a month", "{field_label}：“{value}”不是有效月份"),
    "too_long": (
        "{field_label} is longer than {limit} characters",
        "{field_label}超过{limit}个字符",
    ),
    "duplicate_code": ("project code {value!r} is already used", "项目编号“{value}”已被使用"),
    "duplicate_name": ("{field_label} {value!r} already exists", "{field_label}“{value}”已存在"),
    "bad_bool": ("{field_label}: {value!r} is not yes/no", "{field_label}：“{value}”不是“是/否”"),
    "year_out_of_range": ("{field_label}: year {value} is out of range", "{field_label}：年份{value}超出范围"),
    "too_large": ("{field_label}: {value} is too large", "{field_label}：{value}数值过大"),
    # 1–X月累计 (year-to-date) reports: amounts in yuan
    "ytd_decrease": (
        "year to date through {year}-{month:02d} ({value:,} yuan) is below the year to date through "
        "{year}-{previous_month:02d} ({previous:,} yuan)",
        "{year}年1–{month}月累计（{value:,}元）小于1–{previous_month}月累计（{previous:,}元）",
    ),
    "ytd_above_later": (
        "year to date through {year}-{month:02d} ({value:,} yuan) is above the stored year to date through "
        "{year}-{later_month:02d} ({later:,} yuan)",
        "{year}年1–{month}月累计（{value:,}元）大于已存的1–{later_month}月累计（{later:,}元）",
    ),
    "ytd_conflict": (
        "two different year-to-date figures for month {month}: {value:,} and {other:,} yuan",
        "{month}月有两个不同的累计数：{value:,}元和{other:,}元",
    ),
    # amounts in another currency
    "unknown_currency": ("unknown currency {value!r}", "无法识别的币种“{value}”"),
    "bad_rate": (
        "{value!r} is not an exchange rate for {currency} (yuan per unit, up to six decimals)",
        "“{value}”不是有效的{currency}汇率（每单位折合人民币元，最多六位小数）",
    ),
    "no_rate": (
        "{value} is an amount in {currency}: give a rate (--rate {currency}=7.10) to store it in yuan",
        "{value}是{currency}金额：须给出汇率（--rate {currency}=7.10）才能折算为人民币",
    ),
    "foreign_mismatch": (
        "{field_label} ({value:,} yuan) is not the converted amount {yuan:,} yuan of {original}",
        "{field_label}（{value:,}元）与按汇率折算的{yuan:,}元不符（{original}）",
    ),
    "name_alone": (
        "the row holds a name and nothing else ({value!r}) under {above!r}: the rest of that name wrapped onto a "
        "row of its own, or a project missing its other cells? Join the name to the row above, or fill the row",
        "该行只有名称“{value}”，位于“{above}”之下：是上一行名称的续行，还是缺少其他内容的项目？"
        "请将名称并入上一行，或补全该行",
    ),
    "row_currency": (
        "the row's currency is {value!r} (column {column} “{header}”): its amounts are not in yuan, and they are "
        "never stored as yuan — leave the row out, or give its amounts in yuan",
        "该行币种为“{value}”（{column} 列“{header}”）：其金额不是人民币，不会当作人民币保存——"
        "请不导入该行，或将金额折算为人民币后填写",
    ),
    "too_precise": (
        "{value} has more than four decimals of its currency",
        "{value}的小数超过四位",
    ),
}
MESSAGES = Catalogue("problems", _MESSAGES)

_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "code": ("Project code", "项目编号"),
    "name": ("Project name", "项目名称"),
    "enterprise": ("Enterprise", "投资主体"),
    "sector": ("Sector", "所属行业"),
    "district": ("District", "所在区域"),
    "status": ("Status", "项目状态"),
    "planned_investment": ("Planned investment", "计划总投资"),
    "status_before": ("Status on record", "原项目状态"),
    "ytd_before": ("Completed in the months before", "此前月份累计完成投资"),
    "last_month": ("Completed last month", "上月完成投资"),
    "land_area_mu": ("Land area (mu)", "用地面积（亩）"),
    "expected_annual_output": ("Expected annual output", "预计年产值"),
    "expected_annual_tax": ("Expected annual tax", "预计年税收"),
    "signed_on": ("Signed", "签约时间"),
    "construction_start_on": ("Construction start", "开工时间"),
    "production_on": ("Production", "投产时间"),
    "is_key_project": ("Key project", "重点项目"),
    "project_type": ("Project type", "项目类型"),
    "investor_origin": ("Investor origin", "投资来源"),
    "officer": ("Service officer", "服务专员"),
    "notes": ("Notes", "备注"),
    "contact": ("Contact", "联系人"),
    "progress_note": ("Latest progress", "进展情况"),
    "missing": ("Missing", "缺少"),
    "credit_code": ("Credit code", "统一社会信用代码"),
    "month": ("Month", "月份"),
    "amount": ("Completed investment", "完成投资"),
    "year": ("Year", "年份"),
    "plan": ("Annual plan", "年度计划"),
    "annual_plan": ("Annual plan", "年度计划"),
    "changed_on": ("Date", "日期"),
    "since_start_amount": ("Completed since start", "自开工累计完成投资"),
    "since_start_month": ("Since start, as of", "自开工累计截至"),
    "planned_foreign": ("Planned investment as given", "计划总投资（原币）"),
}
FIELD_LABELS = Catalogue("field_labels", _FIELD_LABELS)


def field_label(name: str | None, lang: str = "en") -> str:
    if name is None:
        return ""
    text = FIELD_LABELS.get(name)
    return name if text is None else text.pick(lang)


def describe(problem: Problem, lang: str = "en", surface: Surface = CLI) -> str:
    """The problem in ``lang``; a remedy it gives, as ``surface`` offers it (domain/words.py)."""
    text = MESSAGES.get(problem.code)
    params = dict(problem.params)
    params.setdefault("value", "")
    params["field_label"] = field_label(problem.field, lang)
    for key, value in params.items():
        if callable(getattr(value, "label", None)):  # a status, a type or an origin: its words, not its repr
            params[key] = value.label(lang)
    if "other_field" in params:
        params["other_label"] = field_label(params["other_field"], lang)
    if isinstance(params.get("detail"), str):
        params["detail"] = worded_detail(params["detail"], lang)
    if text is None:
        return f"{params['field_label']}: {problem.code} {problem.params}".strip(": ")
    try:
        return text.pick(lang).format(**MESSAGES.with_how(problem.code, lang, surface, params))
    except (KeyError, IndexError, ValueError):
        return text.pick(lang)


# The import's codes live in their own table (domain/import_messages.py).
from zqtracker.domain.import_messages import IMPORT_FIELD_LABELS, IMPORT_MESSAGES  # noqa: E402

MESSAGES.merge(IMPORT_MESSAGES)  # never rewords a code of the table above
FIELD_LABELS.merge(IMPORT_FIELD_LABELS)

# The round's codes (domain/round_messages.py).
from zqtracker.domain.round_messages import ROUND_MESSAGES  # noqa: E402

MESSAGES.merge(ROUND_MESSAGES)

# What can go wrong with a database file (domain/database_messages.py), codes prefixed db_.
from zqtracker.domain.database_messages import DATABASE_MESSAGES, worded_detail  # noqa: E402

MESSAGES.merge(DATABASE_MESSAGES)

# Rows hidden in a sheet (domain/hidden_row_messages.py).
from zqtracker.domain.hidden_row_messages import HIDDEN_ROW_MESSAGES  # noqa: E402

MESSAGES.merge(HIDDEN_ROW_MESSAGES)

# The import's cross-checks (domain/check_messages.py).
from zqtracker.domain.check_messages import CHECK_MESSAGES  # noqa: E402

MESSAGES.merge(CHECK_MESSAGES)

# The import's notes that ask the user something (domain/question_messages.py).
from zqtracker.domain.question_messages import QUESTION_MESSAGES  # noqa: E402

MESSAGES.merge(QUESTION_MESSAGES)

# A report's months: a sheet's name against its header, a row's months against its year to date.
from zqtracker.domain.period_messages import PERIOD_MESSAGES  # noqa: E402

MESSAGES.merge(PERIOD_MESSAGES)

# A package or sheet XML naming one thing twice (domain/package_messages.py).
from zqtracker.domain.package_messages import PACKAGE_MESSAGES  # noqa: E402

MESSAGES.merge(PACKAGE_MESSAGES)

# The import's district questions and --district-map (domain/district_messages.py).
from zqtracker.domain.district_messages import DISTRICT_MESSAGES  # noqa: E402

MESSAGES.merge(DISTRICT_MESSAGES)

# Last year's year to date from this year's report (domain/last_year_messages.py).
from zqtracker.domain.last_year_messages import LAST_YEAR_FIELD_LABELS, LAST_YEAR_MESSAGES  # noqa: E402

MESSAGES.merge(LAST_YEAR_MESSAGES)
FIELD_LABELS.merge(LAST_YEAR_FIELD_LABELS)

# Which project a row is, beyond its code or name alone (domain/identity_messages.py).
from zqtracker.domain.identity_messages import IDENTITY_MESSAGES  # noqa: E402

MESSAGES.merge(IDENTITY_MESSAGES)

# Which of two columns naming one field holds it (domain/column_messages.py).
from zqtracker.domain.column_messages import COLUMN_MESSAGES  # noqa: E402

MESSAGES.merge(COLUMN_MESSAGES)

# A file that comes back: a remembered column unit, a round's workbook (domain/reopen_messages.py).
from zqtracker.domain.reopen_messages import REOPEN_MESSAGES  # noqa: E402

MESSAGES.merge(REOPEN_MESSAGES)

# One project on two sheets whose figures differ, by rounding or for real (domain/view_messages.py).
from zqtracker.domain.view_messages import VIEW_MESSAGES  # noqa: E402

MESSAGES.merge(VIEW_MESSAGES)

# A row's stage read from its figures, dates and words; words in date columns (domain/status_evidence_messages.py).
from zqtracker.domain.status_evidence_messages import STATUS_EVIDENCE_MESSAGES  # noqa: E402

MESSAGES.merge(STATUS_EVIDENCE_MESSAGES)

# A CSV cut off, a settings file that cannot be read, a server table held (domain/fault_messages.py).
from zqtracker.domain.fault_messages import FAULT_MESSAGES  # noqa: E402

MESSAGES.merge(FAULT_MESSAGES)

# What the project editor refuses in a typed date (domain/editor_messages.py).
from zqtracker.domain.editor_messages import EDITOR_MESSAGES  # noqa: E402

MESSAGES.merge(EDITOR_MESSAGES)

# An address column naming another district than the row's, or the one a row lacks (domain/address_messages.py).
from zqtracker.domain.address_messages import ADDRESS_MESSAGES  # noqa: E402

MESSAGES.merge(ADDRESS_MESSAGES)

# A quarter's figure against the row's year to date or the months stored (domain/quarter_messages.py).
from zqtracker.domain.quarter_messages import QUARTER_FIELD_LABELS, QUARTER_MESSAGES  # noqa: E402

MESSAGES.merge(QUARTER_MESSAGES)
FIELD_LABELS.merge(QUARTER_FIELD_LABELS)

# A settings file that cannot be read, a full disk's free space, a read-only account (domain/startup_messages.py).
from zqtracker.domain.startup_messages import STARTUP_MESSAGES  # noqa: E402

MESSAGES.merge(STARTUP_MESSAGES)

# “Same as above” marks and a district written once over its block (domain/list_messages.py).
from zqtracker.domain.list_messages import LIST_MESSAGES  # noqa: E402

MESSAGES.merge(LIST_MESSAGES)

# The overview's trend chart with a month a district did not report (domain/gap_messages.py).
from zqtracker.domain.gap_messages import GAP_MESSAGES  # noqa: E402

MESSAGES.merge(GAP_MESSAGES)

# A district's subtotal row naming it in the district column too (domain/subtotal_messages.py).
from zqtracker.domain.subtotal_messages import SUBTOTAL_MESSAGES  # noqa: E402

MESSAGES.merge(SUBTOTAL_MESSAGES)

# A quarter beside its own months in one row that they do not add up to (domain/quarter_row_messages.py).
from zqtracker.domain.quarter_row_messages import QUARTER_ROW_MESSAGES  # noqa: E402

MESSAGES.merge(QUARTER_ROW_MESSAGES)

# Rows struck through in an .xlsx: off the list, or still projects? (domain/struck_row_messages.py).
from zqtracker.domain.struck_row_messages import STRUCK_ROW_MESSAGES  # noqa: E402

MESSAGES.merge(STRUCK_ROW_MESSAGES)

# Ctrl-C between the returns of one `round collect`: those kept, those not imported (domain/collect_messages.py).
from zqtracker.domain.collect_messages import COLLECT_MESSAGES  # noqa: E402

MESSAGES.merge(COLLECT_MESSAGES)

# Chart tooltips with a month not reported: each growth once, the months once (domain/chart_tip_messages.py).
from zqtracker.domain.chart_tip_messages import CHART_TIP_MESSAGES  # noqa: E402

MESSAGES.merge(CHART_TIP_MESSAGES)

# A summary block above a list's header held against the rows read (domain/above_messages.py).
from zqtracker.domain.above_messages import ABOVE_MESSAGES  # noqa: E402

MESSAGES.merge(ABOVE_MESSAGES)

# An .xlsx part in an encoding other than UTF-8/UTF-16, not XML, or styles too large (domain/xml_part_messages.py).
from zqtracker.domain.xml_part_messages import XML_PART_MESSAGES  # noqa: E402

MESSAGES.merge(XML_PART_MESSAGES)

# A month column's year not believable (Dec-69), an .ods repeating a row a million times (domain/month_year_messages.py,
# domain/ods_repeat_messages.py).
from zqtracker.domain.month_year_messages import MONTH_YEAR_MESSAGES  # noqa: E402
from zqtracker.domain.ods_repeat_messages import ODS_REPEAT_MESSAGES  # noqa: E402

MESSAGES.merge(MONTH_YEAR_MESSAGES)
MESSAGES.merge(ODS_REPEAT_MESSAGES)

# Tables stacked on one sheet, each titled with its own district (domain/block_place_messages.py).
from zqtracker.domain.block_place_messages import BLOCK_PLACE_MESSAGES  # noqa: E402

MESSAGES.merge(BLOCK_PLACE_MESSAGES)

# Last year's same period that is not the same months; a district's month not reported in the monthly
# progress report (domain/prior_messages.py).
from zqtracker.domain.prior_messages import PRIOR_MESSAGES  # noqa: E402

MESSAGES.merge(PRIOR_MESSAGES)

# Later topics, each in its own module (domain/<topic>_messages.py): domain/message_topics.py lists them.
from zqtracker.domain.message_topics import TOPICS  # noqa: E402

for _topic in TOPICS:
    MESSAGES.merge(_topic)

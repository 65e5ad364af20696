"""The words of import notes that name a kind of thing — why a sheet or a column was not imported, where a
stage or district came from, a currency, an area unit — in English and 简体中文 (services/import_notes.py
builds the sentences around them)."""

from __future__ import annotations

from dataclasses import dataclass

from zqtracker.domain.words import Catalogue

SKIP_REASONS = Catalogue(
    "import_sheet_skipped",
    {
        "hidden": ("hidden sheet", "隐藏的工作表"),
        "not_recognized": ("no known column headers", "无可识别的表头"),
        "unreadable": ("could not be read", "无法读取"),
        "not_chosen": ("not chosen", "未选择"),
        "summary": ("a summary or help sheet zqtracker wrote", "zqtracker 导出的汇总或说明工作表"),
    },
)
IGNORED_REASONS = Catalogue(
    "import_ignored_columns",
    {
        "investment_kind": ("investment type", "投资类型"),
        "months_covered": ("the months of a span, which its Month cell gives", "跨月数据的所含月份，已由“月份”列给出"),
        "construction_period": ("construction period", "建设年限"),
        "content": ("description", "建设内容"),
        "cumulative": ("cumulative amounts", "累计数"),
        "ten_days": ("a ten-day period (上旬/中旬/下旬)", "旬（上旬/中旬/下旬）"),
        "contact": ("contact", "联系方式"),
        "duplicate": ("another column holds the same field", "与其他列重复"),
        "off": ("turned off", "已关闭"),
        "schedule": ("a schedule, not a status", "进度安排，不是状态"),
        "issues": ("problems and requests", "问题与诉求"),
        "reporter": ("who filled in the form", "填报人信息"),
        "url": ("a web address", "网址"),
        "count": ("a count", "计数"),
        "percent": ("a percentage, not an amount", "百分比，不是金额"),
        "target": ("a planned figure, not completed investment", "计划或目标数，不是完成数"),
        "credit_code": ("the enterprise's credit code", "企业信用代码"),
        "investor": (
            "the investor; the enterprise is the project company (builder or owner) in the column beside it",
            "投资方；企业取自旁边建设单位／业主单位列中的项目公司",
        ),
        "leader": ("the leader in charge", "挂点领导"),
        "foreign_capital": ("foreign capital, not the project's investment", "利用外资额，不是项目投资"),
        "funds": ("funds in place, not completed investment", "到位资金，不是完成投资"),
        "part": (
            "a part (其中) of the figure its group header names, not the whole; the whole is read from the group's "
            "total column beside it",
            "分组表头所列数额的一部分（其中项），不是全数；全数取自同组的合计列",
        ),
        "part_left": (
            "a part (其中, of which) of the figure in the column on its left, not the whole; the whole is read "
            "from that column",
            "左侧一列所列数额的一部分（其中项），不是全数；全数取自左侧一列",
        ),
        "parts_only": (
            "a part (其中) of the figure its group header names, and the group gives only parts, no total column "
            "(小计 or 合计) — that figure is not imported; add the total column and it is",
            "分组表头所列数额的一部分（其中项），且该组只列分项、没有合计列（小计或合计），该数额未导入；补上合计列即可导入",
        ),
        "parts_unsaid": (
            "a part of the figure its group header names, beside other parts and no total column (小计 or 合计) — "
            "which of them, if any, is the whole is asked",
            "分组表头所列数额的分项，与其他分项并列且同组没有合计列（小计或合计）——哪一列是全数（如有）需您说明",
        ),
        "last_month": ("the year to date through last month", "截至上月的累计数"),
        "change": ("a change on last year, not completed investment", "与上年相比的增减额，不是完成投资"),
        "earlier_year": (
            "an earlier year's completed investment whose months the header does not name — the whole year, or "
            "January to the report's month? Head it 2025年1-12月 (or 1-10月) and it is imported",
            "往年完成投资，但表头未注明月份——是全年还是截至本报表月份？表头写明“2025年1-12月”（或“1-10月”）即可导入",
        ),
        "same_period": (
            "last year's same period, but whether its month's amount or its year to date nothing says — under a "
            "group header 1-9月累计 or 当月 it would be imported or said",
            "上年同期数，但未注明是当月数还是累计数——置于“1-9月累计”或“当月”分组表头之下即可识别",
        ),
        "same_period_ytd": (
            "last year's year to date, but headed in words zqtracker does not read as such — headed 去年1-10月累计 or "
            "上年同期1-10月累计完成投资 (its own months) it is imported as last year's figure",
            "上年同期累计数，但表头写法未能识别——写作“去年1-10月累计”或“上年同期1-10月累计完成投资”（按其实际月份）"
            "即可作为上年数导入",
        ),
        "last_year_month": (
            "last year's amount of the same month, which zqtracker does not import; its year to date (上年同期 under "
            "1-9月累计) is",
            "上年同月的当月数，zqtracker 不导入；上年同期累计数（“1-9月累计”下的“上年同期”）可导入",
        ),
        "last_ytd_no_period": (
            "last year's year to date, whose month nothing names — a title such as 截至2024年9月 or a header "
            "去年1-9月累计 would",
            "上年同期累计，但标题、表头均未注明截至月份（如“截至2024年9月”“去年1-9月累计”）",
        ),
        "ytd_no_period": (
            "a year to date whose month nothing names — a title such as 截至2024年9月 or a header 1-9月累计 would",
            "本年累计，但标题、表头均未注明截至月份（如“截至2024年9月”“1-9月累计”）",
        ),
        "ytd_no_year": (
            "a year to date of a year nothing names — a title such as 2024年1-9月 would",
            "本年累计，但标题、表头均未注明年份（如“2024年1-9月”）",
        ),
        "month_no_year": (
            "a month's completed investment of a year nothing names — a title such as 2024年9月 would",
            "当月完成投资，但标题、表头均未注明年份（如“2024年9月”）",
        ),
        "month_no_period": (
            "a month's completed investment whose month nothing names — a title naming the year and month, or a "
            "sheet named after the month, would",
            "当月完成投资，但标题、工作表名均未注明月份（如“2024年9月”或工作表名“9月”）",
        ),
        "month_beside_months": (
            "a completed investment beside columns of given months, whose own month nothing says — head it "
            "当月完成投资 (the report's month) or 1-10月累计 and it is imported",
            "完成投资列与各月份列并列，但未注明所属月份——表头写明“当月完成投资”（报告月份）或“1-10月累计”即可导入",
        ),
        "since_or_ytd": (
            "completed through a month, but whether since the start or this year only nothing says — head it "
            "1-10月累计 or 本年累计 (this year's) or 自开工累计 (since the start) and it is imported",
            "截至某月的累计完成投资，但未注明是本年累计还是自开工累计——表头写明“1-10月累计”“本年累计”或“自开工累计”即可导入",
        ),
        "since_no_period": (
            "completed since the start, as of a month nothing names — a title such as 截至2024年9月 would",
            "自开工累计，但未注明截至月份（如标题“截至2024年9月”）",
        ),
    },
)
HINT_SOURCES = Catalogue(
    "import_sources",
    {
        "title": ("the title", "标题"),
        "sheet": ("the sheet's name", "工作表名称"),
        "reporter": ("the 填报单位 line", "填报单位"),
        "user": ("your choice", "您的指定"),
    },
)
CURRENCY_NAMES = Catalogue(
    "import_currencies",
    {
        "USD": ("US dollars (USD)", "美元（USD）"),
        "USD?": ("dollars ($)", "元（$，币种未注明）"),
        "CAD": ("Canadian dollars (CAD)", "加元（CAD）"),
        "EUR": ("euros (EUR)", "欧元（EUR）"),
        "HKD": ("Hong Kong dollars (HKD)", "港元（HKD）"),
        "JPY": ("yen (JPY)", "日元（JPY）"),
        "GBP": ("pounds (GBP)", "英镑（GBP）"),
        "?": ("millions of an unstated currency", "未注明币种的百万单位"),
    },
    from_data=True,
)
AREA_UNITS = Catalogue(
    "import_area_units",
    {"m2": ("square metres", "平方米"), "ha": ("hectares", "公顷"), "10k m2": ("10,000 m²", "万平方米")},
)


def currency_name(code: str | None, lang: str) -> str | None:
    return CURRENCY_NAMES.say(code, lang) if code is not None and code in CURRENCY_NAMES else code


@dataclass(frozen=True, slots=True)
class Said:
    """A catalogue's word as a note's parameter, worded when the note is shown (domain.messages.describe
    calls ``label``): a note kept past a live language switch — the dialog after an import — follows it
    (was: "take “高要区” from 标题" in English, probe34b)."""

    catalogue: Catalogue
    code: str

    def label(self, lang: str = "en") -> str:
        return self.catalogue.say(self.code, lang)

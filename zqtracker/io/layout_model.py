"""What a sheet's layout says: the header's place, each column's field, unit, month or year, and
what the title rows tell about the whole sheet.

The types io/layout.py fills in and io/plan.py reads; they live apart from the detection so that
each step of it (io/header_rows.py, io/sheet_context.py, io/field_choice.py) can fill its part.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zqtracker.io.headers import IGNORED_PREFIX, ROW_NUMBER, HeaderMatch
from zqtracker.io.numfmt import column_letter

PROJECTS, MONTHLY, UNKNOWN = "projects", "monthly", "unknown"
MONEY_FIELDS = (
    "planned_investment",
    "expected_annual_output",
    "expected_annual_tax",
    "amount",
    "annual_plan",
    "ytd",
    "ytd_last",
    "since_start",
)
SPAN = "span"  # months first..last of a year as one figure: 二季度, 4-6月 under 完成投资 (io/quarters.py)
IDENTITY = ("code", "name")
# read into a sheet plan's lists by their year or period, not as a value of each row
BY_PERIOD = frozenset(("annual_plan", "chain", "ytd", "ytd_last", SPAN))
JOINED = frozenset(("contact", "notes", "progress_note"))  # several columns of one field are joined
PROJECT_FIELDS = frozenset(("enterprise", "sector", "district", "status", "planned_investment", "land_area_mu",
                             "expected_annual_output", "expected_annual_tax", "signed_on", "construction_start_on",
                             "production_on", "is_key_project", "project_type", "investor_origin", "officer",
                             "contact", "progress_note", "notes", "since_start"))  # fmt: skip


@dataclass
class ColumnInfo:
    index: int  # the sheet's 0-based column
    header: str  # as shown (two header rows joined with " / ")
    field: str | None  # None: not imported
    quality: int = 0
    unit: int | None = None  # money factor named in the header
    month: tuple[int | None, int] | None = None  # a wide sheet's month column
    year: int | None = None  # an annual-plan column's year
    hidden: bool = False
    note: str = ""  # why not imported: "hidden", "duplicate", "ignore:<what>", "unknown", "rejected:<field>"
    currency: str | None = None  # amounts in another currency ("USD"): never stored as yuan
    area: str | None = None  # land area unit named in the header: "mu", "m2", "ha"
    candidates: tuple[HeaderMatch, ...] = ()
    joined: bool = False  # a second column of a joined text field (contact, notes, progress)
    rank: int = 0
    date_order: str = "mdy"  # how this column writes 9/30/2026: "mdy", or "dmy" when a day above 12 says so
    period: tuple[int, int] | None = None  # a year-to-date column's (year, last month); 自开工累计's as-of month
    header_month: int | None = None  # the last month a 1–X月 header names
    first_month: int | None = None  # a quarter column's first month (二季度: 4; io/quarters.py)
    plan_of_year: bool = False  # 计划投资 beside 总投资 read as the report year's plan (io/year_plan.py)
    since_beside: str = ""  # a bare 累计 read as since the start: the this-year column beside it (io/ytd_columns.py)

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def is_long_ytd(self) -> bool:
        """A long sheet's 累计完成投资: the year to date through each row's month (no period of its own)."""
        return self.field == "ytd" and self.period is None

    @property
    def is_money(self) -> bool:
        return self.field in MONEY_FIELDS or self.month is not None or self.field == SPAN


@dataclass
class SheetLayout:
    sheet: str
    kind: str
    header_row: int = -1  # the sheet's 0-based row of the (first) header row
    header_rows: int = 1
    columns: list[ColumnInfo] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    reporter: str = ""  # 填报单位
    unit_line: int | None = None  # factor from "单位：万元" above the header
    unit_currency: str | None = None  # "单位：万美元"
    unit_from: tuple[str, str] | None = None  # (title, unit word) when the title names the unit: "…（万元）"
    year: int | None = None  # from the title rows, unit line or sheet name
    status_hint: str | None = None  # from the sheet name or title (续建项目 → under_construction)
    status_from: str = ""  # "sheet" or "title"
    district_hint: str | None = None  # from the title, sheet name or 填报单位 line
    district_from: str = ""  # "title", "sheet" or "reporter"
    district_other: str | None = None  # the sheet name's district when the title names another
    example_rows: list[int] = field(default_factory=list)  # 0-based sheet rows repeating the header texts
    aggregate: bool = False  # counts per group, no project names
    summary: tuple[str, str, str] | None = None  # a summary table's name column: (letter, header, a few values)
    english: bool = False  # titles and headers hold no Chinese: an English-language list
    period: tuple[int | None, int | None] = (None, None)  # the report's (year, month): "2023年1-10月", "截至10月"
    period_said: bool = False  # the user said the period (--period, the preview's report month): nothing asked
    period_file: str = ""  # the file's name, when the year or month came from it alone (io/period_file.py)
    key_from: tuple[str, str] | None = None  # ("title" | "sheet" | "file", text): a list of key projects

    @property
    def data_start(self) -> int:
        return self.header_row + self.header_rows

    def mapped(self) -> list[ColumnInfo]:
        return [
            c
            for c in self.columns
            if c.field and not c.field.startswith(IGNORED_PREFIX) and c.field != ROW_NUMBER and not c.hidden
        ]

    def fields(self) -> set[str]:
        return {c.field for c in self.mapped() if c.field}

    def month_columns(self) -> list[ColumnInfo]:
        return [c for c in self.columns if c.month is not None and not c.hidden and c.field == "month_column"]

    def column(self, index: int) -> ColumnInfo | None:
        return next((c for c in self.columns if c.index == index), None)

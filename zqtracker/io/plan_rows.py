"""The rows of a sheet's table that are not plain project rows, for io/plan.py's PlanBuilder: sections
(the sector, stage or district of the rows under them), a header again (a page printed twice, or a
second table with other columns — refused), a unit line inside the table, a “其中” breakdown's parts,
a 序号 of a row's own, and cells merged down over rows (a district over its projects holds for each;
an amount over several projects is refused: each would get all of it)."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from zqtracker.domain.errors import Problem
from zqtracker.domain.money_format import SheetFigure
from zqtracker.io import values as cells
from zqtracker.io.errors import CellProblem
from zqtracker.io.header_again import same_header_text
from zqtracker.io.headers import header_candidates
from zqtracker.io.layout_model import SPAN
from zqtracker.io.numeral_rows import SECTION, NumeralRows, numeral_kind
from zqtracker.io.numfmt import column_letter
from zqtracker.io.outside_rows import outside_table
from zqtracker.io.period_sheet import name_against_header
from zqtracker.io.plan_tables import TableRules
from zqtracker.io.quarters import quarter_months
from zqtracker.io.rows import classify, is_note
from zqtracker.io.sheet_context import months_named, sheet_month, unit_line_factor, unit_named_in

if TYPE_CHECKING:
    from zqtracker.io.cell_convert import ColumnConverter, PlanOptions
    from zqtracker.io.layout import ColumnInfo, SheetLayout
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet

BREAKDOWN_RE = re.compile(r"^其中")
_PART_NUMBER_RE = re.compile(r"^\s*(?:\d+\s*[.．\-—–]\s*\d+|[（(]\s*\d+\s*[)）]|\d+\s*[)）]|[①-⑳])\s*$")


# A quarter alone in a title (2025年第二季度…, Q2): not the months from January (前三季度 is read as 1-9月)
_QUARTER_RE = re.compile(r"(?<![前上下])(?:第\s*)?[一二三四1-4]\s*季度|\bQ[1-4]\b", re.I)


def _titled_year(titles: list[str]) -> int | None:
    """The first year the title rows name."""
    return next(filter(None, map(cells.year_in, titles)), None)


class RowRules(TableRules):
    """What PlanBuilder does with the rows that are not plain projects (a mixin: it holds the state)."""

    sheet: RawSheet
    layout: SheetLayout
    opts: PlanOptions
    plan: SheetPlan
    columns: list[tuple[int, ColumnInfo, ColumnConverter]]
    money_units: dict[int, int]
    name_col: int | None
    code_col: int | None
    number_col: int | None
    spans: dict[int, dict[int, int]]  # row → {column: width of a merge starting there}
    vertical: list[tuple[int, int, int, int]]
    shared_reported: set[tuple[int, int]]
    contexts: list | None
    current: tuple | None
    sec1: tuple | None
    sec2: tuple | None
    title_above: int | None  # the data row that is a second table's title (see _second_table)
    done: bool
    numerals: NumeralRows | None = None  # rows numbered 一 or （一）: sections or projects (io/numeral_rows.py)

    def _sheet_problem(
        self, row: int, code: str, field: str, value: str, letter: str = "", header: str = "", **params: object
    ) -> None:
        """A problem of a row as the table reads it (1-based ``row``): the sheet refuses to import."""
        self.plan.sheet_problems.append(
            CellProblem(self.sheet.name, row, letter, header, value, Problem(code, field, {"value": value, **params}))
        )

    def _row_numbers(self) -> list | None:
        """Each data row's 序号 when it is a number (1, "12"; None for none or a text), when the sheet
        has a 序号 column."""
        j = self.number_col
        if j is None:
            return None
        rows = self.sheet.rows
        out: list[str | None] = []
        append = out.append
        for i in self.plan.data_rows:
            row = rows[i]
            v: Any = row[j] if j < len(row) else ""
            c = v.__class__
            if c is float:  # what display() shows of a number, without its checks (100k rows)
                append(str(int(v)) if v.is_integer() and 0 <= v < 1e16 else None)
                continue
            shown = v.strip() if c is str else cells.display(v).strip() if not cells.is_empty(v) else ""
            append(shown if shown.isdigit() else None)
        return out

    def _period_sources(self) -> None:
        """Where the title and the columns disagree on the report's month, nothing is guessed: 1–X月
        columns none of whose X is a month the title names (a title of 1-10月 over 1-9月累计, without
        the 10月 beside it that makes 1-10月 of the two) are the sheet's problem; a sheet named 10月
        under a title of 1-9月 (a stale title, or a stale name) is asked too. The period the user
        said (``layout.period_said``) answers both."""
        layout, plan = self.layout, self.plan
        titled = months_named(layout.titles)
        if layout.period_said:
            return self._period_said(titled)
        titled_year, named_year = _titled_year(layout.titles), cells.year_in(self.sheet.name)
        figures = [c for c in layout.columns if c.field in ("ytd", "amount", "month_column", "annual_plan", SPAN)]
        if figures and titled_year and named_year and named_year != titled_year and "month" not in layout.fields():
            c = figures[0]  # a 2024年1-10月 title over a sheet named 2025年10月 (probe31c G3): stored as 2024's
            self._sheet_problem(layout.header_row + 1, "period_sheet_year", "amount", self.sheet.name, c.letter,
                                c.header, title=titled_year, named=named_year)  # fmt: skip
            return
        if not titled:  # a sheet named 10月 (or 10月报) over 1-9月累计: io/period_sheet.py
            plan.notes += name_against_header(
                layout, self.sheet.name, bool(plan.ytd or plan.months), self._sheet_problem
            )
            return
        ytd = [c for c in layout.columns if c.field == "ytd" and c.header_month is not None]
        own = {c.month[1] for c in layout.columns if c.month is not None and c.field is not None}
        reached = quarter_months(layout) & titled  # 1-3月 | 4-6月 | 7-9月 under a title of 1-9月: the quarters reach it
        if (
            ytd
            and not reached
            and not any(c.header_month in titled or (c.header_month or 0) + 1 in own & titled for c in ytd)
        ):
            c = ytd[0]
            self._sheet_problem(layout.header_row + 1, "period_conflict", "amount", c.header, c.letter, c.header,
                                title=max(titled), header_month=c.header_month)  # fmt: skip
        later = [c for c in layout.columns if c.field == "ytd" and titled_year and (c.year or 0) > titled_year]
        if later:  # 2025年1-10月完成投资 under a title of 2024年1-10月: last year's report, or a stale title?
            c = later[0]
            self._sheet_problem(layout.header_row + 1, "period_year_conflict", "amount", c.header, c.letter, c.header,
                                title=titled_year, header_year=c.year)  # fmt: skip
        named = sheet_month(self.sheet.name)
        if named is not None and named not in titled and (plan.ytd or plan.months):
            c = next(c for c in layout.columns if c.field in ("ytd", "month_column", "since_start"))
            self._sheet_problem(layout.header_row + 1, "period_sheet_name", "amount", self.sheet.name, c.letter,
                                c.header, named=named, titled=max(titled), year=layout.year or "YYYY")  # fmt: skip

    def _sheet_checks(self) -> None:
        self._period_sources()
        self._place_sources()
        self._figures_in_parts()
        self._since_below_ytd()

    def _since_below_ytd(self) -> None:
        """A 自开工累计 below the same row's year to date as of the same month: everything done since the
        start includes this year's, so one of the two is wrong (a column slipped, another unit) — asked."""
        plan = self.plan
        since, as_of = plan.values.get("since_start"), plan.since_start_as_of
        if since is None or as_of is None or not plan.ytd:
            return
        info = next((c for c in self.layout.mapped() if c.field == "since_start"), None)
        for k, y, m, v in plan.ytd:
            if (y, m) == as_of and since[k] is not None and since[k] < v and k not in plan.problems:
                units = plan.factors.get("since_start", 1), plan.factors.get("ytd", 1)  # as the sheet writes them
                params = {"value": SheetFigure(since[k], units[0]), "ytd": SheetFigure(v, units[1]), "month": m}
                where = (info.letter, info.header) if info is not None else ("", "")
                row, j = self.sheet.rows[plan.data_rows[k]], info.index - self.sheet.col_offset if info else -1
                typed = cells.display(row[j]).strip() if 0 <= j < len(row) else f"{since[k]:,}"  # the cell as typed
                problem = CellProblem(self.sheet.name, plan.row_numbers[k], *where, typed,
                                      Problem("since_below_ytd", "amount", params))  # fmt: skip
                plan.add_problem(k, problem)

    def _figures_in_parts(self) -> None:
        """A project row with no figures whose 其中：一期 / 二期 rows carry them (status, planned total, year
        to date): the parts are not projects, so the project would be stored with none — its figures lost
        but for a 合计 that does not add up. Asked on the project's row."""
        plan, sheet = self.plan, self.sheet
        if not plan.parts or not plan.row_numbers:
            return
        money = [c.index - sheet.col_offset for c in self.layout.mapped() if c.is_money]

        def figures(row_number: int) -> bool:
            row = sheet.rows[row_number - 1 - sheet.row_offset]
            return any(j < len(row) and row[j].__class__ in (int, float) for j in money)

        asked: set[int] = set()
        for part in plan.parts:
            k = bisect.bisect_left(plan.row_numbers, part) - 1
            if k < 0 or k in asked or not figures(part) or figures(plan.row_numbers[k]):
                continue
            asked.add(k)
            name, info = self._project_name(k), next((c for c in self.layout.mapped() if c.field == "name"), None)
            where = (info.letter, info.header) if info is not None else ("", "")
            problem = Problem("figures_in_parts", "name", {"value": name, "part": part})
            plan.add_problem(k, CellProblem(sheet.name, plan.row_numbers[k], *where, name, problem))

    def _project_name(self, k: int) -> str:
        row = self.sheet.rows[self.plan.data_rows[k]]
        j = self.name_col
        return str(row[j]) if j is not None and j < len(row) and row[j] is not None else ""

    def _period_said(self, titled: set[int]) -> None:
        """The period said (--period) against what the sheet says of itself: a title naming another year or
        month (unless the sheet's name names the month said: a stale title), or a 1–X月 header of another
        month, is asked — the option answers a sheet that says nothing or says two things, it never
        overrules a sheet that says one."""
        layout = self.layout
        year, month = layout.period
        titled_year = _titled_year(layout.titles)
        ytd = [c for c in layout.columns if c.field == "ytd" and c.header_month is not None]
        months = {c.header_month for c in ytd} | {sheet_month(self.sheet.name)}
        years = {c.year for c in ytd} | {cells.year_in(self.sheet.name)}
        said = f"{year}-{month:02d}"
        quarter = any(_QUARTER_RE.search(t) for t in layout.titles)  # 第二季度: three months' amount, no month's
        if (
            (titled and month not in titled and month not in months)
            or (titled_year not in (None, year) and year not in years)
            or (quarter and not titled)
        ):
            title = " ".join(layout.titles)[:60]
            self._sheet_problem(layout.header_row + 1, "period_said_conflict", "amount", title, said=said)
        if ytd and month not in {c.header_month for c in ytd}:  # 1-9月累计 | 1-10月累计 and --period …-11
            c = ytd[0]
            self._sheet_problem(layout.header_row + 1, "period_said_conflict", "amount", c.header, c.letter, c.header,
                                said=said)  # fmt: skip

    def _place_sources(self) -> None:
        """A sheet named 鼎湖区 under a title of 端州区 (copied from another district's sheet) and no
        district column: whose rows are they? Asked, unless the user said the district."""
        layout = self.layout
        if layout.district_other and self.plan.district_from == "title" and "district" not in layout.fields():
            c = next(iter(layout.mapped()), None)
            self._sheet_problem(layout.header_row + 1, "district_two_places", "district", self.sheet.name,
                                c.letter if c else "A", c.header if c else "", title=layout.district_hint,
                                named=layout.district_other)  # fmt: skip

    def _second_table(self, i: int, row: list) -> bool:
        """A row of header words alone under the table (所在区域 | 项目数 | 计划总投资（万元）): another table
        begins — a summary by district — and this one ends, as at its notes. A lone text just above
        it (各区汇总) is that table's title."""
        if float in map(type, row):  # (a number: a data row; stops at the first, a tenth of a set's time)
            return False
        texts = [v for v in row if v.__class__ is str and v.strip()]
        if any(is_note(t) for t in texts):  # 填表人：李明 | 审核人：王芳 | 联系电话：…: a signature line
            return False
        known = sum(1 for t in texts if header_candidates(t))
        if known < 2 or known * 3 < len(texts) * 2:
            return False
        plan = self.plan
        plan.second_table = i + self.sheet.row_offset + 1
        plan.skipped[i] = "header"
        above = self.sheet.rows[i - 1] if i > 0 else []
        if plan.data_rows and plan.data_rows[-1] == i - 1 and sum(1 for v in above if not cells.is_empty(v)) == 1:
            self.title_above = len(plan.data_rows) - 1
        self.done = True
        return True

    def _classified(self, i: int, row: list, code_col: int | None) -> tuple[str, str] | None:
        """rows.classify, but a "section" row naming an enterprise (一 | 怀集绿色建材产业园项目 | 怀集建材集团
        有限公司 | 50000) is a project numbered 一、二、三: a section heading never names one."""
        what = classify(row, self.name_col, code_col, self.number_col, self.spans.get(i, {}))
        if what is not None and what[0].startswith("section"):
            said = [j for j, info, _c in self.columns if info.field == "enterprise" and j != self.name_col]
            if any(j < len(row) and not cells.is_empty(row[j]) for j in said) or numeral_kind(self, i) != SECTION:
                return None  # (一 | 光伏发电项目 | 新能源 | 32000, 二 …: projects numbered 一、二)
            for text in (v for v in row if v.__class__ is str and "单位" in v):  # 二、储备项目（金额单位：亿元）
                factor = unit_named_in(text)
                if factor is not None and any(f != factor for f in self.money_units.values()):
                    self._sheet_problem(i + self.sheet.row_offset + 1, "unit_changes", "planned_investment", text)
        return what

    def _nameless(self, row: list) -> bool:
        """No name in a row whose code cell holds a text: a note under the table written from column
        A ("填表说明：…") or a total, when the table's codes are in A — classified, not a project."""
        j = self.name_col
        return j is not None and (j >= len(row) or cells.is_empty(row[j]))

    def _only_label_and_amounts(self, row: list) -> bool:
        """No code, enterprise, sector, district or status: how the parts of a breakdown read."""
        said = (
            j for j, info, _c in self.columns if info.field in ("code", "enterprise", "sector", "district", "status")
        )
        return all(j >= len(row) or cells.is_empty(row[j]) for j in said)

    def _part_number(self, row: list) -> bool:
        """In a "其中" breakdown: a row with a name whose 序号 is empty or a part's (1.1, (1), ①)."""
        j, name = self.number_col, self.name_col
        if j is None or name is None or name >= len(row) or cells.is_empty(row[name]):
            return False
        number = row[j] if j < len(row) else ""
        if cells.is_empty(number):
            return True
        if number.__class__ is float:
            return not number.is_integer()
        return bool(_PART_NUMBER_RE.match(cells.display(number)))

    def _several_projects(self, top: int, bottom: int) -> bool:
        """Rows top..bottom hold more than one project: a name (or code) of their own below the top."""
        rows = self.sheet.rows
        for i in range(top + 1, min(bottom, len(rows) - 1) + 1):
            for j in (self.name_col, self.code_col):
                if j is not None and j < len(rows[i]) and not cells.is_empty(rows[i][j]):
                    return True
        return False

    def _shared_amount(self, r0: int, c: int, r1: int, value: object) -> None:
        if (r0, c) in self.shared_reported:
            return
        self.shared_reported.add((r0, c))
        letter = column_letter(c)
        info = next((info for j, info, _ in self.columns if info.index == c), None)
        field = info.field if info is not None and info.field else "planned_investment"
        cells_ = f"{letter}{r0 + 1}:{letter}{r1 + 1}"
        header = info.header if info is not None else ""
        self._sheet_problem(r0 + 1, "merged_amount", field, cells.display(value), letter, header, cells=cells_,
                            rows=r1 - r0 + 1)  # fmt: skip

    def _unit_line(self, i: int, row: list) -> bool:
        """A row that is only a unit line ("单位：亿元") under the table's header: none if it names the
        unit the amounts are read in; a problem if it changes it (a second table in other units
        whose 5 亿元 would be read as 5 万元)."""
        texts = [v for v in row if not cells.is_empty(v)]
        if len(texts) != 1 or texts[0].__class__ is not str:
            return False
        factor = unit_line_factor(texts[0])
        if factor is None:
            return False
        read_in = {j: f for j, f in self.money_units.items() if f != factor}
        if read_in:
            self._sheet_problem(i + self.sheet.row_offset + 1, "unit_changes", "planned_investment", texts[0].strip())
        return True

    def _check_repeated_header(self, i: int, row: list) -> None:
        """A header row again under the table: a page header printed twice says nothing new, but a
        second table with other columns (储备项目 under 在建项目, 拟投资（亿元） where the first had
        总投资（万元）) would have its rows read as the first table's columns — refused, named."""
        sheet, layout = self.sheet, self.layout
        first = sheet.rows[layout.header_row - sheet.row_offset] if layout.header_row >= sheet.row_offset else []
        differences = []
        for j in range(max(len(row), len(first))):
            a = cells.fold(cells.display(first[j])) if j < len(first) else ""
            b = cells.fold(cells.display(row[j])) if j < len(row) else ""
            if not same_header_text(a, b, self.money_units.get(j)):  # (总投资（万元） under 单位：万元: the same)
                letter = column_letter(j + sheet.col_offset)
                was = cells.display(first[j]).strip() if j < len(first) else ""
                now = cells.display(row[j]).strip() if j < len(row) else ""
                differences.append(f"{letter}: “{was}” → “{now}”")
        if not differences:
            return
        shown = "; ".join(differences[:4]) + ("; …" if len(differences) > 4 else "")
        name = cells.display(row[self.name_col or 0])
        self._sheet_problem(i + sheet.row_offset + 1, "second_table", "name", name, differences=shown)

    def _skip(self, what: tuple[str, str]) -> None:
        kind_of_row, text = what
        plan = self.plan
        if kind_of_row == "blank":
            plan.blank += 1
        elif kind_of_row == "total":
            plan.totals += 1
        elif kind_of_row != "title":
            kind, value = self._section_kind(text)
            if kind_of_row == "section1":
                self.sec1, self.sec2 = (kind, value), None
            else:
                self.sec2 = (kind, value)
            self.current = (self.sec1, self.sec2)
            if self.contexts is None:
                self.contexts = [None] * len(plan.data_rows)
            if kind != "group":
                plan.sections.append(text)

    def _outside_table(self) -> set[int]:
        return outside_table(self.plan, self.sheet, self.layout)  # a stray cell far off (io/outside_rows.py)

    def _name_spanned(self) -> set[int]:
        """The rows (RawSheet.rows indices) under a project's name merged down over them."""
        if self.name_col is None:
            return set()
        j, off, at = self.name_col, self.sheet.col_offset, self.sheet.row_offset
        return {r - at for r0, c0, r1, c1 in self.vertical if c0 - off <= j <= c1 - off for r in range(r0 + 1, r1 + 1)}

    def _fill_vertical_merges(self, start: int, end: int) -> None:
        """A cell merged down over several rows (a district over its projects) holds for each."""
        sheet = self.sheet
        for r0, c0, r1, c1 in self.vertical:
            top = r0 - sheet.row_offset
            lo, hi = max(top + 1, start), min(r1 - sheet.row_offset, end - 1)
            if lo > hi or not 0 <= top < len(sheet.rows):
                continue
            for c in range(c0, c1 + 1):
                j = c - sheet.col_offset
                if j in (self.name_col, self.code_col):  # a project spread over rows: the rows below continue it
                    continue
                value = sheet.rows[top][j] if 0 <= j < len(sheet.rows[top]) else ""
                if cells.is_empty(value):
                    continue
                if j in self.money_units:  # never copied: the rows under a project's own amount continue it
                    if self._several_projects(top, r1 - sheet.row_offset):
                        self._shared_amount(r0, c, r1, value)  # whose is it? each would get all of it
                    continue
                for i in range(lo, hi + 1):
                    row = sheet.rows[i]
                    if j < len(row) and cells.is_empty(row[j]):
                        row[j] = value

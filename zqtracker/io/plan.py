"""From a sheet's rows to parsed values, column by column, with every refused cell's problem.

:class:`PlanBuilder` walks the rows under the header once — fed chunk by chunk while the reading process is
still streaming, or all at once — skipping blank, total, section and note rows (io/rows.py) and converting
each mapped column. A column is converted per distinct value (a status column of 100k rows costs nine
conversions), the result kept column-wise in a :class:`SheetPlan`: ``values[field][k]`` for data row ``k``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zqtracker.domain.errors import Problem
from zqtracker.io import values as cells
from zqtracker.io.across import fields_down_rows, side_by_side
from zqtracker.io.cell_convert import ColumnConverter, PlanOptions, converter, foreign_currency, money_unit
from zqtracker.io.date_words import read_row_words
from zqtracker.io.ditto import SameAsAbove, carried_down
from zqtracker.io.errors import CellProblem
from zqtracker.io.group_places import apply_group_contexts
from zqtracker.io.header_again import HeaderAgain
from zqtracker.io.header_parts import ask_parts
from zqtracker.io.headers import ROW_NUMBER
from zqtracker.io.key_lists import key_list, mark_key_projects
from zqtracker.io.layout_model import BY_PERIOD, MONTHLY, SPAN, ColumnInfo, SheetLayout
from zqtracker.io.month_years import month_questions, row_month_questions
from zqtracker.io.numeral_rows import held_back
from zqtracker.io.plan_above import sheet_totals
from zqtracker.io.plan_finish import (
    drop_continuations,
    drop_rows,
    list_unknown_statuses,
    long_months,
    spread_periods,
    title_unit_note,
    unit_checks,
)
from zqtracker.io.plan_rows import BREAKDOWN_RE, RowRules
from zqtracker.io.plan_settle import TWO_READINGS, ColumnAmounts, is_figure, settle, transpose
from zqtracker.io.plan_shadow import check, shadows
from zqtracker.io.quarters import chain_quarters
from zqtracker.io.reader import RawSheet
from zqtracker.io.row_currency import row_currencies
from zqtracker.io.struck_rows import off_list
from zqtracker.io.yuan_rounding import said_rounded

DATE_FIELDS = ("signed_on", "construction_start_on", "production_on")


@dataclass
class SheetPlan:
    """A sheet's data rows, column-wise: ``values[field][k]`` data row ``k``'s value (None: not given)."""

    layout: SheetLayout
    data_rows: list[int] = field(default_factory=list)  # indexes into RawSheet.rows
    row_numbers: list[int] = field(default_factory=list)
    values: dict[str, list] = field(default_factory=dict)
    problems: dict[int, list[CellProblem]] = field(default_factory=dict)  # by data row k
    sheet_problems: list[CellProblem] = field(default_factory=list)  # about the sheet, not one row
    months: list[tuple[int, int, int, int]] = field(default_factory=list)  # (k, year, month, yuan)
    plans: list[tuple[int, int, int]] = field(default_factory=list)  # (k, year, yuan)
    ytd: list[tuple[int, int, int, int]] = field(default_factory=list)  # (k, year, last month, year-to-date yuan)
    spans: list[tuple[int, int, int, int, int]] = field(default_factory=list)  # (k, year, first, last, yuan): 二季度
    chained: list[tuple[int, int, int, int, int]] = field(default_factory=list)  # spans read as years to date
    row_months: list | None = None  # a list of projects with a 月份 column: each row's month (None: blank)
    since_start_as_of: tuple[int, int] | None = None  # the (year, month) a 自开工累计 column is of
    chain: list | None = None  # each row's industry chain (产业链 column or sections)
    status_hint: list | None = None  # per row, where sections or 续建 say more than the sheet name
    totals: int = 0
    sections: list[str] = field(default_factory=list)
    notes_from: int | None = None  # 1-based row where the notes under the table begin
    second_table: int | None = None  # 1-based row of another table's header under this one (a summary)
    blank: int = 0
    needs_unit: list[ColumnInfo] = field(default_factory=list)  # money columns with unit-less numbers
    numeric_codes: list[int] = field(default_factory=list)  # data rows whose code cell is a number
    skipped: dict[int, str] = field(default_factory=dict)  # RawSheet.rows index → "total", "section1", …
    default_district: str | None = None  # for rows without one: the user's choice, else the sheet's context
    district_from: str = ""  # "user", "title", "sheet", "reporter"
    default_sector: str | None = None  # the user's, for rows without one
    default_status: str | None = None  # the user's, else the sheet's context (status_from says which)
    status_from: str = ""
    groups: list[str] = field(default_factory=list)  # group rows that say nothing of their rows (重点对接)
    example_rows: list[int] = field(default_factory=list)  # 1-based rows of a template's example
    continuations: list[int] = field(default_factory=list)  # 1-based rows without a name under a project
    parts: list[int] = field(default_factory=list)  # 1-based rows of a "其中" breakdown of the row above
    converted_rows: list[tuple[int, str, str]] = field(default_factory=list)  # (row, currency, rate) of a 币种 column
    foreign: list[ColumnInfo] = field(default_factory=list)  # money columns in another currency
    marked: int = 0  # names or codes that carried a key-project mark
    unknown_statuses: dict[str, list[int]] = field(default_factory=dict)  # word → data rows k
    date_words: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # k → [(date field, word)]
    factors: dict[str, int] = field(default_factory=dict)  # money field → the unit its cells are in
    hidden: list[int] = field(default_factory=list)  # 1-based rows of data rows hidden in the sheet
    hidden_answer: str | None = None  # what the user said of them: "import", "skip", None (not yet)
    struck: list[int] = field(default_factory=list)  # 1-based data rows struck through (io/struck_rows.py)
    struck_answer: str | None = None  # what the user said of them: "import", "skip", None (not yet)
    total_differs: tuple[int, int, int] | None = None  # a 合计 row's planned investment the rows do not add up to
    count_differs: tuple[int, int] | None = None  # a 合计 row's count of projects (row, count) the rows read are not
    notes: list[Problem] = field(default_factory=list)  # what else the import should say of the sheet

    def __len__(self) -> int:
        return len(self.data_rows)

    def column(self, name: str) -> list:
        return self.values.get(name) or [None] * len(self.data_rows)

    def add_problem(self, k: int, problem: CellProblem) -> None:
        self.problems.setdefault(k, []).append(problem)

    def hint(self, k: int) -> str | None:
        hints = self.status_hint
        return hints[k] if hints is not None and hints[k] is not None else self.layout.status_hint


class PlanBuilder(RowRules):
    """Builds the plan of one sheet from its rows, as many at a time as have been read."""

    def __init__(self, sheet: RawSheet, layout: SheetLayout, opts: PlanOptions | None = None) -> None:
        self.sheet, self.layout, self.opts = sheet, layout, opts or PlanOptions()
        self.plan = plan = SheetPlan(layout)
        self.pos, self.done, off = max(layout.data_start - sheet.row_offset, 0), False, sheet.col_offset
        self.columns: list[tuple[int, ColumnInfo, ColumnConverter]] = []
        self.money_units: dict[int, int] = {}  # column → the yuan factor its amounts are read in
        self.foreign: list[ColumnInfo] = []  # columns in another currency
        plan.sheet_problems += ask_parts(layout, sheet.name)  # 设备投资 | 建安工程 and no total: which is it?
        asked, said = month_questions(layout, sheet.name)  # no year, or a year not believable (io/month_years.py)
        plan.sheet_problems += said
        for info in sorted(layout.mapped(), key=lambda c: c.joined):  # a joined column after its first
            if info.index in asked:
                continue
            if info.is_money and foreign_currency(info, layout, self.opts) is not None:
                self.foreign.append(info)  # never read as yuan: left out, said in one sentence
                continue
            self.columns.append(
                (info.index - off, info, ColumnConverter(converter(info, layout, self.opts), info.field or ""))
            )
            if info.is_money:
                unit = money_unit(info, layout, self.opts, plan.notes) or 1
                self.money_units[info.index - off] = unit
                if not info.currency:
                    plan.factors.setdefault("amount" if info.month is not None else info.field or "", unit)
            if info.month is None and (info.field not in BY_PERIOD or info.is_long_ytd):
                plan.values.setdefault(info.field or "", [])  # (a long sheet's 累计: by each row's month)
            if info.field == "since_start":
                plan.since_start_as_of = info.period
        self.shadows = shadows(layout, self.opts)  # one figure in a second column: held against the first
        self.examples = frozenset(layout.example_rows)
        self.hidden, plan.hidden_answer = sheet.hidden_rows or None, self.opts.hidden_rows  # hidden rows: a question
        plan.example_rows = [r + 1 for r in layout.example_rows]
        cols = {c.field: c.index - off for c in layout.mapped() if c.field in ("code", "name")}
        self.code_col, self.name_col = cols.get("code"), cols.get("name")
        self.header_name = self._header_name(sheet, layout)
        self.again = HeaderAgain(sheet, layout, self.money_units)
        self.number_col = next((c.index - off for c in layout.columns if c.field == ROW_NUMBER), None)
        by_user = (self.opts.district, "user") if self.opts.district else None
        plan.default_district, plan.district_from = by_user or (layout.district_hint or None, layout.district_from)
        plan.default_sector = self.opts.sector or None
        by_user = (self.opts.status, "user") if self.opts.status else None
        plan.default_status, plan.status_from = by_user or (layout.status_hint or None, layout.status_from)
        self.contexts: list | None = None
        self.same, self.amounts = SameAsAbove(), ColumnAmounts()  # 同上 (io/ditto.py); 8000万 (io/plan_settle.py)
        self.breakdown: bool | None = None  # inside a "其中" breakdown: its unnumbered rows are parts
        self.unnumbered: tuple[int, str] | None = None  # a total's "其中" row in a sheet without 序号 (row, text)
        self.last_kind = ""  # what the last row that was not blank was: "project", "total", "section1", …
        self.current: tuple | None = None
        self.sec1: tuple | None = None
        self.sec2: tuple | None = None
        self.title_above: int | None = None
        self.unitless: dict[int, ColumnInfo] = {}
        self.spans: dict[int, dict[int, int]] = {}
        self.vertical: list[tuple[int, int, int, int]] = []
        self.shared_reported: set[tuple[int, int]] = set()
        for r0, c0, r1, c1 in sheet.merged[:200_000]:
            if r1 > r0 and r0 >= layout.data_start:
                self.vertical.append((r0, c0, r1, c1))
            elif r1 == r0:
                self.spans.setdefault(r0 - sheet.row_offset, {})[c0 - off] = c1 - c0 + 1

    def _header_name(self, sheet: RawSheet, layout: SheetLayout) -> str | None:
        """The name column's header text as its cell holds it (a row repeating it is a header)."""
        if self.name_col is None:
            return None
        for r in range(layout.header_row, layout.data_start):
            row = sheet.rows[i] if 0 <= (i := r - sheet.row_offset) < len(sheet.rows) else []
            value = row[self.name_col] if self.name_col < len(row) else ""
            if isinstance(value, str) and value.strip():
                return value
        return None

    # -- feeding -------------------------------------------------------------------------------------
    def feed(self, upto: int | None = None, final: bool = False) -> None:
        """Process the rows read so far (up to index ``upto`` of RawSheet.rows)."""
        if self.done:
            return
        rows = self.sheet.rows
        end = held_back(self, self.pos, len(rows) if upto is None else min(upto, len(rows)), final)  # (一 | 项目)
        if end <= self.pos:
            return
        self._fill_vertical_merges(self.pos, end)
        first_k = len(self.plan.data_rows)
        self._select(self.pos, end)
        self.pos = end
        self._convert(first_k)

    def finish(self) -> SheetPlan:
        self.feed(final=True)
        self.amounts.settle(self.plan, self.columns, self._store)  # “8000万” its column's amounts settle
        self._tables_around()  # tables of projects above and below this one (io/plan_tables.py)
        self.done, plan = True, self.plan
        plan.needs_unit = list(self.unitless.values())
        mark_key_projects(plan, self.sheet.rows, self.number_col)
        spread_periods(plan)
        chain_quarters(plan, self.layout, self.sheet.name)  # 一季度 | 二季度: years to date where they chain
        self._sheet_checks()
        grouped = self._group_rows() | self._district_subtotals() | off_list(plan, self.sheet, self.name_col, self.opts)
        if grouped:
            self.contexts = drop_rows(plan, grouped, self.contexts)
        self.contexts = drop_continuations(
            plan, self.sheet.name, self.contexts, self._row_numbers(), self._name_spanned(), self._outside_table()
        )
        infos, known = [i for _j, i, _c in self.columns], self.opts.known_districts  # 同上, 项目地址 (io/ditto.py)
        carried_down(plan, self.contexts, infos, self.sheet, self.same, known)
        apply_group_contexts(plan, self.contexts, self.layout, self.sheet)  # (io/group_places.py)
        read_row_words(plan, self.layout)  # a status in 备注, words in the date columns
        read = [i for _j, i, _c in self.columns if i.index not in self.opts.column_units]
        title_unit_note(plan, self.layout, read)
        if "month" in self.layout.fields() and (self.layout.kind == MONTHLY or "amount" in self.layout.fields()):
            row_month_questions(plan, self.sheet, self.layout)  # a month of 2069 or 1969 (io/month_years.py)
            long_months(plan, self.layout, self.sheet.name, every_row=self.layout.kind == MONTHLY)
        list_unknown_statuses(plan)
        fields_down_rows(plan, self.sheet.name, self.layout)
        side_by_side(plan, self.sheet, self.layout)  # two tables side by side
        row_currencies(plan, self.sheet, self.layout, self.opts.rates)  # a 币种 column
        planned = next((j for j, info, _c in self.columns if info.field == "planned_investment"), None)
        unit_checks(plan, self.sheet, self.layout, [i for i in read if i.unit or self.layout.unit_line])
        sheet_totals(plan, self.sheet, self.layout, planned)  # its 合计 rows, a summary block above (io/plan_above.py)
        return key_list(plan, self.opts.title_keys)  # titled 重点建设项目: its projects are key

    def _select(self, start: int, end: int) -> None:
        plan, rows = self.plan, self.sheet.rows
        code_col, base = self.code_col, self.sheet.row_offset + 1
        data, numbers = plan.data_rows, plan.row_numbers
        examples, offset, hidden = self.examples, self.sheet.row_offset, self.hidden
        repeat, name_col = self.header_name, self.name_col if self.name_col is not None else 0
        for i in range(start, end):
            row = rows[i]
            if not any(row):
                plan.blank += 1
                self.breakdown = self.unnumbered = None
                continue
            if examples and i + offset in examples:
                plan.skipped[i] = "example"
                continue
            if float not in map(type, row) and (again := self.again.kind(i, row)) is not None:
                plan.skipped[i] = again  # a page's header printed again, and its title (io/header_again.py)
                continue
            if repeat is not None and name_col < len(row) and row[name_col] == repeat:  # the header again
                plan.skipped[i] = "header"  # (a second table under the first, a page header printed twice)
                self._check_repeated_header(i, row)
                continue
            if self._second_table(i, row):
                break
            code = row[code_col] if code_col is not None and code_col < len(row) else ""
            if code == "" or code is None or (code.__class__ is str and (not code.strip() or self._nameless(row))):
                if self._unit_line(i, row):
                    plan.skipped[i] = "unit"
                    continue
                what = self._classified(i, row, code_col)
                if self.breakdown is not None:
                    if what is None and self._part_number(row):
                        plan.skipped[i] = "part"
                        plan.parts.append(i + base)
                        continue
                    self.breakdown = None
                if what is not None and what[0] == "total" and BREAKDOWN_RE.match(cells.fold(what[1])):
                    # "其中：一期" under a project (or a total): the unnumbered rows after it are its parts
                    if self.last_kind in ("project", "total") and self.number_col is not None:
                        self.breakdown = True
                        plan.skipped[i] = "part"
                        plan.parts.append(i + base)
                        continue
                    if self.last_kind == "project":  # no 序号 to tell its parts from the projects after them
                        self._sheet_problem(i + base, "breakdown_without_numbers", "name", what[1])
                if what is not None:
                    total_broken_down = self.last_kind == "total" and what[0] == "total" and self.number_col is None
                    self.unnumbered = (i + base, what[1]) if total_broken_down and BREAKDOWN_RE.match(
                        cells.fold(what[1])) else None  # fmt: skip
                    self.last_kind = what[0]
                    if what[0] == "note":
                        plan.notes_from = i + base
                        plan.skipped[i] = "note"
                        self.done = True
                        break
                    if what[0] != "blank":
                        plan.skipped[i] = what[0]
                    self._skip(what)
                    continue
            if self.unnumbered is not None and (code == "" or code is None) and self._only_label_and_amounts(row):
                # under a total's "其中", a row with a name and amounts alone: a part, or a project of its own?
                at, text = self.unnumbered
                self._sheet_problem(at, "breakdown_without_numbers", "name", text)
            self.breakdown, self.last_kind, self.unnumbered = None, "project", None
            if hidden is not None and i + offset in hidden:  # a data row hidden in the sheet
                plan.hidden.append(i + base)
                if plan.hidden_answer == "skip":
                    plan.skipped[i] = "hidden_row"
                    continue
            data.append(i)
            numbers.append(i + base)
            if self.contexts is not None:
                self.contexts.append(self.current)

    def _convert(self, first_k: int) -> None:
        plan, rows, sheet = self.plan, self.sheet.rows, self.sheet
        chosen = plan.data_rows[first_k:]
        if not chosen:
            return
        columns = transpose(rows, chosen)
        n, pending, numbers = len(chosen), [], plan.row_numbers[first_k:]
        for info in self.foreign:
            j = info.index - sheet.col_offset
            if info not in plan.foreign and 0 <= j < len(columns) and any(not cells.is_empty(v) for v in columns[j]):
                plan.foreign.append(info)
        for j, info, convert in self.columns:
            raw = self.same.fill(info, columns[j], numbers) if 0 <= j < len(columns) else ("",) * n
            values, errors = self.amounts.seen(info, convert(raw))
            said_rounded(plan, info, convert.convert, raw, first_k)  # 1450.00004万元: stored to the yuan, said
            for k, v, exc in errors:
                for p in exc.problems:
                    if p.code == "unknown_unit":
                        self.unitless[info.index] = info
                    shown = str(p.params["value"]) if p.code == "ambiguous_date" else cells.display(v)  # as typed
                    problem = CellProblem(sheet.name, plan.row_numbers[first_k + k], info.letter, info.header, shown, p)
                    if p.code == TWO_READINGS and is_figure(info):  # the row's planned investment may settle it
                        pending.append((info, first_k + k, problem))
                    else:
                        plan.add_problem(first_k + k, problem)
            self._store(info, values, raw, first_k)
        settle(plan, pending, lambda info, k, yuan: self._store(info, [yuan], ("",), k))
        check(plan, self.shadows, columns, first_k, sheet.col_offset, sheet.name)

    def _store(self, info: ColumnInfo, values: list, raw: tuple | list, first_k: int) -> None:
        plan, f = self.plan, info.field or ""
        if info.month is not None:
            y, m = info.month
            plan.months.extend((first_k + k, y, m, v) for k, v in enumerate(values) if v is not None)  # type: ignore[misc]
        elif f in ("ytd", "ytd_last") and info.period:  # (a long sheet's 累计 has none: by each row's month)
            y, m = info.period
            plan.ytd.extend((first_k + k, y, m, v) for k, v in enumerate(values) if v is not None)
        elif f == SPAN and info.period:  # 二季度: months first..last (io/quarters.py)
            y, m = info.period
            plan.spans.extend(
                (first_k + k, y, info.first_month or m, m, v) for k, v in enumerate(values) if v is not None
            )
        elif f == "annual_plan":
            year = info.year or self.layout.year
            for k, v in enumerate(values):
                if v is None:
                    continue
                if year is None:
                    where = (self.sheet.name, plan.row_numbers[first_k + k], info.letter, info.header)
                    problem = Problem("month_without_year", "plan", {"value": info.header})
                    plan.add_problem(first_k + k, CellProblem(*where, cells.display(raw[k]), problem))
                else:
                    plan.plans.append((first_k + k, year, v))
        elif f == "planned_investment" and any(isinstance(v, tuple) for v in values):  # (yuan, original)
            plan.values[f].extend(v[0] if isinstance(v, tuple) else v for v in values)
            plan.values.setdefault("planned_foreign", [None] * first_k).extend(
                v[1] if isinstance(v, tuple) else None for v in values
            )
        elif f in DATE_FIELDS:  # (day, precision): the date, and how precise the cell was
            plan.values[f].extend(v[0] if v is not None else None for v in values)
            plan.values.setdefault(f + "_precision", [None] * first_k).extend(
                v[1] if v is not None else None for v in values
            )
        elif f == "chain":
            if plan.chain is None:
                plan.chain = [None] * first_k
            plan.chain.extend(v or None for v in values)
        else:
            if f == "project_type" and None in values:
                self._continuing(values, raw, first_k)
            elif f == "code" and float in set(map(type, raw)):
                plan.numeric_codes.extend(first_k + k for k, v in enumerate(raw) if v.__class__ is float)
            if info.joined:
                column = plan.values[f]
                for k, v in enumerate(values):
                    if v is not None:
                        before = column[first_k + k]
                        column[first_k + k] = v if before in (None, v) else f"{before} {v}"  # (the same text once)
            else:
                plan.values[f].extend(values)

    def _continuing(self, values: list, raw: tuple | list, first_k: int) -> None:
        """建设性质 "续建" says the project is being built, not what type it is."""
        plan = self.plan
        for k, v in enumerate(values):
            if v is None and raw[k] not in ("", None) and cells.fold(cells.display(raw[k])) in cells.CONTINUING:
                plan.status_hint = [] if plan.status_hint is None else plan.status_hint
                plan.status_hint.extend([None] * (first_k + k + 1 - len(plan.status_hint)))
                plan.status_hint[first_k + k] = "under_construction"

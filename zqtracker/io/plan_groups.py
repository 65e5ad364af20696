"""Rows of a sheet's table that group others, for io/plan.py's PlanBuilder (through RowRules): a row
numbered 1 over rows numbered 1-1 or （1） (a group, or a project over its phases), a district's
subtotal without the word 小计 (端州区 | 22000, in its name or 序号 cell), and what a section row names
for the rows under it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from zqtracker.domain.errors import Problem
from zqtracker.io import group_places as gp
from zqtracker.io import values as cells
from zqtracker.io.context import is_level, level_of, status_of_section
from zqtracker.io.district_sums import DistrictSums
from zqtracker.io.errors import CellProblem
from zqtracker.io.evidence import is_sector_text
from zqtracker.io.phase_rows import phase_parts
from zqtracker.io.plan_packages import package_rows
from zqtracker.io.row_ranges import runs_text
from zqtracker.io.rows import clean_section, is_district
from zqtracker.io.subtotal_side import ABOVE, BELOW, sheet_side, side_of

if TYPE_CHECKING:
    from zqtracker.io.cell_convert import PlanOptions
    from zqtracker.io.layout import SheetLayout
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet

_CHILD_NUMBER_RE = re.compile(r"^\s*(\d{1,4})\s*[.．\-－—–_、]\s*\d{1,3}\s*$")  # 1-1, 1.2, 1－3 under 1
_FIRST_CHILD_RE = re.compile(r"^\s*(?:[（(]\s*\d{1,3}\s*[)）]|[①-⑳])\s*$")  # （1）, ① under a number
_DETAILS = ("code", "district", "enterprise", "status")

# a phase of a project: 一期, 二期工程, （三期）, 第一阶段 at the end of a name
_PHASE_RE = re.compile(r"(?:第?[一二三四五六七八九十\d]{1,2}\s*(?:期|阶段))\s*(?:工程|项目)?\s*[)）]?$")


def _adds_up(money: list[list], k: int, rows: range) -> bool:
    """Row ``k``'s every figure is the sum of ``rows``' (at least one row, one figure)."""
    given = [col for col in money if col[k]]
    return len(rows) > 0 and bool(given) and all(col[k] == sum(col[c] or 0 for c in rows) for col in given)


class GroupRules:
    """What PlanBuilder does with rows over other rows (a mixin: it holds the state)."""

    sheet: RawSheet
    layout: SheetLayout
    opts: PlanOptions
    plan: SheetPlan
    number_col: int | None
    contexts: list | None
    title_above: int | None

    def _group_rows(self) -> set[int]:
        """Data rows (indexes into the plan) that are not projects because of the rows numbered under
        them: a row numbered 1 over rows numbered 1-1, 1.2 or （1） is a group (新能源汽车产业项目（2个）,
        its amounts their subtotal) naming the sector of those rows — unless it says whose it is,
        where or at what stage while they do not: then they are its parts (一期, 二期). With details
        on both, it is a group only when its planned investment is the sum of theirs — never over rows
        that are all phases (…一期, …二期): those are the parts of the project above them."""
        j = self.number_col
        money = [c.index - self.sheet.col_offset for c in self.layout.mapped() if c.is_money]
        if j is None:  # a list without 序号: a 一期工程 / 设备购置 row is still no project (io/phase_rows.py)
            return phase_parts(self.plan, self.sheet, None, money, set())
        plan, rows = self.plan, self.sheet.rows
        numbers = [rows[i][j] if j < len(rows[i]) else "" for i in plan.data_rows]
        said = [plan.values[f] for f in _DETAILS if f in plan.values]
        planned, names = plan.values.get("planned_investment"), plan.values.get("name")
        drop: set[int] = set()
        k, n = 0, len(numbers)
        while k < n - 1:
            parent = _parent_number(numbers[k])
            end = k + 1
            while end < n and parent is not None and _child_number(numbers[end], parent):
                end += 1
            if end == k + 1:
                k += 1
                continue
            children = range(k + 1, end)
            details = [any(col[c] is not None for col in said) for c in range(k, end)]
            if names is not None and all(isinstance(names[c], str) and _PHASE_RE.search(names[c]) for c in children):
                details = [True] + [False] * len(children)  # 一期, 二期 under a project: its parts, whatever they say
            if not details[0] or (
                any(details[1:]) and planned is not None and planned[k] is not None
                and planned[k] == sum(planned[c] or 0 for c in children)
            ):  # fmt: skip
                self._group(k, children)
                drop.add(k)
            elif not any(details[1:]):
                for c in children:
                    plan.skipped[plan.data_rows[c]] = "part"
                    plan.parts.append(plan.row_numbers[c])
                drop.update(children)
            k = end
        return drop | phase_parts(plan, self.sheet, j, money, drop)  # 一期工程 unnumbered (io/phase_rows.py)

    def _district_subtotals(self) -> set[int]:
        """Data rows whose name is a district other rows are in, with amounts and nothing else (no code,
        enterprise, sector, status or district of their own): a district's subtotal without the word
        小计 (端州区 | 22000 under the projects), never a project of that name."""
        plan = self.plan
        drop = {self.title_above} if self.title_above is not None else set()
        for k in drop:
            plan.skipped[plan.data_rows[k]] = "title"
        names, districts = plan.values.get("name"), plan.values.get("district")
        if names is None:
            return drop
        seen = {d for d in districts if d is not None} if districts is not None else set()
        money = [col for f, col in plan.values.items() if f in plan.factors]
        said = [plan.values[f] for f in _DETAILS if f in plan.values]
        totals = set()
        for k, name in enumerate(names):
            if name in seen and not any(col[k] is not None for col in said) and any(c[k] for c in money):
                plan.skipped[plan.data_rows[k]] = "total"
                plan.totals += 1
                totals.add(k)
        return drop | totals | self._place_subtotals(names, totals) | package_rows(plan, self.layout)

    def _place_subtotals(self, names: list, totals: set[int]) -> set[int]:
        """A row naming a place alone (端州区, 怀集县; in its name or 序号 cell) with amounts and nothing
        else is that district's subtotal when its figures add up the rows under it, to the next such
        row (a group: its district the rows') — or those above it, since the last. Figures that add up
        neither way: the row's problem, never a project named 端州区. ``totals``: the subtotals found
        by the district column, bounds of the others' rows."""
        plan = self.plan
        money = [col for f, col in plan.values.items() if f in plan.factors]
        said = [plan.values[f] for f in _DETAILS if f in plan.values and f != "district"]
        districts = plan.values.get("district") or [None] * len(names)
        labels: dict[int, str] = {}  # of the rows that name a place alone (in the district column too)
        for k, name in enumerate(names):  # (a 100,000-row list: the last character first)
            label = name if name.__class__ is str else self._lone_text(k) if name is None else None
            if (
                label
                and gp.place_label(label)  # (端州区; 肇庆高新区（大旺）: io/group_places.py)
                and districts[k] in (None, label)
                and not any(col[k] is not None for col in said)
                and any(c[k] for c in money)
            ):
                labels[k] = label
        by_district = DistrictSums(money, districts, {*labels, *totals})
        drop: set[int] = set()
        after: list = []
        summed: list = []
        places = sorted({*labels, *totals})  # the subtotals of rows whose district is said: bounds too
        sections = gp.section_bounds(plan) if labels else []  # (四会市（1个）, a section row: a bound too)
        spans: dict[int, tuple[range, range]] = {}  # each place row's rows under it and above it
        for i, k in enumerate(places):
            if k in totals:
                continue
            below = range(k + 1, places[i + 1] if i + 1 < len(places) else len(names))
            above = range(places[i - 1] + 1 if i else 0, k)
            if sections and not _adds_up(money, k, below):  # its rows up to a section row (四会市（1个）)?
                below = gp.below_until_section(plan, sections, k, below.stop)
            if sections and not _adds_up(money, k, above):
                above = gp.above_since_section(plan, sections, above.start, k)
            spans[k] = (below, above)
        fits = {k: (_adds_up(money, k, below), _adds_up(money, k, above)) for k, (below, above) in spans.items()}
        side = sheet_side(fits)  # subtotals over their rows or after them: as the rows that fit one way say
        for k, (below, above) in spans.items():
            way = side_of(fits[k], side)
            if way == BELOW:
                self._group(k, below, labels[k])
            elif way == ABOVE:
                plan.skipped[plan.data_rows[k]] = "total"
                plan.totals += 1
                if self.contexts is None:
                    self.contexts = [None] * len(plan)
                for c in above:
                    self.contexts[c] = (*(self.contexts[c] or ()), ("district", labels[k]))
                after.append(labels[k])
            elif way is None and by_district.adds_up(k, labels[k]):  # 合计, then 端州区 | 端州区 | its sums
                plan.skipped[plan.data_rows[k]] = "total"
                plan.totals += 1
                summed.append(labels[k])
            else:
                self._ask_place(k, labels[k], (below, above) if way else None)
                continue
            drop.add(k)
        if after:
            plan.notes.append(Problem("note_place_totals", None, {"sheet": self.sheet.name, "names": "、".join(after)}))
        if summed:
            plan.notes.append(
                Problem("note_district_sums", None, {"sheet": self.sheet.name, "names": "、".join(summed)})
            )
        return drop

    def _ask_place(self, k: int, label: str, both: tuple[range, range] | None) -> None:
        """Row ``k`` naming a place alone is a question: its figures sum neither way, or ``both`` ways."""
        plan = self.plan
        row = self.sheet.rows[plan.data_rows[k]]
        at = next((j for j, v in enumerate(row) if v.__class__ is str and v.strip() == label), None)
        info = self.layout.column(self.sheet.col_offset + at) if at is not None else None
        where = (info.letter, info.header) if info is not None else ("", "")
        code = "place_row_sums" if "district" in plan.values else "place_row"  # (nor the district's)
        params: dict[str, object] = {"value": label}
        if both is not None:
            code = "place_row_both_ways"
            below, above = both
            params |= {"below": runs_text(plan.row_numbers[c] for c in below)}
            params |= {"above": runs_text(plan.row_numbers[c] for c in above)}
        problem = Problem(code, "name", params)
        plan.add_problem(k, CellProblem(self.sheet.name, plan.row_numbers[k], *where, label, problem))

    def _lone_text(self, k: int) -> str | None:
        """The one text of data row ``k`` (端州区 in its 序号 column, the name left blank), if it has one."""
        texts = [v.strip() for v in self.sheet.rows[self.plan.data_rows[k]] if v.__class__ is str and v.strip()]
        return texts[0] if len(texts) == 1 else None

    def _group(self, k: int, children: range, name: str | None = None) -> None:
        """Data row ``k`` is a group over ``children``: its name (or ``name``) is their section."""
        plan = self.plan
        name = name or (plan.values["name"][k] if "name" in plan.values else None)
        text = cells.clean_text(name) if isinstance(name, str) else ""
        plan.skipped[plan.data_rows[k]] = "section2"
        if not text:
            return
        kind, value = self._section_kind(clean_section(text))
        if kind != "group":
            plan.sections.append(text)
        if self.contexts is None:
            self.contexts = [None] * len(plan)
        for c in children:
            self.contexts[c] = (*(self.contexts[c] or ()), (kind, value))

    def _section_kind(self, text: str) -> tuple[str, str]:
        """What a section row names for the rows under it: a level or district, a stage, a
        sector — or nothing (a priority group such as 重点对接 is not a sector)."""
        if is_level(text):
            level = level_of(text)
            return ("district", level) if level else ("group", text)
        status = status_of_section(text)
        if status is not None:
            return "status", status.value
        if is_district(text, self.opts.known_districts) or gp.bracketed_district(text, self.opts.known_districts):
            return "district", text
        if text in self.opts.known_sectors or is_sector_text(text):
            return "sector", text
        self.plan.groups.append(text)
        return "group", text


def _parent_number(v: Any) -> int | None:
    """A 序号 that may have rows numbered under it: a whole number — not ①, a row numbered under one itself
    (str.isdigit() holds for it and ² too, which int() refuses: decimal digits only, ０-９ as well)."""
    if v.__class__ is float:
        return int(v) if v.is_integer() and 0 < v < 10_000 else None
    text = v.strip() if v.__class__ is str else ""
    return int(text) if text.isdecimal() and len(text) <= 4 else None


def _child_number(v: Any, parent: int) -> bool:
    """Whether 序号 ``v`` numbers a row under ``parent``: 1-1, 1.2 (as text, or the number 1.2) — or
    （1）, ① and the rest, which say nothing of their parent."""
    if v.__class__ is float:
        return not v.is_integer() and int(v) == parent
    if v.__class__ is not str:
        return False
    m = _CHILD_NUMBER_RE.match(v)
    if m:
        return int(m[1]) == parent
    return bool(_FIRST_CHILD_RE.match(v))

"""A project package over its sub-projects: "高要区家居产业园项目（含2个子项目）" with 50000, then its two
sub-projects with 30000 and 20000 (序号 blank, "1.家居A子项目"). Stored as three projects the package's
amounts would be counted twice. When its figures are the sum of the rows under it (or it has none), the
sub-projects are imported and the package row is their total, said in a note; when they are not, the
row is asked about — a project of its own, or their total? — never guessed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.errors import CellProblem

if TYPE_CHECKING:
    from zqtracker.io.layout import SheetLayout
    from zqtracker.io.plan import SheetPlan

_PACKAGE_RE = re.compile(
    r"[（(]\s*(?:含|包含|包括|共含|下含|共)\s*(\d{1,2}|[两二三四五六七八九十])\s*个\s*子项目\s*[)）]"
)
_NUMERALS = {w: n for n, w in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
# a sub-project's number in its name cell, the package's list numbering: "1.", "2、", "（1）", "①", "子项目1："
_PART_NUMBER_RE = re.compile(
    r"^\s*(?:\d{1,2}\s*(?:[.．](?!\d)|[、:：)）])|[（(]\s*\d{1,2}\s*[)）]|[①-⑳]|子项目\s*\d{1,2}\s*[:：])\s*"
)


def package_rows(plan: SheetPlan, layout: SheetLayout) -> set[int]:
    """Data rows (indexes into the plan) that are a package's total over its sub-projects, not projects."""
    names = plan.values.get("name")
    if names is None:
        return set()
    money = [col for f, col in plan.values.items() if f in plan.factors]
    drop: set[int] = set()
    for k, name in enumerate(names):
        if name.__class__ is not str or "子项目" not in name or plan.data_rows[k] in plan.skipped:
            continue
        m = _PACKAGE_RE.search(name)
        count = (int(m[1]) if m[1].isdigit() else _NUMERALS[m[1]]) if m else 0
        if not count:
            continue
        parts = range(k + 1, min(k + 1 + count, len(names)))
        given = [col for col in money if col[k]]
        if len(parts) == count and all(col[k] == sum(col[c] or 0 for c in parts) for col in given):
            plan.skipped[plan.data_rows[k]] = "total"  # (said in its own note, not among the 合计 rows)
            drop.add(k)
            for c in parts:  # "1.家居A子项目" is 家居A子项目: the number is the package's, not the name's
                if names[c].__class__ is str and (bare := _PART_NUMBER_RE.sub("", names[c], count=1)).strip():
                    names[c] = bare
            said = {"sheet": layout.sheet, "row": plan.row_numbers[k], "name": name.strip(), "count": count}
            plan.notes.append(Problem("note_package_total", None, said))
            continue
        info = next((c for c in layout.mapped() if c.field == "name"), None)
        where = (info.letter, info.header) if info is not None else ("", "")
        problem = Problem("package_row", "name", {"value": name.strip(), "count": count})
        plan.add_problem(k, CellProblem(layout.sheet, plan.row_numbers[k], *where, name.strip(), problem))
    return drop

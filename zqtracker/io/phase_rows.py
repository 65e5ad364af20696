"""A project's phases written under it without a 序号 (probe34a F6), for io/plan_groups.py:

    序号 | 项目名称           | 总投资（万元） | 1-10月完成投资（万元）
    1    | 端州宏达新材料项目 | 10000          | 2000
         | 一期工程           | 6000           | 1500     ← parts of the project above: 6000 + 4000 = 10000
         | 二期工程           | 4000           | 500
    2    | 鼎湖光伏项目       | 5000           | 1000

Where the projects are numbered, unnumbered rows right under a numbered row that are named as its parts (a bare
phase 一期 / 二期工程 / （三期）, 其中：…, a cost component 土建工程 / 设备购置 / 其他费用 (io/cost_parts.py), or the
project's own name and more: 端州宏达新材料项目一期) and whose figures
add up to the row's are its breakdown: skipped with one note naming them, never stored as projects beside it
(the planned investment would be counted twice). Named as parts but adding up to something else: asked on the
project's row (a figure missing, or projects of their own?) — the rows are not stored as projects meanwhile.
Phases numbered 1-1 / （1） under the project are io/plan_groups.py's; a 其中 row with a 序号 column, io/plan.py's.

In a list without a 序号 column, a row named as a part alone (一期工程, 土建工程, 设备购置 — never a project's own
name) is one of the row above it, the same way. A row named so with figures but no project above it to belong
to (the first row, or under a section) is asked about, never stored as a project named 设备购置.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io import values as cells
from zqtracker.io.cost_parts import named_as_cost_part
from zqtracker.io.errors import CellProblem
from zqtracker.io.row_ranges import runs_text

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet

# (folded) a phase alone: 一期, 一期工程, 第二期, (三期), 第一阶段, 二期项目; or a breakdown's 其中…
_PART_RE = re.compile(r"^(?:\(?第?[一二三四五六七八九十\d]{1,2}(?:期|阶段)(?:工程|项目)?\)?|其中.*)$")
_SHOWN = 4  # names a note shows at most


def _named_as_part(name: object, project: object) -> bool:
    """一期工程, 其中：设备购置, 土建工程 (io/cost_parts.py), 端州宏达新材料项目（二期） under 端州宏达新材料项目."""
    if not isinstance(name, str) or not name.strip():
        return False
    text = cells.fold(name)
    if _PART_RE.match(text) or named_as_cost_part(text):
        return True
    own = cells.fold(project) if isinstance(project, str) else ""
    return len(own) >= 2 and len(text) > len(own) and text.startswith(own)


_HINT_RE = re.compile(r"期|阶段|其中|工程|购置|费|利息|资金|拆迁|征用|征地")  # before folding: most names skip it


def _bare_part(name: object) -> bool:
    """Named as a part and nothing else: 一期工程, （二期）, 其中：…, 土建工程, 设备购置费 (not …项目一期)."""
    if not isinstance(name, str) or len(name) > 20 or not _HINT_RE.search(name):
        return False
    text = cells.fold(name)
    return _PART_RE.match(text) is not None or named_as_cost_part(text)


def _figure(value: object) -> Decimal | None:
    return Decimal(repr(value)) if value.__class__ in (int, float) else None


def phase_parts(plan: SheetPlan, sheet: RawSheet, number_col: int | None, money: list[int], done: set[int]) -> set[int]:
    """The data rows (plan indexes) that are phases of the numbered row above them (or, without a 序号
    column, of the row above them), marked "part" (a note names them), or asked about on that row;
    ``money``: the money columns (indexes of the sheet's rows), ``done``: rows already taken for groups
    or parts."""
    names = plan.values.get("name")
    if names is None:
        return set()
    rows, data = sheet.rows, plan.data_rows

    drop: set[int] = set()
    shown: dict[str, None] = {}
    said_rows: list[int] = []
    n = len(data)
    empty = cells.is_empty  # one pass; a list numbered throughout (100k rows) stops at the loop below
    if number_col is None:  # no 序号 at all: a row heads the rows under it unless it is named as a part alone
        flags = [not _bare_part(name) for name in map(names.__getitem__, range(n))]
    else:
        flags = [number_col < len(row) and not empty(row[number_col]) for row in map(rows.__getitem__, data)]
    for k in [k for k in range(n - 1) if flags[k] and not flags[k + 1]]:
        if k in done or k in drop:
            continue
        end = k + 1
        while (
            end < n
            and end not in done
            and data[end] == data[end - 1] + 1  # (right under it: nothing between)
            and not flags[end]
            and (number_col is None or _named_as_part(names[end], names[k]))
        ):
            end += 1
        parts = range(k + 1, end)
        if not any(_figure(rows[data[c]][j]) for c in parts for j in money if j < len(rows[data[c]])):
            continue  # (a name alone: wrapped onto a row of its own, io/plan_finish.py's question)
        drop.update(parts)
        for c in parts:
            plan.skipped[data[c]] = "part"
        if _adds_up(rows, data[k], [data[c] for c in parts], money):
            shown.update((str(names[c]).strip(), None) for c in parts)
            said_rows += (plan.row_numbers[c] for c in parts)
            continue
        params = {"value": str(names[k]).strip(), "rows": runs_text(plan.row_numbers[c] for c in parts)}
        params["names"] = "、".join(dict.fromkeys(str(names[c]).strip() for c in parts))
        where = next(((c.letter, c.header) for c in plan.layout.mapped() if c.field == "name"), ("", ""))
        problem = Problem("phase_rows_sums", "name", params)
        plan.add_problem(k, CellProblem(sheet.name, plan.row_numbers[k], *where, params["value"], problem))
    _lone_parts(plan, sheet, flags, money, done | drop)
    if shown:
        said = list(shown)
        note: dict[str, object] = {"sheet": sheet.name, "rows": runs_text(said_rows), "count": len(said_rows)}
        note["names"] = "、".join(said[:_SHOWN]) + ("…" if len(said) > _SHOWN else "")
        plan.notes.append(Problem("note_phase_rows", None, note))
    return drop


def _lone_parts(plan: SheetPlan, sheet: RawSheet, heads: list[bool], money: list[int], taken: set[int]) -> None:
    """Rows named as a part alone (设备购置, 一期工程), with a figure, that no project row above takes: asked on
    the row — stored, they would be projects named 设备购置 counted beside the project they belong to."""
    names, rows, data = plan.values["name"], sheet.rows, plan.data_rows
    where = next(((c.letter, c.header) for c in plan.layout.mapped() if c.field == "name"), ("", ""))
    for k in [k for k, head in enumerate(heads) if not head]:  # (unnumbered rows, or those named as parts)
        if k in taken or not _bare_part(names[k]):
            continue
        row = rows[data[k]]
        if not any(_figure(row[j]) for j in money if j < len(row)):
            continue  # (a name alone: wrapped onto a row of its own, io/plan_finish.py's question)
        value = str(names[k]).strip()
        problem = Problem("part_without_project", "name", {"value": value})
        plan.add_problem(k, CellProblem(sheet.name, plan.row_numbers[k], *where, value, problem))


def _adds_up(rows: list[list], parent: int, parts: list[int], money: list[int]) -> bool:
    """Every figure the parent row gives is the sum of its parts' (at least one figure, one part giving one)."""
    given = [(j, v) for j in money if j < len(rows[parent]) and (v := _figure(rows[parent][j]))]
    if not given:
        return False
    sums = {j: sum((_figure(rows[i][j]) or Decimal(0) for i in parts if j < len(rows[i])), Decimal(0)) for j in money}
    return any(sums.values()) and all(sums[j] == v for j, v in given)

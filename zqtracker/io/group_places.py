"""Districts named by group rows and summary rows (probe33c F3–F5).

- A group row naming its district with a remark or old name in brackets — 肇庆高新区（大旺）（2个）,
  大旺（肇庆高新区）, 高要区（含金利镇）, 肇庆高新区（原大旺） — or by the old name alone (大旺) names that district:
  its text is the rows' district as written, read like a district cell (services/import_district_words.py).
- A district row over its rows (肇庆高新区 | its sums) sums the rows up to the next section row, not past it
  into the next district's (四会市（1个）, skipped as a section, is no data row to stop at).
- Rows under a group row naming neither a district nor a sector (其他（2个）), where the other group rows name
  districts, end up with no district: said, naming the group and its rows — never only "skipped".
- A sheet headed 项目名称 whose every named row is a district (四会市, 广宁县, then 合计) is a summary by
  district (io/summary_table.py), not a list of projects named 四会市.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.context import is_level, zone_of_old_name
from zqtracker.io.group_counts import count_notes
from zqtracker.io.plan_finish import apply_contexts
from zqtracker.io.row_ranges import runs_text
from zqtracker.io.values import clean_text

if TYPE_CHECKING:
    from zqtracker.io.layout import SheetLayout
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet

_PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{1,6}[区县市]$")  # 端州区, 怀集县, 四会市
# ...but a park, resort or scenic area named with more words is a project's name: 金利工业园区, 鼎湖温泉度假区
_PARK_RE = re.compile(r"..(?:园区|度假区|景区|风景区|保税区|示范区|集聚区|片区|小区|厂区|校区|社区|工业区|产业区)$")
# a phase in brackets is part of a project's name, never a remark on a district: 金利工业园区（一期）
_PHASE_RE = re.compile(r"^第?[一二三四五六七八九十\d]{1,2}\s*(?:期|阶段)\s*(?:工程|项目)?$")
_BRACKETED_RE = re.compile(r"^\s*([^()（）]+?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$")
_LIST_RE = re.compile(r"[、/／，,;；+＋]")  # 肇庆新区（端州、鼎湖）: a list of districts, not one
_SHOWN = 4  # district groups a note names at most


def _district_name(text: str) -> bool:
    """端州区, 怀集县, 四会市 — not 金利工业园区 or 鼎湖温泉度假区 (a park's, a resort's name)."""
    return _PLACE_RE.match(text) is not None and _PARK_RE.search(text) is None


def _place(text: str, known: frozenset[str]) -> bool:
    return text in known or _district_name(text) or zone_of_old_name(text) is not None


def bracketed_district(text: str, known: frozenset[str] = frozenset()) -> bool:
    """肇庆高新区（大旺）, 大旺（肇庆高新区）, 高要区（含金利镇）, 大旺: a district (or a zone's old name) with a
    remark or its other name in brackets after it (no list, no phase), or the old name of a zone alone.
    Not 农村生活污水治理工程（四会市）: the district only in the brackets names a project's place (probe34a F3);
    not 金利工业园区（一期）: a park's phase (F4)."""
    text = clean_text(text)
    if zone_of_old_name(text) is not None and len(text) <= 8:
        return True
    m = _BRACKETED_RE.match(text)
    return m is not None and not _LIST_RE.search(text) and _place(m[1], known) and _PHASE_RE.match(m[2]) is None


def place_label(label: str) -> bool:
    """A name or 序号 cell naming a place alone (端州区, 肇庆高新区（大旺）, 大旺): a district's row of sums."""
    last = label[-1]
    if last in "区县市":
        return _district_name(label)
    return (last in ")）" or len(label) <= 6) and bracketed_district(label)


def names_place(value: object) -> bool:
    """A summary's row label that is a district (四会市, 肇庆高新区（大旺）, 市直), not a project."""
    if not isinstance(value, str) or not value.strip():
        return False
    text = clean_text(value)
    return _district_name(text) or is_level(text) or bracketed_district(text)


def section_bounds(plan: SheetPlan) -> list[int]:
    """The sheet rows (RawSheet.rows indices) of the section rows between data rows, sorted."""
    data = set(plan.data_rows)  # (a numbered group row is a data row marked section2: not a bound)
    return sorted(i for i, kind in plan.skipped.items() if kind.startswith("section") and i not in data)


def below_until_section(plan: SheetPlan, sections: list[int], k: int, end: int) -> range:
    """Data rows ``k``+1 … ``end``-1, cut at the first section row after row ``k``."""
    rows = plan.data_rows
    at = bisect_right(sections, rows[k])
    if at < len(sections):
        end = min(end, bisect_left(rows, sections[at], k + 1))
    return range(k + 1, end)


def above_since_section(plan: SheetPlan, sections: list[int], start: int, k: int) -> range:
    """Data rows ``start`` … ``k``-1, from the last section row before row ``k``."""
    rows = plan.data_rows
    at = bisect_left(sections, rows[k])
    if at:
        start = max(start, bisect_right(rows, sections[at - 1], 0, k))
    return range(start, k)


def apply_group_contexts(plan: SheetPlan, contexts: list | None, layout: SheetLayout, raw: RawSheet) -> None:
    """Sections fill in the rows (plan_finish.apply_contexts); then the rows left without a district under
    a group row naming none, where other group rows gave theirs, are said (note_group_no_district), and a
    district group row's count other than its rows (io/group_counts.py)."""
    apply_contexts(plan, contexts, layout)
    count_notes(plan, contexts, raw)
    sheet = raw.name
    districts = plan.values.get("district")
    if contexts is None or districts is None:
        return
    placed: dict[str, None] = {}
    lost: dict[str, list[int]] = {}
    for k, ctx in enumerate(contexts):
        said = [s for s in ctx or () if s]
        placed.update((v, None) for kind, v in said if kind == "district")
        groups = [v for kind, v in said if kind == "group"]
        if groups and districts[k] is None:
            lost.setdefault(groups[-1], []).append(plan.row_numbers[k])
    if not placed or not lost:
        return
    plan.groups[:] = [g for g in plan.groups if g not in lost]  # said here, not as "skipped" as well
    shown = "、".join(list(placed)[:_SHOWN]) + ("…" if len(placed) > _SHOWN else "")
    rows = runs_text(r for group in lost.values() for r in group)
    params = {"sheet": sheet, "names": "、".join(lost), "rows": rows, "districts": shown}
    plan.notes.append(Problem("note_group_no_district", None, params))

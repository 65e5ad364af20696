"""A summary table whose category column is headed 项目名称 or 项目: its rows are classes of projects
(先进制造业, 亿元以上项目, 签约项目, 端州区重点项目, "3个", 5 — io/categories.py; or every one a district,
四会市 | 广宁县 — io/group_places.py), or a project-count
column beside the names counts several projects a row (项目个数 3, 5, 8). Read as a list, each class
would be stored as a project with the group's sums; the sheet is not a list, said in one sentence
naming the column and a couple of its values (the counting tables without a name column are
already not lists: field_choice.sheet_kind).
"""

from __future__ import annotations

from zqtracker.io.categories import is_category
from zqtracker.io.group_places import names_place
from zqtracker.io.headers import IGNORED_PREFIX, ROW_NUMBER
from zqtracker.io.layout_model import SheetLayout
from zqtracker.io.reader import RawSheet
from zqtracker.io.rows import classify
from zqtracker.io.values import display, is_empty

_MOST = 0.8  # of the named rows: "nearly all" are classes or counted groups
# columns a district's summary row leaves blank: a district-named row with one of them filled is a project
_PROJECT_MARKS = ("enterprise", "status", "signed_on", "construction_start_on", "production_on", "officer",
                  "contact", "credit_code", "project_type", "construction_period")  # fmt: skip
_LONGEST = 200  # named rows: a table longer than this is a list, whatever its first rows say


def summary_of(
    layout: SheetLayout, sheet: RawSheet, known_sectors: frozenset[str] = frozenset()
) -> tuple[str, str, str] | None:
    """(column letter, header, a few of its values) when the sheet is a summary table, else None."""
    name = next((c for c in layout.mapped() if c.field == "name"), None)
    if name is None:
        return None
    off = sheet.col_offset
    code = next((c.index - off for c in layout.mapped() if c.field == "code"), None)
    number = next((c.index - off for c in layout.columns if c.field == ROW_NUMBER), None)
    counts = [c.index - off for c in layout.columns if c.field == IGNORED_PREFIX + "count"]
    marks = [c.index - off for c in layout.mapped() if c.field in _PROJECT_MARKS]
    j = name.index - off
    named = classes = places = 0
    shown: list[str] = []
    start = max(layout.data_start + len(layout.example_rows) - sheet.row_offset, 0)
    for row in sheet.rows[start:]:
        if j >= len(row) or is_empty(row[j]):
            continue
        what = classify(row, j, code, number, {})
        if what is not None:
            if what[0] == "note":
                break
            continue
        named += 1
        if named > _LONGEST:
            return None
        if code is not None and code < len(row) and not is_empty(row[code]):
            continue  # a row with a code of its own is a project
        if is_category(row[j], known_sectors) or any(_several(row[c]) for c in counts if c < len(row)):
            classes += 1
        elif names_place(row[j]) and not any(c < len(row) and not is_empty(row[c]) for c in marks):
            # 四会市 | its sums: a summary by district when every row is one (not 四会市 | 四会水务公司: probe34a F3)
            places += 1
        else:
            continue
        text = display(row[j]).strip()
        if len(shown) < 3 and text not in shown:
            shown.append(text)
    if named < 2 or (classes < named * _MOST and classes + places < named):
        return None
    return name.letter, name.header, "、".join(shown) + ("…" if classes + places > len(shown) else "")


def _several(value: object) -> bool:
    """A project count above one (项目个数 3): the row is a group of projects."""
    if value.__class__ in (int, float):
        return value >= 2
    text = value.strip().rstrip("个项") if isinstance(value, str) else ""
    return text.isdigit() and int(text) >= 2

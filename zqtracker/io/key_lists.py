"""Which of a sheet's projects are key projects: the ★ ● ■ ▲ a district puts beside a name, a code or a row
number, and the list's own title.

Provincial and city key-project lists say it once, above the table: "2026年肇庆市重点建设项目计划表",
"市重点项目建设进度表", "怀集县重大项目投资计划表" — no 是否重点 column, no marks, every project of the list a key
project. Read without its title, such a list left all of them plain projects, and the monthly report (key
projects by default) said there were none (probe36a). So a list whose title rows or sheet name — else its
file's name — call it a list of 重点项目 / 重点建设项目 / 重大项目 marks its projects as key, new and stored
alike, in one note naming the title; a sheet with its own 是否重点 column says it project by project instead.
A title of the other projects ("重点项目以外", "非重点项目", "一般项目") or of a list that only holds some
("含重点项目") marks none, and a plain 招商引资项目清单 stays as it was.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.layout_model import PROJECTS

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

# Key-project marks districts put before or after a name, a code or a row number ("★恒通光伏", "1●").
MARKS = "★☆■□●○▲△◆◇※＊*"
_MARKS_RE = re.compile(f"^[{re.escape(MARKS)}\\s]+|[{re.escape(MARKS)}\\s]+$")
# 重点项目, 重点建设项目, 重大项目, 重大产业项目 (省/市/县 before them or not)
_KEY_LIST_RE = re.compile(r"(?:重点|重大)(?:建设|产业|工业|工程|续建|新开工|在建|前期|竣工)?项目")
# the other projects, or a list holding some key projects among others
_NOT_KEY_RE = re.compile(
    r"非(?:重点|重大)|(?:重点|重大)\w{0,4}?项目(?:以外|之外|外)|除\w{0,8}(?:重点|重大)"
    r"|(?:含|包括|其中)(?:省|市|县|区)?(?:重点|重大)|一般项目|其他项目|其它项目"
)


def mark_key_projects(plan: SheetPlan, rows: list[list], number_col: int | None) -> None:
    """★ ■ ● ▲ before or after a name, a code or a row number: a key project; the mark goes."""
    marked: set[int] = set()
    for f in ("name", "code"):
        col = plan.values.get(f)
        if not col:
            continue
        joined = "\x00".join(v for v in col if v)
        if not any(mark in joined for mark in MARKS):  # one scan of the column, not a regex per cell
            continue
        for k, v in enumerate(col):
            if v and _MARKS_RE.search(v):
                stripped = _MARKS_RE.sub("", v)
                if stripped:
                    col[k] = stripped
                    marked.add(k)
    j = number_col
    if j is not None:
        for k, i in enumerate(plan.data_rows):
            row = rows[i]
            v = row[j] if j < len(row) else ""
            if v.__class__ is str and _MARKS_RE.search(v):
                marked.add(k)
    if not marked:
        return
    plan.marked = len(marked)
    flags = plan.values.get("is_key_project")
    if flags is None:
        flags = plan.values["is_key_project"] = [None] * len(plan)
    for k in marked:
        if flags[k] is None:
            flags[k] = True


def _folded(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def key_list_source(titles: list[str], sheet_name: str, file: str) -> tuple[str, str] | None:
    """("title", the title) or ("sheet", its name) when the sheet calls itself a list of key projects, else
    ("file", the file's name) when that does and the sheet says nothing against it; None otherwise."""
    own = [*(("title", t) for t in titles), ("sheet", sheet_name)]
    if any(_NOT_KEY_RE.search(_folded(text)) for _source, text in own):
        return None
    found = next(((source, text) for source, text in own if _KEY_LIST_RE.search(_folded(text))), None)
    if found is not None:
        return found
    named = _folded(file)
    return ("file", file) if file and _KEY_LIST_RE.search(named) and not _NOT_KEY_RE.search(named) else None


def key_list(plan: SheetPlan, titled: bool = True) -> SheetPlan:
    """A list of key projects by its title (layout.key_from): every project of it key, said in one note —
    unless a column of the sheet says which are (its 是否重点 rules), or the title is not the list's own
    (``titled`` False: a round's workbook, titled 项目建设进展情况表 — before fix36 重点… — by zqtracker over all of a
    district's)."""
    layout = plan.layout
    if (
        not titled
        or layout.key_from is None
        or layout.kind != PROJECTS
        or "is_key_project" in layout.fields()
        or not len(plan)
    ):
        return plan
    flags = plan.values.setdefault("is_key_project", [None] * len(plan))
    flags[:] = [True if flag is None else flag for flag in flags]
    source, text = layout.key_from
    params = {"sheet": layout.sheet, "text": text, "count": len(plan)}
    plan.notes.append(Problem(f"note_key_list_{source}", None, params))
    return plan

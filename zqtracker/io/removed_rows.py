"""Rows a list keeps but marks as off it: 备注 “已删除”, “取消”, “该项目已调出，不再纳入统计”.

Districts do not delete a row a leader has seen: they strike it through or grey it and write why in 备注.
Such a row is not a live project of the list. It is left out of the import, said in one note naming the
rows, the projects and the words; a project stored before stays as it is (cancelling or deleting it is
the analyst's step, in zqtracker). Only a remark that is the mark and nothing more counts: a sentence
("二期取消，一期在建", "原取消项目重新启动") says something else. A status column's 取消 / 终止 is the
Cancelled status, read as ever.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.row_ranges import runs_text

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

_MARK = r"(?:删除|删去|取消|撤销|撤消|剔除|调出|移出)"
_OFF_LIST = r"(?:不再|不)(?:纳入|列入|统计)(?:统计|本表|清单|范围)?"
_REMOVED_RE = re.compile(
    rf"^(?:该?项目)?(?:已经?|已)?{_MARK}(?:该?项目)?(?:[,;]?{_OFF_LIST})?$|^(?:该?项目)?(?:已经?)?{_OFF_LIST}$"
    rf"|^(?:该?项目)?已经?{_MARK}[,;]?{_OFF_LIST}$"
)
_SHOWN = 8  # projects named in the note


def removal_word(text: object) -> str | None:
    """The remark itself when it marks the row as off the list, else None."""
    if not isinstance(text, str):
        return None
    plain = re.sub(r"[\s。.!！]", "", unicodedata.normalize("NFKC", text)).replace("，", ",").replace("；", ";")
    return text.strip() if 2 <= len(plain) <= 24 and _REMOVED_RE.match(plain) else None


def removed_rows(plan: SheetPlan, sheet: str) -> set[int]:
    """The data rows whose 备注 or progress remark marks them off the list, and one note about them."""
    found: dict[int, str] = {}
    for f in ("notes", "progress_note"):
        for k, text in enumerate(plan.values.get(f) or ()):
            word = removal_word(text)
            if word is not None:
                found.setdefault(k, word)
    if not found:
        return set()
    names = plan.values.get("name") or [None] * len(plan)
    listed = [f"{names[k] or '—'}（{w}）" for k, w in sorted(found.items())]
    shown = "、".join(listed[:_SHOWN]) + ("…" if len(listed) > _SHOWN else "")
    rows = runs_text(plan.row_numbers[k] for k in found)
    plan.notes.append(Problem("note_rows_removed", None, {"sheet": sheet, "count": len(found), "rows": rows,
                                                           "projects": shown}))  # fmt: skip
    return set(found)

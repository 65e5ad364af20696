"""An enterprise written with another legal form on import: the stored one, when nothing tells them apart.

A district's list wrote 肇庆市甲新材料有限公司 for the stored 肇庆市甲新材料有限责任公司 (probe33a F5): the
import created a second enterprise, moved the project to it, and the project lost its credit code (exit 0).
Names that differ only in the legal form at their end (有限公司, 有限责任公司, 股份有限公司, 股份公司), width, spaces
and dots are now one enterprise — the stored name and its code kept, said in a note — unless the row's own
credit code differs from the stored one (two enterprises). When two stored enterprises fold to the row's
name, the row is asked, naming both: never a guess. Runs after import_credit.match_codes (a row whose code
names a stored enterprise is that one already) and before the rows are matched to projects.
"""

from __future__ import annotations

import re

from zqtracker.domain.errors import Problem
from zqtracker.io.layout import PROJECTS
from zqtracker.io.row_ranges import runs_text
from zqtracker.services.import_model import SheetAnalysis, add_problem
from zqtracker.services.import_views import enterprise_key
from zqtracker.storage.database import Database
from zqtracker.storage.references import ReferenceRepository

_FORM_RE = re.compile(r"(?:股份有限公司|股份公司|有限责任公司|有限公司)$")


def form_key(name: str) -> str:
    """An enterprise as its legal forms are compared: enterprise_key with one form for the four."""
    return _FORM_RE.sub("有限公司", enterprise_key(name))


def form_keys(names: list[str]) -> list[str]:
    """form_key of each name, the names folded at once (100k distinct names: a third of the time)."""
    keys = enterprise_key("\x00".join(names)).split("\x00")
    if len(keys) != len(names):  # (a NUL in a name)
        return [form_key(n) for n in names]
    return [_FORM_RE.sub("有限公司", k) for k in keys]


def with_enterprises(sheets: list[SheetAnalysis]) -> list[SheetAnalysis]:
    """The chosen project lists whose rows name an enterprise."""
    return [
        sa
        for sa in sheets
        if sa.selected
        and sa.plan is not None
        and sa.layout.kind == PROJECTS
        and any(sa.plan.values.get("enterprise") or ())
    ]


def read_forms(
    db: Database, sheets: list[SheetAnalysis], code_of: dict[str, str | None] | None = None
) -> list[Problem]:
    """Each row's enterprise that is a stored one written with another legal form, read as the stored one
    (its name written over the row's); asked where two stored enterprises fold to it. The notes to say.
    ``code_of``: the stored enterprises' codes by name, when the caller has read them already."""
    chosen = with_enterprises(sheets)
    if not chosen:
        return []
    if code_of is None:
        with db.snapshot() as s:
            code_of = {name: code for _eid, name, code in ReferenceRepository(s).enterprise_codes()}
    written = {v for sa in chosen for v in sa.plan.values["enterprise"] if isinstance(v, str) and v}  # type: ignore[union-attr]
    unknown = written - code_of.keys()
    if not unknown or not code_of:  # (the common case: every enterprise written as stored)
        return []
    alike = {enterprise_key(n) for n in code_of}  # read as stored by import_views.references_in_simplified
    by_form: dict[str, list[str]] = {}
    for name in code_of:
        by_form.setdefault(form_key(name), []).append(name)
    folded = {w: by_form.get(form_key(w), []) for w in unknown if enterprise_key(w) not in alike}
    notes: list[Problem] = []
    for sa in chosen:
        plan = sa.plan
        assert plan is not None
        names, codes = plan.values["enterprise"], plan.column("credit_code")
        read: dict[tuple[str, str], list[int]] = {}
        for k, name in enumerate(names):
            stored = folded.get(name) if isinstance(name, str) else None
            if not stored:
                continue
            if len(stored) > 1:
                shown = "、".join(f"“{n}”" for n in sorted(stored))
                add_problem(
                    plan,
                    k,
                    sa,
                    "enterprise",
                    name,
                    Problem("enterprise_forms_several", "enterprise", {"value": name, "names": shown}),
                )
                continue
            (one,) = stored
            if codes[k] and code_of[one] and codes[k] != code_of[one]:
                continue  # the row's own code says another enterprise
            names[k] = one
            read.setdefault((name, one), []).append(plan.row_numbers[k])
        for (name, one), rows in read.items():
            said = {
                "sheet": sa.name,
                "rows": runs_text(rows),
                "written": name,
                "stored": one,
                "code": code_of[one] or "—",
            }
            notes.append(Problem("note_enterprise_form", None, said))
    return notes

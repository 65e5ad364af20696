"""An enterprise's unified social credit code (统一社会信用代码) on import.

A district's list may give each row's enterprise its 18-character code beside its name (io/cell_convert.py
refuses an invalid one on its row). The code says which enterprise a row means better than its name does:

- a code stored for an enterprise of another name (肇庆市甲科技有限公司 written, 甲科技有限公司 stored with that
  code) is that enterprise, said in a note — unless the row's name is another stored enterprise: asked;
- a stored enterprise of the row's name with another code: asked (both codes named);
- one code under two names, or one name with two codes, in the file: asked;
- otherwise the code goes to the row's new enterprise, or to the stored one of its name that has none (a
  change of the row, listed in the dry run and the preview; an undo takes it away again).

:func:`match_codes` runs before the rows are matched to projects (the enterprise tells two projects of one
name apart); :meth:`EnterpriseCodes.settle` after, on the rows that will be written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zqtracker.domain.errors import Problem
from zqtracker.io.layout import PROJECTS
from zqtracker.services.import_enterprise_fold import fold_new_forms
from zqtracker.services.import_enterprise_forms import read_forms
from zqtracker.services.import_model import INVALID, FieldChange, ImportAnalysis, SheetAnalysis, add_problem
from zqtracker.services.import_views import enterprise_key
from zqtracker.storage.database import Database
from zqtracker.storage.references import ReferenceRepository

FIELD = "credit_code"


@dataclass
class EnterpriseCodes:
    """The stored enterprises' codes, and what the file's codes said of its rows."""

    ids: dict[str, int] = field(default_factory=dict)  # stored enterprise name → id
    code_of: dict[str, str | None] = field(default_factory=dict)  # stored enterprise name → its code
    owner: dict[str, str] = field(default_factory=dict)  # stored code → its enterprise's name
    matched: list[tuple[str, int, str, str, str]] = field(default_factory=list)  # sheet, row, written, stored, code
    forms: list[Problem] = field(default_factory=list)  # enterprises read as stored ones of another legal form

    def settle(self, analysis: ImportAnalysis) -> list[Problem]:
        """The codes of the rows written: a new enterprise's (analysis.new_enterprise_codes), a stored one's
        that has none (analysis.codes_given, and a change of the first row giving it); the notes to say."""
        given: dict[str, str] = {}
        for sa in _with_codes(analysis.sheets):
            plan = sa.plan
            assert plan is not None
            names = plan.column("enterprise")
            for k, code in enumerate(plan.values[FIELD]):
                name = names[k]
                if not code or not name or sa.status[k] == INVALID:
                    continue
                if name not in self.ids:
                    analysis.new_enterprise_codes.setdefault(name, code)
                elif self.code_of[name] is None and name not in given:
                    given[name] = code
                    analysis.codes_given.append((self.ids[name], name, code))
                    sa.changes.setdefault(k, []).append(FieldChange(FIELD, None, code))
        return [
            Problem("note_credit_code_match", None, {"sheet": s, "row": r, "written": w, "stored": n, "code": c})
            for s, r, w, n, c in self.matched
        ] + self.forms


def _with_codes(sheets: list[SheetAnalysis]) -> list[SheetAnalysis]:
    return [
        sa
        for sa in sheets
        if sa.selected and sa.plan is not None and sa.layout.kind == PROJECTS and any(sa.plan.values.get(FIELD) or ())
    ]


def match_codes(db: Database, sheets: list[SheetAnalysis]) -> EnterpriseCodes:
    """Each row's code against the stored enterprises and the file's other rows: a row's enterprise read as
    the stored one its code names; a contradiction asked on its row (CellProblem: row, column, both sides).
    Before: new enterprises differing only in legal form one (import_enterprise_fold); after: an enterprise
    written with another legal form read as the stored one (import_enterprise_forms)."""
    folded = fold_new_forms(db, sheets)  # one new enterprise under two legal forms in the file: one
    out = _match_codes(db, sheets)
    out.forms = read_forms(db, sheets, out.code_of if out.ids else None) + folded
    return out


def _match_codes(db: Database, sheets: list[SheetAnalysis]) -> EnterpriseCodes:
    out = EnterpriseCodes()
    chosen = _with_codes(sheets)
    if not chosen:
        return out
    with db.snapshot() as s:
        for eid, name, code in ReferenceRepository(s).enterprise_codes():
            out.ids[name], out.code_of[name] = eid, code
            if code:
                out.owner[code] = name
    name_of: dict[str, tuple[str, int]] = {}  # code → (the first name the file gives it, row)
    code_by: dict[str, tuple[str, int]] = {}  # enterprise key → (the first code the file gives it, row)
    for sa in chosen:
        plan = sa.plan
        assert plan is not None
        names = plan.values.get("enterprise") or [None] * len(plan)
        alone: list[int] = []  # rows giving a code and no enterprise to give it to
        for k, code in enumerate(plan.values[FIELD]):
            if not code or k in plan.problems:
                continue
            name, row = names[k], plan.row_numbers[k]
            owner = out.owner.get(code)
            if owner is not None and name != owner:
                if name is not None and name in out.ids and enterprise_key(name) != enterprise_key(owner):
                    add_problem(plan, k, sa, FIELD, code, _asked("credit_code_of_another", code, name, owner=owner))
                    continue
                if name is not None and enterprise_key(name) != enterprise_key(owner):
                    out.matched.append((sa.name, row, name, owner, code))
                names[k] = name = owner
                plan.values["enterprise"] = names  # (a sheet without an enterprise column: the code's)
            if name is None:
                alone.append(row)  # a code without an enterprise: nothing to give it to (said below)
                continue
            stored = out.code_of.get(name)
            if stored and stored != code:
                add_problem(plan, k, sa, FIELD, code, _asked("credit_code_stored_other", code, name, stored=stored))
                continue
            first = name_of.setdefault(code, (name, row))
            if enterprise_key(first[0]) != enterprise_key(name):
                said = {"other": first[0], "other_row": first[1]}
                add_problem(plan, k, sa, FIELD, code, _asked("credit_code_two_names", code, name, **said))
                continue
            other = code_by.setdefault(enterprise_key(name), (code, row))
            if other[0] != code:
                said = {"other": other[0], "other_row": other[1]}
                add_problem(plan, k, sa, FIELD, code, _asked("credit_code_two_codes", code, name, **said))
        if alone:
            rows = ", ".join(map(str, alone[:12])) + (" …" if len(alone) > 12 else "")
            plan.notes.append(Problem("note_credit_code_alone", None, {"count": len(alone), "rows": rows}))
    return out


def _asked(what: str, code: str, name: str, **more: object) -> Problem:
    return Problem(what, FIELD, {"value": code, "enterprise": name, **more})

"""New enterprises of one file that differ only in their legal form: one enterprise, not two.

A list wrote 肇庆宏达新材料有限公司 on one row and 肇庆宏达新材料有限责任公司 on another (or 股份有限公司 and
股份公司, （肇庆） and (肇庆) besides), neither stored: the import made two enterprises and split one company's
projects between them (exit 0). Names that fold to one by import_enterprise_forms.form_key are one enterprise
now, under the spelling the file gives first, with the credit code either gives; a note names both spellings
and their rows. Rows giving two different codes are two enterprises (nothing folded); a spelling without a
code beside spellings with different codes is asked, naming them. Names folding to a stored enterprise, or
giving a stored enterprise's code, are left to import_enterprise_forms and import_credit. Runs before
import_credit's own checks, so that one code under both spellings is one enterprise, not a question.
"""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.io.row_ranges import runs_text
from zqtracker.services.import_enterprise_forms import form_keys, with_enterprises
from zqtracker.services.import_model import SheetAnalysis, add_problem
from zqtracker.storage.database import Database
from zqtracker.storage.references import ReferenceRepository


def fold_new_forms(db: Database, sheets: list[SheetAnalysis]) -> list[Problem]:
    """Rename each new spelling to the first of its legal-form fold (in the plans); ask the undecidable
    rows on their row. The notes to say. Reads the stored enterprises only when two spellings fold."""
    chosen = with_enterprises(sheets)
    first: dict[str, tuple[str, int]] = {}  # spelling → (sheet, row) of its first row, in file order
    codes: dict[str, set[str]] = {}  # spelling → the valid codes its rows give
    for sa in chosen:
        plan = sa.plan
        assert plan is not None
        given = plan.column("credit_code")
        for k, name in enumerate(plan.values["enterprise"]):
            if isinstance(name, str) and name:
                first.setdefault(name, (sa.name, plan.row_numbers[k]))
                spelt = codes.setdefault(name, set())
                if given[k] and k not in plan.problems:
                    spelt.add(given[k])
    groups: dict[str, list[str]] = {}
    for name, key in zip(first, form_keys(list(first)), strict=True):
        groups.setdefault(key, []).append(name)
    alike = [spellings for spellings in groups.values() if len(spellings) > 1]
    if not alike:  # (the common case)
        return []
    with db.snapshot() as s:
        stored = ReferenceRepository(s).enterprise_codes()
    taken = set(form_keys([n for _eid, n, _code in stored]))
    owned = {code for _eid, _n, code in stored if code}
    into: dict[str, str] = {}  # spelling → the spelling kept
    asked: dict[str, str] = {}  # spelling → the spellings with codes it could be, as said
    for spellings in alike:
        if form_keys(spellings[:1])[0] in taken or any(codes[n] & owned for n in spellings):
            continue  # a stored enterprise's: import_enterprise_forms and import_credit read those rows
        if len(set().union(*(codes[n] for n in spellings))) <= 1:
            into.update((n, spellings[0]) for n in spellings[1:])
            continue
        by_code: dict[str, str] = {}
        for n in spellings:
            if len(codes[n]) == 1 and (kept := by_code.setdefault(next(iter(codes[n])), n)) != n:
                into[n] = kept
        shown = "、".join(f"“{n}”" for n in by_code.values())
        asked.update((n, shown) for n in spellings if not codes[n])
    notes: list[Problem] = []
    for sa in chosen:
        plan = sa.plan
        assert plan is not None
        names = plan.values["enterprise"]
        read: dict[str, list[int]] = {}
        for k, name in enumerate(names):
            if name in asked:
                said = {"value": name, "names": asked[name]}
                problem = Problem("enterprise_forms_file_several", "enterprise", said)
                add_problem(plan, k, sa, "enterprise", name, problem)
            elif name in into:
                names[k] = into[name]
                read.setdefault(name, []).append(plan.row_numbers[k])
        for name, rows in read.items():
            kept = into[name]
            code = next(iter(set().union(*(codes[n] for n, to in into.items() if to == kept), codes[kept])), "—")
            said = {"sheet": sa.name, "rows": runs_text(rows), "written": name, "kept": kept, "code": code}
            said |= {"kept_sheet": first[kept][0], "kept_row": first[kept][1]}
            notes.append(Problem("note_enterprise_form_file", None, said))
    return notes

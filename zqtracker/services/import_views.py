"""Before matching: rows of one workbook that are one project, and districts written short.

Published key-project lists show one list several ways — by level (分级管理) and by sector (分行业) —
so the same project appears on two sheets, each sheet knowing part of it (its level from one, its
sector from the other). Such rows are one project: the first row carries what both say, the later
row becomes a *view* of it (its monthly figures still count for that project). Two rows that say
different things of one field are a problem of the later row, shown with both values — except in a
workbook with a sheet per month (9月, 10月): what changes from month to month (形象进度, the stage,
remarks) is the latest month's.

A district written without its suffix ("高要" for the known "高要区") is read as the known one.
"""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.domain.models import PROJECT_FIELDS
from zqtracker.io.layout import PROJECTS
from zqtracker.io.plan import SheetPlan
from zqtracker.services.import_matching import district_key, name_key
from zqtracker.services.import_model import SheetAnalysis, add_problem

_MERGED = tuple(f for f in PROJECT_FIELDS if f != "name")  # the name is what matches the rows
_OF_THE_MONTH = frozenset(("progress_note", "status", "notes"))  # what a later month's report may change
_SUFFIXES = ("区", "县", "市", "新区", "镇", "街道", "开发区", "高新区")


def merge_views(sheets: list[SheetAnalysis]) -> int:
    """Mark rows that repeat a project of an earlier sheet as views of it; returns how many."""
    if sum(1 for sa in sheets if sa.selected and sa.plan is not None and sa.layout.kind == PROJECTS) < 2:
        return 0
    first_of: dict[object, tuple[int, int, str | None]] = {}  # key → (sheet index, k, district key)
    by_name: dict[str, list[tuple[int, int, str | None]]] = {}
    views = 0
    for i, sa in enumerate(sheets):
        if not sa.selected or sa.plan is None or sa.layout.kind != PROJECTS:
            continue
        plan = sa.plan
        codes, names, districts = plan.column("code"), plan.column("name"), plan.column("district")
        local: list[tuple[object, int, str | None, str | None]] = []
        for k in range(len(plan)):
            code, name = codes[k], names[k]
            if not name and not code:
                continue
            dk = district_key(districts[k])
            nk = name_key(name) if name else None
            earlier = first_of.get(("code", code)) if code else None
            if earlier is None and nk is not None:
                earlier = next(
                    (e for e in by_name.get(nk, ()) if e[0] != i and (e[2] is None or dk is None or e[2] == dk)), None
                )
            if earlier is not None and earlier[0] != i:
                _merge(sheets, earlier[0], earlier[1], i, k)
                sa.views[k] = (earlier[0], earlier[1])
                views += 1
                continue
            local.append((code, k, nk, dk))
        for code, k, nk, dk in local:
            entry = (i, k, dk)
            if code:
                first_of.setdefault(("code", code), entry)
            if nk is not None:
                by_name.setdefault(nk, []).append(entry)
    return views


def _merge(sheets: list[SheetAnalysis], i0: int, k0: int, i: int, k: int) -> None:
    first, later = sheets[i0], sheets[i]
    p0, p = first.plan, later.plan
    assert p0 is not None and p is not None
    n0 = len(p0)
    months = _month_of(p0), _month_of(p)
    newer = None if months[0] is None or months[1] is None or months[0] == months[1] else months[1] > months[0]
    for f in _MERGED:
        col = p.values.get(f)
        if col is None or col[k] is None:
            continue
        target = p0.values.setdefault(f, [None] * n0)
        if target[k0] is None:
            target[k0] = col[k]
        elif target[k0] != col[k] and newer is not None and f in _OF_THE_MONTH:
            if newer:  # 10月's 形象进度 over 9月's: the latest report says how it stands
                target[k0] = col[k]
        elif target[k0] != col[k]:
            add_problem(
                p,
                k,
                later,
                f,
                col[k],
                Problem(
                    "differs_from_view",
                    f,
                    {"value": col[k], "other": target[k0], "sheet": first.name, "first_row": p0.row_numbers[k0]},
                ),
            )
    if p.status_hint is not None and p.status_hint[k] is not None:
        if p0.status_hint is None:
            p0.status_hint = [None] * n0
        if p0.status_hint[k0] is None:
            p0.status_hint[k0] = p.status_hint[k]
    if p.chain is not None and p.chain[k] is not None:
        if p0.chain is None:
            p0.chain = [None] * n0
        if p0.chain[k0] is None:
            p0.chain[k0] = p.chain[k]


def _month_of(plan: SheetPlan) -> tuple[int, int] | None:
    """The latest (year, month) a sheet reports figures for (its 1–X月 or month columns), if any."""
    found = [(y, m) for _k, y, m, _v in (*plan.ytd, *plan.months) if y is not None]
    return max(found) if found else None


def district_aliases(sheets: list[SheetAnalysis], known: frozenset[str]) -> dict[str, str]:
    """Districts written without their suffix ("高要" → the known "高要区"), read as the known one
    when exactly one known district is that name plus a suffix. The plans are changed in place."""
    aliases: dict[str, str] = {}
    for sa in sheets:
        if not sa.selected or sa.plan is None:
            continue
        col = sa.plan.values.get("district")
        if not col:
            continue
        for d in {v for v in col if v and v not in known}:
            hits = [name for name in known if name.startswith(d) and name[len(d) :] in _SUFFIXES]
            if len(hits) == 1:
                aliases[d] = hits[0]
        if aliases:
            sa.plan.values["district"] = [aliases.get(v, v) if v else v for v in col]
    return aliases

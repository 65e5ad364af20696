"""What an import would do, worked out before anything is written.

Each data row is matched to a project — by code, else by name and district — or is new; a
matched row's values are compared field by field with the stored project (storage/codec.py compares
them as stored, so "12.10亿" against 1,210,000,000 and a date cell against '2023-10-10' compare
exactly); new and changed projects are checked as the domain checks them; monthly amounts are
compared with the stored records. The result is the preview the dialog shows and the CLI's
``--dry-run`` prints, and what import_apply writes.
"""

from __future__ import annotations

from typing import Any

from zqtracker.domain.errors import Problem
from zqtracker.domain.models import PROJECT_FIELDS
from zqtracker.domain.status import Status
from zqtracker.domain.validation import MAX_TEXT
from zqtracker.io.layout import PROJECTS
from zqtracker.io.plan import SheetPlan
from zqtracker.io.reader import RawWorkbook
from zqtracker.services.import_code_change import code_changed
from zqtracker.services.import_contradict import contradicts
from zqtracker.services.import_date_order import CHECKED, PRECISIONS, date_order_problems
from zqtracker.services.import_exact_name import ambiguous, own_key
from zqtracker.services.import_figures import figure_diffs
from zqtracker.services.import_identity import named_twice, one_row_each
from zqtracker.services.import_matching import Match, district_key, name_key
from zqtracker.services.import_model import (
    _DATES,
    _REF_FIELDS,
    EXISTS,
    INVALID,
    NEW,
    REFERENCE_LIMIT,
    SAME,
    UPDATE,
    VIEW,
    Context,
    FieldChange,
    ImportAnalysis,
    NewProject,
    SeenRows,
    SheetAnalysis,
    Update,
    add_problem,
    apart,
    code_question,
    described,
    duplicate_row,
    forward_by_sheet,
    said_new,
)
from zqtracker.services.import_older import older_reports
from zqtracker.services.import_records import analyse_records
from zqtracker.services.import_shifts import ytd_shifts
from zqtracker.services.import_skip import drop_refused
from zqtracker.services.import_stage_behind import find_stages_behind
from zqtracker.services.import_status_evidence import RowEvidence
from zqtracker.services.import_twice import taken_before
from zqtracker.services.import_views import references_in_simplified
from zqtracker.storage.codec import RowCodec, StoredRow


def analyse_sheets(
    book: RawWorkbook, sheets: list[SheetAnalysis], ctx: Context, mode: str, skip_invalid: bool
) -> ImportAnalysis:
    result = ImportAnalysis(book, mode, sheets, context=ctx, skip_invalid=skip_invalid)
    references_in_simplified(sheets, ctx.sectors, ctx.enterprises)
    seen = SeenRows()
    order = sorted(range(len(sheets)), key=lambda i: sheets[i].layout.kind != PROJECTS)
    for i in order:
        sa = sheets[i]
        if not sa.selected or sa.plan is None:
            continue
        result.problems.extend(sa.plan.sheet_problems)
        if sa.layout.kind == PROJECTS:
            _projects(result, i, sa, ctx, seen)
    resolve_views(result)
    one_row_each(result, ctx)  # a --link onto a project another row is: refused, not a false "someone else changed"
    for i in sorted(order, key=lambda i: _through(sheets[i])):  # a sheet per month, the newest first: oldest first
        sa = sheets[i]
        if sa.selected and sa.plan is not None:
            analyse_records(result, i, sa, ctx, seen)
    for sa in result.selected:
        for k, problems in sa.plan.problems.items():  # type: ignore[union-attr]
            result.problems.extend(problems)
            if sa.status and sa.status[k] != INVALID:
                sa.status[k] = INVALID
    names = [s.name for s in sheets]
    result.problems.sort(key=lambda p: (names.index(p.sheet) if p.sheet in names else 0, p.row, p.column))
    result.invalid_rows = sum(s.status.count(INVALID) for s in result.selected)
    if skip_invalid:
        _drop_invalid(result)
    _references(result, ctx)
    result.shifted = ytd_shifts(result, ctx)  # a month corrected under later ones: their 1–X月 move
    return result


def _through(sa: SheetAnalysis) -> tuple[int, int]:
    """The latest (year, month) a sheet's years to date run through ((0, 0): none)."""
    return max(((y, m) for _k, y, m, _v in sa.plan.ytd), default=(0, 0)) if sa.plan is not None else (0, 0)


# -- projects ------------------------------------------------------------------------------------------
_NO_MATCH = Match()


def identity(code: str | None, name: str | None, district: str | None) -> object:
    """What makes two rows of one file the same project: the code, else the folded name in the
    district (a row without a district is compared by name alone; see merge_views) — and the
    enterprise, when two rows give one each (SeenRows.repeated)."""
    return code if code else (name_key(name), district_key(district)) if name else None


def _projects(result: ImportAnalysis, index: int, sa: SheetAnalysis, ctx: Context, seen: SeenRows) -> None:
    plan = sa.plan
    assert plan is not None
    n = len(plan)
    codes, names, districts = plan.column("code"), plan.column("name"), plan.column("district")
    enterprises = plan.column("enterprise")
    sa.status, sa.targets = [NEW] * n, [None] * n
    matched: list[int] = []
    new_ks: list[int] = []
    refused: list[int] = []
    matches = sa.matches
    links = ctx.links
    unmatched = (matches is None or result.mode == "replace") and not links
    views, problems, first_row, row_numbers = sa.views, plan.problems, seen.first_row, plan.row_numbers
    here = sa.name
    for k in range(n):
        if views and k in views:
            sa.status[k] = VIEW
            continue
        if problems and k in problems:
            sa.status[k] = INVALID
            refused.append(k)
            continue
        code = codes[k]
        key = code if code else own_key(ctx.matcher, names[k], districts[k], identity(None, names[k], districts[k]))
        first = first_row.get(key)
        if first is None:
            first_row[key] = (here, row_numbers[k], enterprises[k])
        elif code or (first := seen.repeated(key, (here, row_numbers[k], enterprises[k]))) is not None:
            if not contradicts(result, (sa, k), first, code or names[k], (matched, new_ks)):  # else both refused
                add_problem(plan, k, sa, "code" if code else "name", code or names[k], duplicate_row(sa, k, first))
            sa.status[k] = INVALID
            continue
        if unmatched:  # nothing stored to match (an empty database, mode replace): new, fast
            new_ks.append(k)
            continue
        name = names[k]
        m: Match = matches[k] if matches is not None else _NO_MATCH
        linked = links.get((sa.name, row_numbers[k]), links.get(("", row_numbers[k]))) if links else None
        if linked is not None:
            m = Match(linked) if linked else said_new(ctx, m, code)  # 0: a new project, said (--link ROW=new)
            m.spelled = ctx.matcher.stored_spelling(code, linked) if linked and code and ctx.matcher else None
        elif (m.other_enterprise is not None or m.problem == "ambiguous_project") and enterprises[k]:
            m = apart(result, seen, ctx, m, (name, districts[k], enterprises[k]))  # another enterprise's
        if m.problem == "ambiguous_project":
            add_problem(plan, k, sa, "name", name, ambiguous(ctx, m.candidates, name))
            sa.status[k] = INVALID
            continue
        asked = code_question(ctx, sa, m, code, row_numbers[k], linked)
        if asked is not None:  # asked, and offered in the preview's links
            sa.candidates[k] = m.candidates
            add_problem(plan, k, sa, asked.field or "code", code if asked.field == "code" else name, asked)
            sa.status[k] = INVALID
            continue
        if m.spelled is not None:
            codes[k] = m.spelled  # "12" where "0012" is stored, "ZQ001" for "ZQ-001": the stored spelling stays
        if m.pid is None:
            if m.asks(ctx.matcher):
                sa.candidates[k] = m.candidates
                # a renamed project would be listed twice, its planned investment and figures counted twice —
                # with a code the database does not know too: codes given for the first time, a district
                # switching to the national codes, a code mistyped (a probe's duplicates, exit 0)
                said = {"value": name, "row": plan.row_numbers[k], "others": described(ctx, m.candidates)}
                changed = code_changed(ctx, m.candidates, (name, districts[k], plan.row_numbers[k]), code)
                if changed is not None:  # the very name: the code changed, or the district (moved?), asked so
                    add_problem(
                        plan, k, sa, changed.field or "code", code if changed.field == "code" else name, changed
                    )
                else:
                    add_problem(plan, k, sa, "name", name, Problem("near_name", "name", said))
                sa.status[k] = INVALID
                continue
            new_ks.append(k)
        elif not taken_before(
            seen, ctx, sa, k, m.pid, linked is not None, (result, matched)
        ):  # one stored project, one row
            sa.targets[k] = m.pid
            matched.append(k)
    new_ks = named_twice(seen, sa, new_ks, result)  # a project listed with a code and without, or under two codes
    # rows already refused still get the domain's checks: every problem of a row is reported at once
    _check_columns(plan, sa, refused, {f: plan.column(f) for f in CHECKED})
    _validate_new(result, index, sa, new_ks, seen)
    _compare(result, index, sa, ctx, matched)


def resolve_views(result: ImportAnalysis) -> None:
    """Rows that repeat a project of another sheet point where that project's row points."""
    for sa in result.selected:
        for k, (i0, k0) in sa.views.items():
            first = result.sheets[i0]
            sa.targets[k] = first.targets[k0] if first.status and first.status[k0] != INVALID else None
            if sa.targets[k] is None:
                sa.status[k] = INVALID


def _validate_new(result: ImportAnalysis, index: int, sa: SheetAnalysis, ks: list[int], seen: SeenRows) -> None:
    """New projects: a name, and the domain's checks, column by column. Sector, district and
    amount may be unknown (a negotiating lead often has none): stored as unknown, never invented."""
    plan = sa.plan
    assert plan is not None
    col = plan.column("name")
    for k in [k for k in ks if col[k] is None]:
        add_problem(plan, k, sa, "name", None, Problem("required", "name"))
    _check_columns(plan, sa, ks, {f: plan.column(f) for f in CHECKED})
    problems = plan.problems
    for k in [k for k in ks if k in problems]:
        sa.status[k] = INVALID
    ks = [k for k in ks if k not in problems]
    statuses = plan.column("status")
    chain = plan.chain
    first = len(result.new_projects)
    hints = plan.status_hint
    sheet_hint = Status(plan.default_status) if plan.default_status else None
    new_projects = result.new_projects
    targets, evidence = sa.targets, RowEvidence(sa)
    for n, k in enumerate(ks, start=first):
        status = statuses[k]
        if status is None:
            hint = hints[k] if hints is not None and hints[k] is not None else None
            status = Status(hint) if hint else sheet_hint
            if status is None:  # what the row's figures, dates and words show, else Signed
                status = evidence.status(k, result)
        new_projects.append(NewProject(index, k, status, chain[k] if chain else None))
        targets[k] = -(n + 1)
    seen.new_sheets.append(index)


def _check_columns(plan: SheetPlan, sa: SheetAnalysis, ks: list[int], values: dict[str, list]) -> None:
    """validation.project_problems, column-wise over rows ``ks`` (100k rows in milliseconds)."""
    for f, limit in MAX_TEXT.items():
        col = values[f]
        if _all_within(col, limit):  # the usual case, told by a C loop over the whole column
            continue
        for k in [k for k in ks if col[k] and len(col[k]) > limit]:
            add_problem(plan, k, sa, f, col[k][:40] + "…", Problem("too_long", f, {"limit": limit}))
    for f in ("sector", "district"):
        col = plan.column(f)
        if _all_within(col, REFERENCE_LIMIT):
            continue
        for k in [k for k in ks if col[k] and len(col[k]) > REFERENCE_LIMIT]:
            add_problem(plan, k, sa, f, col[k][:40] + "…", Problem("too_long", f, {"limit": REFERENCE_LIMIT}))
    land = values["land_area_mu"]
    for k in [k for k in ks if land[k] is not None and land[k] < 0]:  # 0: no new land (a rented plant)
        add_problem(plan, k, sa, "land_area_mu", land[k], Problem("negative_area", "land_area_mu", {"value": land[k]}))
    date_order_problems(plan, sa, ks, values)  # each date at its precision (services/import_date_order.py)


def _all_within(col: Any, limit: int) -> bool:
    """No text of a whole column (every row, not only those checked) is longer than ``limit``."""
    try:
        return isinstance(col, list) and max(map(len, filter(None, col)), default=0) <= limit
    except TypeError:  # a value without a length: the row by row check says what it is
        return False


def _check_values(plan: SheetPlan, k: int, sa: SheetAnalysis, values: dict[str, Any]) -> None:
    """The same checks on one row's effective values (an update: the stored values and the file's)."""
    n = len(plan)
    columns = {f: _OneRow(n, k, values.get(f)) for f in CHECKED}
    _check_columns(plan, sa, [k], columns)  # type: ignore[arg-type]


class _OneRow:
    """A column holding one row's value, for running the column checks on a single row."""

    __slots__ = ("k", "value")

    def __init__(self, n: int, k: int, value: Any) -> None:
        self.k, self.value = k, value

    def __getitem__(self, k: int) -> Any:
        return self.value if k == self.k else None


def _compare(result: ImportAnalysis, index: int, sa: SheetAnalysis, ctx: Context, ks: list[int]) -> None:
    """Matched rows against the stored projects: changed fields, or unchanged."""
    plan = sa.plan
    assert plan is not None
    if result.mode == "append":
        for k in ks:
            sa.status[k] = EXISTS
        result.unchanged += len(ks)
        return
    forward_by_sheet(plan, ctx, sa.targets, ks)  # a blank status on 已投产项目: the sheet's stage, forward only
    find_stages_behind(result, sa, ctx, ks)  # rows showing a later stage than stored: kept, noted
    codec = ctx.codec
    fields = [f for f in PROJECT_FIELDS if f in plan.values]
    names = {kind: ctx.names_by_id(kind) for kind in _REF_FIELDS}
    diffs: dict[int, dict[str, Any]] = {}
    befores = [ctx.rows[sa.targets[k]] for k in ks]  # type: ignore[index]
    for f in fields:
        col = plan.values[f]
        values = [col[k] for k in ks]
        for n in codec.changed(f, values, befores, names.get(f)):
            diffs.setdefault(ks[n], {})[f] = values[n]
    figure_diffs(sa, ctx, ks, befores, diffs, result)
    older_reports(result, index, sa, ctx, ks, diffs)  # September's after October's: no roll-back
    for k in ks:
        changed = diffs.get(k)
        pid = sa.targets[k]
        if not changed:
            sa.status[k] = SAME
            result.unchanged += 1
            continue
        before = ctx.rows[pid]  # type: ignore[index]
        effective = {f: codec.value(before, f) for f in (*_DATES, *PRECISIONS, "land_area_mu")}
        effective.update({f: plan.values[f][k] for f in CHECKED if f in plan.values and plan.values[f][k] is not None})
        _check_values(plan, k, sa, effective)
        if k in plan.problems:
            sa.status[k] = INVALID
            continue
        sa.status[k] = UPDATE
        sa.changes[k] = [FieldChange(f, _shown_before(f, before, codec, names), v) for f, v in changed.items()]
        result.updates.append(Update(index, k, pid, before, changed))  # type: ignore[arg-type]


def _shown_before(f: str, row: StoredRow, codec: RowCodec, names: dict[str, dict[int, str]]) -> Any:
    """The stored value of a changed field, as the preview shows it (自开工累计 with its as-of month: a figure the
    same as stored but as of a later month is a change too)."""
    if f in _DATES:
        return codec.fuzzy_date(row, f)
    if f == "planned_foreign":
        return None
    if f in _REF_FIELDS:
        return names[f].get(codec.value(row, f))
    return codec.value(row, f)


# -- after the rows ------------------------------------------------------------------------------------
def _drop_invalid(result: ImportAnalysis) -> None:
    """--skip-invalid: rows with problems write nothing (nor do records of projects not added)."""
    dropped = {-(i + 1) for i, np in enumerate(result.new_projects) if result.sheets[np.sheet].status[np.k] == INVALID}
    if dropped:
        keep = [np for i, np in enumerate(result.new_projects) if -(i + 1) not in dropped]
        remap = {}
        for new_i, np in enumerate(keep):
            old = result.new_projects.index(np)
            remap[-(old + 1)] = -(new_i + 1)
        result.new_projects = keep
        result.records = [(remap[r[0]] if r[0] < 0 else r[0], *r[1:]) for r in result.records if r[0] not in dropped]
        result.plans = [(remap[p[0]] if p[0] < 0 else p[0], *p[1:]) for p in result.plans if p[0] not in dropped]
        for sa in result.sheets:
            sa.targets = [remap.get(t, t) if t is not None and t < 0 else t for t in sa.targets]
    result.updates = [u for u in result.updates if result.sheets[u.sheet].status[u.k] != INVALID]
    drop_refused(result)  # a stored project's months a refused row named (its 2月 beside a 1-3月累计 refused)


def _references(result: ImportAnalysis, ctx: Context) -> None:
    """Sectors, districts and enterprises the written rows name that the database lacks."""
    sectors: dict[str, str | None] = {}
    districts: dict[str, None] = {}
    enterprises: dict[str, None] = {}
    rows: dict[int, list[int]] = {}
    for np in result.new_projects:
        rows.setdefault(np.sheet, []).append(np.k)
    for u in result.updates:
        if {"sector", "district", "enterprise"} & u.fields.keys():
            rows.setdefault(u.sheet, []).append(u.k)
    for index, ks in rows.items():
        plan = result.sheets[index].plan
        assert plan is not None
        sector_col, district_col = plan.column("sector"), plan.column("district")
        enterprise_col, chain = plan.column("enterprise"), plan.chain
        for k in ks:
            sector = sector_col[k]
            if sector is not None and sector not in ctx.sectors and sector not in sectors:
                parent = chain[k] if chain else None
                sectors[sector] = parent if parent and parent != sector else None
        districts.update(
            dict.fromkeys(d for d in dict.fromkeys(district_col[k] for k in ks) if d and d not in ctx.districts)
        )
        enterprises.update(
            dict.fromkeys(e for e in dict.fromkeys(enterprise_col[k] for k in ks) if e and e not in ctx.enterprises)
        )
    result.new_sectors = list(sectors.items())
    result.new_districts = list(districts)
    result.new_enterprises = list(enterprises)

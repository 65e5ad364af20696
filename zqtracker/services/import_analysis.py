"""What an import would do, worked out before anything is written.

Each data row is matched to a project — by code, else by name and district — or is new; a
matched row's values are compared field by field with the stored project (in the database's raw
representation, so "12.10亿" against 1,210,000,000 and a date cell against '2023-10-10' compare
exactly); new and changed projects are checked as the domain checks them; monthly amounts are
compared with the stored records. The result is the preview the dialog shows and the CLI's
``--dry-run`` prints, and what import_apply writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from zqtracker.domain.errors import Problem
from zqtracker.domain.models import PROJECT_FIELDS
from zqtracker.domain.money import MAX_MONEY
from zqtracker.domain.status import Status
from zqtracker.domain.validation import _DATE_ORDER, MAX_TEXT
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout import MONTHLY, PROJECTS, SheetLayout
from zqtracker.io.plan import SheetPlan
from zqtracker.io.reader import RawSheet, RawWorkbook
from zqtracker.storage.importing import COL, Encoders

NEW, UPDATE, SAME, INVALID, EXISTS = "new", "update", "same", "invalid", "exists"
REFERENCE_LIMIT = 100  # sectors.name / districts.name are String(100)
_REF_FIELDS = {"sector": "sector_id", "district": "district_id", "enterprise": "enterprise_id"}
_DATES = ("signed_on", "construction_start_on", "production_on")


@dataclass
class FieldChange:
    field: str
    before: Any  # domain values, for showing
    after: Any


@dataclass
class SheetAnalysis:
    raw: RawSheet
    layout: SheetLayout
    plan: SheetPlan | None
    selected: bool = True
    reason: str = ""  # why not imported: "hidden", "not_recognized", "not_chosen", "unreadable"
    fingerprint: str = ""
    remembered: bool = False
    status: list[str] = field(default_factory=list)  # per data row: new/update/same/invalid/exists
    targets: list[int | None] = field(default_factory=list)  # project id, or -(n+1) for new project n
    changes: dict[int, list[FieldChange]] = field(default_factory=dict)  # updated rows' field changes
    records: dict[int, tuple[int, int]] = field(default_factory=dict)  # k → (records written, unchanged)

    @property
    def name(self) -> str:
        return self.raw.name


@dataclass(slots=True)
class NewProject:
    sheet: int
    k: int
    status: Status
    chain: str | None


@dataclass
class Update:
    sheet: int
    k: int
    pid: int
    before: tuple  # the raw row
    fields: dict[str, Any]  # changed fields → domain values


@dataclass
class Context:
    """The database as the analysis saw it."""

    by_code: dict[str, int]
    by_name: dict[tuple[str, str], int]
    code_of: dict[int, str]
    sectors: dict[str, int]
    districts: dict[str, int]
    enterprises: dict[str, int]
    encoders: Encoders
    rows: dict[int, tuple] = field(default_factory=dict)  # raw rows of matched projects
    investment: dict[tuple[int, int, int], tuple[int, int, int]] = field(default_factory=dict)
    plans: dict[tuple[int, int], int] = field(default_factory=dict)

    def names_by_id(self, kind: str) -> dict[int, str]:
        source = {"sector": self.sectors, "district": self.districts, "enterprise": self.enterprises}[kind]
        return {v: k for k, v in source.items()}


@dataclass
class ImportAnalysis:
    book: RawWorkbook
    mode: str
    sheets: list[SheetAnalysis]
    new_projects: list[NewProject] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    unchanged: int = 0
    records: list[tuple] = field(default_factory=list)  # (target, y, m, yuan, before yuan | None)
    records_unchanged: int = 0
    plans: list[tuple] = field(default_factory=list)  # (target, y, yuan, before yuan | None)
    new_sectors: list[tuple[str, str | None]] = field(default_factory=list)  # (name, chain)
    new_districts: list[str] = field(default_factory=list)
    new_enterprises: list[str] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    invalid_rows: int = 0
    default_status: int = 0  # new projects given no status (recorded as Signed)
    context: Context | None = None
    notes: list[Problem] = field(default_factory=list)  # what was noticed (services.importing.notes_of)

    @property
    def added(self) -> int:
        return len(self.new_projects)

    @property
    def updated(self) -> int:
        return len(self.updates)

    @property
    def selected(self) -> list[SheetAnalysis]:
        return [s for s in self.sheets if s.selected and s.plan is not None]

    @property
    def needs_unit(self) -> list[tuple[SheetAnalysis, Any]]:
        return [(s, c) for s in self.selected for c in s.plan.needs_unit]  # type: ignore[union-attr]

    @property
    def has_work(self) -> bool:
        return bool(self.new_projects or self.updates or self.records or self.plans)


class _Rows:
    """Project identities met in this file, so that a second row for one project is caught and
    monthly sheets can point at projects the same import adds."""

    def __init__(self) -> None:
        self.first_row: dict[object, tuple[str, int]] = {}  # code or (name, district) → (sheet, row)
        self.new_sheets: list[int] = []  # sheets that added projects (the maps below come from them)
        self._maps: tuple[dict, dict, dict] | None = None
        self.months: dict[tuple[int, int, int], tuple[int, int]] = {}  # (target, y, m) → (row, yuan)

    def new_maps(
        self, result: ImportAnalysis
    ) -> tuple[dict[str, int], dict[tuple[str, str], int], dict[str, list[int]]]:
        """The projects this import adds, by code, by (name, district) and by name — built only
        when a monthly sheet needs them."""
        if self._maps is None:
            by_code: dict[str, int] = {}
            by_name: dict[tuple[str, str], int] = {}
            names: dict[str, list[int]] = {}
            columns: dict[int, tuple[list, list, list]] = {}
            for n, np in enumerate(result.new_projects):
                cols = columns.get(np.sheet)
                if cols is None:
                    plan = result.sheets[np.sheet].plan
                    assert plan is not None
                    cols = columns[np.sheet] = (plan.column("code"), plan.column("name"), plan.column("district"))
                code, name, district = cols[0][np.k], cols[1][np.k], cols[2][np.k]
                if code:
                    by_code[code] = -(n + 1)
                by_name[(name, district)] = -(n + 1)
                names.setdefault(name, []).append(-(n + 1))
            self._maps = (by_code, by_name, names)
        return self._maps


def analyse_sheets(book: RawWorkbook, sheets: list[SheetAnalysis], ctx: Context, mode: str,
                   skip_invalid: bool) -> ImportAnalysis:  # fmt: skip
    result = ImportAnalysis(book, mode, sheets, context=ctx)
    seen = _Rows()
    order = sorted(range(len(sheets)), key=lambda i: sheets[i].layout.kind != PROJECTS)
    for i in order:
        sa = sheets[i]
        if not sa.selected or sa.plan is None:
            continue
        result.problems.extend(sa.plan.sheet_problems)
        if sa.layout.kind == PROJECTS:
            _projects(result, i, sa, ctx, seen)
    for i in order:
        sa = sheets[i]
        if sa.selected and sa.plan is not None:
            _records(result, i, sa, ctx, seen)
    for sa in result.selected:
        for k, problems in sa.plan.problems.items():  # type: ignore[union-attr]
            result.problems.extend(problems)
            if sa.status and sa.status[k] != INVALID:
                sa.status[k] = INVALID
    result.problems.sort(key=lambda p: ([s.name for s in sheets].index(p.sheet) if p.sheet in
                                        [s.name for s in sheets] else 0, p.row, p.column))  # fmt: skip
    result.invalid_rows = sum(s.status.count(INVALID) for s in result.selected)
    if skip_invalid:
        _drop_invalid(result)
    _references(result, ctx)
    return result


# -- projects ------------------------------------------------------------------------------------------
def _projects(result: ImportAnalysis, index: int, sa: SheetAnalysis, ctx: Context, seen: _Rows) -> None:
    plan = sa.plan
    assert plan is not None
    n = len(plan)
    codes, names, districts = plan.column("code"), plan.column("name"), plan.column("district")
    sa.status, sa.targets = [NEW] * n, [None] * n
    matched: list[int] = []
    new_ks: list[int] = []
    for k in range(n):
        if k in plan.problems:
            sa.status[k] = INVALID
            continue
        code, name, district = codes[k], names[k], districts[k]
        key = code if code else (name, district)
        first = seen.first_row.get(key)
        if first is not None:
            _problem(plan, k, sa, "code" if code else "name", code or name,
                     Problem("duplicate_in_file", "code" if code else "name",
                             {"value": code or name, "first_row": first[1] if first[0] == sa.name
                              else f"{first[1]} ({first[0]})"}))  # fmt: skip
            sa.status[k] = INVALID
            continue
        seen.first_row[key] = (sa.name, plan.row_numbers[k])
        pid = None
        if result.mode != "replace":
            pid = ctx.by_code.get(code) if code else None
            if pid is None and name and district:
                candidate = ctx.by_name.get((name, district))
                if candidate is not None and ctx.code_of.get(candidate) in (None, "", code):
                    pid = candidate
        if pid is None:
            new_ks.append(k)
        else:
            sa.targets[k] = pid
            matched.append(k)
    _validate_new(result, index, sa, new_ks, seen)
    _compare(result, index, sa, ctx, matched)


def _problem(plan: SheetPlan, k: int, sa: SheetAnalysis, f: str, value: Any, problem: Problem) -> None:
    info = next((c for c in sa.layout.mapped() if c.field == f), None)
    plan.add_problem(k, CellProblem(sa.name, plan.row_numbers[k], info.letter if info else "",
                                    info.header if info else "", "" if value is None else str(value), problem))  # fmt: skip


def _validate_new(result: ImportAnalysis, index: int, sa: SheetAnalysis, ks: list[int], seen: _Rows) -> None:
    """New projects: the required fields and the domain's checks, column by column."""
    plan = sa.plan
    assert plan is not None
    for f in ("name", "sector", "district", "planned_investment"):
        col = plan.column(f)
        for k in [k for k in ks if col[k] is None]:
            _problem(plan, k, sa, f, None, Problem("required", f))
    _check_columns(plan, sa, ks, {f: plan.column(f) for f in (*MAX_TEXT, *_DATES, "land_area_mu")})
    problems = plan.problems
    for k in [k for k in ks if k in problems]:
        sa.status[k] = INVALID
    ks = [k for k in ks if k not in problems]
    statuses = plan.column("status")
    chain = plan.chain
    first = len(result.new_projects)
    hints = plan.status_hint
    sheet_hint = Status(plan.layout.status_hint) if plan.layout.status_hint else None
    new_projects = result.new_projects
    targets = sa.targets
    for n, k in enumerate(ks, start=first):
        status = statuses[k]
        if status is None:
            hint = hints[k] if hints is not None and hints[k] is not None else None
            status = Status(hint) if hint else sheet_hint
            if status is None:
                status = Status.SIGNED
                result.default_status += 1
        new_projects.append(NewProject(index, k, status, chain[k] if chain else None))
        targets[k] = -(n + 1)
    seen.new_sheets.append(index)


def _check_columns(plan: SheetPlan, sa: SheetAnalysis, ks: list[int], values: dict[str, list]) -> None:
    """validation.project_problems, column-wise over rows ``ks`` (100k rows in milliseconds)."""
    for f, limit in MAX_TEXT.items():
        col = values[f]
        for k in [k for k in ks if col[k] and len(col[k]) > limit]:
            _problem(plan, k, sa, f, col[k][:40] + "…", Problem("too_long", f, {"limit": limit}))
    for f in ("sector", "district"):
        col = plan.column(f)
        for k in [k for k in ks if col[k] and len(col[k]) > REFERENCE_LIMIT]:
            _problem(plan, k, sa, f, col[k][:40] + "…", Problem("too_long", f, {"limit": REFERENCE_LIMIT}))
    land = values["land_area_mu"]
    for k in [k for k in ks if land[k] is not None and land[k] <= 0]:
        _problem(plan, k, sa, "land_area_mu", land[k], Problem("must_be_positive", "land_area_mu", {"value": land[k]}))
    for earlier, later in _DATE_ORDER:
        a, b = values[earlier], values[later]
        for k in [k for k in ks if a[k] is not None and b[k] is not None and b[k] < a[k]]:
            _problem(plan, k, sa, later, b[k].isoformat(), Problem("dates_out_of_order", later, {
                "value": b[k].isoformat(), "other": a[k].isoformat(), "other_field": earlier}))  # fmt: skip


def _check_values(plan: SheetPlan, k: int, sa: SheetAnalysis, values: dict[str, Any]) -> None:
    """The same checks on one row's effective values (an update: the stored values and the file's)."""
    n = len(plan)
    columns = {f: _OneRow(n, k, values.get(f)) for f in (*MAX_TEXT, *_DATES, "land_area_mu")}
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
    enc = ctx.encoders
    fields = [f for f in PROJECT_FIELDS if f in plan.values]
    names = {kind: ctx.names_by_id(kind) for kind in _REF_FIELDS}
    diffs: dict[int, dict[str, Any]] = {}
    befores = [ctx.rows[sa.targets[k]] for k in ks]  # type: ignore[index]
    for f in fields:
        col = plan.values[f]
        values = [col[k] for k in ks]
        i = COL[_REF_FIELDS.get(f, f)]
        stored = [row[i] for row in befores]
        by_id = names.get(f)
        if by_id is not None:
            shown = list(map(by_id.get, stored))
            changed = [n for n, (v, b) in enumerate(zip(values, shown, strict=True)) if v is not None and v != b]
        else:
            encoded = list(map(_encoder(f, enc), values))
            changed = [n for n, (v, b) in enumerate(zip(encoded, stored, strict=True)) if v is not None and v != b]
        for n in changed:
            diffs.setdefault(ks[n], {})[f] = values[n]
    for k in ks:
        changed = diffs.get(k)
        pid = sa.targets[k]
        if not changed:
            sa.status[k] = SAME
            result.unchanged += 1
            continue
        before = ctx.rows[pid]  # type: ignore[index]
        effective = {f: _decode(f, before, enc) for f in (*_DATES, "land_area_mu")}
        effective.update({f: plan.values[f][k] for f in (*MAX_TEXT, *_DATES, "land_area_mu") if f in plan.values and
                          plan.values[f][k] is not None})  # fmt: skip
        _check_values(plan, k, sa, effective)
        if k in plan.problems:
            sa.status[k] = INVALID
            continue
        sa.status[k] = UPDATE
        sa.changes[k] = [FieldChange(f, _shown_before(f, before, enc, names), v) for f, v in changed.items()]
        result.updates.append(Update(index, k, pid, before, changed))  # type: ignore[arg-type]


def _encoder(f: str, enc: Encoders):
    """Domain value → the raw value stored (None stays None)."""
    if f in _DATES:
        return enc.date
    if f == "land_area_mu":
        return enc.area
    if f == "is_key_project":
        return lambda v: None if v is None else enc.boolean(v)
    if f in ("status", "project_type", "investor_origin"):
        return lambda v: None if v is None else v.value
    return _same


def _same(v: Any) -> Any:
    return v


def _decode(f: str, row: tuple, enc: Encoders) -> Any:
    raw = row[COL[f]]
    if f in _DATES:
        return enc.decode_date(raw)
    if f == "land_area_mu":
        return enc.decode_area(raw)
    return raw


def _shown_before(f: str, row: tuple, enc: Encoders, names: dict[str, dict[int, str]]) -> Any:
    if f in _REF_FIELDS:
        return names[f].get(row[COL[_REF_FIELDS[f]]])
    value = _decode(f, row, enc)
    if f == "status":
        return Status(value)
    if f == "is_key_project":
        return bool(value)
    if f in ("project_type", "investor_origin"):
        from zqtracker.domain.models import InvestorOrigin, ProjectType

        return (ProjectType if f == "project_type" else InvestorOrigin)(value)
    return value


# -- monthly records and annual plans -----------------------------------------------------------------
def _records(result: ImportAnalysis, index: int, sa: SheetAnalysis, ctx: Context, seen: _Rows) -> None:
    plan = sa.plan
    assert plan is not None
    if not plan.months and not plan.plans:
        return
    n = len(plan)
    if sa.layout.kind == MONTHLY:
        sa.status, sa.targets = [SAME] * n, [None] * n
        _monthly_targets(result, sa, ctx, seen)
    taken = seen.months
    written: dict[int, list[int]] = {}
    targets, status = sa.targets, sa.status
    stored = ctx.investment if result.mode != "replace" else {}
    records, numbers = result.records, plan.row_numbers
    unchanged = 0
    for k, y, m, yuan in plan.months:
        target = targets[k]
        if target is None or status[k] == INVALID:
            continue
        key = (target, y, m)
        if 1900 <= y <= 2200 and key not in taken:  # the common case, kept short
            taken[key] = (numbers[k], yuan)
            before = stored.get(key) if target > 0 else None
            counts = written.get(k)
            if counts is None:
                counts = written[k] = [0, 0]
            if before is not None and before[0] == yuan:
                unchanged += 1
                counts[1] += 1
            else:
                records.append((target, y, m, yuan, None if before is None else before[0]))
                counts[0] += 1
            continue
        if not 1900 <= y <= 2200 or yuan > MAX_MONEY:
            _problem(plan, k, sa, "month", f"{y}-{m:02d}", Problem("year_out_of_range", "month", {"value": y}))
            sa.status[k] = INVALID
            continue
        key = (target, y, m)
        if key in taken:
            if taken[key][1] == yuan:  # the same amount twice (a long and a wide sheet): harmless
                continue
            _problem(plan, k, sa, "month", f"{y}-{m:02d}",
                     Problem("duplicate_in_file", "month", {"value": f"{y}-{m:02d}", "first_row": taken[key][0]}))  # fmt: skip
            sa.status[k] = INVALID
            continue
    result.records_unchanged += unchanged
    for k, (w, same) in written.items():
        sa.records[k] = (w, same)
        if sa.layout.kind == MONTHLY and sa.status[k] != INVALID:
            sa.status[k] = UPDATE if w else SAME
    for k, y, yuan in plan.plans:
        target = sa.targets[k]
        if target is None or sa.status[k] == INVALID:
            continue
        before_plan = ctx.plans.get((target, y)) if target > 0 and result.mode != "replace" else None
        if before_plan != yuan:
            result.plans.append((target, y, yuan, before_plan))


def _monthly_targets(result: ImportAnalysis, sa: SheetAnalysis, ctx: Context, seen: _Rows) -> None:
    plan = sa.plan
    assert plan is not None
    codes, names, districts = plan.column("code"), plan.column("name"), plan.column("district")
    new_by_code, new_by_name, new_names = seen.new_maps(result)
    by_name: dict[str, list[int]] = {}
    if result.mode != "replace":
        for (name, _district), pid in ctx.by_name.items():
            by_name.setdefault(name, []).append(pid)
    for k in range(len(plan)):
        if k in plan.problems:
            sa.status[k] = INVALID
            continue
        code, name, district = codes[k], names[k], districts[k]
        target = None
        if code:
            target = new_by_code.get(code) or (ctx.by_code.get(code) if result.mode != "replace" else None)
        elif name and district:
            target = new_by_name.get((name, district)) or (
                ctx.by_name.get((name, district)) if result.mode != "replace" else None)  # fmt: skip
        elif name:
            found = [*new_names.get(name, []), *by_name.get(name, [])]
            if len(found) > 1:
                _problem(plan, k, sa, "name", name, Problem("ambiguous_project", "name", {"value": name}))
                sa.status[k] = INVALID
                continue
            target = found[0] if found else None
        if target is None:
            f = "code" if code else "name"
            _problem(plan, k, sa, f, code or name, Problem("unknown_project", f, {"value": code or name}))
            sa.status[k] = INVALID
            continue
        sa.targets[k] = target


# -- after the rows ------------------------------------------------------------------------------------
def _drop_invalid(result: ImportAnalysis) -> None:
    """--skip-invalid: rows with problems write nothing (nor do records of projects not added)."""
    dropped = {-(i + 1) for i, np in enumerate(result.new_projects)
               if result.sheets[np.sheet].status[np.k] == INVALID}  # fmt: skip
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
        districts.update(dict.fromkeys(d for d in dict.fromkeys(district_col[k] for k in ks)
                                       if d and d not in ctx.districts))  # fmt: skip
        enterprises.update(dict.fromkeys(e for e in dict.fromkeys(enterprise_col[k] for k in ks)
                                         if e and e not in ctx.enterprises))  # fmt: skip
    result.new_sectors = list(sectors.items())
    result.new_districts = list(districts)
    result.new_enterprises = list(enterprises)

"""The import's analysis as data: what each sheet's rows will do, what the whole import adds,
updates and writes (services/import_analysis.py works it out, import_apply.py writes it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from zqtracker.domain.errors import Problem
from zqtracker.domain.status import Status
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout import PROJECTS, SheetLayout
from zqtracker.io.plan import SheetPlan
from zqtracker.io.reader import RawSheet, RawWorkbook
from zqtracker.services.import_matching import Match, company_key, district_key, name_key, name_keys
from zqtracker.storage.codec import RowCodec, StoredRow

NEW, UPDATE, SAME, INVALID, EXISTS = "new", "update", "same", "invalid", "exists"
VIEW = "view"  # the same project as a row of another sheet (按地区 / 按行业 views of one list)
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
    views: dict[int, tuple[int, int]] = field(default_factory=dict)  # k → (sheet index, k) it repeats
    month_rows: dict[int, int] = field(default_factory=dict)  # views of this sheet's row k0: k → k0 (another month)
    matches: list[Any] | None = None  # per data row: services.import_matching.Match
    candidates: dict[int, list[int]] = field(default_factory=dict)  # new rows' near-named stored projects

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
    before: StoredRow  # the project as stored (handed back to the codec)
    fields: dict[str, Any]  # changed fields → domain values


@dataclass
class Context:
    """The database as the analysis saw it."""

    by_code: dict[str, int]
    by_name: dict[tuple[str, str | None], int]
    code_of: dict[int, str]
    sectors: dict[str, int]
    districts: dict[str, int]
    enterprises: dict[str, int]
    codec: RowCodec
    rows: dict[int, StoredRow] = field(default_factory=dict)  # matched projects as stored (for the codec)
    # (project, year, month) → (amount, sector id, district id, first month of a figure over several)
    investment: dict[tuple[int, int, int], tuple[int, int | None, int | None, int | None]] = field(default_factory=dict)
    plans: dict[tuple[int, int], int] = field(default_factory=dict)
    # project → its latest month stored after the file's years (a report of a year gone by: import_older.py)
    later: dict[int, tuple[int, int]] = field(default_factory=dict)
    matcher: Any = None  # services.import_matching.Matcher
    records_by_project: dict | None = None  # (project, year) → its stored InvestmentRecords (built on demand)
    spans: dict | None = None  # (project, year) → its stored spans (first, last month, amount), built on demand
    links: dict[tuple[str, int], int] = field(default_factory=dict)  # (sheet, row) → project the user linked
    replaced: dict[str, int] | None = None  # mode replace: the projects, records and plans stored, removed first

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
    records: list[tuple] = field(default_factory=list)  # (target, y, m, yuan, before yuan | None, first month | None)
    records_unchanged: int = 0
    plans: list[tuple] = field(default_factory=list)  # (target, y, yuan, before yuan | None)
    new_sectors: list[tuple[str, str | None]] = field(default_factory=list)  # (name, chain)
    new_districts: list[str] = field(default_factory=list)
    new_enterprises: list[str] = field(default_factory=list)
    new_enterprise_codes: dict[str, str] = field(default_factory=dict)  # new enterprise → its credit code
    codes_given: list[tuple[int, str, str]] = field(default_factory=list)  # stored enterprise given one: id, name, code
    problems: list[CellProblem] = field(default_factory=list)
    invalid_rows: int = 0
    skip_invalid: bool = False  # --skip-invalid: what is asked of is said as a note too, the rows imported
    default_status: int = 0  # new projects given no status (recorded as Signed)
    # new projects given no status whose rows show their stage (services/import_status_evidence.py):
    # (sheet, row, the stage, the kinds of evidence)
    inferred: list[tuple[str, int, Status, list[str]]] = field(default_factory=list)
    # stored projects whose rows show a later stage, kept (services/import_stage_behind.py):
    # (sheet, row, name, stored status, the stage shown, the kinds of evidence)
    behind: list[tuple[str, int, str, Status, Status, list[str]]] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)  # a district as written → the known one it means
    # amounts a spreadsheet program rounded (sheet, row, field, stored yuan, file's yuan, decimals shown):
    # listed apart, never written over the exact stored value
    rounded: list[tuple[str, int, str, int, int, int]] = field(default_factory=list)
    # a year to date through a month with earlier months of its year never reported (counted as 0):
    # (sheet, row, year, those months)
    unreported: list[tuple[str, int, int, tuple[int, ...]]] = field(default_factory=list)
    ytd_given: dict = field(default_factory=dict)  # (project, year, month) → import_rounded_views.Given
    # rows of a report older than the figures stored (September's after October's), whose 形象进度 /
    # stage / remarks were left as stored: (sheet, row, (y, m) reported, (y, m) stored, fields kept)
    older: list[tuple[str, int, tuple[int, int], tuple[int, int], tuple[str, ...]]] = field(default_factory=list)
    # stored months after the months written whose year to date moves (services/import_shifts.py)
    shifted: list[tuple[str, int, list[tuple[int, int, int]]]] = field(default_factory=list)
    # years to date above the project's planned total investment, imported since their header names this
    # year's months (a note): (sheet, row, year, month, year to date yuan, planned yuan, the column's factor)
    above_planned: list[tuple[str, int, int, int, int, int, int]] = field(default_factory=list)
    # last year's year to date written as that year's records (services/import_last_year.py): (sheet, column
    # letter, header, row, year, first month, month, yuan, through month, year to date yuan, factor); and those
    # left out for what is stored: (sheet, letter, header, row, year, month, year to date, stored month, stored
    # year to date, factor)
    last_year: list[tuple] = field(default_factory=list)
    last_year_kept: list[tuple] = field(default_factory=list)
    # a 同比增长% the two years to date beside it do not give (services/import_growth.py): (sheet, letter,
    # header, row, the file's percentage, this year's year to date, last year's, factor)
    growth: list[tuple] = field(default_factory=list)
    context: Context | None = None
    notes: list[Problem] = field(default_factory=list)  # what was noticed (services.importing.notes_of)
    # a round's return: the (year, month) it reports, refused in the write if closed meanwhile
    round_month: tuple[int, int] | None = None

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
    def hidden_unanswered(self) -> list[tuple[SheetAnalysis, list[int]]]:
        """The chosen sheets whose data rows hidden in the sheet (1-based) nobody has said to
        import or to leave out: a question, never a silent choice."""
        return [(s, s.plan.hidden) for s in self.selected if s.plan.hidden and s.plan.hidden_answer is None]  # type: ignore[union-attr]

    @property
    def struck_unanswered(self) -> list[tuple[SheetAnalysis, list[int]]]:
        """The chosen sheets whose data rows struck through (1-based) nobody has said to leave out or import."""
        return [(s, s.plan.struck) for s in self.selected if s.plan.struck and s.plan.struck_answer is None]  # type: ignore[union-attr]

    @property
    def has_work(self) -> bool:
        return bool(self.new_projects or self.updates or self.records or self.plans or self.codes_given)


class SeenRows:
    """Project identities met in this file, so that a second row for one project is caught and
    monthly sheets can point at projects the same import adds. Without a code, a row's identity is
    its name in its district — and, where two rows share both, its enterprise: two 标准厂房建设项目 of
    two enterprises in one district are two projects (a row without an enterprise repeats the first)."""

    def __init__(self) -> None:
        # code or (name, district) → (sheet, row, enterprise) of its first row
        self.first_row: dict[object, tuple[str, int, str | None]] = {}
        self._apart: dict[object, dict[str, tuple[str, int, str | None]]] = {}  # (name, district) → company → first
        self._listed: dict[tuple[str, str | None], set[str]] | None = None  # (name, district) → companies listed
        self.named: dict[str, list[tuple]] = {}  # new rows by name key (import_identity.named_twice)
        self.stored_rows: dict[int, tuple[str, int, bool, bool]] = {}  # pid → (sheet, row, coded, linked): import_twice
        self.new_sheets: list[int] = []  # sheets that added projects (the maps below come from them)
        self._maps: tuple[dict, dict, dict] | None = None
        self.months: dict[tuple[int, int, int], tuple[int, int]] = {}  # (target, y, m) → (row, yuan)
        self.plans: dict[tuple[int, int], tuple[str, int, int]] = {}  # (target, y) → (sheet, row, yuan)

    def repeated(self, key: object, at: tuple[str, int, str | None]) -> tuple[str, int, str | None] | None:
        """The earlier row that a code-less row ``at`` (sheet, row, enterprise) of an identity met before
        repeats; None when both give an enterprise, and no earlier row of the identity gives the row's
        (compared as the matcher compares them): another project, remembered as the first of its enterprise."""
        first = self.first_row[key]
        if not at[2] or not first[2]:
            return first
        group = self._apart.get(key)
        if group is None:
            group = self._apart[key] = {company_key(first[2]): first}
        company = company_key(at[2])
        earlier = group.get(company)
        if earlier is None:
            group[company] = at
        return earlier

    def listed(self, result: ImportAnalysis, name: str, district: str | None) -> set[str]:
        """The enterprises (company_key) of this file's project rows named ``name`` in ``district`` —
        worked out once, when a row's stored projects of its name are other enterprises' (rare)."""
        if self._listed is None:
            self._listed = {}
            for sa in result.selected:
                if sa.layout.kind != PROJECTS:
                    continue
                plan = sa.plan
                assert plan is not None
                cols = (plan.column("district"), plan.column("enterprise"))
                for nk, place, enterprise in zip(name_keys([n or "" for n in plan.column("name")]), *cols, strict=True):
                    if enterprise:
                        self._listed.setdefault((nk, district_key(place)), set()).add(company_key(enterprise))
        return self._listed.get((name_keys([name])[0], district_key(district)), set())

    def new_maps(
        self, result: ImportAnalysis
    ) -> tuple[dict[str, int], dict[tuple[str, str | None], list[int]], dict[str, list[int]]]:
        """The projects this import adds, by code, by (folded name, district) and by folded name —
        built only when a monthly sheet needs them (two of one name in one district: two enterprises')."""
        if self._maps is None:
            by_code: dict[str, int] = {}
            by_name: dict[tuple[str, str | None], list[int]] = {}
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
                nk = name_key(name) if name else ""
                by_name.setdefault((nk, district_key(district)), []).append(-(n + 1))
                names.setdefault(nk, []).append(-(n + 1))
            self._maps = (by_code, by_name, names)
        return self._maps


def add_problem(plan: SheetPlan, k: int, sa: SheetAnalysis, f: str, value: Any, problem: Problem) -> None:
    info = next((c for c in sa.layout.mapped() if c.field == f), None)
    plan.add_problem(
        k,
        CellProblem(
            sa.name,
            plan.row_numbers[k],
            info.letter if info else "",
            info.header if info else "",
            "" if value is None else str(value),
            problem,
        ),
    )


def described(ctx: Context, pids: list[int], *, district: bool = True) -> str:
    """Stored projects as a note or a problem names them: code (else #id), name, district."""
    matcher = ctx.matcher
    shown = []
    for pid in pids:
        stored = matcher.by_id.get(pid) if matcher is not None else None
        if stored is not None:
            text = f"{stored.code or f'#{pid}'} “{stored.name}”"
            shown.append(f"{text} ({stored.district})" if district and stored.district else text)
    return "; ".join(shown)


# Matcher problems the user answers (--link, the preview's link chooser) → their messages.
_ASKED = {"spelling_other_name": "code_zeros_other_name", "code_other_name": "code_other_project",
          "code_other_district": "code_other_district", "name_other_enterprise": "name_other_enterprise",
          "code_other_enterprise": "code_other_enterprise", "code_renumbered": "code_renumbered",
          "name_new_enterprise": "name_new_enterprise", "new_name_taken": "new_name_taken"}  # fmt: skip
_BY_NAME = ("name_other_enterprise", "name_new_enterprise", "new_name_taken")  # asked of the name, not the code


def said_new(ctx: Context, m: Match, code: str | None) -> Match:
    """A row the user said is a new project (--link ROW=new, "new project" in the preview; ``m``: its
    Match without that). When it is a stored project all the same — as the matcher places a row alone:
    its name and district (and enterprise), or its code spelt another way — a new project would list it
    twice, its investment counted twice (last month's command run again: the near name it answered is
    stored since; probe36a F1): asked, that project offered. A code stored exactly: code_question."""
    if m.pid is None or m.problem or m.other_enterprise or (code and ctx.matcher and code in ctx.matcher.by_code):
        return Match()
    return Match(problem="new_name_taken", candidates=[m.pid])


def code_question(
    ctx: Context, sa: SheetAnalysis, m: Any, code: str | None, row: int, linked: int | None
) -> Problem | None:
    """A row the matcher cannot place alone (``m``: its Match): its code is a stored project's spelt
    another way ("12" / "0012", "ZQ001" / "ZQ-001") under another name; or a stored project's
    exactly, under a name nothing like it or in another district (a district's own numbering 001,
    002…, or a list numbered afresh); or it names no district and the one project of its name is
    another enterprise's — that project, or another one: the user says which. Or the user said
    "new" for a row whose code another project has (``linked`` 0): a project's code is its own."""
    asked = _ASKED.get(m.problem or "")
    if asked is None and linked != 0:  # the common case, once a row
        return None
    column = next((c.letter for c in sa.layout.mapped() if c.field == "code"), "")
    if asked is not None:
        return Problem(asked, "name" if asked in _BY_NAME else "code",
                       {"value": code or "", "other": m.other or "", "row": row, "column": column,
                        "project": described(ctx, m.candidates)})  # fmt: skip
    if linked == 0 and code and ctx.matcher is not None and code in ctx.matcher.by_code:
        taken = described(ctx, [ctx.matcher.by_code[code]])
        return Problem("new_code_taken", "code", {"value": code, "project": taken, "column": column})
    return None


def duplicate_row(sa: SheetAnalysis, k: int, first: tuple[str, int, str | None]) -> Problem:
    """Row ``k`` is a project an earlier row of the file (``first``: sheet, row, enterprise) already gave."""
    plan = sa.plan
    assert plan is not None
    got = plan.values  # (not plan.column: a column the sheet lacks is a new list of Nones each call — 1M repeats)
    code, name = (got[f][k] if got.get(f) else None for f in ("code", "name"))
    params = {"value": code or name, "first_row": first[1] if first[0] == sa.name else f"{first[1]} ({first[0]})"}
    return Problem("duplicate_in_file", "code" if code else "name", params)


def apart(result: ImportAnalysis, seen: SeenRows, ctx: Context, m: Match, row: tuple[str, str | None, str]) -> Match:
    """A row (name, district, enterprise) whose stored projects of its name are other enterprises'
    (``m``: its Match — the one such project, or several asked about). A new project when the file
    lists each of their enterprises' project of the name too (two enterprises' projects, one added
    since). Else the one project (an investor corrected) — asked (a near name to link or keep apart)
    when the file lists several enterprises' projects of the name; the several, asked as before."""
    listed = seen.listed(result, row[0], row[1])
    pids = m.candidates if m.pid is None else [m.pid]
    theirs = {company_key(ctx.matcher.by_id[pid].enterprise or "") for pid in pids}
    if "" not in theirs and company_key(row[2]) not in theirs and theirs <= listed and len(pids) < 10:
        return Match()
    if m.pid is not None and len(listed) <= 1:  # the file lists only this enterprise's: a 更名, or another project?
        return Match(problem="name_new_enterprise", other=m.other_enterprise, candidates=[m.pid])
    return Match(candidates=[m.pid]) if len(listed) > 1 and m.pid is not None else m


def forward_by_sheet(plan: SheetPlan, ctx: Context, targets: list[int | None], ks: list[int]) -> None:
    """Listed projects whose status cell is blank, on a sheet whose name, title or section gives a
    stage further on than the one stored (GY09 moved to 已投产项目, stored 设备调试): moved forward to
    it — never back (a project in production listed under 续建项目 stays), never out of 停缓建 or 终止.
    The user's status for new projects without one is no such stage (plan.default_status)."""
    if plan.layout.status_hint is None and plan.status_hint is None:
        return
    col = plan.values.get("status")
    for k in ks:
        hint = plan.hint(k) if col is None or col[k] is None else None
        stored = ctx.codec.value(ctx.rows[targets[k]], "status") if hint else None  # type: ignore[index]
        if hint and isinstance(stored, Status) and stored.is_pipeline and Status(hint).order > stored.order:
            if col is None:
                col = plan.values["status"] = [None] * len(plan)
            col[k] = Status(hint)

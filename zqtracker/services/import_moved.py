"""A stored project's very name in another district's list, and a project moved to another district.

Names are matched in their district: 鼎湖区's list naming 新能源电池隔膜生产线项目, stored in 端州区, was asked
as "a near name … if it is that project renamed" (probe33a F3) — the name is the same, the question is
whether the project moved there or is another project of that name; asked so, naming both districts.
Once the user says it moved (--link, the preview's choice) or a code match moves it, its past monthly
figures go with it (investment records carry their project's district): said in a note naming the project,
both districts and how many months moved.
"""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.services.import_matching import district_key, name_key
from zqtracker.services.import_model import UPDATE, Context, ImportAnalysis, described
from zqtracker.storage.database import Database
from zqtracker.storage.investment import InvestmentRepository


def other_district(ctx: Context, pids: list[int], row: tuple[str | None, str | None, int]) -> Problem | None:
    """The question for a new row (``row``: name, district, row number) whose near names hold a stored project
    of its very name (folded) in another district; None: not such a row (the near-name question stays)."""
    name, district, number = row
    matcher = ctx.matcher
    if matcher is None or not name or not district:
        return None
    district = matcher.aliases.get(district, district)
    here, nk = district_key(district), name_key(name)
    same = [
        p
        for p in pids
        if (s := matcher.by_id.get(p)) and s.district and district_key(s.district) != here and name_key(s.name) == nk
    ]
    if not same:
        return None
    stored = "、".join(dict.fromkeys(str(matcher.by_id[p].district) for p in same))
    said = {"value": name, "row": number, "district": district, "stored": stored, "others": described(ctx, same)}
    return Problem("name_other_district", "name", said)


def notes(db: Database, analysis: ImportAnalysis) -> list[Problem]:
    """A note for each stored project this import moves from one district to another, with its past months."""
    ctx = analysis.context
    moves = [
        (sa.name, sa.plan.row_numbers[k], pid, c.before, c.after)  # type: ignore[union-attr]
        for sa in analysis.selected
        for k, changes in sa.changes.items()
        if sa.status and sa.status[k] == UPDATE and (pid := sa.targets[k]) is not None and pid > 0
        for c in changes
        if c.field == "district" and c.before and c.after
    ]
    if ctx is None or not moves:
        return []
    with db.snapshot() as s:
        records = InvestmentRepository(s).investment_of([pid for _s, _r, pid, _o, _n in moves])
    out = []
    for sheet, row, pid, old, new in moves:
        months = [(r.year, m) for r in records.get(pid, []) for m in range(r.first_month or r.month, r.month + 1)]
        span = f"{min(months)[0]}-{min(months)[1]:02d} – {max(months)[0]}-{max(months)[1]:02d}" if months else "—"
        project = described(ctx, [pid], district=False) or f"#{pid}"
        said = {"sheet": sheet, "row": row, "project": project, "old": old, "new": new}
        out.append(Problem("note_moved_district", None, {**said, "count": len(months), "span": span}))
    return out

"""A district account's import of rows of other districts, refused before any write (probe34c). The
server's row-level security would refuse them too, but in its own terms — "may not change these
projects" — naming no row and no district, and on a server its refused batch of INSERTs left psycopg
a pipeline in error that it reported on stderr in its own words. Told here instead: the account's
districts, and the rows of the file (the first sheet's first ones) that are of others."""

from __future__ import annotations

from zqtracker.domain.errors import DistrictRefused
from zqtracker.services.import_matching import district_key
from zqtracker.services.import_model import ImportAnalysis
from zqtracker.storage.database import Database

_SHOWN = 12  # rows named at most (and districts)


def refuse_other_districts(database: Database, analysis: ImportAnalysis) -> None:
    """Raises DistrictRefused when this account is limited to its districts and the import would add or
    move a project into another; does nothing for any other account or a SQLite file."""
    from zqtracker.storage.server_roles import own_districts

    scope = own_districts(database.engine)
    if scope is None:
        return
    user, own = scope
    mine = {district_key(d) for d in own}
    outside: list[tuple[int, int, str]] = []  # (sheet index, row number, district)
    wanted = [(np.sheet, np.k, _written(analysis, np.sheet, np.k)) for np in analysis.new_projects]
    wanted += [(up.sheet, up.k, up.fields["district"]) for up in analysis.updates if up.fields.get("district")]
    for sheet, k, district in wanted:
        if district and district_key(analysis.aliases.get(district, district)) not in mine:
            plan = analysis.sheets[sheet].plan
            assert plan is not None
            outside.append((sheet, plan.row_numbers[k], analysis.aliases.get(district, district)))
    if not outside:
        return
    outside.sort()
    first = outside[0][0]
    rows = sorted({row for sheet, row, _d in outside if sheet == first})
    others = list(dict.fromkeys(d for _s, _r, d in outside))
    words = {"file": analysis.book.path.name, "sheet": analysis.sheets[first].name, "count": len(outside),
             "rows": rows_text(rows), "own": own, "others": others[:_SHOWN]}  # fmt: skip
    raise DistrictRefused(user, words)


def _written(analysis: ImportAnalysis, sheet: int, k: int) -> str | None:
    plan = analysis.sheets[sheet].plan
    assert plan is not None
    got = plan.values.get("district")  # (plan.column makes a list for a column the sheet lacks)
    value = got[k] if got else None
    return str(value) if value else None


def rows_text(rows: list[int]) -> str:
    """3–5, 9 (the first ones, then …)."""
    runs: list[list[int]] = []
    for r in rows:
        if runs and r == runs[-1][-1] + 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    shown = [f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs[:_SHOWN]]
    return ", ".join(shown) + (" …" if len(runs) > _SHOWN else "")

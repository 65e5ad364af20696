"""A district account's import of rows of other districts, refused before any write (probe34c). The
server's row-level security would refuse them too, but in its own terms — "may not change these
projects" — naming no row and no district, and on a server its refused batch of INSERTs left psycopg
a pipeline in error that it reported on stderr in its own words. Told here instead: the account's
districts, and the rows of the file (the first sheet's first ones) that are of others. Rows that name no
district (no 所在区域 column, blank cells, nothing in the sheet's title) are refused the same way — the
server would refuse them too (a district account's project is of its district), in words of "a read-only
account" — saying how to give their district (--district, the import window's "Rows without a
district"); they are not put in the account's district unasked: a district unknown is never invented
(design.md), and the file may well be another district's whose title the reading did not catch."""

from __future__ import annotations

from typing import Any

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
    nowhere: list[tuple[int, int, str]] = []  # (sheet index, row number, "") of new projects naming none
    wanted = [(np.sheet, np.k, _written(analysis, np.sheet, np.k)) for np in analysis.new_projects]
    wanted += [(up.sheet, up.k, up.fields["district"]) for up in analysis.updates if up.fields.get("district")]
    for sheet, k, district in wanted:
        plan = analysis.sheets[sheet].plan
        assert plan is not None
        if not district:
            nowhere.append((sheet, plan.row_numbers[k], ""))
        elif district_key(analysis.aliases.get(district, district)) not in mine:
            outside.append((sheet, plan.row_numbers[k], analysis.aliases.get(district, district)))
    if outside:
        raise DistrictRefused(user, _words(analysis, outside, own))
    if nowhere:
        raise DistrictRefused(user, _words(analysis, nowhere, own), "team_district_none")


def _words(analysis: ImportAnalysis, outside: list[tuple[int, int, str]], own: list[str]) -> dict[str, Any]:
    outside.sort()
    first = outside[0][0]
    rows = sorted({row for sheet, row, _d in outside if sheet == first})
    others = list(dict.fromkeys(d for _s, _r, d in outside))
    words = {"file": analysis.book.path.name, "sheet": analysis.sheets[first].name, "count": len(outside),
             "rows": rows_text(rows), "own": own, "others": others[:_SHOWN], "one": (own or ["…"])[0]}  # fmt: skip
    return words


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

"""Two rows of one import that come to one stored project: the later refused, naming both rows.

On a first import a project listed once with its code and once without is refused (import_identity.
named_twice). On a re-import both rows matched the stored project — one by its code, one by its name in
its district — and the later row's values silently replaced the earlier's (99,000万 and 竣工 over
40,000万 and 在建, exit 0), or its monthly figures were compared with the other row's. So each stored
project takes the first row that comes to it; a later one is refused before any field or figure of it
is compared (a --link onto it says so in the link's words: one_row_each's sentence).
"""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.services.import_contradict import differences, refuse_both, row_of
from zqtracker.services.import_model import (
    INVALID,
    Context,
    ImportAnalysis,
    SeenRows,
    SheetAnalysis,
    add_problem,
    described,
)


def taken_before(
    seen: SeenRows, ctx: Context, sa: SheetAnalysis, k: int, pid: int, linked: bool,
    counted: tuple[ImportAnalysis, list[int]],
) -> bool:  # fmt: skip
    """Whether an earlier row of this import (of any sheet, a view apart) came to stored project ``pid``;
    if so row ``k`` is refused naming both rows — and, when the two rows give the project other values
    (not a --link), the earlier row too (import_contradict; taken out of ``counted``'s rows matched).
    Else the row is remembered as ``pid``'s."""
    plan = sa.plan
    assert plan is not None
    coded = bool(plan.column("code")[k])
    first = seen.stored_rows.get(pid)
    if first is None:
        seen.stored_rows[pid] = (sa.name, plan.row_numbers[k], coded, linked)
        return False
    sheet, first_row, first_coded, first_linked = first
    said = {
        "row": plan.row_numbers[k],
        "first_row": first_row if sheet == sa.name else f"{first_row} ({sheet})",
        "project": described(ctx, [pid]),
    }
    if linked or first_linked:
        code = "same_project_twice"  # the user's --link: correct it
    elif coded != first_coded:
        code = "same_project_listed_twice"
    else:
        code = "same_project_matched_twice"
    name = plan.column("name")[k]
    result, matched = counted
    at = None if linked or first_linked else row_of(result, sheet, first_row)
    said_both = differences(at, (sa, k)) if at is not None else None
    if at is not None and said_both is not None:  # the file contradicts itself: neither row is known right
        if at[0] is sa and at[1] in matched:
            matched.remove(at[1])
        refuse_both(result, at, (sa, k), said_both, "rows_differ_stored", "name", name, {"project": said["project"]})
        return True
    add_problem(plan, k, sa, "name", name, Problem(code, "name", said))
    sa.status[k] = INVALID
    return True

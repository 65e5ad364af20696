"""A 自开工累计 above the project's planned investment, said (probe37a P37a-5).

四会凯旋's 自开工累计 of 6.59亿 against a planned 0.88亿 (751%) imported with no word, while a year to date above
the planned investment gets a note (ytd_above_planned_notes, below). The same rule here: a since-start
figure above the planned investment (the row's own, else the stored project's, else the row adding it) is
imported as written, with a note naming the rows and both figures in the column's unit.

Neither note names a row refused after all (probe40a: "row 18: Jan–Sep ¥51.00 mn … imported as written" beside
the same row's refusal, and beside "Skipped the rows of 1 problem(s)" with --skip-invalid): a note says what the
import does, and a refused row is not imported.
"""

from __future__ import annotations

from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.errors import Problem
from zqtracker.domain.months import calendar_text
from zqtracker.services.import_figures import SINCE_HEADER, money_text, planned_of
from zqtracker.services.import_model import INVALID, ImportAnalysis

_LISTED = 12  # rows named in a sheet's note; the rest counted


def since_above_planned_notes(analysis: ImportAnalysis, lang: str) -> list[Problem]:
    """One note per sheet whose imported 自开工累计 figures exceed their projects' planned investment; and
    one per bare 累计完成投资 column read as the since-start figure beside this year's (io/ytd_columns.py)."""
    ctx, notes = analysis.context, []
    if ctx is None:
        return []
    for sa in analysis.selected:
        for c in sa.layout.mapped() if sa.plan is not None else ():
            if c.field == "since_start" and c.since_beside:
                read = {"sheet": sa.name, "column": c.letter, "header": c.header, "beside": c.since_beside}
                notes.append(Problem("note_bare_since", None, read))
        plan = sa.plan
        since = None if plan is None else plan.values.get("since_start")
        if plan is None or not since or plan.since_start_as_of is None or not sa.targets:
            continue
        year, month = plan.since_start_as_of
        factor = plan.factors.get("since_start") or 1  # the note says amounts in the column's unit
        rows = []
        for k, amount in enumerate(since):
            target = sa.targets[k]
            if amount is None or target is None or sa.status[k] == INVALID:
                continue
            planned = planned_of(analysis, sa, ctx, target, k)
            if planned is None or planned <= 0 or amount <= planned:
                continue
            figures = {"row": plan.row_numbers[k], "percent": amount * 100 // planned}
            figures |= {"since": money_text(amount, factor, lang), "planned": money_text(planned, factor, lang)}
            figures["month"] = calendar_text("month_abbr_year", lang, month=month, year=year)
            rows.append(Problem("note_since_above_planned_row", None, figures).message(lang))
        if rows:
            shown = ("；" if lang == "zh" else "; ").join(rows[:_LISTED]) + (" …" if len(rows) > _LISTED else "")
            said = {"sheet": sa.name, "count": len(rows), "rows": shown}
            notes.append(Problem("note_since_above_planned", None, said))
    return notes


def ytd_above_planned_notes(analysis: ImportAnalysis, lang: str) -> list[Problem]:
    """The years to date above their project's planned investment imported (their header names this year's
    months): one note per sheet, its first twelve rows with both figures — none of a row refused since."""
    refused = {
        (sa.name, sa.plan.row_numbers[k])
        for sa in analysis.sheets
        if sa.plan is not None
        for k, status in enumerate(sa.status)
        if status == INVALID
    }
    groups: dict[str, list[str]] = {}
    for sheet, row, y, m, ytd, planned, factor in analysis.above_planned:
        if (sheet, row) in refused:
            continue
        figures = {"span": MonthSpan(y, 1, m).label(lang), "row": row}
        figures.update(ytd=money_text(ytd, factor, lang), planned=money_text(planned, factor, lang))
        groups.setdefault(sheet, []).append(Problem("note_ytd_above_planned_row", None, figures).message(lang))
    return [
        Problem(
            "note_ytd_above_planned",
            None,
            {"sheet": s, "count": len(rows), "rows": "; ".join(rows[:_LISTED]), "since": SINCE_HEADER},
        )
        for s, rows in groups.items()
    ]

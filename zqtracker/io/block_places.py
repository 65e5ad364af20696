"""Tables stacked on one sheet, each under a title of its own naming its district (probe29a T29): 肇庆市高要区
2025年1-10月重点项目进展情况表 over twelve projects, then 肇庆市四会市…表 over eight more, and no district
column. A row without a district takes the district of its own table's title — the nearest title above it
that names one — never another table's; the sheet's own hint (the first title, its name, its 填报单位 line)
still holds for the rows above the first such title. Called by io/plan_tables.py once every row is read,
before the sections' districts are filled in (a section row naming a district, nearer still, wins).

Titles above the header that name two districts say the rows are of both, without saying which is whose:
asked, unless the user said the district or a column or section gives every row its own.

A later table under a header of its own whose title names no district (续建项目表, 二、新开工项目) was read as
the first title's district's, silently. Its rows take the district the whole file names — the file's name,
the sheet's, its 填报单位 line, or a title over the tables' own titles (肇庆市高要区…表 over 一、续建项目) —
and when nothing names one, the import asks (district_title_missing) rather than guess.

A district's name typed alone on a row between the projects (四会市 in A7, unmerged, no year, no header again)
was read as a line of the project above, its rows the first title's district's. io/rows.py reads it as a
title; io/lone_places.py says whether it surely heads the rows under it (their 序号 starts again), and when it
does not, the import asks (place_row_unclear).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.context import place_in_text
from zqtracker.io.errors import CellProblem
from zqtracker.io.header_again import is_continued
from zqtracker.io.lone_places import lone_places
from zqtracker.io.row_ranges import runs_text
from zqtracker.io.sheet_context import unit_line_factor, without_sent_dates
from zqtracker.io.values import clean_text, is_empty

if TYPE_CHECKING:
    from collections.abc import Callable

    from zqtracker.io.layout_model import SheetLayout
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet

_NOT_TITLES = ("填报单位", "报送单位", "填表单位")


def _title_text(row: list) -> str:
    """A title row's text; "" for a 填报单位 or 单位 line, or a line of dates alone."""
    line = without_sent_dates("  ".join(clean_text(v) for v in row if v.__class__ is str and v.strip()))
    if not line or any(w in line for w in _NOT_TITLES) or unit_line_factor(line) is not None:
        return ""
    return line


def _title_place(row: list, known: frozenset[str]) -> str | None:
    """The district a title row names (never a 填报单位 or 单位 line's)."""
    line = _title_text(row)
    return place_in_text(line, known) if line else None


def _later_titles(plan: SheetPlan, sheet: RawSheet, layout: SheetLayout) -> list[tuple[int, str]]:
    """(its top row, its text) for each later table's title: the rows over a header printed again that are
    no project's, total's or 单位 line (a page's header again, bare or under 续表, starts no table)."""
    first = layout.header_row - sheet.row_offset + max(layout.header_rows, 1)
    data, out = set(plan.data_rows), []
    for h in sorted(i for i, kind in plan.skipped.items() if kind == "header" and i >= first):
        if plan.skipped.get(h - 1) == "header":
            continue
        texts, i = [], h - 1
        while i >= first and h - i <= 4 and plan.skipped.get(i) not in ("total", "header"):
            filled = [v for v in sheet.rows[i] if not is_empty(v)]
            if not filled or (i in data and (len(filled) > 1 or filled[0].__class__ is not str)):
                break  # (a title unmerged is still read as a row, one text alone: a continuation's, later)
            texts.append((i, _title_text(sheet.rows[i])))
            i -= 1
        said = [(i, t) for i, t in reversed(texts) if t]
        if said and not any(is_continued(t) for _i, t in said):
            out.append((said[0][0], "  ".join(t for _i, t in said)))
    return out


def _file_place(sheet: RawSheet, layout: SheetLayout, known: frozenset[str], source: str) -> str | None:
    """The one district the file, the sheet's name, its 填报单位 line or a title over the first table's own
    title names for the whole sheet; None when none does, or they disagree."""
    found = {place_in_text(t, known) for t in (source, sheet.name, layout.reporter) if t}
    places = [place_in_text(t, known) for t in map(_title_text, ([t] for t in layout.titles)) if t]
    at = next((k for k, p in enumerate(places) if p), None)
    if at is not None and None in places[at + 1 :]:  # 高要区…表 over 一、续建项目
        found.add(places[at])
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _own_place(plan: SheetPlan, contexts: list | None, k: int) -> bool:
    """Row ``k`` has a district of its own: a district cell, or a section row naming one."""
    given = plan.values.get("district")
    ctx = contexts[k] if contexts is not None and k < len(contexts) else None
    return (given is not None and given[k] is not None) or any(s and s[0] == "district" for s in ctx or ())


def block_places(
    plan: SheetPlan,
    sheet: RawSheet,
    layout: SheetLayout,
    contexts: list | None,
    known: frozenset[str],
    source: str = "",
    numbers: Callable[[], list | None] | None = None,
) -> list | None:
    """``contexts`` with each row of a table titled with another district than the sheet's taking that
    district (a context as a section's, put first: a section's own district wins); the note naming
    each district and its rows; the question when the titles above the header name two districts, or a later
    table's title none (``source``: the file's name, without its suffix)."""
    if plan.district_from == "user" or not plan.data_rows:
        return contexts
    above = {p for t in layout.titles if (p := _title_place([t], known))}
    if len(above) > 1 and not all(_own_place(plan, contexts, k) for k in range(len(plan))):
        shown = "、".join(sorted(above))
        problem = Problem("district_titles_differ", "district", {"value": shown, "places": shown})
        plan.sheet_problems.append(CellProblem(sheet.name, layout.header_row + 1, "", "", shown, problem))
        return contexts
    titles: dict[int, tuple[str | None, str]] = {
        i: (p, "") for i, kind in plan.skipped.items() if kind == "title" and (p := _title_place(sheet.rows[i], known))
    }
    for i, text in _later_titles(plan, sheet, layout):
        titles[i] = (place_in_text(text, known), text)
    lone = lone_places(plan, sheet, known, numbers)  # 四会市 alone in A7 over its rows
    titles.update((i, (p, "")) for i, (p, sure) in lone.items() if sure)
    unclear = sorted((i, p) for i, (p, sure) in lone.items() if not sure)
    titled = sorted(titles.items())
    if not any(p for _i, (p, _t) in titled) and (not titled or plan.district_from != "title") and not unclear:
        return contexts  # no title names a district: the sheet's hint holds
    whole = _file_place(sheet, layout, known, source)
    rows_of: dict[str, list[int]] = {}
    place, t = plan.default_district, 0
    moved = False
    for k, i in enumerate(plan.data_rows):
        if unclear and unclear[0][0] < i:
            (at, lone_place), unclear = unclear[0], unclear[1:]
            if place not in (None, lone_place) and not all(_own_place(plan, contexts, j) for j in range(k, len(plan))):
                _ask(plan, sheet, at, lone_place, place)  # 四会市 alone, 高要区's numbering going on under it
                return contexts
        while t < len(titled) and titled[t][0] < i:
            (at, (named, text)), t = titled[t], t + 1
            rows = range(k, len(plan))
            if (
                named is None
                and whole is None
                and place is not None
                and not all(_own_place(plan, contexts, j) for j in rows if _before(titled, t, plan, j))
            ):  # 续建项目表 under 高要区's table: whose are its rows?
                row = at + sheet.row_offset + 1
                params = {"sheet": sheet.name, "row": row, "value": text, "place": place}
                problem = Problem("district_title_missing", "district", params)
                plan.sheet_problems.append(CellProblem(sheet.name, row, "", "", text, problem))
                return contexts
            place = named or whole or place
        if place is None or _own_place(plan, contexts, k):
            continue
        rows_of.setdefault(place, []).append(plan.row_numbers[k])
        if place != plan.default_district:
            if contexts is None:
                contexts = [None] * len(plan)
            contexts[k] = (("district", place), *(contexts[k] or ()))
            moved = True
    if moved:
        blocks = "; ".join(f"{p}: {runs_text(rows)}" for p, rows in rows_of.items())
        plan.notes.append(Problem("note_district_blocks", None, {"sheet": sheet.name, "blocks": blocks}))
    return contexts


def _ask(plan: SheetPlan, sheet: RawSheet, at: int, named: str, place: str) -> None:
    """Row ``at`` names ``named`` alone over rows numbered on from ``place``'s: its title, or a line of the
    project above? Asked (place_row_unclear): nothing is written."""
    row = at + sheet.row_offset + 1
    value = next(clean_text(v) for v in sheet.rows[at] if not is_empty(v))
    params = {"sheet": sheet.name, "row": row, "value": value, "named": named, "place": place}
    problem = Problem("place_row_unclear", "district", params)
    plan.sheet_problems.append(CellProblem(sheet.name, row, "", "", value, problem))


def _before(titled: list, t: int, plan: SheetPlan, k: int) -> bool:
    """Data row ``k`` is above the next table's title (``titled[t]``), if any."""
    return t >= len(titled) or plan.data_rows[k] < titled[t][0]

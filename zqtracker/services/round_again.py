"""A return collected a second time (probe40b F4): the same file sent twice, re-saved as .xls or .ods, or
sent again with a few rows corrected.

Read against what is on record now, such a return seems to undo its own first collect: the status it
changed is no longer the 原项目状态 it was sent with, the 1–9月 its 1–10月累计 filled in is no longer
the grey 0 beside it, its new project is on record already — each said as the district's doing, and
the return refused. So once the district's part of the round is imported, each row whose status,
figures and progress note (a new project's every cell) are what is on record now is left out, with
those questions of its own: it changes nothing. A return that is all such rows is said in one line
("already collected on …; nothing to change" — the day the round records it returned, the one `round
status` and the round view show, and the day it was imported where that is another: probe36 F2); the
rows that differ are read as before (a corrected figure: ``round collect --again``).
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from zqtracker.domain.collect_messages import COLLECT_MESSAGES
from zqtracker.domain.errors import ValidationError
from zqtracker.domain.models import Project
from zqtracker.domain.rounds import History, Period, Reported
from zqtracker.io.dates import parse_fuzzy
from zqtracker.io.values import display, is_empty
from zqtracker.services.round_rows import takes_month
from zqtracker.storage.database import Database
from zqtracker.storage.projects import ProjectRepository
from zqtracker.storage.round_sheets import RoundSheetQueries
from zqtracker.storage.rounds import DistrictPart

# The question a collected row raises of itself: its grey 1–(X−1)月 and last month beside a 1–X月累计
# are no longer the record's (its first collect stored the months they left out).
_OWN_CHANGE = "round_figure_on_record_edited"


def collected_again(db: Database, ret: Any, part: DistrictPart) -> list[Reported]:
    """Leave out of ``ret`` (a DistrictReturn whose district's ``part`` of the round is imported) the rows
    that change nothing, and set ``ret.collected_on`` and ``imported_on`` when that is all of them; the
    rows left out."""
    assert part.imported_at is not None
    period: Period = ret.period
    with db.session() as s:
        now = RoundSheetQueries(s).histories(list(ret.sent), period.next())  # records through the month
        added = {p.id: p for p in ProjectRepository(s).get_many([p for p in ret.sent if p not in ret.meta.ids])}
    asked = {(p.sheet, p.row) for p in ret.rows.problems if p.problem.code != _OWN_CHANGE}
    same: list[Reported] = []
    for row in ret.rows.rows:
        if (row.sheet, row.row) in asked:
            continue  # a question of its own: read, and asked, as before
        if row.project_id is None:
            pid = next((k for k, p in added.items() if p.name.strip() == row.name.strip()), None)
            if pid is None or not _new_row_as_stored(ret, row, project := added.pop(pid)):  # the one it added
                continue
            status, note, history = project.status, project.progress_note, now.get(pid)
        else:
            sent = ret.sent[row.project_id]
            status, note, history = sent.status, sent.progress_note, now.get(row.project_id)
        # (a row sent back is not on record: read again, as the district may have corrected it)
        if (
            history is not None
            and row.status_after in (None, status)
            and (not row.progress or row.progress == (note or "").strip())
            and _figures_on_record(row, history, period, takes_month(ret, row))
        ):
            same.append(row)
    rows = {(r.sheet, r.row) for r in same}
    own = [p for p in ret.rows.problems if (p.sheet, p.row) in rows and p.problem.code == _OWN_CHANGE]
    if len(same) == len(ret.rows.rows) and len(own) == len(ret.rows.problems):
        ret.imported_on = part.imported_at.replace(tzinfo=UTC).astimezone().date()
        ret.collected_on = part.returned_on or ret.imported_on
    ret.rows.rows = [r for r in ret.rows.rows if (r.sheet, r.row) not in rows]
    ret.rows.problems = [p for p in ret.rows.problems if all(p is not o for o in own)]
    # a 原项目状态 the first collect changed (to the status this row gives) is no edit of the district's
    ret.rows.renamed = [
        (rep, key, before, value)
        for rep, key, before, value in ret.rows.renamed
        if (rep.sheet, rep.row) not in rows
        and not (key == "status_before" and rep.status_after is not None and rep.status_after is _status(ret, rep))
    ]
    return same


def _status(ret: Any, rep: Reported) -> object:
    sent = ret.sent.get(rep.project_id)
    return sent.status if sent is not None else None


def _figures_on_record(row: Reported, history: History, period: Period, month_given: bool) -> bool:
    """Whether 当月 and 1–X月累计 of the row are the month and year to date on record. ``month_given``:
    an accepted disagreement of the two (当月 was stored as the month)."""
    if row.this_month is None and row.ytd is None:
        return True
    month = history.records.get((period.year, period.month))
    if month is None or (row.this_month is not None and row.this_month != month):
        return False
    ytd = sum(v for (y, m), v in history.records.items() if y == period.year and m <= period.month)
    return month_given or row.ytd is None or row.ytd == ytd


def _new_row_as_stored(ret: Any, row: Reported, project: Project) -> bool:
    """Whether the new-projects row's other cells (enterprise, sector, planned investment, signed) are
    what the project added from it holds now."""
    sheet = next(s for s in ret.book.sheets if s.name == row.sheet)
    i = row.row - 1 - sheet.row_offset
    cells = sheet.rows[i] if 0 <= i < len(sheet.rows) else []

    def cell(key: str) -> object:
        j = ret.meta.new_columns.index(key) - sheet.col_offset
        return cells[j] if 0 <= j < len(cells) else None

    for key, stored in (("enterprise", project.enterprise), ("sector", project.sector)):
        if not is_empty(cell(key)) and display(cell(key)).strip() != (stored or "").strip():
            return False
    if row.planned is not None and row.planned != project.planned_investment:
        return False
    signed = cell("signed")
    if is_empty(signed):
        return True
    try:
        return parse_fuzzy(signed, "signed_on", ret.book.date1904) == (project.signed_on, project.signed_on_precision)
    except ValidationError:
        return False


def collected_text(ret: Any, lang: str) -> str:
    """ "端州区 — 2026年10月（端州区_2026-10.xlsx）：已于2026-11-09收集，无需更改。", and under it each sheet
    of the district's own the return holds now and the collect does not read (never passed over)."""
    code = "round_already_collected" if ret.imported_on in (None, ret.collected_on) else "round_already_collected_on"
    imported = ret.imported_on.isoformat() if ret.imported_on is not None else ""
    said = COLLECT_MESSAGES.say(code, lang, district=ret.district, label=ret.period.label(lang), file=ret.path.name,
                                on=ret.collected_on.isoformat(), imported=imported)  # fmt: skip
    return "\n".join([said, *(f"  {n.message(lang)}" for n in unread_notes(ret))])


def unread_notes(ret: Any) -> list:
    """The notes of sheets of the district's own holding text the round does not read (io/round_sheets.py)."""
    return [n for n in ret.rows.notes if n.code == "round_sheet_text_not_read"]

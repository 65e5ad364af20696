"""“Same as above” in a list: 同上, 〃, -do- under a value, and a district written once over its block.

Clerks write a repeated district, sector, enterprise or status once and mark the rows below 同上 (同前,
〃, ″, "do", -do-, ditto), or leave them blank in a list sorted by district. Read as words these make a
district called 同上 holding most of the city's projects, or projects with no district at all.

- A “same as above” word in a column of words (district, sector, enterprise, status, type, dates…) is
  the value of the nearest data row above that gives one, before the cell is converted; one note per
  column names it and the rows. A word with nothing above it stays as written (and is refused there).
  Names, codes and figures never take a value from above: 同上 there is the row's problem.
- A blank district cell under a district the column gave (after the sections' own districts, before the
  title's or the user's default) is that district — how a list sorted by district reads, merged or not —
  when the column writes each district once (:func:`written_once`); one note names the column and the
  rows. Blanks above the first district stay blank, counted in a note. In a column that writes every
  row's district a blank is a project of no one district, left blank as before.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.address_places import check_addresses
from zqtracker.io.layout_model import ColumnInfo
from zqtracker.io.row_ranges import runs_text

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan
    from zqtracker.io.reader import RawSheet

# the words and marks for "the same as the row above"
SAME_WORDS = frozenset({"同上", "同前", "同上栏", "同上行", "\u3003", "″", '"', "“", "”", "''", "do", "-do-", "ditto"})
_LONGEST = 12  # characters of a "same as above" cell, spaces and a full stop included
# columns of words, where a value may be carried down; never names, codes or figures
_CARRIED = frozenset({
    "enterprise", "sector", "district", "status", "project_type", "investor_origin", "officer", "contact", "chain",
    "signed_on", "construction_start_on", "production_on", "is_key_project",
})  # fmt: skip


def is_same_word(value: object) -> bool:
    """同上, 〃, -do- (full-width or with spaces and a full stop too)."""
    if value.__class__ is not str:
        return False
    text = unicodedata.normalize("NFKC", value).strip().rstrip("。.").replace(" ", "").lower()
    return text in SAME_WORDS


class SameAsAbove:
    """Carries values down over “same as above” words, chunk after chunk (:meth:`fill`), remembering the
    rows filled per column for one note each (:meth:`notes`)."""

    def __init__(self) -> None:
        self.last: dict[int, object] = {}  # column → the last value given in it
        self.filled: dict[int, tuple[ColumnInfo, list[int]]] = {}  # column → (its header, sheet rows)

    def fill(self, info: ColumnInfo, raw: tuple | list, rows: list[int]) -> tuple | list:
        """``raw``: a chunk of the column's cells; ``rows``: their sheet row numbers."""
        if info.field not in _CARRIED:
            return raw
        j, last, out = info.index, self.last.get(info.index), None
        short = {v for v in raw if v.__class__ is str and len(v) <= _LONGEST}
        if not any(map(is_same_word, short)):  # the common case: nothing to carry, the last value remembered
            self.last[j] = next((v for v in reversed(raw) if v is not None and v != ""), last)
            return raw
        for k, v in enumerate(raw):
            if v is None or v == "":
                continue
            if is_same_word(v):
                if last is not None:
                    if out is None:
                        out = list(raw)
                    out[k] = last
                    self.filled.setdefault(j, (info, []))[1].append(rows[k])
                continue
            last = v
        if last is not None:
            self.last[j] = last
        return raw if out is None else out

    def notes(self, plan: SheetPlan, sheet: str) -> None:
        for info, rows in self.filled.values():
            params = {"sheet": sheet, "column": info.letter, "header": info.header, "count": len(rows)}
            plan.notes.append(Problem("note_same_as_above", None, {**params, "rows": runs_text(rows)}))


def carried_down(
    plan: SheetPlan, contexts: list | None, infos: list, sheet: RawSheet, same: SameAsAbove, known: frozenset
) -> None:
    """The notes of ``same`` (同上 read as the value above); an address column's district for a row without
    one (io/address_places.py); then blank district cells under a district the column gave take it (see
    the module's note) — before the sections' districts are filled in (``contexts``: each row's section
    rows), which win. A district taken from a row's address is that row's alone, never carried down."""
    same.notes(plan, sheet.name)
    values = plan.values.get("district")
    given = list(values) if values is not None else None
    check_addresses(plan, sheet.rows, sheet.col_offset, known)  # 项目地址
    info = next((i for i in infos if i.field == "district"), None)
    if info is None or values is None or given is None or not written_once(given):
        return
    last, filled, before = None, [], []
    for k, v in enumerate(given):
        ctx = contexts[k] if contexts is not None and k < len(contexts) else None
        from_section = next((s[1] for s in reversed(ctx or ()) if s and s[0] == "district"), None)
        if v is not None:
            last = v
        elif values[k] is not None:  # the row's address named it
            continue
        elif from_section is not None:
            last = from_section  # the section's district fills it (apply_contexts), and goes on down
        elif last is not None:
            values[k] = last
            filled.append(plan.row_numbers[k])
        else:
            before.append(plan.row_numbers[k])
    params = {"sheet": sheet.name, "column": info.letter, "header": info.header}
    if filled:
        plan.notes.append(
            Problem("note_district_filled_down", None, {**params, "count": len(filled), "rows": runs_text(filled)})
        )
    if before and filled:
        plan.notes.append(
            Problem("note_district_blank_top", None, {**params, "count": len(before), "rows": runs_text(before)})
        )


def written_once(given: list) -> bool:
    """A column that writes each district once over its block: never a district right under the same
    one (a list writing every row's district repeats it), at least two blanks under a district, and
    enough of them to be the pattern — as many as the districts written, or a long list (20 written
    and more) where no repeat at all is the sign. A blank here and there in a list that writes every
    district is a project of no one district (肇庆东站综合交通枢纽): left blank."""
    last, written, blanks = None, 0, 0
    for v in given:
        if v is None:
            blanks += last is not None
            continue
        if v == last:
            return False
        last, written = v, written + 1
    return blanks >= 2 and (blanks >= written or written >= 20)

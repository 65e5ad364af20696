"""Words in a date column — "已开工", "2025年上半年", "计划2026年", "明年底" beside 2025-03-01 and 2025年底:
no date on that row, said in one note listing the cells, and the row imported with the rest of what it
gives. A refusal would hold back a whole list over a clerk's "已开工"; a cell made of digits that is no
date ("2025-13-01", "24.3") or could be two ("2023.1") stays the row's problem. The words are kept per
row: "已开工" under 开工时间 is evidence of the row's stage (services/import_status_evidence.py).

A column whose cells are mostly not dates is not read as dates at all (io/evidence.py), as before."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.domain.fuzzy_dates import DATE_FIELDS
from zqtracker.io.errors import CellProblem
from zqtracker.io.layout_model import SheetLayout
from zqtracker.io.month_days import read_month_days
from zqtracker.io.note_status import status_from_notes

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

_WORD_RE = re.compile(r"[^\d\s\-/.:年月日号]")  # a letter or 汉字 beyond a date's own
_SHOWN = 12  # cells listed in the note; the count says the rest


def read_row_words(plan: SheetPlan, layout: SheetLayout) -> None:
    """What rows say in words where a status or a date was looked for: a status in the 备注 column
    (io/note_status.py), dates without a year (io/month_days.py), words in the date columns
    (:func:`take_date_words`)."""
    status_from_notes(plan, layout)
    read_month_days(plan, layout)
    take_date_words(plan, layout.sheet)


def is_date_word(value: object) -> bool:
    """A cell that is words, not a date written wrong: some letter or 汉字 other than 年/月/日."""
    text = unicodedata.normalize("NFKC", str(value)).strip()
    return bool(text) and _WORD_RE.search(text) is not None


def _is_word(p: CellProblem) -> bool:
    return p.problem.code == "bad_date" and p.problem.field in DATE_FIELDS and is_date_word(p.value)


def take_date_words(plan: SheetPlan, sheet: str) -> None:
    """The date cells refused for being words: out of the rows' problems, into ``plan.date_words``
    (row k → [(field, word)]) and one note."""
    taken: list[tuple[int, CellProblem]] = []
    for k in [k for k, ps in plan.problems.items() if any(map(_is_word, ps))]:
        kept = [p for p in plan.problems[k] if not _is_word(p)]
        taken.extend((k, p) for p in plan.problems[k] if _is_word(p))
        if kept:
            plan.problems[k] = kept
        else:
            del plan.problems[k]
    if not taken:
        return
    for k, p in taken:
        plan.date_words.setdefault(k, []).append((p.problem.field or "", str(p.value).strip()))
    cells = [
        f"{p.column}{p.row} {str(p.value).strip()}" for _k, p in sorted(taken, key=lambda t: (t[1].row, t[1].column))
    ]
    shown = ", ".join(cells[:_SHOWN]) + (", …" if len(cells) > _SHOWN else "")
    plan.notes.append(Problem("note_date_words", None, {"sheet": sheet, "count": len(cells), "cells": shown}))

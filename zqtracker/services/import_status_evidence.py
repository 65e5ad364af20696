"""A new project whose row gives no status word — no status column, a blank cell, only a 形象进度 — takes
the stage its own row shows, said in a note naming what showed it and how many rows, instead of Signed:

- completed investment this year (a 1–X月 figure or a month's) or since the start above 0, a 开工时间 on or
  before the report period, "已开工" in a date column, 续建 / 新开工 in the name, or progress text of
  building (主体结构施工, 基础施工) → Under construction;
- a 投产时间 on or before the report period (not the planned end of a 建设年限 of a row still investing this
  year), or progress text 已投产 / 建成投产 → In production;
- progress text 前期 / 报建 / 征地 → Preparing.

The furthest stage shown wins. What the file or the user says comes first (services/import_analysis.py):
a status cell, a section row, 建设性质 续建 or a status in 备注, then ``--status`` or the sheet's name or
title; a row with no evidence stays Signed with that note. A stored project's status is never inferred.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.domain.fuzzy_dates import DatePrecision, period_end
from zqtracker.domain.status import Status, status_of_word
from zqtracker.domain.status_evidence_messages import EVIDENCE_WORDS
from zqtracker.io.row_ranges import runs_text

if TYPE_CHECKING:
    from zqtracker.services.import_model import ImportAnalysis, SheetAnalysis

_BUILDING = Status.UNDER_CONSTRUCTION
_NAME_RE = re.compile(r"[(（【\[]\s*(?:续建|新开工)\s*[)）】\]]|(?:续建|新开工)(?:项目|工程)?\s*$")
_CLAUSE_RE = re.compile(r"[，,；;。、\n]+")
_NOT_YET = ("未", "尚", "待", "拟", "计划", "预计", "准备", "将", "争取", "力争", "确保", "开工前")
_ASKED = (
    "since_start",
    "name",
    "progress_note",
    *(f + p for f in ("construction_start_on", "production_on") for p in ("", "_precision")),
)
_HALTED = ("停", "缓建", "暂缓", "终止", "取消", "搁置")
_STAGE_WORDS = (
    (Status.IN_PRODUCTION, ("投产", "达产")),
    (Status.TRIAL_PRODUCTION, ("试产", "试生产")),
    (Status.COMMISSIONING, ("调试",)),
    (_BUILDING, ("施工", "在建", "开工", "动工", "封顶", "建设中")),
    (Status.PREPARING, ("前期", "报建", "报批", "征地", "立项", "环评")),
)


def progress_stage(text: object) -> Status | None:
    """The furthest stage a progress text shows, clause by clause ("已完成前期，主体结构施工" → under
    construction); a clause of intentions ("计划年底投产", "未开工") shows none further than preparing,
    and a halt anywhere (停工, 暂缓) none at all."""
    if not isinstance(text, str) or not text.strip() or any(w in text for w in _HALTED):
        return None
    found: list[Status] = []
    for clause in filter(None, _CLAUSE_RE.split(text)):
        intended = any(w in clause for w in _NOT_YET)
        word = None if intended else status_of_word(clause)
        if word is not None and word.is_pipeline and word.order > Status.SIGNED.order:
            found.append(word)
            continue
        for status, words in _STAGE_WORDS:
            if (status is Status.PREPARING or not intended) and any(w in clause for w in words):
                found.append(status)
                break
    return max(found, key=lambda s: s.order, default=None)


class RowEvidence:
    """What each row of one sheet shows of its stage, worked out once per sheet, asked row by row."""

    def __init__(self, sa: SheetAnalysis) -> None:
        self.sa = sa
        self.plan = plan = sa.plan
        assert plan is not None
        year, month = plan.layout.period
        year = year or plan.layout.year
        self.as_of = period_end(date(year, month, 1), DatePrecision.MONTH) if year and month else date.today()
        years = {y for _k, y, *_rest in (*plan.ytd, *plan.months)}
        this_year = year or max(years, default=None)
        self.completed = {k for k, y, _m, yuan in (*plan.ytd, *plan.months) if y == this_year and yuan and yuan > 0}
        self.completed |= {k for k, y, *_months, yuan in plan.spans if y == this_year and yuan > 0}  # 二季度 alone
        # a production date that is only the end a 建设年限 planned (io/plan_finish.spread_periods): no
        # evidence of production for a row still investing this year (2022.3-2024.12 with 2025's 1-10月)
        fields = plan.layout.fields()
        self.planned_end = "construction_period" in fields and "production_on" not in fields
        # the columns asked row by row, fetched once (a column the sheet lacks is a new list of None each time)
        self.col = {f: plan.column(f) for f in _ASKED}

    def _reached(self, field: str, k: int) -> bool:
        """A date in ``field`` whose whole period ends on or before the report period ("2025" does not
        for October 2025: it may mean December)."""
        day, precision = self.col[field][k], self.col[field + "_precision"][k]
        return day is not None and period_end(day, DatePrecision(precision or "day")) <= self.as_of

    def of(self, k: int) -> tuple[Status, list[str]] | None:
        """The furthest stage row ``k`` shows and the kinds of evidence showing it; None: nothing shows one."""
        plan = self.plan
        assert plan is not None
        shown: list[tuple[Status, str]] = []
        if k in self.completed:
            shown.append((_BUILDING, "completed"))
        since = self.col["since_start"][k]
        if isinstance(since, int) and since > 0:
            shown.append((_BUILDING, "since_start"))
        if self._reached("construction_start_on", k):
            shown.append((_BUILDING, "start_date"))
        if self._reached("production_on", k) and not (self.planned_end and k in self.completed):
            shown.append((Status.IN_PRODUCTION, "production_date"))
        for _field, word in plan.date_words.get(k, []):
            status = status_of_word(word)
            if status is not None and status.is_pipeline and status.order >= _BUILDING.order:
                shown.append((status, "date_word"))
        name = self.col["name"][k]
        if isinstance(name, str) and _NAME_RE.search(name):
            shown.append((_BUILDING, "name"))
        stage = progress_stage(self.col["progress_note"][k])
        if stage is not None:
            shown.append((stage, "progress"))
        if not shown:
            return None
        best = max((s for s, _kind in shown), key=lambda s: s.order)
        return best, [kind for s, kind in shown if s is best]

    def status(self, k: int, result: ImportAnalysis) -> Status:
        """Row ``k``'s stage as its evidence shows it, kept for the note; else Signed, counted for its note."""
        found = self.of(k)
        if found is None:
            result.default_status += 1
            return Status.SIGNED
        result.inferred.append((self.sa.name, self.plan.row_numbers[k], found[0], found[1]))  # type: ignore[union-attr]
        return found[0]


def inferred_notes(analysis: ImportAnalysis, lang: str) -> list[Problem]:
    """One note per sheet and stage: how many new projects, what their rows showed (counted by kind), which rows."""
    groups: dict[tuple[str, Status], list[tuple[int, list[str]]]] = {}
    for sheet, row, status, kinds in analysis.inferred:
        groups.setdefault((sheet, status), []).append((row, kinds))
    notes = []
    for (sheet, status), rows in groups.items():
        counts: dict[str, int] = {}
        for _row, kinds in rows:
            for kind in kinds:
                counts[kind] = counts.get(kind, 0) + 1
        evidence = "".join(
            EVIDENCE_WORDS.say("more" if i else "first", lang, what=EVIDENCE_WORDS.say(kind, lang), count=n)
            for i, (kind, n) in enumerate(counts.items())
        )  # "completed investment this year (1), a start date … (1)"
        params = {"sheet": sheet, "count": len(rows), "status": status.label(lang), "evidence": evidence}
        notes.append(Problem("note_status_inferred", None, {**params, "rows": runs_text([r for r, _ in rows])}))
    return notes

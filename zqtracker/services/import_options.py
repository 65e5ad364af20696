"""What an import is asked and what it answers: the options the dialog and ``zqtracker import`` give
(:class:`ImportOptions`), the result (:class:`ImportResult`, the CLI's ``--json``), the refusal of
what is asked (:class:`ImportRefused`) and the import's progress in the user's words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from zqtracker.domain.errors import DomainError, Problem
from zqtracker.domain.meanwhile_messages import AddedMeanwhile
from zqtracker.domain.money import Unit
from zqtracker.domain.words import Catalogue
from zqtracker.io.errors import CellProblem, listed_problems
from zqtracker.services.import_mappings import Mapping
from zqtracker.services.progress import Progress
from zqtracker.storage.importing import ImportChange

MODES = ("merge", "append", "replace")


# The import's progress stages, and the note an import's change carries.
WORDS = Catalogue(
    "import_words",
    {
        "imported_from": ("Imported from {file}", "从 {file} 导入"),
        "read": ("Reading “{sheet}”…", "正在读取“{sheet}”…"),
        "projects": ("Writing projects…", "正在写入项目…"),
        "updates": ("Updating projects…", "正在更新项目…"),
        "records": ("Writing monthly investment…", "正在写入月度完成投资…"),
        "commit": ("Saving…", "正在保存…"),
    },
)


class _Worded:
    """A Progress whose texts are sentences in the user's language (the layers below report a
    sheet name or a stage); cancelling goes through to the one wrapped."""

    def __init__(self, inner: Progress, lang: str, reading: bool) -> None:
        self.inner, self.lang, self.reading = inner, lang, reading

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        stage = "read" if self.reading else text
        if stage in WORDS:
            self.inner.say(done, total, lambda lang: WORDS.say(stage, lang, sheet=text), self.lang)
        else:
            self.inner.report(done, total, text)

    def check(self) -> None:
        self.inner.check()


def worded(progress: Progress | None, lang: str, *, reading: bool = False) -> Progress | None:
    return None if progress is None else _Worded(progress, lang, reading)  # type: ignore[return-value]


class ImportRefused(DomainError):
    """The import cannot go ahead as asked (not the file's fault): one sentence, coded."""

    def __init__(self, code: str, **params: object) -> None:
        self.problem = Problem(code, None, dict(params))
        super().__init__(self.problem.message("en"))

    def message(self, lang: str = "en") -> str:
        return self.problem.message(lang)


def parse_period(text: str) -> tuple[int, int] | None:
    """A report's year and month as the user writes it (2025-10, 2025.10, 2025/10, 2025年10月), or None."""
    m = re.fullmatch(r"\s*((?:19|20|21)\d{2})\s*[-./年]\s*(\d{1,2})\s*月?\s*", text)
    return (int(m[1]), int(m[2])) if m is not None and 1 <= int(m[2]) <= 12 else None


@dataclass
class ImportOptions:
    mode: str = "merge"
    sheets: list[str] | None = None  # None: every visible sheet that is recognised
    unit: Unit | None = None  # for money that has no unit in its cell, header or a unit line
    skip_invalid: bool = False
    mappings: dict[str, Mapping] = field(default_factory=dict)  # the user's corrections, by sheet
    use_remembered: bool = True
    lang: str = "en"
    # What the user says of every chosen sheet (the CLI's --header-row, --map, --district …):
    header_row: int | None = None  # 1-based row of the header
    column_map: dict[str, str | None] = field(default_factory=dict)  # column letter or header text → field
    district: str | None = None  # for rows without a district
    sector: str | None = None  # for rows without a sector
    status: str | None = None  # for new projects without a status (a Status value)
    status_map: dict[str, str] = field(default_factory=dict)  # a status word → Status value
    district_map: dict[str, str] = field(default_factory=dict)  # a district as written → the district it is
    links: dict[tuple[str, int], int] = field(default_factory=dict)  # (sheet, row) → stored project id
    rates: dict[str, Decimal] = field(default_factory=dict)  # currency → yuan per unit (--rate USD=7.10)
    hidden_rows: str | None = None  # rows hidden in the sheet: "import", "skip" (--hidden-rows), None: ask
    struck_rows: str | None = None  # rows struck through: "import", "skip" (--struck-rows), None: ask
    date_order: str | None = None  # slash dates that read either way (03/04/2023): "mdy", "dmy" (--date-order)
    period: tuple[int, int] | None = None  # the report's (year, month) as the user says it (--period 2025-10)
    title_keys: bool = True  # a title of 重点项目 marks the list's projects as key (io/key_lists.py); a round's: not


@dataclass
class ImportResult:
    file: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    investment_records: int = 0
    plans: int = 0
    problems: list[CellProblem] = field(default_factory=list)
    new_sectors: list[str] = field(default_factory=list)
    new_districts: list[str] = field(default_factory=list)
    new_enterprises: list[str] = field(default_factory=list)
    written: bool = False
    notes: list[Problem] = field(default_factory=list)
    change: ImportChange | None = None
    backup: Path | None = None
    project_ids: list[int] = field(default_factory=list)  # added and updated
    changes: list[dict] = field(default_factory=list)  # field-level changes (services/import_changes.py)
    changes_total: int = 0
    rounded: list[dict] = field(default_factory=list)  # amounts a spreadsheet program rounded: left as stored
    hidden_rows: list[dict] = field(default_factory=list)  # data rows hidden in the sheet, per sheet (hidden_of)
    struck_rows: list[dict] = field(default_factory=list)  # data rows struck through, per sheet (the same shape)
    # new references another user added between the analysis and the write: used, not added (import_meanwhile.py)
    added_meanwhile: AddedMeanwhile | None = None
    warnings: list[Problem] = field(default_factory=list)  # of a write that stands (a disk it left full)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self, lang: str = "en") -> dict[str, object]:
        """The CLI's ``--json`` shape: issue 4's keys, and issue 13's field-level changes and the
        amounts left as stored because a spreadsheet program rounded them; the data rows hidden in
        the sheet or struck through and whether they were imported; the notes in sentences. At most 100 problems are
        listed per column, the rest counted in ``skipped_not_listed`` (issue 16)."""
        listed, omitted = listed_problems(self.problems)
        return {
            "written": self.written,  # False: a dry run (its counts what it would write) or refused
            "refused": False,  # True (services/import_unwritten.py): problems, nothing written, nothing counted
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "investment_records": self.investment_records,
            "annual_plans": self.plans,
            "skipped": [p.as_json(lang) for p in listed],
            "skipped_total": len(self.problems),
            "skipped_not_listed": omitted,
            "new_sectors": self.new_sectors,
            "new_districts": self.new_districts,
            "new_enterprises": self.new_enterprises,  # the names the text's "New enterprises" line lists
            "changes": self.changes,
            "changes_total": self.changes_total,
            "rounded": self.rounded,
            "hidden_rows": self.hidden_rows,
            "struck_rows": self.struck_rows,
            "notes": [n.message(lang) for n in self.notes],
            "warnings": [w.message(lang) for w in self.warnings],
        }

"""Why a file was refused, and what is wrong with one cell: coded, worded by domain.messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zqtracker.domain.errors import DomainError, Problem
from zqtracker.domain.words import CLI, Catalogue, Surface

_WORDS = Catalogue(
    "cell_location",
    {
        "row": ("sheet “{sheet}”, row {row}", "工作表“{sheet}”第 {row} 行"),
        "column": (", column {column}", "，{column}列"),
    },
)


class WorkbookRefused(DomainError):
    """The file cannot be imported at all. ``str()`` is one English sentence naming the file;
    :meth:`message` words it in another language."""

    def __init__(self, code: str, file: str, **params: Any) -> None:
        self.problem = Problem(code, None, {"file": file, **params})
        super().__init__(self.problem.message("en"))

    @property
    def code(self) -> str:
        return self.problem.code

    def message(self, lang: str = "en", surface: Surface = CLI) -> str:
        return self.problem.message(lang, surface)


MAX_SHOWN_CHARS = 200  # of a cell's value in a message or --json: a 32,767-character cell is not read


def shorten(text: str, limit: int = MAX_SHOWN_CHARS) -> str:
    """``text`` cut to ``limit`` characters, saying how many more there were."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… (+{len(text) - limit})"


@dataclass(frozen=True, slots=True)
class CellProblem:
    """One refused value: where it is (the sheet's own 1-based row, the column letter and
    header) and why (a coded Problem)."""

    sheet: str
    row: int
    column: str  # letter, "" when the problem is the row's
    header: str
    value: str
    problem: Problem

    def reason(self, lang: str = "en", surface: Surface = CLI) -> str:
        """The problem in words, with any value in it shortened (the sentence is for reading); a
        remedy as ``surface`` offers it."""
        params = self.problem.params
        long = {k: shorten(v) for k, v in params.items() if isinstance(v, str) and len(v) > MAX_SHOWN_CHARS}
        if long:
            return Problem(self.problem.code, self.problem.field, {**params, **long}).message(lang, surface)
        return self.problem.message(lang, surface)

    @property
    def shown_value(self) -> str:
        return shorten(self.value)

    def location(self, lang: str = "en") -> str:
        col = f"{self.column} “{self.header}”" if self.header else self.column
        where = _WORDS.say("row", lang, sheet=self.sheet, row=self.row)
        return where + (_WORDS.say("column", lang, column=col) if col else "")

    def as_json(self, lang: str = "en") -> dict[str, object]:
        """The item shape of the CLI's ``--json`` output (issue 4): exactly these five keys; the
        value shortened to MAX_SHOWN_CHARS (issue 16: 11.7 MB of cells made 246 MB of JSON)."""
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "value": self.shown_value,
                "error": self.reason(lang)}  # fmt: skip


MAX_LISTED_PER_COLUMN = 100


def listed_problems(
    problems: list[CellProblem], per_column: int = MAX_LISTED_PER_COLUMN
) -> tuple[list[CellProblem], list[dict[str, object]]]:
    """The first ``per_column`` problems of each sheet's column, and how many of each were left
    out ({"sheet", "column", "count"}): a column of 100k refused cells says so in one line."""
    seen: dict[tuple[str, str], int] = {}
    listed: list[CellProblem] = []
    for p in problems:
        key = (p.sheet, p.column)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= per_column:
            listed.append(p)
    omitted = [{"sheet": s, "column": c, "count": n - per_column} for (s, c), n in seen.items() if n > per_column]
    return listed, omitted

"""Why a file was refused, and what is wrong with one cell: coded, worded by domain.messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zqtracker.domain.errors import DomainError, Problem


class WorkbookRefused(DomainError):
    """The file cannot be imported at all. ``str()`` is one English sentence naming the file;
    :meth:`message` words it in another language."""

    def __init__(self, code: str, file: str, **params: Any) -> None:
        self.problem = Problem(code, None, {"file": file, **params})
        super().__init__(self.problem.message("en"))

    @property
    def code(self) -> str:
        return self.problem.code

    def message(self, lang: str = "en") -> str:
        return self.problem.message(lang)


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

    def reason(self, lang: str = "en") -> str:
        return self.problem.message(lang)

    def location(self, lang: str = "en") -> str:
        col = f"{self.column} “{self.header}”" if self.header else self.column
        if lang.startswith("zh"):
            return f"工作表“{self.sheet}”第 {self.row} 行" + (f"，{col}列" if col else "")
        return f"sheet “{self.sheet}”, row {self.row}" + (f", column {col}" if col else "")

    def as_json(self, lang: str = "en") -> dict[str, object]:
        """The item shape of the CLI's ``--json`` output (issue 4): exactly these five keys."""
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "value": self.value,
                "error": self.reason(lang)}  # fmt: skip

"""The status words a file's status columns use, as the preview lists them for re-mapping: the
district writes 已签协议 for what the bureau calls a lead, and zqtracker reads it as Signed; the
analyst says what it means there (the command line's ``--status-map``), for known words as for
unknown ones, and it is remembered with the sheet's columns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from zqtracker.domain.status import Status, status_of_word
from zqtracker.io import values as cells

if TYPE_CHECKING:
    from zqtracker.services.import_model import ImportAnalysis


@dataclass
class StatusWord:
    word: str  # as the cells write it
    known: Status | None  # what zqtracker reads it as by itself (None: a word it does not know)
    read: Status | None  # what this import reads it as (the user's or a remembered choice included)
    rows: int = 0
    sheets: list[str] = field(default_factory=list)

    @property
    def chosen(self) -> Status | None:
        """The status chosen for the word (by the user, or remembered), None while it is read as known."""
        return self.read if self.read is not None and self.read is not self.known else None


def status_words(analysis: ImportAnalysis | None) -> list[StatusWord]:
    """Each word of the chosen sheets' status columns, once: the unknown ones first (the import waits
    on them), then the known ones in the order met."""
    found: dict[str, StatusWord] = {}
    for sa in analysis.selected if analysis else []:
        plan = sa.plan
        if plan is None:
            continue
        read = plan.column("status")
        for info in (c for c in sa.layout.mapped() if c.field == "status"):
            j = info.index - sa.raw.col_offset
            for k, i in enumerate(plan.data_rows):
                row = sa.raw.rows[i]
                shown = cells.display(row[j]) if 0 <= j < len(row) else ""
                word, unknown = shown.strip(), shown in plan.unknown_statuses
                if not word or (read[k] is None and not unknown):  # blank, or 未开工 under 开工状态: no status
                    continue
                entry = found.get(word)
                if entry is None:
                    entry = found[word] = StatusWord(word, None if unknown else status_of_word(word), read[k])
                entry.rows += 1
                if sa.name not in entry.sheets:
                    entry.sheets.append(sa.name)
    return sorted(found.values(), key=lambda w: w.known is not None)

"""A sheet the reading process could not read (a cell longer than Excel allows, more cells than zqtracker reads,
a damaged part): its rows are not available, so nothing about it is guessed (probe36b F3).

Its own refusal is said — as the refusal of the import when the user named the sheet, as the note beside the
sheets imported otherwise (was: "could not be read", the reason left out). On the command line (and to a
script, ``ImportService.import_file``) a sheet the import would have taken without being named — visible, not
a view zqtracker wrote, not a sheet of instructions (说明, 填表说明) — refuses the import: it may hold projects,
and a list imported without them (a merge's projects missing, a replace's removed) at exit 0 with a note is
worse than a refusal that says how to import the other sheets (--sheet). The dialog lists the sheet, not
imported, with that note above the preview; its user chooses the sheets there.
"""

from __future__ import annotations

from dataclasses import dataclass

from zqtracker.domain.errors import Problem
from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.layout import UNKNOWN, SheetLayout
from zqtracker.io.reader import RawSheet
from zqtracker.services.import_choices import default_sheet
from zqtracker.services.import_model import ImportAnalysis, SheetAnalysis
from zqtracker.services.import_note_words import SKIP_REASONS, Said
from zqtracker.services.import_options import ImportOptions


@dataclass(frozen=True, slots=True, eq=False)
class Refusal:
    """A sheet's refusal as a parameter of another sentence, worded in the language it is shown in."""

    problem: Problem

    def label(self, lang: str = "en") -> str:
        return self.problem.message(lang)


def unreadable_sheet(raw: RawSheet, named: list[str] | None) -> SheetAnalysis:
    """The analysis of a sheet that could not be read, not imported; raises its refusal when it was named."""
    if raw.error is not None and named is not None and raw.name in named:
        raise raw.error
    return SheetAnalysis(raw, SheetLayout(raw.name, UNKNOWN), None, False, "unreadable")


def skipped_note(sa: SheetAnalysis) -> Problem:
    """Why a sheet was not imported; one that could not be read, by its own refusal."""
    if sa.reason == "unreadable" and sa.raw.error is not None:
        return Problem("note_sheet_unreadable", None, {"sheet": sa.name, "reason": Refusal(sa.raw.error.problem)})
    return Problem("note_sheet_skipped", None, {"sheet": sa.name, "why": Said(SKIP_REASONS, sa.reason)})


def refuse_unreadable_list(analysis: ImportAnalysis, options: ImportOptions) -> None:
    """Raises WorkbookRefused for a sheet that could not be read and would have been imported unnamed."""
    if options.sheets is not None:
        return
    for sa in analysis.sheets:
        if sa.reason == "unreadable" and sa.raw.error is not None and default_sheet(sa.raw):
            reason = Refusal(sa.raw.error.problem)
            raise WorkbookRefused("sheet_unreadable_list", analysis.book.path.name, sheet=sa.name, reason=reason)

"""A sheet the reading process could not read (a cell longer than Excel allows, more cells than zqtracker reads,
a damaged part): its rows are not available, so nothing about it is guessed (probe36b F3).

Its own refusal is said — as the refusal of the import when the user named the sheet, as the note beside the
sheets imported otherwise (was: "could not be read", the reason left out). On the command line (and to a
script, ``ImportService.import_file``) a sheet the import would have taken without being named — visible, not
a view zqtracker wrote, not a sheet of instructions (说明, 填表说明) — refuses the import: it may hold projects,
and a list imported without them (a merge's projects missing, a replace's removed) at exit 0 with a note is
worse than a refusal that says how to import the other sheets (--sheet). The dialog takes the same decision
(:func:`unread_lists`, :func:`unread_list_refusal`): it lists such a sheet as one that cannot be read, its refusal
above the preview, and Import waits until the user unticks the sheet's "Import this sheet" (ui/import_corrections.py).
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


def unread_lists(analysis: ImportAnalysis) -> list[SheetAnalysis]:
    """The sheets that could not be read and that an import would take without being named (visible, not a view
    zqtracker wrote, not a sheet of instructions): their projects would be missing from the list as imported."""
    return [
        sa for sa in analysis.sheets if sa.reason == "unreadable" and sa.raw.error is not None and default_sheet(sa.raw)
    ]


def unread_list_refusal(analysis: ImportAnalysis, sa: SheetAnalysis) -> WorkbookRefused:
    """The refusal of an import that would leave out ``sa`` (one of :func:`unread_lists`) unsaid: its own reason."""
    assert sa.raw.error is not None
    reason = Refusal(sa.raw.error.problem)
    return WorkbookRefused("sheet_unreadable_list", analysis.book.path.name, sheet=sa.name, reason=reason)


def refuse_unreadable_list(analysis: ImportAnalysis, options: ImportOptions) -> None:
    """Raises WorkbookRefused for a sheet that could not be read and would have been imported unnamed."""
    if options.sheets is not None:
        return
    for sa in unread_lists(analysis):
        raise unread_list_refusal(analysis, sa)

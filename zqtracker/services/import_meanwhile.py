"""What an import's result says of the sectors, districts and enterprises its analysis found new, once it
has written (probe40d): another user may have added some of them between the analysis and the write
(two district files naming one new sector, imported at the same moment). The write uses those as they
are and records only what it added (storage/importing.py create_references), so that its undo leaves
the others alone; the result, text, ``--json`` and the desktop's alike, must say the same: as new only
what this import added, and the rest in one note, never "new" in two people's reports."""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.domain.meanwhile_messages import AddedMeanwhile
from zqtracker.services.import_options import ImportResult
from zqtracker.storage.importing import ImportChange


def settled(result: ImportResult, change: ImportChange) -> ImportResult:
    """``result``, its new sectors, districts and enterprises cut to those ``change`` holds (the rows this
    import wrote); the others, added meanwhile by someone else, said in a note."""
    kinds = (
        (result.new_sectors, {r[1] for r in change.sectors}),
        (result.new_districts, {r[1] for r in change.districts}),
        (result.new_enterprises, {r[1] for r in change.enterprises}),
    )
    theirs = AddedMeanwhile(*(tuple(n for n in names if n not in mine) for names, mine in kinds))
    if not theirs.count:
        return result
    result.new_sectors, result.new_districts, result.new_enterprises = (
        [n for n in names if n in mine] for names, mine in kinds
    )
    result.added_meanwhile = theirs
    result.notes.append(meanwhile_note(theirs))
    return result


def meanwhile_note(theirs: AddedMeanwhile) -> Problem:
    """The note (one sentence) that ``theirs`` were added by someone else and used as they are."""
    return Problem("note_refs_meanwhile_one" if theirs.count == 1 else "note_refs_meanwhile", params={"refs": theirs})

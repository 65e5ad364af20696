"""A dry run that says what the import would, where the analysis alone cannot: on a server, an
account limited to its district sees other districts' projects as absent (row-level security hides
them), so a row of theirs looked new to it while the real import is refused; a reader may write
nothing. For such an account the dry run writes the import for real in a transaction the server
rolls back — its refusal is the import's, in the same sentence — and nothing is kept either way.
"""

from __future__ import annotations

from zqtracker.services import import_apply
from zqtracker.services.import_model import ImportAnalysis
from zqtracker.services.import_options import WORDS, ImportOptions
from zqtracker.storage.audit import acting
from zqtracker.storage.database import Database


def rehearse(database: Database, analysis: ImportAnalysis, options: ImportOptions) -> None:
    """Raises what the real import of ``analysis`` would (AccessRefused …) when this account's
    writes are limited by the server; does nothing otherwise, nor when the import would write
    nothing (problems without ``skip_invalid``, no work)."""
    from zqtracker.storage.server_roles import writes_limited

    if analysis.problems and not options.skip_invalid:
        return
    if not analysis.has_work and options.mode != "replace":
        return
    if not writes_limited(database.engine):
        return
    note = WORDS.say("imported_from", options.lang, file=analysis.book.path.name)
    with database.rehearsal() as trial, acting("import", analysis.book.path.name):
        import_apply.write(trial, analysis, note=note)

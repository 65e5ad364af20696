"""A dry run that says what the import would, where the analysis alone cannot: on a server, an
account limited to its district sees other districts' projects as absent (row-level security hides
them), so a row of theirs looked new to it while the real import is refused; a reader may write
nothing. For such an account the dry run writes the import for real in a transaction the server
rolls back — its refusal is the import's, in the same sentence — and nothing is kept either way.

An account the server lets only read (a reader, or one granted SELECT alone) is not rehearsed: every write
of it would be refused, so its dry run says what the import would change and that the import itself would
be refused, and its real import is refused before any work, the backup of the server included (probe28:
a read-only account could not even dry-run an import).
"""

from __future__ import annotations

from zqtracker.domain.errors import Problem, ReaderRefused
from zqtracker.services import import_apply
from zqtracker.services.import_district_scope import refuse_other_districts
from zqtracker.services.import_model import ImportAnalysis
from zqtracker.services.import_options import WORDS, ImportOptions, ImportResult
from zqtracker.storage.audit import acting
from zqtracker.storage.database import Database


def refuse_reader(database: Database, analysis: ImportAnalysis) -> None:
    """Raises ReaderRefused when the server lets this account only read, DistrictRefused when it may
    change its districts' projects only and ``analysis`` has rows of others."""
    from zqtracker.storage.server_roles import reads_only

    user = reads_only(database.engine)
    if user is not None:
        raise ReaderRefused(user)
    refuse_other_districts(database, analysis)


def rehearsed(
    database: Database, analysis: ImportAnalysis, options: ImportOptions, result: ImportResult
) -> ImportResult:
    """A dry run's ``result``, rehearsed (:func:`rehearse`); for an account that may only read, with a
    note that the import itself would be refused."""
    from zqtracker.storage.server_roles import reads_only

    if (analysis.problems and not options.skip_invalid) or (not analysis.has_work and options.mode != "replace"):
        return result
    user = reads_only(database.engine)
    if user is not None:
        result.notes.append(Problem("import_reader_dry_run", params={"user": user}))
        return result
    rehearse(database, analysis, options)
    return result


def rehearse(database: Database, analysis: ImportAnalysis, options: ImportOptions) -> None:
    """Raises what the real import of ``analysis`` would (AccessRefused …) when this account's
    writes are limited by the server; does nothing otherwise."""
    from zqtracker.storage.server_roles import writes_limited

    if not writes_limited(database.engine):
        return
    refuse_other_districts(database, analysis)  # (rows of other districts named, before any write)
    note = WORDS.say("imported_from", options.lang, file=analysis.book.path.name)
    with database.rehearsal() as trial, acting("import", analysis.book.path.name):
        import_apply.write(trial, analysis, note=note)

"""Two stored projects whose names differ only in spaces or bracket widths, in one district: a row's very
name is its own project — the exact name beats the folded one.

Names are matched folded (import_matching.name_key: "星湖产业园（一期）" = "星湖产业园(一期)"), so that a
name retyped with another bracket width or a space is the stored project (import_name_forms). A district
that holds both as two projects (two enterprises' 一期, stored by their codes) then had every re-import by
name refused — "several projects are called …; give the project code or the district", the district
given — and the second row taken for a repeat of the first (probe34a F8). A row naming one of them
exactly is that one, and a repeat only of a row of the very same name; a row naming neither exactly is
asked, saying that the stored names differ only in how they are written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.services.import_name_forms import same_name

if TYPE_CHECKING:
    from zqtracker.services.import_matching import Match, Matcher
    from zqtracker.services.import_model import Context


def one_of(matcher: Matcher, found: list[int], name: str, enterprise: object) -> Match:
    """The stored project of a row's folded name (``found``: the one, or several): of several, the one
    whose stored name is the row's exactly; else a question (ambiguous_project)."""
    from zqtracker.services.import_matching import Match

    if len(found) > 1:
        exact = [pid for pid in found if matcher.by_id[pid].name.strip() == name.strip()]
        found = exact if len(exact) == 1 else found
    if len(found) == 1:
        return matcher._named(found[0], enterprise)
    return Match(problem="ambiguous_project", candidates=found[:10])


def ambiguous(ctx: Context, candidates: list[int], name: str) -> Problem:
    """The question for a row whose name several stored projects have (folded): the stored names, when
    they differ only in spaces or bracket widths (the district cannot tell them apart)."""
    matcher = ctx.matcher
    names = [matcher.by_id[pid].name for pid in candidates if pid in matcher.by_id] if matcher is not None else []
    if len(names) > 1 and len(set(names)) == len(names) and all(same_name(n, names[0]) for n in names):
        shown = "、".join(f"“{n}”" for n in names)
        return Problem("ambiguous_name_forms", "name", {"value": name, "names": shown})
    return Problem("ambiguous_project", "name", {"value": name})


def own_key(matcher: Matcher | None, name: str, district: str | None, key: object) -> object:
    """A code-less row's identity in the file (``key``: by its folded name in its district): by its very
    name when stored projects of its district differ only in how their names are written and one is the
    row's exactly — "星湖产业园(一期)" is no repeat of a row "星湖产业园（一期）" then."""
    if matcher is None or not matcher.by_id or not isinstance(key, tuple):
        return key
    found = matcher.names()[0].get(key)
    if found and len(found) > 1 and any(matcher.by_id[pid].name.strip() == name.strip() for pid in found):
        return ("exact", name.strip(), key[1])
    return key

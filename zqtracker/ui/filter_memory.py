"""The project list's filters and search, kept in the settings store beside its columns, order,
widths and sort: the list reopens as it was left. Clear filters (the filter bar's button, View ›
Clear filters, or the "no project matches" note's action) empties them, and that is kept too."""

from __future__ import annotations

import json

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import INCOMPLETE_FIELDS
from zqtracker.domain.status import Status
from zqtracker.ui.projects_page import ProjectsPage
from zqtracker.ui.settings import PROJECT_FILTER, Settings


def filter_text(f: ProjectFilter) -> str:
    """``f`` as JSON ("" when it filters nothing)."""
    if f.is_empty():
        return ""
    return json.dumps(
        {
            "search": f.search,
            "statuses": sorted(s.value for s in f.statuses),
            "sectors": sorted(f.sectors),
            "districts": sorted(f.districts),
            "signed_year": f.signed_year,
            "key_only": f.key_only,
            "billion_only": f.billion_only,
            "missing": sorted(f.missing),
        },
        ensure_ascii=False,
    )


def filter_of(text: str) -> ProjectFilter:
    """The filter :func:`filter_text` wrote; what cannot be read (an older or damaged setting) is no filter."""
    try:
        d = json.loads(text) if text else {}
        statuses = {s.value for s in Status}
        year = d.get("signed_year")
        return ProjectFilter(
            search=str(d.get("search", "")),
            statuses=frozenset(Status(v) for v in d.get("statuses", []) if v in statuses),
            sectors=frozenset(str(v) for v in d.get("sectors", [])),
            districts=frozenset(str(v) for v in d.get("districts", [])),
            signed_year=int(year) if isinstance(year, int) else None,
            key_only=d.get("key_only") is True,
            billion_only=d.get("billion_only") is True,
            missing=frozenset(v for v in d.get("missing", []) if v in INCOMPLETE_FIELDS),
        )
    except (ValueError, TypeError, AttributeError):
        return ProjectFilter()


def remember_filter(settings: Settings, page: ProjectsPage) -> None:
    """Show the filter kept from the last session, and keep every change of it."""
    kept = filter_of(settings.get(PROJECT_FILTER))
    if not kept.is_empty():
        page.apply_filter(kept)
    page.filter_bar.filter_changed.connect(lambda f: settings.set(PROJECT_FILTER, filter_text(f)))

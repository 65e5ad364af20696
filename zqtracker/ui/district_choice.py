"""The district a name typed in the project editor is, by the import's rule: "高要" or "肇庆市高要区" is the
stored 高要区 (services/import_views.py read_districts), so a project edited by hand is counted in the
same district as one imported — never in a new 高要 beside it."""

from __future__ import annotations

from zqtracker.services.import_views import read_districts


def known_district(text: str, known: frozenset[str]) -> str | None:
    """The stored district ``text`` names (itself when stored), else None (a new name, or none)."""
    text = text.strip()
    if not text or text in known:
        return text or None
    meant = read_districts({text}, known).aliases.get(text)
    return meant if meant in known else None

"""The sector a name typed in the project editor is, by the import's rule: whatever its script, width, case
and spaces ("新能源汽車", "新能源汽车 ", "ＩＴ" are the stored 新能源汽车 and IT; services/import_views.py
references_in_simplified), so that a project edited by hand is counted in the same sector as one imported —
never in a new sector beside it. (The import has no table of other names for a sector: this is all of it.)"""

from __future__ import annotations

from zqtracker.domain.hanzi import same_in_simplified
from zqtracker.services.import_views import sector_key


def known_sector(text: str, known: frozenset[str]) -> str | None:
    """The stored sector (or industry chain) ``text`` names (itself when stored), else None (new, or none)."""
    text = text.strip()
    if not text or text in known:
        return text or None
    meant = same_in_simplified([text], known, sector_key).get(text)
    return meant if meant in known else None

"""Column mappings a user corrected, remembered for the next file with the same headers.

A district sends the same layout every month; after one correction ("这一列是计划总投资，单位亿元")
the next file imports without asking. Mappings live in a small JSON file in the user's config
folder (platformdirs), so that the desktop app and the CLI share them; the key is a fingerprint
of the sheet's folded header texts, so a file with the same headers in the same places matches.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from zqtracker.io.values import fold
from zqtracker.services.settings_file import SettingsFileError, read_json, write_json

MAX_ENTRIES = 200
HIDDEN_ROW_ANSWERS = ("import", "skip")  # what a row hidden or struck through may be answered (--hidden-rows)


@dataclass
class Mapping:
    """What the user chose for one header layout: a field (or None: not imported) per column
    index, a unit factor per column index, and the header row when they moved it. A unit loaded
    from the store is one remembered from an earlier file (``remembered_units``): the unit a file
    states for that column (its header, a 单位 line) wins over it (probe26c colunit)."""

    fields: dict[int, str | None] = field(default_factory=dict)
    units: dict[int, int] = field(default_factory=dict)
    header_row: int | None = None
    statuses: dict[str, str] = field(default_factory=dict)  # a status word of this layout → Status value
    hidden_rows: str | None = None  # rows hidden in the sheet: "import" or "skip", as answered
    remembered_units: set[int] = field(default_factory=set)  # columns whose unit was given for an earlier file
    struck_rows: str | None = None  # rows struck through (io/struck_rows.py): "import" or "skip", as answered

    def said_units(self) -> dict[int, int]:
        """The units said for this file (in the dialog, by round collect): over what the file states."""
        return {i: u for i, u in self.units.items() if i not in self.remembered_units}

    def kept_units(self) -> dict[int, int]:
        """The units remembered from an earlier file: for the columns this file states no unit of."""
        return {i: u for i, u in self.units.items() if i in self.remembered_units}

    def is_empty(self) -> bool:
        return (
            not self.fields
            and not self.units
            and self.header_row is None
            and not self.statuses
            and self.hidden_rows is None
            and self.struck_rows is None
        )

    def to_json(self) -> dict:
        return {
            "fields": {str(k): v for k, v in self.fields.items()},
            "units": {str(k): v for k, v in self.units.items()},
            "header_row": self.header_row,
            "statuses": dict(self.statuses),
            "hidden_rows": self.hidden_rows,
            "struck_rows": self.struck_rows,
        }

    @classmethod
    def from_json(cls, data: dict) -> Mapping:
        fields = {int(k): (str(v) if v is not None else None) for k, v in (data.get("fields") or {}).items()}
        units = {int(k): int(v) for k, v in (data.get("units") or {}).items()}
        header_row = data.get("header_row")
        statuses = {str(k): str(v) for k, v in (data.get("statuses") or {}).items()}
        hidden = data.get("hidden_rows")
        hidden_rows = hidden if hidden in HIDDEN_ROW_ANSWERS else None
        struck = data.get("struck_rows")
        struck_rows = struck if struck in HIDDEN_ROW_ANSWERS else None
        row = int(header_row) if header_row is not None else None
        return cls(fields, units, row, statuses, hidden_rows, set(units), struck_rows)


def fingerprint(headers: list[str]) -> str:
    """Same headers in the same columns → same key; spacing, case and width do not matter."""
    folded = "\x1f".join(fold(h) for h in headers)
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:32]


def default_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("zqtracker", appauthor=False)) / "import-mappings.json"


class MappingStore:
    """The remembered mappings. A file that cannot be read is never written over: reading it finds no
    mapping (the import asks as for a new layout), remembering one raises SettingsFileError
    (services/settings_file.py), which the dialog shows."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()

    def get(self, key: str) -> Mapping | None:
        try:
            entry = read_json(self.path).get(key)
        except SettingsFileError:
            return None
        if not isinstance(entry, dict):
            return None
        try:
            mapping = Mapping.from_json(entry)
        except (TypeError, ValueError):
            return None
        return None if mapping.is_empty() else mapping

    def put(self, key: str, mapping: Mapping) -> None:
        data = read_json(self.path)
        data.pop(key, None)
        if not mapping.is_empty():
            data[key] = mapping.to_json()
        while len(data) > MAX_ENTRIES:
            data.pop(next(iter(data)))
        write_json(self.path, data)

    def forget(self, key: str) -> None:
        self.put(key, Mapping())

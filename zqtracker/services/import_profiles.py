"""Named import profiles: what a user said about one district's file, kept for next month's.

``zqtracker import 高要区10月.xlsx --header-row 3 --map "F=planned_investment" --district 高要区
--save-profile 高要区`` once, then ``zqtracker import 高要区11月.xlsx --profile 高要区``. A profile keeps
the header row, the column map, the status words, the district, sector and status for rows
without one, the unit and the answers for rows hidden in the sheet and rows struck through —
everything the command line can correct. Stored as JSON beside the remembered column mappings (platformdirs' config
folder), shared by the CLI and the desktop app.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from zqtracker.domain.status import Status, parse_status
from zqtracker.services.settings_file import read_json, write_json

# What --map and the preview's column menu may set a column to (besides "none": not imported).
MAPPABLE_FIELDS: tuple[str, ...] = (
    "code",
    "name",
    "enterprise",
    "sector",
    "chain",
    "district",
    "status",
    "planned_investment",
    "land_area_mu",
    "expected_annual_output",
    "expected_annual_tax",
    "signed_on",
    "construction_start_on",
    "production_on",
    "is_key_project",
    "project_type",
    "investor_origin",
    "officer",
    "contact",
    "progress_note",
    "notes",
    "annual_plan",
    "month",
    "amount",
    "ytd",
)


@dataclass
class Profile:
    header_row: int | None = None
    column_map: dict[str, str | None] = field(default_factory=dict)
    status_map: dict[str, str] = field(default_factory=dict)
    district: str | None = None
    sector: str | None = None
    status: str | None = None
    unit: str | None = None
    hidden_rows: str | None = None  # "import" or "skip": rows hidden in the sheet
    date_order: str | None = None  # "mdy" or "dmy": slash dates that read either way
    district_map: dict[str, str] = field(default_factory=dict)  # "马安" → "肇庆高新区"
    struck_rows: str | None = None  # "skip" or "import": rows struck through in an .xlsx

    @classmethod
    def from_json(cls, data: dict) -> Profile:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


def field_of(text: str) -> str | None:
    """A field name as --map takes it ("none" → None); raises ValueError for an unknown one."""
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    if key in ("none", "off", "skip", "-"):
        return None
    if key in MAPPABLE_FIELDS:
        return key
    raise ValueError(text)


def status_value(text: str) -> str:
    """A Status value from a value, label or word ("under_construction", "在建", "Active")."""
    return Status(parse_status(text.strip())).value


def default_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("zqtracker", appauthor=False)) / "import-profiles.json"


class ProfileStore:
    """The saved profiles. A file that cannot be read raises SettingsFileError (services/settings_file.py)
    on every use — looking a profile up, saving one — and is never written over."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()

    def get(self, name: str) -> Profile | None:
        entry = read_json(self.path).get(name)
        if not isinstance(entry, dict):
            return None
        try:
            return Profile.from_json(entry)
        except (TypeError, ValueError):
            return None

    def names(self) -> list[str]:
        return sorted(read_json(self.path))

    def put(self, name: str, profile: Profile) -> None:
        data = read_json(self.path)
        data[name] = asdict(profile)
        write_json(self.path, data)

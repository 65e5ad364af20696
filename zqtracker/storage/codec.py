"""The projects table's row format, in one place: the tuple layout, and domain values ↔ stored values.

Bulk paths (the import, its undo, the export, the first page) read and write rows straight off the
DBAPI cursor, where SQLAlchemy's type processing would cost more than the work itself at 100k
rows. Such rows are in the database's own representation: on SQLite dates are ISO text and
timestamps SQLAlchemy's DATETIME text, booleans 0/1; on a server the driver's date, datetime and
bool; on both, land area is an integer of 10⁻⁴ mu, a date's precision NULL for a day, an amount in
another currency three columns. Nothing outside storage/ sees that representation: services hand
this module domain values (column-wise, so 100k rows are encoded in a few C loops) and get domain
values back, or ask it whether a stored row differs from a domain value. A stored row
(:data:`StoredRow`) travels through services only as an opaque token to hand back here.

The standard library and the domain only: the desktop app's first page (storage/peek.py) uses the
decoders before SQLAlchemy is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from zqtracker.domain.currency import ForeignAmount
from zqtracker.domain.fuzzy_dates import DatePrecision, FuzzyDate
from zqtracker.domain.models import InvestorOrigin, ProjectType
from zqtracker.domain.status import Status

PROJECT_COLUMNS: tuple[str, ...] = (
    "id", "code", "name", "enterprise_id", "sector_id", "district_id", "status", "planned_investment",
    "land_area_mu", "expected_annual_output", "expected_annual_tax", "signed_on", "construction_start_on",
    "production_on", "is_key_project", "project_type", "investor_origin", "officer", "notes", "contact",
    "progress_note", "created_at", "updated_at", "version",
    # the figures of issue 13: date precisions, since start, an amount in another currency
    "signed_on_precision", "construction_start_on_precision", "production_on_precision",
    "since_start_amount", "since_start_year", "since_start_month",
    "planned_currency", "planned_original", "planned_rate",
)  # fmt: skip
FIGURE_COLUMNS = PROJECT_COLUMNS[PROJECT_COLUMNS.index("version") + 1 :]
COL = {name: i for i, name in enumerate(PROJECT_COLUMNS)}
# New projects are inserted with their last activity (their first status change's date), so the
# derived column costs the import nothing.
INSERT_COLUMNS: tuple[str, ...] = (*PROJECT_COLUMNS, "last_activity_on")
STATUS_COLUMNS = ("id", "project_id", "from_status", "to_status", "changed_on", "note")

StoredRow = tuple  # a project row as stored, in PROJECT_COLUMNS order (INSERT_COLUMNS for new rows)

DATE_FIELDS = ("signed_on", "construction_start_on", "production_on")
REFERENCE_FIELDS = {"enterprise": "enterprise_id", "sector": "sector_id", "district": "district_id"}
_Day = date  # the types: RowCodec's methods date() and datetime() hide their names in its body
_Moment = datetime
_ENUMS: dict[str, type[Enum]] = {"status": Status, "project_type": ProjectType, "investor_origin": InvestorOrigin}
_FOREIGN = ("planned_currency", "planned_original", "planned_rate")
_SINCE = ("since_start_amount", "since_start_year", "since_start_month")
AREA_SCALE = 4  # land area: an integer count of 10⁻⁴ mu
RATE_SCALE = 6  # a currency's rate: 10⁻⁶ yuan
_UNITS = {scale: Decimal(1).scaleb(-scale) for scale in (AREA_SCALE, RATE_SCALE)}
_AREA_UNIT = _UNITS[AREA_SCALE]


# -- decoding: the same on every engine (a server's driver hands back date objects already) --------
def decode_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value  # a datetime is a date too: SQLite's DATETIME text is read by decode_datetime
    return date.fromisoformat(str(value)[:10])


def date_decoder() -> Callable[[Any], date | None]:
    """decode_date with a cache: a column of 100k dates holds a few thousand distinct days."""
    cache: dict[Any, date | None] = {None: None}

    def decode(value: Any) -> date | None:
        found = cache.get(value, cache)
        if found is cache:
            found = cache[value] = decode_date(value)
        return found  # type: ignore[return-value]

    return decode


def decode_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def decode_scaled(value: int | None, scale: int) -> Decimal | None:
    """An integer of 10^-scale units as a Decimal with that many places (0 → 0.0000)."""
    return None if value is None else Decimal(value) * _UNITS[scale]


def decode_area(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value) * _AREA_UNIT


def encode_scaled(value: Decimal | None, scale: int) -> int | None:
    """A Decimal as an integer of 10^-scale units, rounded half-even (as tables.ScaledDecimal stores it)."""
    if value is None:
        return None
    return int(Decimal(value).quantize(Decimal(1).scaleb(-scale)).scaleb(scale))


def encode_precision(value: DatePrecision | str | None) -> str | None:
    """A date's precision as stored: NULL for a day (or unknown)."""
    if not value:
        return None
    value = DatePrecision(value)
    return None if value is DatePrecision.DAY else value.value


def encode_foreign(value: ForeignAmount | None) -> tuple[str | None, int | None, int | None]:
    """(planned_currency, planned_original, planned_rate) as stored; NULLs for yuan."""
    if value is None:
        return None, None, None
    return value.currency, int(value.amount.scaleb(AREA_SCALE)), int(value.rate.scaleb(RATE_SCALE))


def decode_foreign(currency: str | None, original: int | None, rate: int | None) -> ForeignAmount | None:
    if currency is None or original is None or rate is None:
        return None
    return ForeignAmount(currency, decode_scaled(original, AREA_SCALE), decode_scaled(rate, RATE_SCALE))  # type: ignore[arg-type]


class RowCodec:
    """Domain values ↔ one database's stored values, for the bulk paths.

    Per engine only dates, timestamps and booleans differ; everything else is the same on both."""

    def __init__(self, dialect_name: str) -> None:
        self.sqlite = dialect_name == "sqlite"
        self._dates: dict[date, Any] = {}
        self.decode_date = date_decoder()

    # -- one value ----------------------------------------------------------------------------------
    def date(self, value: date | None) -> Any:
        if value is None or not self.sqlite:
            return value
        text = self._dates.get(value)
        if text is None:
            text = self._dates[value] = value.isoformat()
        return text

    def datetime(self, value: datetime) -> Any:
        # SQLAlchemy's SQLite DATETIME storage format, microseconds included
        return f"{value:%Y-%m-%d %H:%M:%S}.{value.microsecond:06d}" if self.sqlite else value

    def boolean(self, value: bool) -> Any:
        return int(bool(value)) if self.sqlite else bool(value)

    @staticmethod
    def area(value: Decimal | None) -> int | None:
        if value is None:
            return None
        scaled = value.scaleb(AREA_SCALE)
        whole = int(scaled)
        if whole == scaled:
            return whole
        return encode_scaled(value, AREA_SCALE)  # more than 4 decimals: the column's rounding

    precision = staticmethod(encode_precision)
    foreign = staticmethod(encode_foreign)
    decode_area = staticmethod(decode_area)

    def encoder(self, field: str) -> Callable[[Any], Any]:
        """Domain value → the value stored in the field's column (None stays None)."""
        if field in DATE_FIELDS:
            return self.date
        if field == "land_area_mu":
            return self.area
        if field == "is_key_project":
            return lambda v: None if v is None else self.boolean(v)
        if field in _ENUMS:
            return lambda v: None if v is None else v.value
        return _same

    # -- whole rows ---------------------------------------------------------------------------------
    def new_rows(
        self,
        ids: Sequence[int],
        columns: Mapping[str, Sequence[Any]],
        *,
        stamp: _Moment,
        last_activity: Sequence[_Day],
        refs: Mapping[str, Mapping[str, int]],
    ) -> list[StoredRow]:
        """Rows of INSERT_COLUMNS for new projects, from domain values column by column.

        ``columns`` maps a project field to one value per project (a field left out: None for
        all): names for enterprise, sector and district (``refs`` gives their ids), Status and the
        other enums, dates, DatePrecision (or its value) for ``<date>_precision``, (amount, year,
        month) for ``since_start``, ForeignAmount for ``planned_foreign``. None is unknown and
        stored as NULL (project type and investor origin too: never 新建 / 内资 by default); only
        the key-project flag (not key) and the notes ("") have a value when none is given.
        """
        n = len(ids)
        nothing = [None] * n

        def column(f: str) -> Sequence[Any]:
            return columns.get(f, nothing)

        def mapped(f: str, table: Mapping[Any, Any]) -> list:
            return list(map(table.__getitem__, column(f)))

        ref_ids = {f: {None: None, **refs[f]} for f in REFERENCE_FIELDS}
        no = self.boolean(False)
        booleans = {None: no, False: no, True: self.boolean(True)}
        enums = {f: {None: None, **{m: m.value for m in kind}} for f, kind in _ENUMS.items()}
        precisions: dict[Any, str | None] = {None: None, "": None, **{p: encode_precision(p) for p in DatePrecision}}
        since = column("since_start")
        foreign = list(map(encode_foreign, column("planned_foreign")))
        at = self.datetime(stamp)
        out = [
            ids,
            column("code"),
            column("name"),
            mapped("enterprise", ref_ids["enterprise"]),
            mapped("sector", ref_ids["sector"]),
            mapped("district", ref_ids["district"]),
            mapped("status", enums["status"]),
            column("planned_investment"),
            _each(self.area, column("land_area_mu")),
            column("expected_annual_output"),
            column("expected_annual_tax"),
            *(_each(self.date, column(f)) for f in DATE_FIELDS),
            mapped("is_key_project", booleans),
            mapped("project_type", enums["project_type"]),
            mapped("investor_origin", enums["investor_origin"]),
            column("officer"),
            [v or "" for v in column("notes")],
            column("contact"),
            column("progress_note"),
            [at] * n,
            [at] * n,
            [1] * n,
            *(mapped(f + "_precision", precisions) for f in DATE_FIELDS),
            *([None if s is None else s[i] for s in since] for i in range(3)),
            *([t[i] for t in foreign] for i in range(3)),
            _each(self.date, last_activity),
        ]
        return list(zip(*out, strict=True))

    def updated_row(
        self, before: StoredRow, fields: Mapping[str, Any], *, stamp: _Moment, refs: Mapping[str, Mapping[str, int]]
    ) -> StoredRow:
        """``before`` with the changed fields (domain values, as :meth:`new_rows` takes them; a
        FuzzyDate sets a date with its precision), stamped and one version on."""
        row = list(before)
        for f, v in fields.items():
            if isinstance(v, FuzzyDate):
                row[COL[f]], row[COL[f + "_precision"]] = self.date(v.day), encode_precision(v.precision)
            elif f == "since_start":
                row[COL["since_start_amount"]], row[COL["since_start_year"]], row[COL["since_start_month"]] = v
            elif f == "planned_foreign":
                row[COL["planned_currency"]], row[COL["planned_original"]], row[COL["planned_rate"]] = encode_foreign(v)
            elif f in REFERENCE_FIELDS:
                row[COL[REFERENCE_FIELDS[f]]] = None if v is None else refs[f][v]
            else:
                row[COL[f]] = self.encoder(f)(v)
        row[COL["updated_at"]] = self.datetime(stamp)
        row[COL["version"]] = before[COL["version"]] + 1
        return tuple(row)

    def status_change_rows(
        self,
        ids: Sequence[int],
        pids: Sequence[int],
        old: Sequence[Status | None],
        new: Sequence[Status],
        days: Sequence[_Day],
        notes: Sequence[str],
    ) -> list[tuple]:
        """Rows of STATUS_COLUMNS, column by column."""
        values: dict[Status | None, str | None] = {None: None, **{s: s.value for s in Status}}
        return list(
            zip(
                ids,
                pids,
                map(values.__getitem__, old),
                map(values.__getitem__, new),
                _each(self.date, days),
                notes,
                strict=True,
            )
        )

    # -- reading a stored row -----------------------------------------------------------------------
    @staticmethod
    def pid(row: StoredRow) -> int:
        return row[0]

    @staticmethod
    def version(row: StoredRow) -> int:
        return row[COL["version"]]

    @staticmethod
    def placement(row: StoredRow) -> tuple[int | None, int | None]:
        """(sector id, district id): what the project's investment records carry."""
        return row[COL["sector_id"]], row[COL["district_id"]]

    def value(self, row: StoredRow, field: str) -> Any:
        """A field's domain value: a date (its day; see fuzzy_date), Decimal land area, Status and
        the other enums, bool, a reference's id, (amount, year, month) since start, ForeignAmount or None."""
        if field in REFERENCE_FIELDS:
            return row[COL[REFERENCE_FIELDS[field]]]
        if field == "since_start":
            triple = tuple(row[COL[c]] for c in _SINCE)
            return None if triple[0] is None else triple
        if field == "planned_foreign":
            return decode_foreign(*(row[COL[c]] for c in _FOREIGN))
        raw = row[COL[field]]
        if field in DATE_FIELDS:
            return self.decode_date(raw)
        if field == "land_area_mu":
            return decode_area(raw)
        if field == "is_key_project":
            return bool(raw)
        kind = _ENUMS.get(field)
        if kind is not None:
            return None if raw is None else kind(raw)
        return raw

    def fuzzy_date(self, row: StoredRow, field: str) -> FuzzyDate | None:
        """A date field at its stored precision."""
        return FuzzyDate.of(self.decode_date(row[COL[field]]), row[COL[field + "_precision"]])

    def fuzzy_dates(self, rows: Sequence[StoredRow], field: str) -> list[FuzzyDate | None]:
        """fuzzy_date of each row, made once per distinct stored (date, precision)."""
        i, j = COL[field], COL[field + "_precision"]
        made: dict[tuple[Any, Any], FuzzyDate | None] = {}
        out = []
        for row in rows:
            key = (row[i], row[j])
            found = made.get(key, made)
            if found is made:
                found = made[key] = FuzzyDate.of(self.decode_date(key[0]), key[1])
            out.append(found)
        return out  # type: ignore[return-value]

    def changed(
        self, field: str, values: Sequence[Any], rows: Sequence[StoredRow], names: Mapping[int, str] | None = None
    ) -> list[int]:
        """Positions n where ``values[n]`` (a domain value; None: not given) differs from the field
        stored in ``rows[n]`` — compared as stored, so "12.10亿" against 1,210,000,000 and a date
        against '2023-10-10' are exact. A reference field's values are names, ``names`` the
        stored ids' names."""
        ref = REFERENCE_FIELDS.get(field)
        i = COL[ref or field]
        stored = [row[i] for row in rows]
        if ref is not None:
            assert names is not None
            shown = list(map(names.get, stored))
            return [n for n, (v, b) in enumerate(zip(values, shown, strict=True)) if v is not None and v != b]
        encode = self.encoder(field)
        per_value = field in DATE_FIELDS or field == "land_area_mu"  # Python per value: once per distinct one
        encoded = _each(encode, values) if per_value else list(map(encode, values))
        return [n for n, (v, b) in enumerate(zip(encoded, stored, strict=True)) if v is not None and v != b]

    def foreign_differs(self, value: ForeignAmount, row: StoredRow) -> bool:
        """Compared as stored (amount to 10⁻⁴ of the currency, rate to 10⁻⁶)."""
        return encode_foreign(value) != tuple(row[COL[c]] for c in _FOREIGN)


def _each(encode: Callable[[Any], Any], values: Sequence[Any]) -> list:
    """encode(v) for every value, computed once per distinct value (a column of 100k dates holds a
    few thousand)."""
    table = {v: encode(v) for v in set(values)}
    return list(map(table.__getitem__, values))


def _same(v: Any) -> Any:
    return v


__all__ = [
    "AREA_SCALE",
    "COL",
    "DATE_FIELDS",
    "FIGURE_COLUMNS",
    "INSERT_COLUMNS",
    "PROJECT_COLUMNS",
    "RATE_SCALE",
    "STATUS_COLUMNS",
    "RowCodec",
    "StoredRow",
    "date_decoder",
    "decode_area",
    "decode_date",
    "decode_datetime",
    "decode_scaled",
]

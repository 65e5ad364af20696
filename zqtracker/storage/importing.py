"""The import's reads and writes, in bulk and exactly reversible.

Rows travel in the database's own representation (storage/codec.py owns it: the tuple layout and
the encoders; services hand it domain values), read straight from the DBAPI cursor and written
with executemany on it: SQLAlchemy's per-parameter processing costs more than the inserts
themselves at 100k rows. Working in stored values also makes the import's before/after images
byte-exact, so undo and redo put back precisely what was there (storage/import_undo.py).

investment_records carry a copy of their project's sector_id/district_id (see InvestmentRow);
every write here keeps them in step. Sector, district and planned investment may be None
(unknown), in project rows and in those copies alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.storage.codec import COL, INSERT_COLUMNS, PROJECT_COLUMNS, STATUS_COLUMNS, RowCodec
from zqtracker.storage.engine import EngineOps, RowRefused
from zqtracker.storage.investment import placements
from zqtracker.storage.last_activity import month_end
from zqtracker.storage.querying import chunks
from zqtracker.storage.tables import (
    DistrictRow,
    EnterpriseRow,
    ProjectTable,
    SectorRow,
)

RECORDS_PER_REPORT = 20_000  # monthly records written between two progress reports


@dataclass
class ImportChange:
    """Everything one import changed, as raw rows: enough to undo it and to redo it exactly."""

    sectors: list[tuple] = field(default_factory=list)  # created: (id, name, parent_id)
    districts: list[tuple] = field(default_factory=list)  # created: (id, name)
    enterprises: list[tuple] = field(default_factory=list)  # created: (id, name, credit code or None)
    codes_given: list[tuple] = field(default_factory=list)  # a stored enterprise given its credit code: (id, code)
    inserted: list[tuple] = field(default_factory=list)  # project rows (PROJECT_COLUMNS)
    before: list[tuple] = field(default_factory=list)  # updated project rows as they were
    after: list[tuple] = field(default_factory=list)  # ... and as the import left them
    status_changes: list[tuple] = field(default_factory=list)  # inserted (STATUS_COLUMNS)
    investment_before: list[tuple] = field(default_factory=list)  # (pid, y, m, amount|None, sid, did[, first])
    investment_after: list[tuple] = field(default_factory=list)  # (pid, y, m, amount, sid, did[, first])
    plans_before: list[tuple] = field(default_factory=list)  # (pid, y, amount|None)
    plans_after: list[tuple] = field(default_factory=list)  # (pid, y, amount)
    replaced_backup: Path | None = None  # mode replace: the copy the undo restores from
    # Mode replace: every table's row count and sums (storage/transfer.fingerprint) as the import
    # left them, and as its undo did: an undo or redo of whole tables happens only over exactly that.
    fingerprint_after: dict | None = None
    fingerprint_undone: dict | None = None


class ImportStore:
    """Bulk reads and writes of one import, inside the caller's session (one transaction)."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self.conn = session.connection()
        self.codec = RowCodec(self.conn.dialect.name)
        self.ops = EngineOps.for_connection(self.conn)

    # -- reading ---------------------------------------------------------------------------------
    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Rows straight off the DBAPI cursor: 100k rows without building 100k Row objects."""
        return self.ops.fetch(sql, params)

    def keys(self) -> tuple[dict[str, int], dict[tuple[str, str | None], int]]:
        """Every project id by code, and by (name, district name or None): the import's match
        keys (what ProjectRepository.keys gives, read without the ORM)."""
        by_code: dict[str, int] = {}
        by_name: dict[tuple[str, str | None], int] = {}
        for pid, code, name, district, _enterprise in self.identities():
            if code:
                by_code[code] = pid
            by_name.setdefault((name, district), pid)
        return by_code, by_name

    def identities(self) -> list[tuple[int, str | None, str, str | None, str | None]]:
        """(id, code, name, district name, enterprise name) of every project, for matching rows to projects."""
        return self._fetch(
            "SELECT p.id, p.code, p.name, d.name, e.name FROM projects p LEFT JOIN districts d "
            "ON d.id = p.district_id LEFT JOIN enterprises e ON e.id = p.enterprise_id ORDER BY p.id"
        )

    def placements(self, ids: Iterable[int]) -> dict[int, tuple[int | None, int | None]]:
        """(sector id, district id) of projects (None where unknown), which their investment records carry."""
        ids = list(ids)
        if len(ids) > 2_000:
            wanted = set(ids)
            return {
                pid: (sid, did)
                for pid, sid, did in self._fetch("SELECT id, sector_id, district_id FROM projects")
                if pid in wanted
            }
        return placements(self.s, ids)

    def references(self) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        """Sector, district and enterprise ids by name."""
        return (
            dict(self.s.execute(select(SectorRow.name, SectorRow.id)).all()),
            dict(self.s.execute(select(DistrictRow.name, DistrictRow.id)).all()),
            dict(self.s.execute(select(EnterpriseRow.name, EnterpriseRow.id)).all()),
        )

    def project_rows(self, ids: Sequence[int]) -> dict[int, tuple]:
        """Raw rows of these projects (all of them when most are asked for)."""
        out: dict[int, tuple] = {}
        if not ids:
            return out
        total = self.s.scalar(select(ProjectTable.id).order_by(ProjectTable.id.desc()).limit(1)) or 0
        head = f"SELECT {', '.join(PROJECT_COLUMNS)} FROM projects"
        if len(ids) > 5_000 and len(ids) * 3 > total:
            wanted = set(ids)
            return {row[0]: row for row in self._fetch(head) if row[0] in wanted}
        for chunk in chunks(list(ids), 900):
            for row in self._fetch(f"{head} WHERE id IN ({', '.join('?' * len(chunk))})", chunk):
                out[row[0]] = row
        return out

    def investment(
        self, years: Iterable[int]
    ) -> dict[tuple[int, int, int], tuple[int, int | None, int | None, int | None]]:
        """(project, year, month) → (amount, sector_id, district_id, first_month) for the given years
        (first_month: the first month a span covers, None for the month alone)."""
        out: dict[tuple[int, int, int], tuple[int, int | None, int | None, int | None]] = {}
        for year in sorted(set(years)):
            for pid, y, m, amount, sid, did, first in self._fetch(
                "SELECT project_id, year, month, amount, sector_id, district_id, first_month"
                " FROM investment_records WHERE year = ?",
                (year,),
            ):
                out[(pid, y, m)] = (amount, sid, did, first)
        return out

    def later_months(self, year: int) -> dict[int, tuple[int, int]]:
        """Project → the latest (year, month) of its completed investment stored after ``year``."""
        out: dict[int, tuple[int, int]] = {}
        for pid, y, m in self._fetch(
            "SELECT project_id, year, max(month) FROM investment_records WHERE year > ? GROUP BY project_id, year",
            (year,),
        ):
            out[pid] = max(out.get(pid, (0, 0)), (y, m))
        return out

    def plans(self, years: Iterable[int]) -> dict[tuple[int, int], int]:
        out: dict[tuple[int, int], int] = {}
        for year in sorted(set(years)):
            for pid, y, amount in self._fetch(
                "SELECT project_id, year, amount FROM annual_plans WHERE year = ?", (year,)
            ):
                out[(pid, y)] = amount
        return out

    def new_ids(self, table: str, count: int) -> list[int]:
        """Ids from the database (a sequence on a server; on SQLite, under the write lock)."""
        return self.ops.reserve_ids(table, count)

    # -- writing ---------------------------------------------------------------------------------
    def _many(self, sql: str, rows: Sequence[Sequence[Any]], progress: Callable[[int], None] | None = None) -> int:
        """executemany on the DBAPI cursor, in batches; returns the rows affected."""
        return self.ops.many(sql, rows, progress)

    def create_references(
        self,
        sectors: Sequence[tuple[str, str | None]],
        districts: Sequence[str],
        enterprises: Sequence[str],
        change: ImportChange,
        codes: dict[str, str] | None = None,
    ) -> None:
        """New sectors (a chain first, then the sectors under it), districts and enterprises (with
        their credit ``codes``) — those still missing now, under the write lock (a colleague may have
        added one since the analysis: it is used, not added twice)."""
        known_sectors, known_districts, known_enterprises = self.references()
        chains = list(dict.fromkeys(p for _n, p in sectors if p and p not in known_sectors))
        for level in (
            [(name, None) for name in chains],
            [(name, parent) for name, parent in dict.fromkeys(sectors) if name not in known_sectors],
        ):
            rows = [
                (i, name, known_sectors.get(parent) if parent else None)
                for i, (name, parent) in zip(self.new_ids("sectors", len(level)), level, strict=True)
            ]
            change.sectors.extend(self.ops.insert_new_names("sectors", ("id", "name", "parent_id"), rows))
            known_sectors = self.references()[0]
        names = [d for d in dict.fromkeys(districts) if d not in known_districts]
        drows = list(zip(self.new_ids("districts", len(names)), names, strict=True))
        change.districts.extend(self.ops.insert_new_names("districts", ("id", "name"), drows))
        no = self.codec.boolean(False)
        names = [e for e in dict.fromkeys(enterprises) if e not in known_enterprises]
        codes = codes or {}
        self._codes_free([codes[n] for n in names if n in codes])
        ids = self.new_ids("enterprises", len(names))
        erows = [(i, name, codes.get(name), no, no, no) for i, name in zip(ids, names, strict=True)]
        written = self.ops.insert_new_names(
            "enterprises", ("id", "name", "credit_code", "is_high_tech", "is_specialized_new", "is_little_giant"), erows
        )
        change.enterprises.extend((r[0], r[1], r[2]) for r in written)

    def give_codes(self, given: Sequence[tuple[int, str, str]], change: ImportChange) -> None:
        """Stored enterprises (id, name, code) that had no credit code get the file's; refused
        (ConcurrentUpdateError: the import is analysed again) when one has got a code since, or
        another enterprise has this one."""
        self._codes_free([code for _i, _n, code in given])
        rows = [(code, eid) for eid, _name, code in given]
        if self._many("UPDATE enterprises SET credit_code = ? WHERE id = ? AND credit_code IS NULL", rows) != len(rows):
            raise ConcurrentUpdateError(0, what="import", detail="an enterprise was given a credit code meanwhile")
        change.codes_given.extend((eid, code) for code, eid in rows)

    def _codes_free(self, codes: Sequence[str]) -> None:
        """No stored enterprise has any of these credit codes (a colleague may have given one since)."""
        for part in range(0, len(codes), 500):
            some = codes[part : part + 500]
            taken = self.s.scalar(select(EnterpriseRow.id).where(EnterpriseRow.credit_code.in_(some)))
            if taken is not None:
                raise ConcurrentUpdateError(0, what="import", detail="a credit code was given meanwhile")

    def insert_projects(self, rows: Sequence[tuple], progress: Callable[[int], None] | None = None) -> None:
        """Rows of INSERT_COLUMNS (PROJECT_COLUMNS and the project's last activity)."""
        with self.ops.bulk("projects", len(rows)):
            self.ops.insert("projects", INSERT_COLUMNS, rows, progress)

    def insert_projects_made(
        self, chunks: Iterable[Sequence[tuple]], count: int, progress: Callable[[int], None] | None = None
    ) -> None:
        """Rows of INSERT_COLUMNS made chunk by chunk by the caller (``count`` in all): each chunk is
        written while the caller makes the next (EngineOps.insert_overlapped)."""
        with self.ops.bulk("projects", count):
            self.ops.insert_overlapped("projects", INSERT_COLUMNS, chunks, progress)

    def bump_activity(self, pairs: Iterable[tuple[int, Any]]) -> None:
        """Move projects' last activity forward to the (encoded) dates given, never back: what
        adding status changes or investment months does (removing them needs a refresh)."""
        latest: dict[int, Any] = {}
        for pid, day in pairs:
            if day is not None and (pid not in latest or latest[pid] < day):
                latest[pid] = day
        self._many(
            "UPDATE projects SET last_activity_on = ? WHERE id = ? "
            "AND (last_activity_on IS NULL OR last_activity_on < ?)",
            [(day, pid, day) for pid, day in latest.items()],
        )

    def update_projects(self, before: Sequence[tuple], after: Sequence[tuple]) -> None:
        """Write the after images of projects still at their before version."""
        params = [(*a[1:], a[0], b[COL["version"]]) for b, a in zip(before, after, strict=True)]
        affected = self.ops.update_keyed("projects", PROJECT_COLUMNS[1:], ("id", "version"), params)
        if affected != len(params):
            raise ConcurrentUpdateError(after[0][0] if after else 0, before[0][COL["version"]] if before else 0)

    def follow_placements(self, rows: Sequence[tuple]) -> None:
        """Investment records take their projects' (new) sector and district."""
        params = [(r[COL["sector_id"]], r[COL["district_id"]], r[0]) for r in rows]
        self.ops.update_keyed("investment_records", ("sector_id", "district_id"), ("project_id",), params)

    def insert_status_changes(self, rows: Sequence[tuple], *, bump: bool = True, first: int = 0) -> None:
        """Rows of STATUS_COLUMNS. The first ``first`` are the first status changes of projects just
        inserted, in their order: no status before, the project's status, dated its last activity,
        no note — on SQLite, where their ids run beside the projects', copied from the projects by
        one statement (100k rows: 0.06 s instead of 0.12 s binding each value from Python)."""
        with self.ops.bulk("status_changes", len(rows)):
            copied = first and self.ops.name == "sqlite" and self._copied_first(rows[:first])
            self.ops.insert("status_changes", STATUS_COLUMNS, rows[first:] if copied else rows)
        if bump:
            self.bump_activity((r[1], r[4]) for r in rows)

    def _copied_first(self, rows: Sequence[tuple]) -> bool:
        lo, shift = rows[0][1], rows[0][0] - rows[0][1]
        pids = [r[1] for r in rows]
        if pids != list(range(lo, lo + len(rows))) or [r[0] - shift for r in rows] != pids:
            return False
        copied = self.ops.many(
            "INSERT INTO status_changes (id, project_id, from_status, to_status, changed_on, note) "
            "SELECT id + ?, id, NULL, status, last_activity_on, '' FROM projects WHERE id BETWEEN ? AND ?",
            [(shift, lo, lo + len(rows) - 1)],
        )
        if copied != len(rows):  # a project missing: the caller's rows are not what was inserted
            raise RuntimeError(f"{copied} first status changes copied for {len(rows)} projects")
        return True

    def put_investment(
        self,
        rows: Sequence[tuple],
        existing: set[tuple[int, int, int]],
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """(pid, y, m, amount, sid, did[, first_month]): updates where the month exists, inserts
        elsewhere. first_month (absent or None: the month alone) is the first month of a span.
        ``progress`` is told how far it is, in rows of ``rows``, every RECORDS_PER_REPORT rows: an
        import's longest step (200k months: 1 s) moves its bar and can be cancelled part way. The
        inserts count for half of theirs, the indexes and audit rows written after them (as long
        again) for the other half."""
        rows = [r if len(r) > 6 else (*r, None) for r in rows]
        if existing:
            updates = [(r[3], r[4], r[5], r[6], r[0], r[1], r[2]) for r in rows if (r[0], r[1], r[2]) in existing]
            inserts = [r for r in rows if (r[0], r[1], r[2]) not in existing]
        else:
            updates, inserts = [], rows
        self.ops.update_keyed(
            "investment_records",
            ("amount", "sector_id", "district_id", "first_month"),
            ("project_id", "year", "month"),
            updates,
        )
        if progress is not None and updates:
            progress(len(updates))
        with self.ops.bulk("investment_records", len(inserts)):
            for lo in range(0, len(inserts), RECORDS_PER_REPORT):
                self.ops.insert(
                    "investment_records",
                    ("project_id", "year", "month", "amount", "sector_id", "district_id", "first_month"),
                    inserts[lo : lo + RECORDS_PER_REPORT],
                )
                if progress is not None:
                    progress(len(updates) + min(lo + RECORDS_PER_REPORT, len(inserts)) // 2)
        if progress is not None and inserts:
            progress(len(rows))
        latest: dict[int, int] = {}  # project → its latest year*100+month among these rows
        get = latest.get
        for r in rows:
            period = r[1] * 100 + r[2]
            if get(r[0], 0) < period:
                latest[r[0]] = period
        ends = {p: self.codec.date(month_end(p // 100, p % 100)) for p in set(latest.values())}
        self.bump_activity((pid, ends[p]) for pid, p in latest.items())

    def delete_investment(self, keys: Sequence[tuple[int, int, int]]) -> None:
        self.ops.delete_keys("investment_records", ("project_id", "year", "month"), keys)

    def put_plans(self, rows: Sequence[tuple], existing: set[tuple[int, int]]) -> None:
        updates = [(r[2], r[0], r[1]) for r in rows if (r[0], r[1]) in existing]
        inserts = [r for r in rows if (r[0], r[1]) not in existing]
        self.ops.update_keyed("annual_plans", ("amount",), ("project_id", "year"), updates)
        self._many("INSERT INTO annual_plans (project_id, year, amount) VALUES (?, ?, ?)", inserts)

    def delete_plans(self, keys: Sequence[tuple[int, int]]) -> None:
        self.ops.delete_keys("annual_plans", ("project_id", "year"), keys)

    def delete_all_projects(self) -> None:
        """Mode replace: every project goes, with its history, records and plans. The reference
        lists stay."""
        for table in ("status_changes", "investment_records", "annual_plans", "projects"):
            self.conn.exec_driver_sql(f"DELETE FROM {table}")

    def stored_counts(self) -> dict[str, int]:
        """How many projects, monthly records and annual plans are stored: what mode replace removes."""
        tables = {"projects": "projects", "records": "investment_records", "plans": "annual_plans"}
        return {key: self._fetch(f"SELECT count(*) FROM {t}")[0][0] for key, t in tables.items()}

    def current_versions(self, ids: Sequence[int]) -> dict[int, int]:
        """Versions of these projects, their rows locked until the transaction ends."""
        out: dict[int, int] = {}
        lock = " FOR UPDATE" if self.ops.name == "postgresql" else ""  # SQLite: the write transaction locks all
        for chunk in chunks(list(ids), 900):
            for pid, version in self._fetch(
                f"SELECT id, version FROM projects WHERE id IN ({', '.join('?' * len(chunk))}){lock}", chunk
            ):
                out[pid] = version
        return out


ImportWriteError = RowRefused  # the database refused a row the checks let through; nothing is written


__all__ = ["ImportChange", "ImportStore", "ImportWriteError"]

"""Export use cases shared by the GUI and the CLI: the styled workbook of a view, the template.

One export reads its projects and monthly records in one transaction (a consistent snapshot),
streams them into the workbook batch by batch (reporting progress, honouring cancel), takes every
summary figure from StatisticsService, and writes to a temporary file that is renamed over the
target only when complete — a failed or cancelled export leaves the target as it was.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from zqtracker import __version__
from zqtracker.domain.errors import DomainError, Problem
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.domain.words import Catalogue
from zqtracker.full_disk import full_disk_of
from zqtracker.io.atomic import atomic_target, scratch_folder
from zqtracker.io.columns import EXPORT_PROJECT_FIELDS, FIGURE_EXPORT_FIELDS, sheet_name
from zqtracker.io.data_tables import DataTable, MonthlyTable
from zqtracker.io.export_styles import Layout
from zqtracker.io.export_workbook import ExportWorkbook
from zqtracker.io.overview_sheet import ExportInfo, OverviewSheet, set_properties, title_of
from zqtracker.io.plan_columns import plan_field
from zqtracker.io.summary_sheets import SummaryData, SummarySheets
from zqtracker.io.template import TemplateLists, write_template
from zqtracker.services.progress import Progress
from zqtracker.services.references import ReferenceService
from zqtracker.services.statistics import StatisticsService
from zqtracker.stats.month_figures import month_figures
from zqtracker.storage.database import Database
from zqtracker.storage.export_queries import (
    PROJECT_VALUE_FIELDS,
    annual_plans,
    count_investment,
    figure_fields_used,
    has_spans,
    iter_investment,
    iter_project_values,
)
from zqtracker.storage.projects import ProjectRepository

# Names a table view may use for a column, mapped to the export's field names.
COLUMN_ALIASES = {"sector_parent": "chain", "industry_chain": "chain"}
KEY_FIELDS = ("code", "name")  # always exported: without them a row identifies nothing

_MESSAGES: dict[str, tuple[str, str]] = {
    "not_xlsx": ("{path}: an export must be an .xlsx file", "{path}：导出文件须为 .xlsx 格式"),
    "no_folder": ("{path}: the folder {folder} does not exist", "{path}：文件夹“{folder}”不存在"),
    "is_folder": ("{path} is a folder, not a file", "{path} 是一个文件夹，不是文件"),
    "cannot_write": ("Cannot write {path}: {reason}", "无法写入 {path}：{reason}"),
    "in_use": (
        "Cannot write {path}: permission denied (is it open in Excel or another program?)",
        "无法写入 {path}：没有权限（文件是否正在 Excel 或其他程序中打开？）",
    ),
}
MESSAGES = Catalogue("export_errors", _MESSAGES)
_PROGRESS: dict[str, tuple[str, str]] = {
    "projects": ("Writing projects: {done:,} of {total:,}", "正在写入项目：{done:,} / {total:,}"),
    "monthly": ("Writing monthly investment: {done:,} of {total:,}", "正在写入月度完成投资：{done:,} / {total:,}"),
    "summaries": ("Writing summaries and the chart…", "正在写入汇总表和图表…"),
    "saving": ("Compressing and saving the file…", "正在压缩并保存文件…"),
}
PROGRESS = Catalogue("export_progress", _PROGRESS)


class ExportError(DomainError):
    """The workbook could not be written where asked; the target was left as it was."""

    def __init__(self, code: str, path: os.PathLike[str] | str, said: Problem | None = None, **params: object) -> None:
        self.code, self.path, self.params, self.said = code, Path(path), params, said
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        if self.said is not None:  # a full disk: the sentence every file written says (domain/full_disk_messages)
            return self.said.message(lang)
        return MESSAGES.say(self.code, lang, path=self.path, **self.params)


def write_error(exc: OSError, target: Path) -> ExportError:
    """Why ``target`` could not be written: a full disk in its one sentence, else the system's words."""
    full = full_disk_of(exc, target)
    if full is not None:
        return ExportError("disk_full", target, full)
    return ExportError("cannot_write", target, reason=exc.strerror or str(exc))


@dataclass(frozen=True, slots=True)
class ExportOptions:
    lang: str = "en"
    unit: Unit = Unit.YI
    filter: ProjectFilter | None = None
    columns: Sequence[str] | None = None  # project fields (a table's visible columns); None: all
    monthly: bool = True
    summaries: bool = True


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    projects: int
    investment_records: int
    sheets: tuple[str, ...]
    columns: tuple[str, ...]
    is_demo: bool
    seconds: float
    filters: tuple[str, ...] = field(default=())

    def to_json(self) -> dict:
        return {
            "file": str(self.path),
            "projects": self.projects,
            "investment_records": self.investment_records,
            "sheets": list(self.sheets),
            "columns": list(self.columns),
            "filters": list(self.filters),
            "demo": self.is_demo,
            "seconds": round(self.seconds, 2),
        }


def export_columns(visible: Sequence[str] | None) -> list[str]:
    """The Projects sheet's fields for a table's visible columns, in the table's order.

    Columns export cannot write (derived ones such as last activity) are left out; the project
    code and name always come first (and are frozen), so every row still says which project it is.
    """
    if visible is None:
        return list(EXPORT_PROJECT_FIELDS)
    wanted: list[str] = []
    for name in visible:
        name = COLUMN_ALIASES.get(name, name)
        if name in EXPORT_PROJECT_FIELDS and name not in wanted:
            wanted.append(name)
    return [*KEY_FIELDS, *(k for k in wanted if k not in KEY_FIELDS)]


def check_target(path: os.PathLike[str] | str) -> Path:
    """Refuse, before any work, a target that cannot become an .xlsx file."""
    path = Path(path).expanduser()
    if path.suffix.lower() != ".xlsx":
        raise ExportError("not_xlsx", path)
    try:
        if path.is_dir():
            raise ExportError("is_folder", path)
        if not path.parent.is_dir():
            raise ExportError("no_folder", path, folder=path.parent)
    except OSError as exc:  # e.g. a name longer than the file system allows
        raise ExportError("cannot_write", path, reason=exc.strerror or str(exc)) from exc
    return path


class ExportService:
    def __init__(self, database: Database) -> None:
        self.db = database
        self.statistics = StatisticsService(database)
        self.references = ReferenceService(database)

    # -- the workbook --------------------------------------------------------------------------
    def export(
        self,
        path: os.PathLike[str] | str,
        options: ExportOptions | None = None,
        progress: Progress | None = None,
        *,
        messages_lang: str | None = None,
    ) -> ExportResult:
        """Write the workbook; raises ExportError (target unchanged) or Cancelled. Everything
        in it — rows, monthly records, summaries — is read from one snapshot of the database."""
        with self.db.frozen() as snapshot:
            return ExportService(snapshot)._export(path, options, progress, messages_lang=messages_lang)

    def _export(
        self,
        path: os.PathLike[str] | str,
        options: ExportOptions | None,
        progress: Progress | None,
        *,
        messages_lang: str | None,
    ) -> ExportResult:
        started = time.perf_counter()
        options = options or ExportOptions()
        progress = progress or Progress()
        say = _teller(progress, messages_lang or options.lang)
        target = check_target(path)
        f = None if options.filter is None or options.filter.is_empty() else options.filter
        layout = Layout(options.lang, options.unit)
        filters = tuple(f.describe(options.lang)) if f else ()
        demo = self.statistics.is_demo()
        summary_data = self._summary_data(f, options, filters, demo) if options.summaries else None
        fields = export_columns(options.columns)
        try:
            with scratch_folder() as scratch, atomic_target(target) as tmp:
                book = ExportWorkbook(tmp, layout, tmpdir=scratch)
                book.header_footer = "&L" + _header_escape(title_of(demo, options.lang)) + "&R&A"
                try:
                    result = self._write(book, f, fields, options, summary_data, demo, filters, say)
                    say(result[0] + result[1], None, "saving")
                    book.close()
                    # Compressing cannot be interrupted; a cancel asked for meanwhile still wins:
                    # the finished temporary file is deleted instead of renamed.
                    progress.check()
                except BaseException:
                    book.discard()
                    raise
        except PermissionError as exc:
            raise ExportError("in_use", target) from exc
        except OSError as exc:
            raise write_error(exc, target) from exc
        projects, records, sheets, fields = result
        return ExportResult(
            target, projects, records, sheets, tuple(fields), demo, time.perf_counter() - started, filters
        )

    def _write(self, book, f, fields, options, summary_data, demo, filters, say):
        with self.db.session() as s:
            n_projects = ProjectRepository(s).count(f)
            unused = {*FIGURE_EXPORT_FIELDS, "credit_code"} - figure_fields_used(s, f)
            fields = [k for k in fields if k not in unused]  # no column that every row leaves empty
            # 年度计划投资: a column per year some exported project has a plan for, after planned investment
            # (all columns; a table's visible columns alone are what it shows)
            wanted = "planned_investment" in fields and options.columns is None
            years, plans = annual_plans(s, f) if wanted else ((), {})
            at = fields.index("planned_investment") + 1 if years else 0
            fields[at:at] = [plan_field(y) for y in years]
            n_records = count_investment(s, f) if options.monthly else 0
            total = n_projects + n_records + max(1, (n_projects + n_records) // 5)
            if n_projects + n_records > 2_000_000:
                book.wb.use_zip64()  # a sheet's XML may pass the 4 GB of a plain zip entry
            say(0, total, "projects", {"done": 0, "total": n_projects})
            overview = OverviewSheet(book)
            index = {name: i for i, name in enumerate(PROJECT_VALUE_FIELDS)}
            index.update({plan_field(y): len(PROJECT_VALUE_FIELDS) + k for k, y in enumerate(years)})
            no_plan = [None] * len(years)
            freeze = 2 if fields[:2] == ["code", "name"] else (1 if fields[0] in ("code", "name") else 0)
            projects = DataTable(book, "projects", [(k, index[k]) for k in fields], n_projects, freeze)
            monthly = MonthlyTable(book, n_records, spans=has_spans(s, f)) if options.monthly else None
            summaries = SummarySheets(book) if summary_data is not None else None
            keys: dict[int, tuple] = {}
            i_code, i_name, i_district = index["code"], index["name"], index["district"]
            done = 0
            for batch in iter_project_values(s, f):
                if years:  # a project's plans after its values, where the plan columns read them
                    batch = [(*v, *plans.get(v[0], no_plan)) for v in batch]
                projects.write_rows(batch)
                if monthly is not None:
                    for v in batch:
                        keys[v[0]] = (v[i_code], v[i_name], v[i_district])
                done += len(batch)
                say(done, total, "projects", {"done": done, "total": n_projects})
            projects.finish()
            records = 0
            if monthly is not None:
                for batch in iter_investment(s, f):
                    records += monthly.write_records(batch, keys)
                    say(done + records, total, "monthly", {"done": records, "total": n_records})
                monthly.finish()
        if summaries is not None and summary_data is not None:
            say(done + records, total, "summaries")
            summaries.write(summary_data)
        sheets = tuple(ws.get_name() for ws in book.wb.worksheets())
        roles = ["overview", "projects", "monthly", "by_status", "by_sector", "by_district", "completed"]
        info = ExportInfo(
            generated_at=datetime.now().replace(microsecond=0),
            source=source_name(self.db),
            filters=filters,
            columns=len(fields),
            all_columns=len(EXPORT_PROJECT_FIELDS) + len(years),
            projects=done,
            investment_records=records if monthly is not None else None,
            summary=summary_data.summary if summary_data is not None else None,
            is_demo=demo,
            sheets=tuple((r, sheet_name(r, options.lang)) for r in roles if sheet_name(r, options.lang) in sheets),
            version=__version__,
        )
        overview.write(info)
        set_properties(book, info)
        return done, records, sheets, fields

    def _summary_data(
        self, f: ProjectFilter | None, options: ExportOptions, filters: tuple[str, ...], demo: bool
    ) -> SummaryData:
        summary = self.statistics.summary(None, None, f)
        year = summary.completed.year
        cube = self.statistics.investment_cube((year - 1, year), f)
        chains = {s.name: s.parent for s in self.references.sectors()}
        return SummaryData(
            summary=summary,
            chains=chains,
            months=month_figures(cube, year, summary.completed.through_month),
            filters=filters,
            is_demo=demo,
        )

    # -- the import template -------------------------------------------------------------------
    def save_template(self, path: os.PathLike[str] | str, lang: str = "en", unit: Unit = Unit.WAN) -> Path:
        """The import template with this database's sectors and districts in its drop-downs."""
        target = check_target(path)
        sectors = sorted(self.references.sectors(), key=lambda s: (s.parent or s.name, s.parent is not None, s.name))
        lists = TemplateLists(
            sectors=[s.name for s in sectors],
            districts=[d.name for d in self.references.districts()],
        )
        try:
            with atomic_target(target) as tmp:
                write_template(tmp, lang, unit, lists)
        except PermissionError as exc:
            raise ExportError("in_use", target) from exc
        except OSError as exc:
            raise write_error(exc, target) from exc
        return target


def source_name(database: Database) -> str:
    """The database as a workbook names it: a SQLite file's name, a server database's name —
    never a local folder, user or host, since exports travel to other offices."""
    path = database.sqlite_path
    if path is not None:
        return path.name
    return database.display_name.rsplit("/", 1)[-1].split("?", 1)[0] or "database"


def _teller(progress: Progress, lang: str):
    """``say(done, total, key, params)``: the export's step, worded in ``lang`` — or in the language
    the progress is shown in, switched while the export runs."""

    def say(done: int, total: int | None, key: str, params: dict[str, object] | None = None) -> None:
        progress.say(done, total, lambda in_lang: PROGRESS.say(key, in_lang, **(params or {})), lang)

    return say


def _header_escape(text: str) -> str:
    return text.replace("&", "&&")

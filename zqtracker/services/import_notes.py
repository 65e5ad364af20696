"""What an import noticed and did about it, said in sentences (coded, worded by domain.messages).

A CSV file with a workbook's name, a remembered mapping, hidden, unknown or contradicted columns, a district or stage
taken from the title or the sheet name, section and group rows, totals, notes, a template's example row, continuation
rows, key-project marks, converted land areas, projects repeated on several sheets, near names, unknown status words,
older reports, months corrected under later ones: the CLI prints these, the dialog shows them. Nothing silent.
"""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.domain.money import Unit
from zqtracker.domain.status import EveryStatus, Status
from zqtracker.io.dates import DMY, order_note
from zqtracker.io.evidence import DATES
from zqtracker.io.layout import SheetLayout
from zqtracker.io.period_file import file_period_note
from zqtracker.io.plan import SheetPlan
from zqtracker.io.plan_shadow import shadowed
from zqtracker.io.row_ranges import runs, runs_text
from zqtracker.io.values import is_empty
from zqtracker.services.import_area_notes import cell_area_notes
from zqtracker.services.import_book_notes import book_notes
from zqtracker.services.import_changes import status_back
from zqtracker.services.import_code_change import code_change_notes
from zqtracker.services.import_figures import money_text
from zqtracker.services.import_growth import growth_notes
from zqtracker.services.import_last_year import last_year_notes
from zqtracker.services.import_model import VIEW, ImportAnalysis, SheetAnalysis, described
from zqtracker.services.import_note_words import (
    AREA_UNITS,
    HINT_SOURCES,
    IGNORED_REASONS,
    Said,
    currency_name,
)
from zqtracker.services.import_older import older_notes
from zqtracker.services.import_refusals import aggregate_note
from zqtracker.services.import_shifts import shift_notes
from zqtracker.services.import_since_above import since_above_planned_notes, ytd_above_planned_notes
from zqtracker.services.import_stage_behind import behind_notes
from zqtracker.services.import_status_evidence import inferred_notes
from zqtracker.services.import_total_notes import total_notes
from zqtracker.services.import_unreadable import skipped_note


def rated_columns(sa: SheetAnalysis, rates: dict) -> dict[int, str]:
    """The money columns converted to yuan at one of the user's rates: column index → the rate."""
    out = {}
    for c in sa.layout.mapped():
        currency = c.currency or (sa.layout.unit_currency if c.unit is None else None)
        if c.is_money and currency:
            rate = rates.get(currency) or (rates.get("USD") if currency == "USD?" else None)
            if rate is not None:
                out[c.index] = str(rate)
    return out


def notes_of(
    analysis: ImportAnalysis, lang: str, unit: Unit | None, rates: dict | None = None, date_order: str | None = None
) -> list[Problem]:
    """What the import noticed and did about it, in sentences: nothing is assumed silently (slash
    dates that read either way are said unless the user said how to read them: ``date_order``)."""
    rates = rates or {}
    notes: list[Problem] = []
    if analysis.context is not None and (gone := analysis.context.replaced) and gone["projects"]:  # mode replace
        notes.append(Problem("note_replaces", None, gone))  # what it removes first
    notes.extend(book_notes(analysis.book))  # CSV with a workbook's name, a web page, Big5
    for sa in analysis.sheets:
        if not sa.selected or sa.plan is None:
            if sa.layout.aggregate and sa.reason == "not_recognized":
                notes.append(aggregate_note(sa.layout))
            elif sa.reason:
                notes.append(skipped_note(sa))  # one that could not be read: by its own refusal
            continue
        if sa.remembered:
            notes.append(Problem("note_remembered", None, {"sheet": sa.name}))
        if sa.plan.converted_rows:
            done = sa.plan.converted_rows
            rows = ", ".join(f"{r} {code} × {rate}" for r, code, rate in done[:8]) + (" …" if len(done) > 8 else "")
            notes.append(Problem("note_rows_converted", None, {"sheet": sa.name, "count": len(done), "rows": rows}))
        if sa.raw.simplified:
            count, examples = sa.raw.simplified
            pairs = [f"{text} → {read}" for text, read in examples] + (["…"] if count > len(examples) else [])
            shown = ("；" if lang == "zh" else "; ").join(pairs)
            notes.append(Problem("note_simplified", None, {"sheet": sa.name, "count": count, "examples": shown}))
        notes.extend(_columns(sa.name, sa.layout, lang, rated_columns(sa, rates)))
        notes.extend(_slash_orders(sa, sa.plan) if date_order is None else [])
        notes.extend(cell_area_notes(sa, sa.plan))  # 用地面积 of cells "2公顷", "20000平方米"
        notes.extend(_rows(sa, sa.plan, lang, analysis.skip_invalid))
        if unit is not None and any(
            c.is_money and c.unit is None and sa.layout.unit_line is None for c in sa.layout.mapped()
        ):
            notes.append(Problem("note_unit_from_user", None, {"sheet": sa.name, "unit": unit.label(lang)}))
    notes.extend(_views(analysis))
    for written, district in analysis.aliases.items():
        notes.append(Problem("note_alias", None, {"written": written, "district": district}))
    notes.extend(_candidates(analysis))
    notes.extend(code_change_notes(analysis))  # a row linked to a project whose code it changes
    notes.extend(_spellings(analysis))
    notes.extend(status_back(analysis))  # 在建 → 前期, said
    if analysis.rounded:
        shown = "; ".join(f"“{sheet}” {row}" for sheet, row, *_rest in analysis.rounded[:12])
        notes.append(Problem("note_rounded", None, {"count": len(analysis.rounded), "rows": shown}))
    if analysis.unreported:
        notes.append(
            Problem(
                "note_ytd_unreported",
                None,
                {"count": len(analysis.unreported), "rows": _unreported(analysis.unreported, lang)},
            )
        )
    notes.extend([*older_notes(analysis), *shift_notes(analysis, lang)])  # late reports, corrected months
    notes.extend([*ytd_above_planned_notes(analysis, lang), *since_above_planned_notes(analysis, lang)])
    notes.extend(last_year_notes(analysis, lang))  # 去年1-10月累计: what is written for last year, what kept
    notes.extend(growth_notes(analysis, lang))  # a 同比增长% the years to date beside it do not give
    notes.extend([*inferred_notes(analysis, lang), *behind_notes(analysis, lang)])  # stages rows show
    if analysis.default_status:
        notes.append(Problem("note_default_status", None, {"count": analysis.default_status}))
    return notes


def _slash_orders(sa: SheetAnalysis, plan: SheetPlan) -> list[Problem]:
    """Date columns read month first though no date in them says so (io/dates.order_note)."""
    notes = []
    for c in sa.layout.mapped():
        if c.field in DATES and c.date_order != DMY and (j := c.index - sa.raw.col_offset) >= 0:
            cells = [r[j] for r in map(sa.raw.rows.__getitem__, plan.data_rows) if j < len(r)]
            slashed = [v for v in cells if v.__class__ is str and ("/" in v or "／" in v)]  # (slash_numbers' test)
            note = order_note(sa.name, c.letter, c.header, slashed)
            notes.extend([note] if note is not None else [])
    return notes


def _unreported(found: list[tuple[str, int, int, tuple[int, ...]]], lang: str) -> str:
    """“10月” 4: 2025 1–8月; … — the first twelve rows, the months of each as spans."""
    from zqtracker.domain.cumulative import MonthSpan

    shown = []
    for sheet, row, year, months in found[:12]:
        runs: list[list[int]] = []
        for m in months:
            if runs and runs[-1][-1] == m - 1:
                runs[-1].append(m)
            else:
                runs.append([m])
        spans = ", ".join(MonthSpan(year, r[0], r[-1]).label(lang, with_year=True) for r in runs)
        shown.append(f"“{sheet}” {row}: {spans}")
    return "; ".join(shown)


_MAX_COLUMN_NOTES = 40  # a sheet of 100,000 columns is one sentence more, not 100,000


def _columns(sheet: str, layout: SheetLayout, lang: str, rated: dict[int, str]) -> list[Problem]:
    notes: list[Problem] = []
    checked = shadowed(layout)
    for n, c in enumerate(layout.columns):
        if len(notes) >= _MAX_COLUMN_NOTES:
            left = len(layout.columns) - n
            notes.append(Problem("note_more_columns", None, {"sheet": sheet, "count": left, "column": c.letter}))
            break
        params = {"sheet": sheet, "column": c.letter, "header": c.header}
        if c.note.startswith("hidden") or (c.hidden and c.month is not None):  # (a month's column hidden too)
            notes.append(Problem("note_hidden_column", None, params))
        elif c.field and c.field.startswith("ignore:"):
            what = c.field.split(":", 1)[1]
            notes.append(
                Problem(
                    "note_ignored_column",
                    None,
                    {**params, "what": IGNORED_REASONS.say(what, lang) if what in IGNORED_REASONS else what},
                )
            )
        elif c.index in checked:
            read = checked[c.index][1]
            other = {"other": read.letter, "other_header": read.header}
            notes.append(Problem("note_checked_column", None, {**params, **other}))
        elif c.note.startswith("duplicate") and c.currency:
            currency = {"currency": currency_name(c.currency, lang), "code": c.currency.rstrip("?")}
            yuan = next((o for o in layout.columns if o.field and o.field == c.note.partition(":")[2]), None)
            if yuan is None:
                notes.append(Problem("note_foreign_column", None, {**params, **currency}))
            else:  # (a rate would not bring it in: the figure is read from the other column)
                other = {"other": yuan.letter, "other_header": yuan.header}
                notes.append(Problem("note_foreign_duplicate", None, {**params, **currency, **other}))
        elif c.note.startswith(("duplicate", "off")):
            what = c.note.split(":", 1)[0]
            notes.append(Problem("note_ignored_column", None, {**params, "what": Said(IGNORED_REASONS, what)}))
        elif c.note.startswith("rejected:"):
            field = c.note.split(":", 1)[1]
            notes.append(Problem("note_rejected_column", field, params))
        elif c.note == "unknown":
            notes.append(Problem("note_unknown_column", None, params))
        if (
            c.is_money
            and c.currency
            and c.field
            and not c.field.startswith("ignore:")
            and c.note == ""
            and c.index in rated
        ):
            code = "note_converted" if c.field == "planned_investment" else "note_converted_figure"
            notes.append(Problem(code, None, {**params, "currency": c.currency, "rate": rated[c.index]}))
        if c.plan_of_year and c.field == "annual_plan":  # 计划投资 beside 总投资 (io/year_plan.py)
            notes.append(Problem("note_plan_of_year", None, {**params, "year": c.year}))
        if c.field == "land_area_mu" and c.area not in (None, "mu"):
            notes.append(
                Problem("note_area_converted", None, {**params, "unit": Said(AREA_UNITS, c.area), "rounded": ""})
            )
    if any(c.field and c.field.endswith(("_no_period", "_no_year")) for c in layout.columns):  # the user can say it
        notes.append(Problem("note_period_how", None, {"sheet": sheet}))
    return notes


def _rows(sa: SheetAnalysis, plan: SheetPlan, lang: str, skip_invalid: bool) -> list[Problem]:
    notes = []
    name = sa.name
    if (plan.default_status and plan.status_from and "status" not in sa.layout.fields()) or (
        plan.default_status and plan.status_from == "user"
    ):
        notes.append(
            Problem(
                "note_status_from",
                None,
                {
                    "sheet": name,
                    "status": Status(plan.default_status),  # worded when shown, as the source
                    "source": Said(HINT_SOURCES, plan.status_from),
                },
            )
        )
    blocks = any(n.code == "note_district_blocks" for n in plan.notes)  # (each table titled: a note of its own)
    if plan.default_district and plan.district_from and not blocks and _some_without(sa, plan, "district"):
        notes.append(
            Problem(
                "note_district_from",
                None,
                {
                    "sheet": name,
                    "district": plan.default_district,
                    "source": Said(HINT_SOURCES, plan.district_from),
                },
            )
        )
    if plan.default_sector:
        notes.append(Problem("note_sector_from_user", None, {"sheet": name, "sector": plan.default_sector}))
    if plan.example_rows:
        notes.append(Problem("note_example_rows", None, {"sheet": name, "rows": _rows_text(plan.example_rows)}))
    if plan.sections:
        shown = "、".join(dict.fromkeys(plan.sections))
        notes.append(Problem("note_sections", None, {"sheet": name, "count": len(plan.sections), "names": shown[:80]}))
    if plan.groups:
        notes.append(Problem("note_groups", None, {"sheet": name, "names": "、".join(dict.fromkeys(plan.groups))[:80]}))
    if plan.totals:
        notes.append(Problem("note_totals", None, {"sheet": name, "count": plan.totals}))
    notes.extend(total_notes(sa.name, plan, lang, skip_invalid))  # its 合计 row (services/import_total_notes.py)
    if plan.continuations:
        notes.append(
            Problem(
                "note_continuations",
                None,
                {"sheet": name, "count": len(plan.continuations), "rows": _rows_text(plan.continuations)},
            )
        )
    if plan.parts:
        notes.append(
            Problem("note_parts", None, {"sheet": name, "count": len(plan.parts), "rows": _rows_text(plan.parts)})
        )
    for info in plan.foreign:
        currency = info.currency or sa.layout.unit_currency
        where = {"sheet": name, "column": info.letter, "header": info.header}
        if currency is None:
            notes.append(Problem("note_unitless_english", None, where))
        else:
            named = {"currency": currency_name(currency, lang), "code": currency.rstrip("?")}
            notes.append(Problem("note_foreign_column", None, {**where, **named}))
    if plan.hidden:
        code = {"skip": "note_hidden_rows_skipped", "import": "note_hidden_rows_imported"}.get(
            plan.hidden_answer or "", "note_hidden_rows_asked"
        )
        notes.append(Problem(code, None, {"sheet": name, "count": len(plan.hidden), "rows": runs_text(plan.hidden)}))
    if plan.struck:
        code = {"skip": "note_struck_rows_skipped", "import": "note_struck_rows_imported"}.get(
            plan.struck_answer or "", "note_struck_rows_asked"
        )
        notes.append(Problem(code, None, {"sheet": name, "count": len(plan.struck), "rows": runs_text(plan.struck)}))
    if plan.marked:
        notes.append(Problem("note_marks", None, {"sheet": name, "count": plan.marked}))
    if plan.notes_from:
        notes.append(Problem("note_notes_from", None, {"sheet": name, "row": plan.notes_from}))
    if sa.layout.period_said and (plan.ytd or plan.months or plan.since_start_as_of):
        year, month = sa.layout.period
        notes.append(Problem("note_period_said", None, {"sheet": name, "period": f"{year}-{month:02d}"}))
    notes += file_period_note(sa.layout, plan)  # the period read from the file's name
    if plan.second_table:
        notes.append(Problem("note_second_table", None, {"sheet": name, "row": plan.second_table}))
    if plan.unknown_statuses:
        column = next((c for c in sa.layout.mapped() if c.field == "status"), None)
        words = "、".join(f"“{w}” ({len(ks)})" for w, ks in plan.unknown_statuses.items())
        statuses = EveryStatus()  # worded in the note's language
        notes.append(
            Problem(
                "note_unknown_statuses",
                None,
                {"sheet": name, "column": column.letter if column else "", "words": words, "statuses": statuses},
            )
        )
    notes.extend(plan.notes)  # what io/plan.py said of the sheet: a unit from the title, rows without an amount
    return notes


def _views(analysis: ImportAnalysis) -> list[Problem]:
    """Projects repeated on other sheets, and projects given on a row per month of one sheet."""
    notes = []
    viewing = [sa for sa in analysis.selected if VIEW in sa.status]
    across = [sa for sa in viewing if len(sa.month_rows) < len(sa.views)]
    for sa in viewing:
        if sa.month_rows and sa.plan is not None:
            rows = runs_text([sa.plan.row_numbers[k] for k in sorted(sa.month_rows)])
            count = len(set(sa.month_rows.values()))
            notes.append(Problem("note_row_per_month", None, {"sheet": sa.name, "count": count, "rows": rows}))
    if across:
        count = len({first for sa in across for k, first in sa.views.items() if k not in sa.month_rows})
        notes.append(Problem("note_views", None, {"count": count, "sheets": "、".join(s.name for s in across)}))
    return notes


def hidden_of(analysis: ImportAnalysis, struck: bool = False) -> list[dict]:
    """The ``--json`` list of data rows hidden in the sheet (``struck``: struck through, io/struck_rows.py):
    per sheet its rows as [first, last] runs, how many, and whether they were imported (None: not answered)."""
    out = []
    for sa in analysis.selected:
        plan = sa.plan
        if plan is None:
            continue
        rows, answer = (plan.struck, plan.struck_answer) if struck else (plan.hidden, plan.hidden_answer)
        if rows:
            imported = None if answer is None else answer == "import"
            out.append({"sheet": sa.name, "rows": runs(rows), "count": len(rows), "imported": imported})
    return out


def _candidates(analysis: ImportAnalysis) -> list[Problem]:
    ctx = analysis.context
    notes: list[Problem] = []
    if ctx is None or ctx.matcher is None:
        return notes
    for sa in analysis.selected:
        names = sa.plan.column("name")  # type: ignore[union-attr]
        for k, pids in list(sa.candidates.items())[:50]:
            if k in sa.plan.problems:  # type: ignore[union-attr]
                continue  # asked as a problem of its row (near_name)
            others = described(ctx, pids)
            notes.append(
                Problem(
                    "note_candidates",
                    None,
                    {
                        "sheet": sa.name,
                        "row": sa.plan.row_numbers[k],  # type: ignore[union-attr]
                        "name": names[k],
                        "others": others,
                    },
                )
            )
    return notes


def _spellings(analysis: ImportAnalysis) -> list[Problem]:
    """Rows matched by a code that lost its leading zeros ("12" for the stored "0012"), per sheet."""
    notes = []
    for sa in analysis.selected:
        found = [(sa.plan.row_numbers[k], m.spelled) for k, m in enumerate(sa.matches or []) if m.spelled]  # type: ignore[union-attr]
        if found:
            rows = ", ".join(f"{r} → {c}" for r, c in found[:8]) + (" …" if len(found) > 8 else "")
            notes.append(Problem("note_code_zeros", None, {"sheet": sa.name, "count": len(found), "rows": rows}))
    return notes


def _some_without(sa: SheetAnalysis, plan: SheetPlan, field: str) -> bool:
    """Whether a data row left ``field``'s column empty (no column: every row), so that a default filled it."""
    info = next((c for c in sa.layout.mapped() if c.field == field), None)
    if info is None:
        return True
    j, rows = info.index - sa.raw.col_offset, sa.raw.rows
    return any(j >= len(rows[i]) or is_empty(rows[i][j]) for i in plan.data_rows)


def _rows_text(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:12])
    return shown + (" …" if len(rows) > 12 else "")


_amount = money_text  # an amount in the unit the sheet writes it in (services/import_figures.py)

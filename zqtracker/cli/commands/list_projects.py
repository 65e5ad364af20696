"""``zqtracker list``: projects matching filters, as a table or JSON."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from enum import StrEnum

from zqtracker.cli.arguments import h
from zqtracker.cli.common import add_filter_arguments, add_unit_argument, filter_from_args, open_context, unit_of
from zqtracker.cli.console import Console, ExitCode
from zqtracker.domain.filters import ProjectRow
from zqtracker.domain.fuzzy_dates import DatePrecision, FuzzyDate
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.unknown import without_amount_text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help=h("list"))
    add_filter_arguments(p)
    add_unit_argument(p)
    p.add_argument("--limit", type=int, help=h("list.limit"))
    p.add_argument("--json", action="store_true", help=h("output_json"))
    p.set_defaults(func=run)


def json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as a plain JSON number: 60, not "6E+1"; 12.5 (its shortest exact spelling)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def enum_json(member: StrEnum | None) -> str | None:
    """A project type or investor origin as JSON: its value, null when not given."""
    return None if member is None else member.value


def _date(d: date | None, precision: str | None) -> str | None:
    """ISO day, or "2023-10" / "2025-Q2" / "2020" for a date known to a month, quarter or year."""
    if d is None:
        return None
    return d.isoformat() if precision is None else FuzzyDate(d, DatePrecision(precision)).iso()


def figures_json(figures: tuple | None) -> dict:
    """自开工累计 and the planned investment as given in another currency (None when absent)."""
    amount, year, month, foreign = figures if figures is not None else (None, None, None, None)
    return {
        "since_start_yuan": amount,
        "since_start_month": None if amount is None else f"{year:04d}-{month:02d}",
        "planned_original": None
        if foreign is None
        else {"currency": foreign.currency, "amount": json_number(foreign.amount), "rate": json_number(foreign.rate)},
    }


def row_json(r: ProjectRow, figures: tuple | None = None) -> dict:
    return {
        "id": r.id,
        "code": r.code,
        "name": r.name,
        "enterprise": r.enterprise,
        "sector": r.sector,
        "chain": r.sector_parent,
        "district": r.district,
        "status": r.status.value,
        "planned_investment_yuan": r.planned_investment,
        "land_area_mu": json_number(r.land_area_mu),
        "expected_annual_output_yuan": r.expected_annual_output,
        "expected_annual_tax_yuan": r.expected_annual_tax,
        "signed_on": _date(r.signed_on, r.signed_on_precision),
        "construction_start_on": _date(r.construction_start_on, r.construction_start_on_precision),
        "production_on": _date(r.production_on, r.production_on_precision),
        "is_key_project": r.is_key_project,
        "is_billion_yuan": r.is_billion_yuan,
        "project_type": enum_json(r.project_type),
        "investor_origin": enum_json(r.investor_origin),
        "officer": r.officer,
        "missing": list(r.missing),
        "last_activity_on": r.last_activity_on.isoformat() if r.last_activity_on else None,
        **figures_json(figures),
    }


def run(args: argparse.Namespace, console: Console) -> int:
    f = filter_from_args(args)
    ctx = open_context(args, f)
    try:
        rows = ctx.projects.list_rows(None if f.is_empty() else f, limit=args.limit)
        figures = ctx.projects.figures_of() if args.json else {}
        demo = ctx.statistics.is_demo()
    finally:
        ctx.close()
    if args.json:
        console.json({"demo": demo, "count": len(rows), "projects": [row_json(r, figures.get(r.id)) for r in rows]})
        return ExitCode.OK
    unit = unit_of(args)
    lang = console.lang
    if demo:
        console.print(console.say("demo_mark"))
    money = MoneyFormat(unit, lang)
    head = (*console.say("list.headers").split("|"), money.header(console.say("list.planned")))
    console.print("\t".join(head))
    total = without = 0
    for r in rows:
        if r.planned_investment is None:
            without += 1
        else:
            total += r.planned_investment
        console.print(
            "\t".join(
                (
                    r.code or "",
                    r.name,
                    r.district or "",
                    r.sector or "",
                    r.status.label(lang),
                    money.number(r.planned_investment),
                )
            )
        )
    amount = money.text(total)
    console.print(console.say("list.total", count=len(rows), amount=amount, lacking=without_amount_text(without, lang)))
    return ExitCode.OK
